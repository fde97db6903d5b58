import { randomUUID } from 'node:crypto';
import { readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { decodeYDoc, encodeYDoc, readYDoc } from '../../../shared/ydoc/yDocument.ts';
import {
  encodeJournalRecord,
  JOURNAL_HEADER_BYTES,
  parseJournal,
  RecordKind,
} from './journalFormat.ts';
import { JournalError, JournalStore, type JournalStoreOptions } from './journalStore.ts';
import { createTempDir, removeTempDir } from '../testing/tempDir.ts';
import { createTemplateYDoc, typeInTitle } from '../testing/yjsDocuments.ts';

let dir: string;
let reported: { message: string; error: unknown }[];

beforeEach(async () => {
  dir = await createTempDir('journal-');
  reported = [];
});

afterEach(async () => {
  await removeTempDir(dir);
});

function createStore(options: JournalStoreOptions = {}): JournalStore {
  return new JournalStore(dir, {
    reportError: (message, error) => reported.push({ message, error }),
    ...options,
  });
}

/** A clock that starts far in the future and ticks a second per call: ordering by it is sure. */
function createClock(): () => Date {
  let tick = 0;
  return () => new Date(Date.UTC(2100, 0, 1) + 1000 * tick++);
}

/** The document a state holds, as JSON, checked against the schema. */
function documentOf(state: Uint8Array): unknown {
  const ydoc = decodeYDoc(state);
  try {
    return readYDoc(ydoc).toJSON();
  } finally {
    ydoc.destroy();
  }
}

function titleOf(state: Uint8Array): string {
  const ydoc = decodeYDoc(state);
  try {
    return readYDoc(ydoc).firstChild!.textContent;
  } finally {
    ydoc.destroy();
  }
}

const journalFile = (id: string) => path.join(dir, `${id}.journal`);
const sidecarFile = (id: string) => path.join(dir, `${id}.json`);

async function readRecords(id: string) {
  return parseJournal(new Uint8Array(await readFile(journalFile(id)))).records;
}

async function caught(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  if (!(error instanceof Error) || error.message === 'expected a rejection') throw error;
  return error;
}

/** A document with a reset journal, and the helper that types into it and appends the edit. */
async function startDocument(store: JournalStore, id = randomUUID()) {
  const ydoc = createTemplateYDoc();
  await store.reset(id, encodeYDoc(ydoc), { path: null, title: '' });
  const type = (text: string) => store.append(id, typeInTitle(ydoc, text));
  return { id, ydoc, type };
}

describe('JournalStore: reset, append, recover', () => {
  it('recovers exactly the document that was edited', async () => {
    const store = createStore();
    const { id, ydoc, type } = await startDocument(store);
    for (const word of ['Inzet ', 'richting ', 'nieuw ', 'kabinet']) await type(word);
    const recovered = await createStore().recover(id);
    expect(recovered.documentId).toBe(id);
    expect(documentOf(recovered.state)).toEqual(readYDoc(ydoc).toJSON());
    expect(titleOf(recovered.state)).toBe('Inzet richting nieuw kabinet');
    // The title is the document's own; the journal keeps its records.
    expect(recovered.title).toBe('Inzet richting nieuw kabinet');
    expect(recovered.path).toBeNull();
    expect(await readRecords(id)).toHaveLength(5);
  });

  it('writes a clean full-state record on reset and an update record per append', async () => {
    const store = createStore();
    const { id, type } = await startDocument(store);
    let records = await readRecords(id);
    expect(records.map((record) => record.kind)).toEqual([RecordKind.state]);
    expect(await type('a')).toEqual({ records: 2 });
    expect(await type('b')).toEqual({ records: 3 });
    records = await readRecords(id);
    expect(records.map((record) => record.kind)).toEqual([
      RecordKind.state,
      RecordKind.update,
      RecordKind.update,
    ]);
    const bytes = new Uint8Array(await readFile(journalFile(id)));
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('RSJ1');
  });

  it('starts again from the full state on the next reset', async () => {
    const store = createStore();
    const { id, ydoc, type } = await startDocument(store);
    await type('Eerste');
    await store.reset(id, encodeYDoc(ydoc));
    expect((await readRecords(id)).map((record) => record.kind)).toEqual([RecordKind.state]);
    expect(await store.listRecoverable()).toEqual([]);
    await type(' tweede');
    expect(titleOf((await store.recover(id)).state)).toBe('Eerste tweede');
  });

  it('refuses appends and recovery without a journal, and ids that are no UUID', async () => {
    const store = createStore();
    const update = typeInTitle(createTemplateYDoc(), 'x');
    const id = randomUUID();
    const append = await caught(store.append(id, update));
    expect(append).toBeInstanceOf(JournalError);
    expect((append as JournalError).code).toBe('not_found');
    const recover = await caught(store.recover(id));
    expect((recover as JournalError).code).toBe('not_found');
    expect(await readdir(dir)).toEqual([]);
    for (const bad of ['../../etc/passwd', id.toUpperCase(), '', 'x']) {
      await expect(store.append(bad, update)).rejects.toBeInstanceOf(RangeError);
      await expect(store.reset(bad, update)).rejects.toBeInstanceOf(RangeError);
    }
  });

  it('keeps concurrent appends of one document in the order they were made', async () => {
    const store = createStore();
    const { id, ydoc } = await startDocument(store);
    const updates = Array.from({ length: 60 }, (_, i) => typeInTitle(ydoc, `${i} `));
    // Sent at once, as the renderer may: each waits for the one before it.
    const answers = await Promise.all(updates.map((update) => store.append(id, update)));
    expect(answers.map((answer) => answer.records)).toEqual(updates.map((_, i) => i + 2));
    const records = await readRecords(id);
    expect(records.slice(1).map((record) => [...record.payload])).toEqual(
      updates.map((update) => [...update]),
    );
    expect(documentOf((await store.recover(id)).state)).toEqual(readYDoc(ydoc).toJSON());
  });

  it('keeps documents apart', async () => {
    const store = createStore();
    const a = await startDocument(store);
    const b = await startDocument(store);
    await Promise.all([a.type('Alfa'), b.type('Bravo'), a.type(' twee'), b.type(' twee')]);
    expect(titleOf((await store.recover(a.id)).state)).toBe('Alfa twee');
    expect(titleOf((await store.recover(b.id)).state)).toBe('Bravo twee');
  });
});

describe('JournalStore: torn and damaged records', () => {
  it('recovers what came before a torn last record, at every cut, and appends after it', async () => {
    const store = createStore();
    const { id, ydoc, type } = await startDocument(store);
    await type('Een ');
    await type('twee ');
    const before = readYDoc(ydoc).toJSON();
    const lastUpdate = typeInTitle(ydoc, 'drie');
    await store.append(id, lastUpdate);
    const after = readYDoc(ydoc).toJSON();
    const whole = new Uint8Array(await readFile(journalFile(id)));
    const lastStart = whole.byteLength - encodeJournalRecord(RecordKind.update, lastUpdate).length;

    for (let cut = lastStart; cut < whole.byteLength; cut++) {
      await writeFile(journalFile(id), whole.subarray(0, cut));
      // A new store, as after a restart: nothing is known but the file.
      const restarted = createStore();
      const recovered = await restarted.recover(id);
      expect(documentOf(recovered.state), `cut at ${cut}`).toEqual(before);
      expect((await restarted.listRecoverable()).map((entry) => entry.documentId)).toEqual([id]);

      // The torn tail is cut off first, so the appended record is whole and read.
      expect(await restarted.append(id, lastUpdate)).toEqual({ records: 4 });
      expect((await readFile(journalFile(id))).byteLength, `cut at ${cut}`).toBe(whole.byteLength);
      expect(documentOf((await createStore().recover(id)).state)).toEqual(after);
    }
  });

  it('stops at a record with a bad checksum and uses everything before it', async () => {
    const store = createStore();
    const { id, ydoc, type } = await startDocument(store);
    await type('Een ');
    const afterFirst = readYDoc(ydoc).toJSON();
    await type('twee ');
    await type('drie ');
    const bytes = new Uint8Array(await readFile(journalFile(id)));
    const records = parseJournal(bytes).records;
    // Flip one bit in the payload of the second update (the third record).
    const payloadOffset =
      records[2]!.payload.byteOffset -
      bytes.byteOffset +
      Math.floor(records[2]!.payload.length / 2);
    bytes[payloadOffset]! ^= 0x10;
    await writeFile(journalFile(id), bytes);

    const restarted = createStore();
    expect(documentOf((await restarted.recover(id)).state)).toEqual(afterFirst);
    expect(await restarted.listRecoverable()).toHaveLength(1);

    // The damaged record and what follows it are cut off before the next append.
    const validLength = records[2]!.payload.byteOffset - bytes.byteOffset - 5;
    const next = typeInTitle(createTemplateYDoc(), 'los');
    await restarted.append(id, next);
    const now = await readRecords(id);
    expect(now.map((record) => record.kind)).toEqual([
      RecordKind.state,
      RecordKind.update,
      RecordKind.update,
    ]);
    expect([...now[2]!.payload]).toEqual([...next]);
    expect((await readFile(journalFile(id))).byteLength).toBe(
      validLength + encodeJournalRecord(RecordKind.update, next).length,
    );
    expect(reported.some((report) => report.message.includes('beschadigd'))).toBe(true);
  });

  it('treats a journal without a readable first record as no journal', async () => {
    const store = createStore();
    const { id } = await startDocument(store);
    await writeFile(journalFile(id), 'RSJ1\0\0\0\0rommel');
    const update = typeInTitle(createTemplateYDoc(), 'x');
    const restarted = createStore();
    expect(((await caught(restarted.append(id, update))) as JournalError).code).toBe('not_found');
    expect(((await caught(restarted.recover(id))) as JournalError).code).toBe('damaged');
    await writeFile(journalFile(id), 'geen journaal');
    expect(((await caught(createStore().append(id, update))) as JournalError).code).toBe(
      'not_found',
    );
    expect(reported.length).toBeGreaterThan(0);
  });

  it('skips a record that is no Yjs update when recovering', async () => {
    const store = createStore();
    const { id, ydoc, type } = await startDocument(store);
    await type('Goed');
    // Written behind the store's back: a whole record whose payload is no update.
    const { appendDurable } = await import('../files/appendFileDurable.ts');
    await appendDurable(
      journalFile(id),
      encodeJournalRecord(RecordKind.update, Uint8Array.from([255, 255, 255, 255, 1, 2, 3])),
    );
    const recovered = await createStore().recover(id);
    expect(documentOf(recovered.state)).toEqual(readYDoc(ydoc).toJSON());
    expect(reported.some((report) => report.message.includes('overgeslagen'))).toBe(true);
  });
});

describe('JournalStore: compaction', () => {
  it('compacts more than maxRecords records into one dirty record holding the same state', async () => {
    const store = createStore({ maxRecords: 10 });
    const { id, ydoc, type } = await startDocument(store);
    const counts: number[] = [];
    for (let i = 0; i < 25; i++) counts.push((await type(`${i},`)).records);
    // 1 reset + 10 updates = 11 records > 10: compacted to 1; and again 10 appends later.
    expect(counts).toEqual([
      2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 2, 3, 4, 5, 6,
    ]);
    const records = await readRecords(id);
    expect(records[0]!.kind).toBe(RecordKind.compacted);
    expect(records).toHaveLength(6);
    expect(documentOf((await createStore().recover(id)).state)).toEqual(readYDoc(ydoc).toJSON());
    // Compacted, the journal still holds unsaved edits (as a restarted editor sees it).
    expect((await createStore().listRecoverable()).map((entry) => entry.documentId)).toEqual([id]);
    // Until the next reset.
    await store.reset(id, encodeYDoc(ydoc));
    expect(await createStore().listRecoverable()).toEqual([]);
  });

  it('compacts a journal grown past maxBytes and twice its base', async () => {
    const store = createStore({ maxBytes: 4000 });
    const { id, ydoc, type } = await startDocument(store);
    const base = (await readFile(journalFile(id))).byteLength;
    let compactions = 0;
    for (let i = 0; i < 60; i++) {
      if ((await type(`woord${i} `.repeat(8))).records === 1) compactions++;
    }
    expect(compactions).toBeGreaterThan(0);
    const size = (await readFile(journalFile(id))).byteLength;
    expect(size).toBeLessThanOrEqual(Math.max(4000, 2 * base) + 2000);
    expect(documentOf((await createStore().recover(id)).state)).toEqual(readYDoc(ydoc).toJSON());
  });

  it('leaves no temporary files behind', async () => {
    const store = createStore({ maxRecords: 3 });
    const { type } = await startDocument(store);
    for (let i = 0; i < 10; i++) await type('x');
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('JournalStore: the recovery list', () => {
  it('lists dirty journals only, newest first, with title, path and time', async () => {
    const store = createStore({ now: createClock() });
    const clean = await startDocument(store);
    const first = await startDocument(store);
    const second = await startDocument(store);
    await first.type('Eerste');
    await second.type('Tweede');
    await store.append(first.id, typeInTitle(first.ydoc, ' stuk'), {
      title: 'Eerste stuk',
      path: '/tmp/documenten/eerste.resolutie',
    });
    await second.type(' stuk');

    const list = await createStore().listRecoverable();
    expect(list.map((entry) => entry.documentId)).toEqual([first.id, second.id]);
    expect(list[0]).toEqual({
      documentId: first.id,
      title: 'Eerste stuk',
      path: '/tmp/documenten/eerste.resolutie',
      session: null,
      changedAt: expect.stringMatching(/^2100-01-01T00:00:\d\d\.000Z$/),
    });
    expect(list[1]).toMatchObject({ title: '', path: null });
    expect(list.map((entry) => entry.documentId)).not.toContain(clean.id);
  });

  it('keeps title and path from the reset until an append changes them', async () => {
    const store = createStore();
    const id = randomUUID();
    const ydoc = createTemplateYDoc();
    await store.reset(id, encodeYDoc(ydoc), { title: 'Motie', path: '/m/motie.resolutie' });
    await store.append(id, typeInTitle(ydoc, 'x'));
    expect(await createStore().listRecoverable()).toMatchObject([
      { title: 'Motie', path: '/m/motie.resolutie' },
    ]);
    await store.append(id, typeInTitle(ydoc, 'y'), { path: null });
    expect(await createStore().listRecoverable()).toMatchObject([{ title: 'Motie', path: null }]);
    const sidecar = JSON.parse(await readFile(sidecarFile(id), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(sidecar).sort()).toEqual([
      'changedAt',
      'createdAt',
      'documentId',
      'path',
      'session',
      'title',
    ]);
  });

  it('keeps the invitation of the session a document is in, for rejoining after a crash', async () => {
    const store = createStore();
    const { id, ydoc } = await startDocument(store);
    const invitation = 'resolutie://sessie/abc?server=ws%3A%2F%2F10.0.0.2%3A4791&rol=redacteur';
    await store.append(id, typeInTitle(ydoc, 'x'), { session: invitation });
    await store.append(id, typeInTitle(ydoc, 'y'));
    expect(await createStore().listRecoverable()).toMatchObject([{ session: invitation }]);
    expect((await createStore().recover(id)).session).toBe(invitation);
    await store.append(id, typeInTitle(ydoc, 'z'), { session: null });
    expect((await createStore().recover(id)).session).toBeNull();
  });

  it('names an untitled journal after its file', async () => {
    const store = createStore();
    const { id, ydoc } = await startDocument(store);
    await store.append(id, typeInTitle(ydoc, 'x'), {
      path: '/d/Notulen ALV.resolutie',
      title: ' ',
    });
    expect((await createStore().listRecoverable())[0]!.title).toBe('Notulen ALV');
  });

  it('does not offer the journals of documents this process has open (another tab, this window)', async () => {
    const store = createStore();
    const open = await startDocument(store);
    await open.type('Open in een ander tabblad');
    expect(await store.listRecoverable()).toEqual([]);
    // After a restart nothing owns it any more: it is work left behind, and offered.
    const restarted = createStore();
    expect((await restarted.listRecoverable()).map((entry) => entry.documentId)).toEqual([open.id]);
    // Once restored and written to again, it is open once more.
    await restarted.append(open.id, typeInTitle(open.ydoc, '!'));
    expect(await restarted.listRecoverable()).toEqual([]);
  });

  it('skips and reports unreadable journals, and ignores other files', async () => {
    const store = createStore();
    const good = await startDocument(store);
    await good.type('Goed');
    const broken = randomUUID();
    await writeFile(journalFile(broken), 'dit is geen journaal');
    const empty = randomUUID();
    await writeFile(journalFile(empty), '');
    await writeFile(path.join(dir, 'notities.journal'), 'x');
    await writeFile(path.join(dir, `${randomUUID()}.json`), '{}');
    await writeFile(sidecarFile(good.id), '{ kapot');

    const list = await createStore().listRecoverable();
    expect(list.map((entry) => entry.documentId)).toEqual([good.id]);
    expect(list[0]!.title).toBe('');
    const messages = reported.map((report) => report.message).join('\n');
    expect(messages).toContain(broken);
    expect(messages).toContain(empty);
    expect(messages).toContain(good.id);
  });

  it('answers an empty list when the folder does not exist', async () => {
    expect(await new JournalStore(path.join(dir, 'nergens')).listRecoverable()).toEqual([]);
  });
});

describe('JournalStore: discard', () => {
  it('deletes journal and sidecar; after that the document has no journal', async () => {
    const store = createStore();
    const { id, type, ydoc } = await startDocument(store);
    await type('Weg');
    await store.discard(id);
    expect(await readdir(dir)).toEqual([]);
    expect(await store.listRecoverable()).toEqual([]);
    expect(((await caught(store.append(id, typeInTitle(ydoc, 'x')))) as JournalError).code).toBe(
      'not_found',
    );
    // Discarding what is not there is fine.
    await store.discard(id);
    await store.discard(randomUUID());
  });

  it('waits for appends already under way', async () => {
    const store = createStore();
    const { id, ydoc } = await startDocument(store);
    const appending = store.append(id, typeInTitle(ydoc, 'x'));
    const discarding = store.discard(id);
    await appending;
    await discarding;
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('JournalStore: records are checked end to end', () => {
  it('reads a journal cut inside the header as unusable', async () => {
    const store = createStore();
    const { id } = await startDocument(store);
    await truncate(journalFile(id), JOURNAL_HEADER_BYTES - 3);
    expect(((await caught(createStore().recover(id))) as JournalError).code).toBe('damaged');
  });

  it('recovers the same Yjs state that was reset, byte for byte in content', async () => {
    const store = createStore();
    const ydoc: Y.Doc = createTemplateYDoc();
    typeInTitle(ydoc, 'Vaste tekst');
    const id = randomUUID();
    await store.reset(id, encodeYDoc(ydoc));
    const recovered = await store.recover(id);
    expect(recovered.state).toEqual(encodeYDoc(decodeYDoc(encodeYDoc(ydoc))));
  });
});
