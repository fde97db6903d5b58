/**
 * Each participant's own view of presence, against a server that does not check presence at
 * all (a plain Hocuspocus, as an older or a foreign server would be), with a real provider
 * (LiveSession's) and raw clients: the participants list and the cursor plugin's slot show only
 * valid states, and a state sent under this user's own client id is replaced by the user's own.
 *
 * Faults guarded (issue 14): "A malformed `cursor` in awareness is passed to every client's
 * cursor plugin unchecked"; a forged presence replaces "that editor's presence, even in the
 * editor's own view".
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Server } from '@hocuspocus/server';
import { createYDoc, getDocumentFragment } from '../../shared/ydoc/yDocument.ts';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import { waitFor } from '../../main/syncServer/testing/collabTesting.ts';
import { sendAwarenessEntries } from '../../main/syncServer/testing/presenceFrames.ts';
import { RawClient } from '../../main/syncServer/testing/rawClient.ts';
import { AwarenessSlot } from './awarenessSlot.ts';
import { LiveSession } from './liveSession.ts';

vi.setConfig({ testTimeout: 30_000 });

const NAME = 'motie';
const ADVISEUR = { name: 'Adviseur van Venray', colour: '#1b6e3a' };
const BEWERKER = { name: 'Bewerker Joure', color: '#7a3e9d' };

let server: Server;
let session: LiveSession;
const rawClients: RawClient[] = [];

beforeEach(async () => {
  // No extensions: presence goes through as sent.
  server = new Server({ address: '127.0.0.1', port: 0, quiet: true, stopOnSignals: false });
  await server.listen();
  const url = `ws://127.0.0.1:${server.address.port}`;
  const ydoc = createYDoc(buildDoc({ title: 'Aanwezig', recitals: [['Eerste overweging.']] }));
  session = new LiveSession(
    ydoc,
    {
      serverUrl: url,
      fingerprint: null,
      documentName: NAME,
      token: 'sleutel-van-de-test',
      role: 'editor',
      name: null,
      mayComment: true,
      title: null,
    },
    ADVISEUR,
    // A plain Hocuspocus, straight: what the relay passes on is this same protocol.
    url,
  );
  await session.whenSynced();
});
afterEach(async () => {
  for (const client of rawClients.splice(0)) client.close();
  session.leave();
  await server.destroy();
});

async function joined(): Promise<RawClient> {
  const client = new RawClient(
    `ws://127.0.0.1:${server.address.port}`,
    NAME,
    'sleutel-van-de-test',
  );
  rawClients.push(client);
  await waitFor(() => client.synced, 'raw client synced');
  return client;
}

/** A real cursor in `doc` as y-prosemirror shares it. */
function cursorIn(doc: Y.Doc): { anchor: unknown; head: unknown } {
  let text: Y.XmlText | null = null;
  for (const node of getDocumentFragment(doc).createTreeWalker(() => true)) {
    if (node instanceof Y.XmlText && node.length > 2) text = node;
  }
  const position = JSON.parse(JSON.stringify(Y.createRelativePositionFromTypeIndex(text!, 2)));
  return { anchor: position, head: position };
}

describe('a participant’s view of presence', () => {
  it('hands the cursor plugin and the participants list only valid states', async () => {
    const bewerker = await joined();
    const hostile = await joined();
    const bramState = { user: BEWERKER, cursor: cursorIn(bewerker.doc) };
    bewerker.awareness.setLocalState(bramState);
    const position = bramState.cursor.anchor as Record<string, unknown>;
    const malformed: unknown[] = [
      { user: { name: 'Kwaad', color: '#000000' }, cursor: { anchor: {}, head: {} } },
      { user: { name: 'Kwaad', color: '#000000' }, cursor: { anchor: { tname: 'x' }, head: 1 } },
      { user: { name: 'Kwaad', color: 'red; background: url(https://elders.example/)' } },
      { user: { name: 'Kwaad', color: '#000000' }, cursor: { anchor: { ...position, item: 'x' } } },
    ];
    const hostileId = hostile.awareness.clientID;
    const slot = new AwarenessSlot();
    slot.attach(session.awareness);
    let changes = 0;
    slot.on('change', () => (changes += 1));
    for (const [i, state] of malformed.entries()) {
      sendAwarenessEntries(hostile, [{ clientId: hostileId, clock: i + 1, state }]);
      // The plain server relays it: the provider's awareness holds exactly the hostile state.
      await waitFor(
        () =>
          JSON.stringify(session.awareness!.getStates().get(hostileId)) === JSON.stringify(state),
        `hostile state ${i} arrived`,
      );
      expect(slot.getStates().has(hostileId)).toBe(false);
      expect(session.getSnapshot().participants.map((p) => p.name)).not.toContain('Kwaad');
    }
    await waitFor(
      () => session.getSnapshot().participants.some((p) => p.name === BEWERKER.name),
      'Bewerker in the list',
    );
    expect(changes).toBeGreaterThan(0);
    expect(slot.getStates().get(bewerker.awareness.clientID)).toEqual(bramState);
    // What the slot hands out resolves in Yjs as the cursor plugin resolves it, without throwing.
    for (const state of slot.getStates().values()) {
      const cursor = (state as { cursor?: { anchor: unknown; head: unknown } | null }).cursor;
      if (!cursor) continue;
      for (const json of [cursor.anchor, cursor.head]) {
        Y.createAbsolutePositionFromRelativePosition(
          Y.createRelativePositionFromJSON(json),
          session.provider.document,
        );
      }
    }
    expect(session.provider.document.share.has('x')).toBe(false);
  });

  it('puts back the user’s own presence when someone sends a state under its client id', async () => {
    const bewerker = await joined();
    const hostile = await joined();
    const awareness = session.awareness!;
    const annaId = awareness.clientID;
    await waitFor(
      () => (bewerker.awareness.getStates().get(annaId) as { user?: unknown })?.user !== undefined,
      "Adviseur's presence at Bewerker",
    );
    const forgedClock = awareness.meta.get(annaId)!.clock + 10;
    let overwritten = false;
    awareness.on('update', (_: unknown, origin: unknown) => {
      if (origin !== 'local') overwritten = true;
    });
    const forged = { user: { name: 'Vals', color: '#000000' }, cursor: { anchor: {}, head: {} } };
    sendAwarenessEntries(hostile, [{ clientId: annaId, clock: forgedClock, state: forged }]);
    await waitFor(() => overwritten, 'the forged state arrived');
    expect(awareness.getLocalState()).toEqual({
      user: { name: ADVISEUR.name, color: ADVISEUR.colour },
    });
    // Her own state went out again, newer than the forgery, so the others see her again too.
    await waitFor(
      () => bewerker.awareness.meta.get(annaId)!.clock > forgedClock,
      "Adviseur's state again at Bewerker",
    );
    expect(bewerker.awareness.getStates().get(annaId)).toEqual({
      user: { name: ADVISEUR.name, color: ADVISEUR.colour },
    });
    const self = session.getSnapshot().participants.find((p) => p.self);
    expect(self?.name).toBe(ADVISEUR.name);
  });
});
