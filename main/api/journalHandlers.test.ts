import { randomUUID } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getBase64Length, MAX_STATE_BYTES, MAX_UPDATE_BYTES } from '../../shared/api/limits.ts';
import { decodeYDoc, encodeYDoc, readYDoc } from '../../shared/ydoc/yDocument.ts';
import { decodeBase64, encodeBase64 } from '../../shared/format/base64.ts';
import { createTemplateYDoc, typeInTitle } from '../services/testing/yjsDocuments.ts';
import { value, expectError } from './testing/apiResults.ts';
import { handleRequest } from './handlers.ts';
import { createTestContext, type TestContext } from './testing/testContext.ts';

let test: TestContext;

beforeEach(() => {
  test = createTestContext({ journalOptions: { maxRecords: 20 } });
});

afterEach(async () => {
  await test.remove();
});

const call = (method: string, payload?: unknown) => handleRequest(method, payload, test.context);
// The recovery list is what the next start of the editor sees: a new host on the same profile.
const callAfterRestart = (method: string, payload?: unknown) =>
  handleRequest(
    method,
    payload,
    createTestContext({ profileDir: test.profileDir, documentsDir: test.documentsDir }).context,
  );

async function listAll(): Promise<string[]> {
  return (await readdir(test.dir, { recursive: true })).map(String).sort();
}

function titleOf(base64: string): string {
  const ydoc = decodeYDoc(decodeBase64(base64)!);
  try {
    return readYDoc(ydoc).firstChild!.textContent;
  } finally {
    ydoc.destroy();
  }
}

/** A new document with its journal reset, as the renderer starts one. */
async function startDocument(title = '') {
  const documentId = randomUUID();
  const ydoc = createTemplateYDoc();
  value(
    await call('journalReset', {
      documentId,
      state: encodeBase64(encodeYDoc(ydoc)),
      path: null,
      title,
    }),
  );
  const type = (text: string, extra: Record<string, unknown> = {}) =>
    call('journalAppend', { documentId, update: encodeBase64(typeInTitle(ydoc, text)), ...extra });
  return { documentId, ydoc, type };
}

describe('the journal methods', () => {
  it('reset, append, list, recover and discard a document', async () => {
    const { documentId, type } = await startDocument();
    expect(value(await call('listRecoverable'))).toEqual({ documents: [] });
    expect(value(await type('Motie '))).toEqual({ records: 2 });
    expect(
      value(await type('vreemdelingen', { title: 'Motie vreemdelingen', path: null })),
    ).toEqual({
      records: 3,
    });

    // Open in this host: not offered; after a restart: offered.
    expect(value(await call('listRecoverable'))).toEqual({ documents: [] });
    const listed = value<{ documents: unknown[] }>(await callAfterRestart('listRecoverable', {}));
    expect(listed.documents).toEqual([
      {
        documentId,
        title: 'Motie vreemdelingen',
        path: null,
        session: null,
        changedAt: expect.any(String),
      },
    ]);
    const recovered = value<{ state: string; title: string }>(
      await call('recoverDocument', { documentId }),
    );
    expect(titleOf(recovered.state)).toBe('Motie vreemdelingen');
    expect(recovered).toMatchObject({ documentId, path: null, title: 'Motie vreemdelingen' });

    expect(value(await call('journalDiscard', { documentId }))).toEqual({});
    expect(value(await callAfterRestart('listRecoverable'))).toEqual({ documents: [] });
    expect(await listAll()).toEqual(['profile', 'profile/journal']);
  });

  it('keeps appends sent at once in order', async () => {
    const { documentId, ydoc } = await startDocument();
    const updates = Array.from({ length: 30 }, (_, i) => encodeBase64(typeInTitle(ydoc, `${i}.`)));
    const results = await Promise.all(
      updates.map((update) => call('journalAppend', { documentId, update })),
    );
    // Compaction after 20 records may renumber; every append succeeded all the same.
    expect(results.every((result) => result.ok)).toBe(true);
    const recovered = value<{ state: string }>(await call('recoverDocument', { documentId }));
    expect(titleOf(recovered.state)).toBe(readYDoc(ydoc).firstChild!.textContent);
  });

  it('refuses appends and recovery for a document without a journal', async () => {
    const documentId = randomUUID();
    const update = encodeBase64(typeInTitle(createTemplateYDoc(), 'x'));
    expect(expectError(await call('journalAppend', { documentId, update }), 'not_found')).toMatch(
      /^Er is geen bruikbaar herstelbestand voor dit document\./,
    );
    expect(expectError(await call('recoverDocument', { documentId }), 'not_found')).toBe(
      'Er is geen herstelbestand (meer) van dit document.',
    );
    expect(value(await call('journalDiscard', { documentId }))).toEqual({});
    expect(await listAll()).toEqual([]);
  });

  it('refuses a reset to a state that is no document, and an update that is no update', async () => {
    const documentId = randomUUID();
    for (const state of ['AAA=', encodeBase64(Uint8Array.from([9, 9, 9, 9]))]) {
      expect(
        expectError(await call('journalReset', { documentId, state }), 'invalid_request'),
      ).toMatch(/^Ongeldig verzoek: veld 'state' is geen geldig document\./);
    }
    expect(await listAll()).toEqual([]);
    const { documentId: started } = await startDocument();
    const before = await listAll();
    const message = expectError(
      await call('journalAppend', {
        documentId: started,
        update: encodeBase64(Uint8Array.from([1, 2, 3])),
      }),
      'invalid_request',
    );
    expect(message).toBe("Ongeldig verzoek: veld 'update' is geen Yjs-wijziging.");
    expect(await listAll()).toEqual(before);
  });

  it('skips unreadable journals in the list and reports them', async () => {
    const { type } = await startDocument();
    value(await type('Goed'));
    const broken = randomUUID();
    await writeFile(path.join(test.profileDir, 'journal', `${broken}.journal`), 'kapot');
    const restarted = createTestContext({
      profileDir: test.profileDir,
      documentsDir: test.documentsDir,
    });
    const listed = value<{ documents: { documentId: string }[] }>(
      await handleRequest('listRecoverable', undefined, restarted.context),
    );
    expect(listed.documents).toHaveLength(1);
    expect(restarted.reported.map((report) => report.message).join('\n')).toContain(broken);
    // A damaged journal cannot be recovered: a clean error, not a crash.
    expect(expectError(await call('recoverDocument', { documentId: broken }), 'invalid_file')).toBe(
      'Het herstelbestand van dit document is beschadigd en kan niet worden gebruikt.',
    );
  });

  it('refuses malformed payloads with clean messages, writing nothing', async () => {
    const id = randomUUID();
    const state = encodeBase64(encodeYDoc(createTemplateYDoc()));
    const update = encodeBase64(typeInTitle(createTemplateYDoc(), 'x'));
    const badUuid =
      "Ongeldig verzoek: veld 'documentId' is geen geldige UUID (versie 4, in kleine letters).";
    const cases: [string, unknown, string][] = [
      [
        'journalReset',
        {},
        "Ongeldig verzoek: veld 'documentId' ontbreekt; veld 'state' ontbreekt.",
      ],
      ['journalReset', { documentId: 'abc', state }, badUuid],
      ['journalReset', { documentId: id.toUpperCase(), state }, badUuid],
      ['journalReset', { documentId: '../../etc/passwd', state }, badUuid],
      // A version 1 UUID is no version 4 UUID.
      ['journalReset', { documentId: 'a8098c1a-f86e-11da-bd1a-00112444be1e', state }, badUuid],
      [
        'journalReset',
        { documentId: id, state: 42 },
        "Ongeldig verzoek: veld 'state' moet een tekst zijn, maar is een getal.",
      ],
      [
        'journalReset',
        { documentId: id, state: 'AA==A' },
        "Ongeldig verzoek: veld 'state' is geen geldige base64-tekst.",
      ],
      [
        'journalReset',
        { documentId: id, state, path: 12 },
        "Ongeldig verzoek: veld 'path' moet een tekst zijn, maar is een getal.",
      ],
      [
        'journalReset',
        { documentId: id, state, title: null },
        "Ongeldig verzoek: veld 'title' moet een tekst zijn, maar is leeg (null).",
      ],
      [
        'journalReset',
        { documentId: id, state, dirty: true },
        "Ongeldig verzoek: onbekend veld 'dirty'.",
      ],
      ['journalAppend', { documentId: id }, "Ongeldig verzoek: veld 'update' ontbreekt."],
      [
        'journalAppend',
        { documentId: 7, update },
        "Ongeldig verzoek: veld 'documentId' moet een tekst zijn, maar is een getal.",
      ],
      [
        'journalAppend',
        { documentId: id, update: 'é===' },
        "Ongeldig verzoek: veld 'update' is geen geldige base64-tekst.",
      ],
      ['journalDiscard', {}, "Ongeldig verzoek: veld 'documentId' ontbreekt."],
      ['journalDiscard', { documentId: '' }, badUuid],
      [
        'recoverDocument',
        { documentId: null },
        "Ongeldig verzoek: veld 'documentId' moet een tekst zijn, maar is leeg (null).",
      ],
      [
        'recoverDocument',
        [id],
        'Ongeldig verzoek: het verzoek moet een object zijn, maar is een lijst.',
      ],
      ['listRecoverable', { all: true }, "Ongeldig verzoek: onbekend veld 'all'."],
    ];
    for (const [method, payload, message] of cases) {
      expect(
        expectError(await call(method, payload), 'invalid_request'),
        `${method} ${JSON.stringify(payload)}`,
      ).toBe(message);
    }
    expect(await listAll()).toEqual([]);
  });

  it('refuses oversized states and updates before decoding them', async () => {
    const documentId = randomUUID();
    const hugeState = 'A'.repeat(getBase64Length(MAX_STATE_BYTES) + 4);
    expect(
      expectError(
        await call('journalReset', { documentId, state: hugeState }),
        'payload_too_large',
      ),
    ).toBe("Verzoek te groot: veld 'state' is groter dan 64 MB.");
    const hugeUpdate = 'A'.repeat(getBase64Length(MAX_UPDATE_BYTES) + 4);
    expect(
      expectError(
        await call('journalAppend', { documentId, update: hugeUpdate }),
        'payload_too_large',
      ),
    ).toBe("Verzoek te groot: veld 'update' is groter dan 8 MB.");
    expect(await listAll()).toEqual([]);
  });
});
