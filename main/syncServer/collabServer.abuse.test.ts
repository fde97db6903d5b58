/**
 * The sync server against clients that misbehave: garbage, broken frames, oversized messages,
 * updates that would break the document, and clients that connect and say nothing. Each
 * offender is disconnected; the other participants keep working, and the document in memory
 * and on disk stays a valid resolution.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
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
  waitFor,
  whenSynced,
} from './testing/collabTesting.ts';
import { RawClient } from './testing/rawClient.ts';
import { SYNC_STEP, encodeSyncFrame } from './messageFrames.ts';

vi.setConfig({ testTimeout: 60_000 });

const NAME = 'motie';
const MAX_MESSAGE_BYTES = 64 * 1024;

let temp: ReturnType<typeof makeTempDir>;
let server: CollabServer;
let editor: HocuspocusProvider;
let colleague: HocuspocusProvider;
const rawClients: RawClient[] = [];
let edits = 0;

function seedDoc(): Y.Doc {
  return createYDoc(
    buildDoc({ title: 'Veilig', recitals: [['Eerste overweging.']], operatives: [['Punt.']] }),
  );
}

beforeEach(async () => {
  temp = makeTempDir();
  server = await startTestServer(temp.dir, { maxMessageBytes: MAX_MESSAGE_BYTES });
  await server.documents.create(NAME, seedDoc());
  editor = connectProvider(server.url, NAME, tokenFor(NAME));
  colleague = connectProvider(server.url, NAME, tokenFor(NAME));
  await Promise.all([whenSynced(editor), whenSynced(colleague)]);
});
afterEach(async () => {
  for (const client of rawClients.splice(0)) client.close();
  editor.destroy();
  colleague.destroy();
  await server.stop();
  temp.remove();
});

async function joinedRawClient(): Promise<RawClient> {
  const client = new RawClient(server.url, NAME, tokenFor(NAME));
  rawClients.push(client);
  await waitFor(() => client.synced, 'raw client synced');
  return client;
}

function whenClosed(client: RawClient): Promise<{ code: number; reason: string }> {
  return waitFor(() => client.closed !== null, 'the offender disconnected').then(
    () => client.closed!,
  );
}

/** The two providers still edit together, and a newcomer gets a valid document. */
async function expectOthersUnharmed(): Promise<void> {
  const text = `Na de aanval ${++edits}. `;
  getFirstItemText(editor.document).insert(0, text);
  await waitFor(() => getYText(colleague.document).includes(text), 'the colleague sees the edit');
  readYDoc(colleague.document);
  const newcomer = connectProvider(server.url, NAME, tokenFor(NAME));
  try {
    await whenSynced(newcomer);
    expect(readYDoc(newcomer.document).eq(readYDoc(editor.document))).toBe(true);
  } finally {
    newcomer.destroy();
  }
}

async function expectStoredFileValid(): Promise<string> {
  editor.destroy();
  colleague.destroy();
  await server.stop();
  const stored = readDocumentFile(readFileSync(path.join(temp.dir, `${NAME}.resolutie`)));
  return toPlainText(stored.doc);
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array<ArrayBuffer> {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

describe('sync server: misbehaving clients', () => {
  it('closes a socket that sends garbage before or after joining', async () => {
    const stranger = new RawClient(server.url, NAME, 'nonsense-token-that-is-long-enough');
    rawClients.push(stranger);
    await waitFor(() => stranger.socket.readyState === WebSocket.OPEN, 'stranger connected');
    stranger.sendRaw(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]));
    await whenClosed(stranger);

    const joined = await joinedRawClient();
    joined.sendRaw(frame((e) => (encoding.writeVarString(e, NAME), encoding.writeUint8(e, 0xff))));
    expect((await whenClosed(joined)).code).toBe(4400);
    expect(joined.closeMessage).toContain('Onleesbaar bericht');
    await expectOthersUnharmed();
  });

  it('closes a socket that sends a malformed Hocuspocus message', async () => {
    const malformed: [string, Uint8Array<ArrayBuffer>][] = [
      // A sync message with a step y-protocols does not have.
      [
        'unknown sync step',
        frame(
          (e) => (
            encoding.writeVarString(e, NAME),
            encoding.writeVarUint(e, 0),
            encoding.writeVarUint(e, 9),
            encoding.writeVarUint8Array(e, new Uint8Array(2))
          ),
        ),
      ],
      // A sync update whose length says more than the frame holds.
      [
        'cut-off update',
        frame(
          (e) => (
            encoding.writeVarString(e, NAME),
            encoding.writeVarUint(e, 0),
            encoding.writeVarUint(e, 2),
            encoding.writeVarUint(e, 1000)
          ),
        ),
      ],
      // Server-to-server relay, never from a client.
      [
        'broadcast stateless',
        frame(
          (e) => (
            encoding.writeVarString(e, NAME),
            encoding.writeVarUint(e, 6),
            encoding.writeVarString(e, 'x')
          ),
        ),
      ],
      // An awareness update whose state is not JSON.
      [
        'awareness without JSON',
        frame((e) => {
          encoding.writeVarString(e, NAME);
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint8Array(
            e,
            frame(
              (a) => (
                encoding.writeVarUint(a, 1),
                encoding.writeVarUint(a, 7),
                encoding.writeVarUint(a, 1),
                encoding.writeVarString(a, '{niet json')
              ),
            ),
          );
        }),
      ],
    ];
    for (const [what, bytes] of malformed) {
      const client = await joinedRawClient();
      client.sendRaw(bytes);
      expect((await whenClosed(client)).code, what).toBe(4400);
    }
    await expectOthersUnharmed();
  });

  it('closes a socket that sends a message over the limit', async () => {
    const client = await joinedRawClient();
    const text = 'x'.repeat(MAX_MESSAGE_BYTES + 1000);
    getFirstItemText(client.doc).insert(0, text);
    expect((await whenClosed(client)).code).toBe(1009);
    await expectOthersUnharmed();
    expect(getYText(editor.document)).not.toContain('xxxxxxxx');
    expect(await expectStoredFileValid()).not.toContain('xxxxxxxx');
  });

  it('refuses updates that would break the document, and keeps it whole', async () => {
    const attacks: [string, (doc: Y.Doc, client: RawClient) => void][] = [
      [
        'a foreign element',
        (doc) => doc.getXmlFragment('resolutie').insert(5, [new Y.XmlElement('script')]),
      ],
      [
        'a wrong attribute',
        (doc) =>
          (doc.getXmlFragment('resolutie').get(0) as Y.XmlElement).setAttribute('kind', 'pamflet'),
      ],
      [
        'an element in the wrong place',
        (doc) => {
          const explanation = doc.getXmlFragment('resolutie').get(4) as Y.XmlElement;
          explanation.insert(0, [new Y.XmlElement('recital_block')]);
        },
      ],
      [
        'a second title',
        (doc) => doc.getXmlFragment('resolutie').insert(0, [new Y.XmlElement('title')]),
      ],
      ['a root the document does not have', (doc) => doc.getMap('extra').set('x', 1)],
      // A document made elsewhere: merged, it would hold two of everything.
      [
        'an unrelated document',
        (_doc, client) => client.sendUpdate(Y.encodeStateAsUpdate(seedDoc())),
      ],
      [
        'bytes that are no update',
        (_doc, client) => client.sendUpdate(new Uint8Array([1, 2, 3, 4, 5, 6])),
      ],
    ];
    for (const [what, attack] of attacks) {
      const client = await joinedRawClient();
      attack(client.doc, client);
      expect((await whenClosed(client)).code, what).toBe(4422);
      expect(client.closeMessage, what).toContain('Wijziging geweigerd');
      expect(getYText(editor.document), what).not.toContain('script');
    }
    await expectOthersUnharmed();
    const stored = await expectStoredFileValid();
    expect(stored).toContain('Veilig');
    expect(stored).toContain(`Na de aanval ${edits}. `);
  });
});

describe('sync server: floods', () => {
  it('closes a connection that sends more messages than allowed; the others go on', async () => {
    const flooder = await joinedRawClient();
    const nothing = Y.encodeStateAsUpdate(new Y.Doc());
    for (let i = 0; i < 2_000; i += 1) flooder.sendUpdate(nothing);
    expect((await whenClosed(flooder)).code).toBe(4429);
    expect(flooder.closeMessage).toContain('Te veel berichten');
    await expectOthersUnharmed();
    // A participant typing a burst (60 keys, an update each) is never cut off.
    let closed = 0;
    editor.on('close', () => (closed += 1));
    for (let i = 0; i < 60; i += 1) getFirstItemText(editor.document).insert(0, 'x');
    await waitFor(
      () => getYText(colleague.document).includes('x'.repeat(60)),
      'the colleague sees all typing',
    );
    expect(closed).toBe(0);
  });

  it('closes a connection that keeps asking for the whole document; the others go on', async () => {
    // A first sync step is a few bytes that make the server send the whole document: asked for
    // in a loop, a small client would keep the server encoding and sending (issue 14).
    const asker = await joinedRawClient();
    const emptyVector = Y.encodeStateVector(new Y.Doc());
    for (let i = 0; i < 30; i += 1) {
      asker.sendRaw(encodeSyncFrame(asker.address, SYNC_STEP.step1, emptyVector));
    }
    expect((await whenClosed(asker)).code).toBe(4429);
    await expectOthersUnharmed();
  });

  it('closes a connection whose changes cost more checking time than allowed; others go on', async () => {
    // Each change is checked against the whole document: a few bytes that cost the server a
    // read of all of it. Here the budget is tiny, so a burst of small changes goes over it.
    const costlyTemp = makeTempDir();
    const lines: string[] = [];
    const costly = await startTestServer(costlyTemp.dir, {
      messageRate: { checkMs: { burst: 20, perSecond: 1 } },
      log: (line) => lines.push(line),
    });
    try {
      const items = Array.from({ length: 300 }, (_, i) => `Overweging ${i} over de gemeenten;`);
      await costly.documents.create(NAME, createYDoc(buildDoc({ recitals: [items] })));
      const typist = new RawClient(costly.url, NAME, tokenFor(NAME));
      rawClients.push(typist);
      await waitFor(() => typist.synced, 'joined');
      for (let i = 0; i < 300 && typist.closed === null; i += 1) {
        getFirstItemText(typist.doc).insert(0, 'x');
        if (i % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
      }
      expect((await whenClosed(typist)).code).toBe(4429);
      expect(lines.join('\n')).toContain('meer rekentijd');
      const other = connectProvider(costly.url, NAME, tokenFor(NAME));
      try {
        await whenSynced(other);
        expect(getYText(other.document)).toContain('Overweging 299');
      } finally {
        other.destroy();
      }
    } finally {
      await costly.stop();
      costlyTemp.remove();
    }
  });

  it('refuses connections from one address over the limit, and serves the rest', async () => {
    const limitedTemp = makeTempDir();
    const limited = await startTestServer(limitedTemp.dir, { maxConnectionsPerAddress: 5 });
    const sockets: WebSocket[] = [];
    try {
      await limited.documents.create(NAME, seedDoc());
      const outcomes = await Promise.all(
        Array.from({ length: 12 }, () => {
          const socket = new WebSocket(limited.url);
          sockets.push(socket);
          return new Promise<'open' | 'refused'>((resolve) => {
            socket.addEventListener('open', () => resolve('open'));
            socket.addEventListener('error', () => resolve('refused'));
          });
        }),
      );
      expect(outcomes.filter((o) => o === 'open')).toHaveLength(5);
      // Closing some makes room again.
      for (const socket of sockets.splice(0, 5)) socket.close();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const provider = connectProvider(limited.url, NAME, tokenFor(NAME));
      try {
        await whenSynced(provider);
        expect(getYText(provider.document)).toContain('Eerste overweging.');
      } finally {
        provider.destroy();
      }
    } finally {
      for (const socket of sockets) socket.close();
      await limited.stop();
      limitedTemp.remove();
    }
  });
});

describe('sync server: silent clients', () => {
  it('closes connections that stay silent past the timeout, joined or not', async () => {
    const quietTemp = makeTempDir();
    const quiet = await startTestServer(quietTemp.dir, { timeoutMs: 300 });
    try {
      await quiet.documents.create(NAME, seedDoc());
      // Never sends its token.
      const silent = new WebSocket(quiet.url);
      let silentClosed: number | null = null;
      silent.addEventListener('close', (event) => (silentClosed = event.code));
      // Joins, then says nothing more (its presence renews only every 15 seconds).
      const joined = new RawClient(quiet.url, NAME, tokenFor(NAME));
      rawClients.push(joined);
      await waitFor(() => joined.synced, 'joined');
      await waitFor(() => silentClosed !== null, 'the silent socket closed');
      expect((await whenClosed(joined)).code).toBe(4408);
    } finally {
      await quiet.stop();
      quietTemp.remove();
    }
  });
});
