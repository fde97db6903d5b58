import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createYDoc, getDocumentFragment } from '../../shared/ydoc/yDocument.ts';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import type { CollabServer } from '../../main/syncServer/collabServer.ts';
import {
  getFirstItemText,
  makeTempDir,
  startTestServer,
  tokenFor,
  waitFor,
} from '../../main/syncServer/testing/collabTesting.ts';
import { startReferenceSyncServer } from './syncServers.ts';
import type { SyncServer } from './syncServers.ts';
import { SyncClient } from './syncClient.ts';

// Both servers must see the same client: one that syncs, relays typing and relays presence.

const clients: SyncClient[] = [];
const stops: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const stop of stops.splice(0).reverse()) await stop();
});

function connect(options: ConstructorParameters<typeof SyncClient>[0]): SyncClient {
  const client = new SyncClient(options);
  clients.push(client);
  return client;
}

/** Two clients of one document: one types and sets its presence, the other must see both. */
async function expectTypingAndPresenceRelayed(writer: SyncClient, reader: SyncClient) {
  await Promise.all([writer.whenSynced(15_000), reader.whenSynced(15_000)]);
  getFirstItemText(writer.doc).insert(0, 'Getypt. ');
  writer.awareness.setLocalStateField('user', { name: 'Schrijver', color: '#c0392b' });
  // Read, not getFirstItemText: that creates the text where the reader has none yet.
  await waitFor(
    () => getDocumentFragment(reader.doc).toString().includes('Getypt. '),
    'the reader has the typing',
  );
  await waitFor(
    () => reader.awareness.getStates().get(writer.doc.clientID)?.user !== undefined,
    "the reader sees the writer's presence",
  );
  expect(Y.encodeStateVector(reader.doc)).toEqual(Y.encodeStateVector(writer.doc));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

describe('SyncClient', () => {
  it("speaks Hocuspocus's framing with the app's server", async () => {
    const temp = makeTempDir();
    stops.push(temp.remove);
    const server: CollabServer = await startTestServer(temp.dir);
    stops.push(() => server.stop());
    const seed = createYDoc(buildDoc({ title: 'Bank', recitals: [['Eerste overweging.']] }));
    await server.documents.create('motie-bench', seed);
    const options = {
      serverUrl: server.url,
      protocol: 'hocuspocus' as const,
      documentName: 'motie-bench',
      token: tokenFor('motie-bench'),
    };
    await expectTypingAndPresenceRelayed(connect(options), connect(options));
  });

  it("speaks y-websocket's framing with the reference server", async () => {
    const reference: SyncServer = await startReferenceSyncServer(await freePort());
    stops.push(() => reference.process.stop());
    const seed = Y.encodeStateAsUpdate(createYDoc(buildDoc({ title: 'Bank' })));
    const writerDoc = new Y.Doc();
    Y.applyUpdate(writerDoc, seed);
    const writer = connect({
      serverUrl: reference.url,
      protocol: 'y-websocket',
      documentName: 'motie-bench',
      doc: writerDoc,
    });
    const reader = connect({
      serverUrl: reference.url,
      protocol: 'y-websocket',
      documentName: 'motie-bench',
    });
    await expectTypingAndPresenceRelayed(writer, reader);
  });
});
