/**
 * The sync server with real clients: providers as the app uses them, and a raw Yjs client
 * that only knows the protocol. Each test starts its own server on a loopback port with a
 * temporary data folder.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { createYDoc, readYDoc } from '../../shared/ydoc/yDocument.ts';
import { readDocumentFile } from '../../shared/ydoc/documentFile.ts';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import { toPlainText } from '../../shared/export/toPlainText.ts';
import type { CollabServer } from './collabServer.ts';
import {
  connectProvider,
  getFirstItemText,
  getYText,
  makeTempDir,
  startTestServer,
  tokenFor,
  typeOnBothUntilConverged,
  waitFor,
  whenRefused,
  whenSynced,
} from './testing/collabTesting.ts';
import { RawClient } from './testing/rawClient.ts';

vi.setConfig({ testTimeout: 60_000 });

let temp: ReturnType<typeof makeTempDir>;
let server: CollabServer | null;
const providers: HocuspocusProvider[] = [];
const rawClients: RawClient[] = [];

beforeEach(() => {
  temp = makeTempDir();
  server = null;
});
afterEach(async () => {
  for (const provider of providers.splice(0)) provider.destroy();
  for (const client of rawClients.splice(0)) client.close();
  await server?.stop();
  temp.remove();
});

function provider(name: string, token: string, doc?: Y.Doc): HocuspocusProvider {
  const created = connectProvider(server!.url, name, token, doc);
  providers.push(created);
  return created;
}

function rawClient(name: string, token: string): RawClient {
  const client = new RawClient(server!.url, name, token);
  rawClients.push(client);
  return client;
}

function seedDoc(): Y.Doc {
  return createYDoc(
    buildDoc({
      title: 'Gemeenten en het Rijk',
      recitals: [['De financiering schiet tekort.', 'Het Rijk moet bijdragen.']],
      operatives: [['Roept het kabinet op te investeren.']],
    }),
  );
}

/** Closes the provider's connection and waits until it is gone. */
async function disconnected(client: HocuspocusProvider): Promise<void> {
  client.disconnect();
  await waitFor(
    () => client.configuration.websocketProvider.status === 'disconnected',
    'provider disconnected',
  );
}

function readStoredFile(name: string) {
  return readDocumentFile(readFileSync(path.join(temp.dir, `${name}.resolutie`)));
}

describe('sync server: two providers', () => {
  it('syncs a document from our schema both ways, with presence', async () => {
    server = await startTestServer(temp.dir);
    const seed = seedDoc();
    expect(await server.documents.create('motie-1', seed)).toBe(true);

    // The host continues its own document; a colleague joins with an empty one.
    const host = provider('motie-1', tokenFor('motie-1'), seed);
    const guest = provider('motie-1', tokenFor('motie-1'));
    await Promise.all([whenSynced(host), whenSynced(guest)]);
    expect(readYDoc(guest.document).textContent).toContain('De financiering schiet tekort.');

    await typeOnBothUntilConverged(
      host,
      guest,
      'Overwegende: ',
      'Ook: ',
      'both edits on both sides',
    );
    expect(readYDoc(host.document).eq(readYDoc(guest.document))).toBe(true);

    host.awareness!.setLocalStateField('user', { name: 'Adviseur van Venray', color: '#1f77b4' });
    await waitFor(
      () =>
        [...guest.awareness!.getStates().values()].some(
          (state) => state['user']?.name === 'Adviseur van Venray',
        ),
      "the host's presence at the guest",
    );
    const states = [...guest.awareness!.getStates().values()];
    expect(states.find((s) => s['user'])?.['user']).toEqual({
      name: 'Adviseur van Venray',
      color: '#1f77b4',
    });
  });
});

describe('sync server: a client that is not ours', () => {
  it('syncs a raw Yjs client over the standard protocol, both ways', async () => {
    server = await startTestServer(temp.dir);
    await server.documents.create('motie-2', seedDoc());
    const raw = rawClient('motie-2', tokenFor('motie-2'));
    const editor = provider('motie-2', tokenFor('motie-2'));
    await Promise.all([waitFor(() => raw.synced, 'raw client synced'), whenSynced(editor)]);
    expect(raw.scope).toBe('read-write');
    expect(readYDoc(raw.doc).textContent).toContain('Het Rijk moet bijdragen.');

    getFirstItemText(editor.document).insert(0, 'Van de provider. ');
    await waitFor(() => getYText(raw.doc).includes('Van de provider. '), 'provider → raw');

    getFirstItemText(raw.doc).insert(0, 'Van de ruwe client. ');
    await waitFor(
      () => getYText(editor.document).includes('Van de ruwe client. '),
      'raw → provider',
    );
    await waitFor(() => raw.syncStatuses.includes(true), 'the server applied the raw update');
    expect(getYText(raw.doc)).toBe(getYText(editor.document));

    raw.awareness.setLocalStateField('user', { name: 'Bewerker', color: '#ff7f0e' });
    await waitFor(
      () => [...editor.awareness!.getStates().values()].some((s) => s['user']?.name === 'Bewerker'),
      "the raw client's presence at the provider",
    );
  });
});

describe('sync server: who may join', () => {
  it('refuses a wrong token, a token for another document and an expired one, with the reason', async () => {
    server = await startTestServer(temp.dir);
    await server.documents.create('motie-3', seedDoc());
    const before = readFileSync(path.join(temp.dir, 'motie-3.resolutie'));

    const forged = tokenFor('motie-3').replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const cases: [string, string][] = [
      ['nonsense-token-that-is-long-enough', 'ongeldig'],
      [forged, 'ongeldig'],
      [tokenFor('ander-document'), 'ander document'],
      [tokenFor('motie-3', 'editor', Date.now() - 1000), 'verlopen'],
    ];
    for (const [token, expected] of cases) {
      const refused = provider('motie-3', token);
      expect(await whenRefused(refused)).toContain(expected);
      expect(refused.isSynced).toBe(false);
      expect(getYText(refused.document)).toBe('');
    }
    // The raw client hears the same reason.
    const raw = rawClient('motie-3', tokenFor('ander-document'));
    await waitFor(() => raw.refusal !== null, 'raw client refused');
    expect(raw.refusal).toContain('ander document');
    expect(raw.synced).toBe(false);
    expect(readFileSync(path.join(temp.dir, 'motie-3.resolutie'))).toEqual(before);
  });

  it('creates a new document from the template for an editor, never for a reader', async () => {
    server = await startTestServer(temp.dir);
    const reader = provider('nieuw', tokenFor('nieuw', 'reader'));
    expect(await whenRefused(reader)).toContain('lezer kan het niet aanmaken');

    const editor = provider('nieuw', tokenFor('nieuw'));
    await whenSynced(editor);
    const doc = readYDoc(editor.document);
    expect(doc.child(2).child(0).attrs['heading']).toBe('overwegende');
    // Written at once, so it exists for readers and other instances.
    expect(readStoredFile('nieuw').doc.eq(doc)).toBe(true);

    const laterReader = provider('nieuw', tokenFor('nieuw', 'reader'));
    await whenSynced(laterReader);
    expect(readYDoc(laterReader.document).eq(doc)).toBe(true);
  });

  it('accepts a token for every document', async () => {
    server = await startTestServer(temp.dir);
    const editor = provider('overal', tokenFor('*'));
    await whenSynced(editor);
    expect(editor.authorizedScope).toBe('read-write');
  });
});

describe('sync server: readers', () => {
  it('sends a reader the document and live changes, and never applies what it sends', async () => {
    server = await startTestServer(temp.dir);
    await server.documents.create('motie-4', seedDoc());
    const editor = provider('motie-4', tokenFor('motie-4'));
    const reader = provider('motie-4', tokenFor('motie-4', 'reader'));
    const rawReader = rawClient('motie-4', tokenFor('motie-4', 'reader'));
    await Promise.all([
      whenSynced(editor),
      whenSynced(reader),
      waitFor(() => rawReader.synced, 'raw reader synced'),
    ]);
    expect(reader.authorizedScope).toBe('readonly');
    expect(rawReader.scope).toBe('readonly');
    expect(readYDoc(reader.document).textContent).toContain('De financiering schiet tekort.');

    getFirstItemText(editor.document).insert(0, 'Live: ');
    await waitFor(
      () =>
        getYText(reader.document).includes('Live: ') && getYText(rawReader.doc).includes('Live: '),
      'the live edit at both readers',
    );

    // Both readers edit. The server answers the raw reader "not applied"; the provider reader
    // then says who it is, which the server handles only after its update (one connection's
    // messages are handled in order), so once the editor sees that, the update was handled.
    // (The handshake's empty SyncStep2 was already answered "nothing new": true.)
    await waitFor(() => rawReader.syncStatuses.length === 1, 'the answer to the handshake');
    const answered = rawReader.syncStatuses.length;
    getFirstItemText(rawReader.doc).insert(0, 'Ruwe lezer. ');
    await waitFor(() => rawReader.syncStatuses.length > answered, 'the answer to the raw reader');
    expect(rawReader.syncStatuses.slice(answered)).toEqual([false]);
    getFirstItemText(reader.document).insert(0, 'Lezer. ');
    reader.awareness!.setLocalStateField('user', { name: 'Lezer', color: '#000000' });
    await waitFor(
      () => [...editor.awareness!.getStates().values()].some((s) => s['user']?.name === 'Lezer'),
      "the reader's presence at the editor",
    );

    const late = provider('motie-4', tokenFor('motie-4'));
    await whenSynced(late);
    for (const doc of [editor.document, late.document]) {
      expect(getYText(doc)).toContain('Live: ');
      expect(getYText(doc)).not.toContain('Lezer. ');
      expect(getYText(doc)).not.toContain('Ruwe lezer. ');
    }
    for (const p of providers.splice(0)) p.destroy();
    await server.stop();
    const stored = toPlainText(readStoredFile('motie-4').doc);
    expect(stored).toContain('Live: ');
    expect(stored).not.toContain('Lezer. ');
  });
});

describe('sync server: offline and restarts', () => {
  it('merges what two editors wrote while both were disconnected', async () => {
    server = await startTestServer(temp.dir);
    await server.documents.create('motie-5', seedDoc());
    const a = provider('motie-5', tokenFor('motie-5'));
    const b = provider('motie-5', tokenFor('motie-5'));
    await Promise.all([whenSynced(a), whenSynced(b)]);

    await Promise.all([disconnected(a), disconnected(b)]);
    getFirstItemText(a.document).insert(0, 'Offline A. ');
    getFirstItemText(b.document).insert(0, 'Offline B. ');
    // B also adds an operative item while offline.
    const operatives = b.document.getXmlFragment('resolutie').get(3) as Y.XmlElement;
    const block = operatives.get(0) as Y.XmlElement;
    const item = new Y.XmlElement('item');
    item.setAttribute('indent', 0 as unknown as string);
    item.setAttribute('marker', 'letter');
    item.insert(0, [new Y.XmlText('Nieuw punt van B.')]);
    block.insert(block.length, [item]);
    expect(getYText(a.document)).not.toContain('Offline B. ');

    await Promise.all([a.connect(), b.connect()]);
    await waitFor(
      () =>
        getYText(a.document) === getYText(b.document) &&
        ['Offline A. ', 'Offline B. ', 'Nieuw punt van B.'].every((t) =>
          getYText(a.document).includes(t),
        ),
      'both offline edits on both sides',
    );
    expect(readYDoc(a.document).eq(readYDoc(b.document))).toBe(true);
  });

  it('keeps what reached it over a stop, in a valid .resolutie file', async () => {
    // A long debounce: only the store on stop can have written the edit.
    server = await startTestServer(temp.dir, { storeDebounceMs: 60_000 });
    await server.documents.create('motie-6', seedDoc());
    const editor = provider('motie-6', tokenFor('motie-6'));
    await whenSynced(editor);
    getFirstItemText(editor.document).insert(0, 'Voor de herstart. ');
    await waitFor(() => !editor.hasUnsyncedChanges, 'the server has the edit');

    await server.stop();
    const stored = readStoredFile('motie-6');
    expect(toPlainText(stored.doc)).toContain('Voor de herstart. ');
    expect(stored.envelope.savedBy.app).toBe('Resolutie-editor test');
    for (const p of providers.splice(0)) p.destroy();

    server = await startTestServer(temp.dir);
    const after = provider('motie-6', tokenFor('motie-6'));
    await whenSynced(after);
    expect(readYDoc(after.document).textContent).toContain('Voor de herstart. ');
  });

  it('refuses a document whose file is damaged, and leaves the file alone', async () => {
    server = await startTestServer(temp.dir);
    await server.documents.create('kapot', seedDoc());
    const file = path.join(temp.dir, 'kapot.resolutie');
    const damaged = readFileSync(file).subarray(0, 300);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, damaged);

    const editor = provider('kapot', tokenFor('kapot'));
    expect(await whenRefused(editor)).toContain('beschadigd');
    await server.stop();
    expect(readFileSync(file)).toEqual(damaged);
  });
});
