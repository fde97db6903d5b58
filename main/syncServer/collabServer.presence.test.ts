/**
 * Presence (awareness) on the sync server against hostile participants, with a real server on
 * loopback, real providers and raw frames: forged client ids, states of megabytes, many ids,
 * malformed names, colours and cursors, unknown fields, from readers and editors; and an
 * honest provider that reconnects while its old socket is still open on the server. The
 * honest participants keep their edits and their own presence throughout, and the stored file
 * stays readable.
 *
 * Faults guarded (issue 14): "A reader can send an awareness state under an editor's client id
 * and replace that editor's presence, even in the editor's own view"; "A reader can also send
 * awareness states of several MB each, which the server relays to every participant"; "A
 * malformed `cursor` in awareness is passed to every client's cursor plugin unchecked."
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { createYDoc, readYDoc } from '../../shared/ydoc/yDocument.ts';
import { readDocumentFile } from '../../shared/ydoc/documentFile.ts';
import { readPresenceState } from '../../shared/session/presenceState.ts';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import { toPlainText } from '../../shared/export/toPlainText.ts';
import type { CollabServer } from './collabServer.ts';
import { PRESENCE_PROBE_MS } from './presenceGuard.ts';
import {
  connectProvider,
  getFirstItemText,
  getYText,
  makeTempDir,
  startTestServer,
  tokenFor,
  waitFor,
  whenSynced,
} from './testing/collabTesting.ts';
import { startFreezingProxy } from './testing/freezingProxy.ts';
import { sendAwarenessEntries } from './testing/presenceFrames.ts';
import type { AwarenessEntry } from './testing/presenceFrames.ts';
import { RawClient } from './testing/rawClient.ts';

vi.setConfig({ testTimeout: 60_000 });

const NAME = 'motie';
// As `resolutie server` allows: room for states of megabytes in one message.
const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
const ADVISEUR = { name: 'Adviseur van Venray', color: '#1b6e3a' };
const BEWERKER = { name: 'Bewerker Joure', color: '#7a3e9d' };
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

let temp: ReturnType<typeof makeTempDir>;
let server: CollabServer;
let adviseur: HocuspocusProvider;
let bewerker: HocuspocusProvider;
// An honest reader whose presence shows that everything sent before has been relayed.
let herald: RawClient;
const rawClients: RawClient[] = [];
const providers: HocuspocusProvider[] = [];
let beacons = 0;
let edits = 0;

beforeEach(async () => {
  temp = makeTempDir();
  server = await startTestServer(temp.dir, { maxMessageBytes: MAX_MESSAGE_BYTES });
  await server.documents.create(
    NAME,
    createYDoc(buildDoc({ title: 'Aanwezig', recitals: [['Eerste overweging.']] })),
  );
  adviseur = provider();
  bewerker = provider();
  await Promise.all([whenSynced(adviseur), whenSynced(bewerker)]);
  adviseur.awareness!.setLocalStateField('user', ADVISEUR);
  bewerker.awareness!.setLocalStateField('user', BEWERKER);
  herald = await joinedRawClient('reader');
  await waitFor(
    () =>
      sameUser(userAt(bewerker, adviseur), ADVISEUR) &&
      sameUser(userAt(adviseur, bewerker), BEWERKER),
    'Adviseur and Bewerker see each other',
  );
});
afterEach(async () => {
  for (const client of rawClients.splice(0)) client.close();
  for (const created of providers.splice(0)) created.destroy();
  await server.stop();
  temp.remove();
});

function provider(url = server.url): HocuspocusProvider {
  const created = connectProvider(url, NAME, tokenFor(NAME));
  providers.push(created);
  return created;
}

async function joinedRawClient(role: 'editor' | 'reader'): Promise<RawClient> {
  const client = new RawClient(server.url, NAME, tokenFor(NAME, role));
  rawClients.push(client);
  await waitFor(() => client.synced, `raw ${role} synced`);
  return client;
}

function stateOf(viewer: HocuspocusProvider, clientId: number): Record<string, unknown> | null {
  return (viewer.awareness!.getStates().get(clientId) as Record<string, unknown>) ?? null;
}

function userAt(viewer: HocuspocusProvider, of: HocuspocusProvider): unknown {
  return stateOf(viewer, of.awareness!.clientID)?.['user'];
}

function sameUser(user: unknown, expected: { name: string; color: string }): boolean {
  return JSON.stringify(user) === JSON.stringify(expected);
}

function clockOf(of: HocuspocusProvider): number {
  return of.awareness!.meta.get(of.awareness!.clientID)!.clock;
}

/** Every state `viewer` is given for `clientId`, from now on. */
function recordStates(viewer: HocuspocusProvider, clientId: number): unknown[] {
  const seen: unknown[] = [];
  viewer.awareness!.on('update', ({ added, updated }: Record<string, number[]>) => {
    if ([...added!, ...updated!].includes(clientId)) {
      seen.push(viewer.awareness!.getStates().get(clientId));
    }
  });
  return seen;
}

/**
 * Resolves once the server has handled everything `sender` sent and relayed whatever of it
 * it relays: the server answers the sender's next update in order, and the herald's next
 * presence reaches Adviseur and Bewerker after anything the server relayed before it.
 */
async function afterServerHandled(sender: RawClient): Promise<void> {
  const answered = sender.syncStatuses.length;
  sender.sendUpdate(EMPTY_UPDATE);
  await waitFor(
    () => sender.syncStatuses.length > answered || sender.closed !== null,
    'the server handled the sender',
  );
  const name = `Baken ${++beacons}`;
  herald.awareness.setLocalStateField('user', { name, color: '#4a5b00' });
  const heraldId = herald.awareness.clientID;
  await waitFor(
    () =>
      [adviseur, bewerker].every(
        (viewer) => (stateOf(viewer, heraldId)?.['user'] as { name?: string })?.name === name,
      ),
    'the herald seen by Adviseur and Bewerker',
  );
}

/**
 * Resolves once the sender's socket has closed. The server closes it after refusing the
 * message, but the closing handshake may end after the sender's next update was answered and
 * the herald relayed, so afterServerHandled does not wait for it (the test failed about one
 * run in five on a busy machine).
 */
async function whenClosed(sender: RawClient): Promise<void> {
  await waitFor(() => sender.closed !== null, 'the sender is closed');
}

/** Adviseur and Bewerker still edit together and see each other; a newcomer gets a valid document. */
async function expectHonestUnharmed(): Promise<void> {
  const text = `Na de aanval ${++edits}. `;
  getFirstItemText(adviseur.document).insert(0, text);
  await waitFor(() => getYText(bewerker.document).includes(text), 'Bewerker sees the edit');
  expect(userAt(bewerker, adviseur)).toEqual(ADVISEUR);
  expect(userAt(adviseur, bewerker)).toEqual(BEWERKER);
  expect(adviseur.awareness!.getLocalState()?.['user']).toEqual(ADVISEUR);
  expect(bewerker.awareness!.getLocalState()?.['user']).toEqual(BEWERKER);
  const newcomer = provider();
  await whenSynced(newcomer);
  expect(readYDoc(newcomer.document).eq(readYDoc(adviseur.document))).toBe(true);
  await waitFor(
    () => sameUser(userAt(newcomer, adviseur), ADVISEUR),
    "the newcomer sees Adviseur's presence",
  );
}

async function expectStoredFileReadable(): Promise<void> {
  const text = getYText(adviseur.document);
  for (const created of providers.splice(0)) created.destroy();
  await server.stop();
  const stored = readDocumentFile(readFileSync(path.join(temp.dir, `${NAME}.resolutie`)));
  expect(toPlainText(stored.doc)).toContain(`Na de aanval ${edits}. `);
  expect(text).toContain(`Na de aanval ${edits}. `);
}

/** The JSON of a real cursor in Bewerker's document, as y-prosemirror shares it. */
function realCursor(): { anchor: unknown; head: unknown } {
  const text = getFirstItemText(bewerker.document);
  const position = JSON.parse(JSON.stringify(Y.createRelativePositionFromTypeIndex(text, 2)));
  return { anchor: position, head: position };
}

describe('presence is bound to the connection that introduced it', () => {
  it("a reader cannot replace or remove an editor's presence, not even in the editor's own view", async () => {
    const reader = await joinedRawClient('reader');
    const annaId = adviseur.awareness!.clientID;
    const forged: AwarenessEntry[] = [
      {
        clientId: annaId,
        clock: clockOf(adviseur) + 10,
        state: { user: { ...ADVISEUR, name: 'Vals' } },
      },
    ];
    sendAwarenessEntries(reader, forged);
    sendAwarenessEntries(reader, [
      { clientId: annaId, clock: clockOf(adviseur) + 20, state: null },
    ]);
    await afterServerHandled(reader);

    expect(adviseur.awareness!.getLocalState()?.['user']).toEqual(ADVISEUR);
    expect(userAt(bewerker, adviseur)).toEqual(ADVISEUR);
    // Dropped, not closed: an honest client relays the states it knows when asked.
    expect(reader.closed).toBeNull();
    await expectHonestUnharmed();
    await expectStoredFileReadable();
  });

  it("an editor with the same invitation cannot take over a connected colleague's presence", async () => {
    const intruder = await joinedRawClient('editor');
    const annaId = adviseur.awareness!.clientID;
    const forged = { user: { ...ADVISEUR, name: 'Vals' }, cursor: null };
    sendAwarenessEntries(intruder, [
      { clientId: annaId, clock: clockOf(adviseur) + 10, state: forged },
    ]);
    // The server asks Adviseur; she answers, so the claim was not hers and is never applied.
    await new Promise((resolve) => setTimeout(resolve, PRESENCE_PROBE_MS + 500));
    await afterServerHandled(intruder);
    expect(adviseur.awareness!.getLocalState()?.['user']).toEqual(ADVISEUR);
    expect(userAt(bewerker, adviseur)).toEqual(ADVISEUR);
    expect(adviseur.configuration.websocketProvider.status).toBe('connected');
    await expectHonestUnharmed();
  });

  it('a provider that reconnects while its old socket is still open gets its presence back within seconds', async () => {
    const proxy = await startFreezingProxy(server.port);
    try {
      const collega = provider(`ws://127.0.0.1:${proxy.port}`);
      await whenSynced(collega);
      const collegaUser = { name: 'Collega Sneek', color: '#00687a' };
      collega.awareness!.setLocalStateField('user', collegaUser);
      await waitFor(
        () => sameUser(userAt(bewerker, collega), collegaUser),
        'Bewerker sees Collega',
      );

      // Collega's network goes: her side closes, the server's side stays open and silent.
      let reconnected = false;
      collega.on('synced', () => (reconnected = true));
      proxy.freeze();
      await waitFor(() => reconnected, 'Collega reconnected');
      expect(proxy.frozenCount()).toBe(1);
      const since = Date.now();
      const renamed = { name: 'Collega Sneek-de Boer', color: '#00687a' };
      collega.awareness!.setLocalStateField('user', renamed);
      await waitFor(
        () => sameUser(userAt(bewerker, collega), renamed),
        "Bewerker sees Collega's new presence",
      );
      expect(Date.now() - since).toBeLessThan(PRESENCE_PROBE_MS + 5_000);

      // Her old socket is gone at last; her presence stays, and her typing arrives.
      proxy.releaseFrozen();
      await waitFor(() => proxy.frozenCount() === 0, 'the old socket closed');
      getFirstItemText(collega.document).insert(0, 'Terug. ');
      await waitFor(
        () => getYText(bewerker.document).includes('Terug. '),
        "Bewerker sees Collega's edit",
      );
      await afterServerHandled(herald);
      expect(userAt(bewerker, collega)).toEqual(renamed);
      await expectHonestUnharmed();
    } finally {
      await proxy.close();
    }
  });
});

describe('presence is bounded', () => {
  it('a state of megabytes is never relayed; its sender is closed', async () => {
    const reader = await joinedRawClient('reader');
    const big = { user: { name: 'Groot', color: '#3d4fb8' }, ballast: 'x'.repeat(3_000_000) };
    sendAwarenessEntries(reader, [{ clientId: reader.awareness.clientID, clock: 5, state: big }]);
    await afterServerHandled(reader);
    for (const viewer of [adviseur, bewerker]) {
      expect(JSON.stringify([...viewer.awareness!.getStates()]).length).toBeLessThan(4_000);
      expect(stateOf(viewer, reader.awareness.clientID)).toBeNull();
    }
    await whenClosed(reader);
    expect(reader.closed?.code).toBe(1009);
    await expectHonestUnharmed();
  });

  it('a connection sets one presence: states under fresh client ids beyond its own are dropped', async () => {
    const reader = await joinedRawClient('reader');
    const padded = { name: 'Veel', color: '#9c2a6b' };
    const entries = Array.from({ length: 60 }, (_, i) => ({
      clientId: 1_000_000 + i,
      clock: 3,
      state: { user: padded, cursor: realCursor(), pad: 'p'.repeat(600) },
    }));
    sendAwarenessEntries(reader, entries);
    await afterServerHandled(reader);
    for (const viewer of [adviseur, bewerker]) {
      const theirs = entries.filter((entry) => stateOf(viewer, entry.clientId) !== null);
      expect(theirs.length).toBeLessThanOrEqual(1);
    }
    await expectHonestUnharmed();
  });

  it('an awareness message over 64 KiB closes its sender; nothing of it is relayed', async () => {
    const reader = await joinedRawClient('reader');
    const entries = Array.from({ length: 100 }, (_, i) => ({
      clientId: 2_000_000 + i,
      clock: 3,
      state: { user: { name: `Deel ${i}`, color: '#9c2a6b' }, pad: 'p'.repeat(800) },
    }));
    sendAwarenessEntries(reader, entries);
    await afterServerHandled(reader);
    expect(entries.filter((entry) => stateOf(bewerker, entry.clientId) !== null)).toEqual([]);
    await whenClosed(reader);
    expect(reader.closed?.code).toBe(1009);
    await expectHonestUnharmed();
  });
});

describe('presence is validated', () => {
  it('drops malformed names, colours and cursors, and the fields it does not know', async () => {
    const reader = await joinedRawClient('reader');
    const readerId = reader.awareness.clientID;
    const seenByBewerker = recordStates(bewerker, readerId);
    const user = { name: 'Lezer', color: '#a34a00' };
    const cursor = realCursor();
    const position = cursor.anchor as Record<string, unknown>;
    const malformed: unknown[] = [
      // Yjs throws on a position with neither a parent nor a root name.
      { user, cursor: { anchor: {}, head: {} } },
      { user, cursor: { anchor: position, head: 'x' } },
      { user, cursor: { anchor: position } },
      // A root name that is not the document's would add a root type to every receiver's doc.
      { user, cursor: { anchor: { ...position, type: null, tname: 'indringer' }, head: position } },
      { user, cursor: { anchor: { ...position, tname: 'resolutie' }, head: position } },
      { user, cursor: { anchor: { ...position, item: { client: -1, clock: 0 } }, head: position } },
      {
        user,
        cursor: { anchor: { ...position, item: { client: 1, clock: 1.5 } }, head: position },
      },
      {
        user,
        cursor: { anchor: { ...position, item: { client: 2 ** 40, clock: 1 } }, head: position },
      },
      { user, cursor: { anchor: { ...position, assoc: 'links' }, head: position } },
      { user, cursor: [] },
      { user: { ...user, name: 'x'.repeat(61) } },
      { user: { ...user, name: ' ' } },
      { user: { ...user, name: 'Lezer\u202e' } },
      { user: { ...user, name: 'Lot\nte' } },
      { user: { ...user, color: 'red' } },
      { user: { ...user, color: 'url(javascript:alert(1))' } },
      { user: 'Lezer' },
      [],
      'Lezer',
      42,
    ];
    let clock = 10;
    for (const state of malformed) {
      sendAwarenessEntries(reader, [{ clientId: readerId, clock: clock++, state }]);
    }
    const withExtras = { user, cursor, avatar: 'data:image/png;base64,AAAA', role: 'editor' };
    sendAwarenessEntries(reader, [{ clientId: readerId, clock, state: withExtras }]);
    await afterServerHandled(reader);

    expect(reader.closed).toBeNull();
    expect(stateOf(bewerker, readerId)).toEqual({ user, cursor });
    // Nothing else ever reached Bewerker under the reader's id.
    expect(seenByBewerker).toEqual([{ user, cursor }]);
    for (const state of seenByBewerker) expect(readPresenceState(state)).toEqual(state);
    await expectHonestUnharmed();
    await expectStoredFileReadable();
  });
});
