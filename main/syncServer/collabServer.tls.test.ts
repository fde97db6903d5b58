/**
 * The sync server over TLS: real providers on `wss://` with the server's own self-signed
 * certificate, and what a client that does not speak TLS gets.
 */
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket as WsWebSocket } from 'ws';
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { CollabServer } from './collabServer.ts';
import { createTlsIdentity } from './tlsIdentity.ts';
import type { TlsIdentity } from './tlsIdentity.ts';
import {
  makeTempDir,
  startTestServer,
  tokenFor,
  typeOnBothUntilConverged,
  whenSynced,
} from './testing/collabTesting.ts';

/** A provider that trusts exactly `identity`'s certificate (no name to check on a laptop). */
function connectOverTls(url: string, identity: TlsIdentity, documentName: string) {
  class PinnedWebSocket extends WsWebSocket {
    constructor(address: string, protocols?: string | string[]) {
      // Node's check returns an error or undefined; ws's types say boolean.
      const noNameCheck = (() => undefined) as unknown as () => boolean;
      super(address, protocols, { ca: identity.cert, checkServerIdentity: noNameCheck });
    }
  }
  return new HocuspocusProvider({
    url,
    name: documentName,
    token: tokenFor(documentName),
    document: new Y.Doc(),
    WebSocketPolyfill: PinnedWebSocket,
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
}

describe('sync server over TLS', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let server: CollabServer;
  let identity: TlsIdentity;
  beforeEach(async () => {
    temp = makeTempDir();
    identity = createTlsIdentity();
    server = await startTestServer(temp.dir, { tls: { key: identity.key, cert: identity.cert } });
  });
  afterEach(async () => {
    await server.stop();
    temp.remove();
  });

  it('serves wss:// and syncs two providers both ways', async () => {
    expect(server.url).toBe(`wss://127.0.0.1:${server.port}`);
    const a = connectOverTls(server.url, identity, 'tls-doc');
    const b = connectOverTls(server.url, identity, 'tls-doc');
    try {
      await Promise.all([whenSynced(a), whenSynced(b)]);
      await typeOnBothUntilConverged(a, b, 'Versleuteld A. ', 'Versleuteld B. ', 'both edits');
    } finally {
      a.destroy();
      b.destroy();
    }
  });

  it('answers a client that does not speak TLS with nothing it can read', async () => {
    const received = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      const socket = net.connect(server.port, '127.0.0.1', () =>
        socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n\r\n'),
      );
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve(Buffer.concat(chunks)));
    });
    expect(received.toString('latin1')).not.toContain('HTTP/1.1');
  });
});
