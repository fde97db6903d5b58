/**
 * The sync server's network side: an HTTP server that accepts WebSocket upgrades and hands each
 * socket to Hocuspocus through a socket gate (socketGate.ts). Hocuspocus is used through its
 * integration interface (`handleConnection`, then `handleMessage` and `handleClose`), not its
 * own `Server`, so that no message reaches it except through the gate.
 *
 * Limits kept here, before any Hocuspocus work:
 * - connections from one address (`maxConnectionsPerAddress`, cut at the TCP level);
 * - memory for sockets that have not signed in, per socket and in all (`maxUnauthenticatedBytes`,
 *   whatever the limit per address): every byte read from such a socket counts until it signs
 *   in, and the socket that would go over is cut;
 * - time: a socket that has not signed in `timeoutMs` after it opened, or that has been silent
 *   for `timeoutMs` since, is closed (checked every second, or four times per `timeoutMs` when
 *   that is shorter, so within a second of the limit);
 * - a participant that does not read what it is sent (its WebSocket's send buffer over
 *   `maxBufferedBytes`) is closed rather than held in the server's memory.
 *
 * Given a certificate (`tls`), the server speaks only TLS (`wss://`): the limits above count
 * the encrypted bytes of the raw TCP socket, and the TLS handshake is held to `timeoutMs` too.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { Server as HttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { Hocuspocus } from '@hocuspocus/server';
import { SocketGate } from './socketGate.ts';
import type { GateContext, SocketGateOptions } from './socketGate.ts';
import {
  CLOSE_CODES,
  MALFORMED_REASON,
  TIMEOUT_REASON,
  TOO_MANY_REASON,
} from '../../shared/session/refusals.ts';

/** How the network side is set up. */
export interface SyncSocketsOptions {
  host: string;
  port: number;
  maxMessageBytes: number;
  timeoutMs: number;
  /** Open connections from one address; 0: no limit. */
  maxConnectionsPerAddress: number;
  /** Bytes read from sockets that have not signed in, in all. */
  maxUnauthenticatedBytes: number;
  /** A participant's unsent output beyond which it is closed. */
  maxBufferedBytes: number;
  gate: Omit<SocketGateOptions, 'address' | 'maxWaitingBytes'>;
  log: (line: string) => void;
  /** A key and certificate (PEM): the server then speaks TLS only. */
  tls?: { key: string; cert: string } | undefined;
}

interface Peer {
  raw: Socket;
  address: string;
  /** Bytes read while not signed in (counted in `unauthenticatedBytes` until then). */
  unauthenticatedBytes: number;
  authenticated: boolean;
  gate: SocketGate | null;
  webSocket: WebSocket | null;
}

// Checked this often (or four times per timeout, when that is shorter).
const CHECK_INTERVAL_MS = 1_000;
const GOING_AWAY = 1001;
const WEBSOCKET_OPEN = 1;

/** The listening network side of a sync server. */
export class SyncSockets {
  readonly httpServer: HttpServer | HttpsServer;
  private readonly options: SyncSocketsOptions;
  private readonly hocuspocus: Hocuspocus;
  private readonly webSockets: WebSocketServer;
  private readonly peers = new Set<Peer>();
  private readonly peerOf = new WeakMap<Socket, Peer>();
  private readonly perAddress = new Map<string, number>();
  private readonly overLimit = new Set<string>();
  private unauthenticatedBytes = 0;
  private readonly checker: ReturnType<typeof setInterval>;

  constructor(hocuspocus: Hocuspocus, options: SyncSocketsOptions) {
    this.hocuspocus = hocuspocus;
    this.options = options;
    this.webSockets = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxMessageBytes,
      // Compressed messages could expand far beyond what was read (and counted).
      perMessageDeflate: false,
    });
    const answer = (_request: IncomingMessage, response: ServerResponse) => {
      response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Resolutie-editor: server voor samen bewerken.\n');
    };
    if (options.tls) {
      const tlsServer = createTlsServer(
        { key: options.tls.key, cert: options.tls.cert, handshakeTimeout: options.timeoutMs },
        answer,
      );
      // The upgrade comes on the TLS socket, the limits are kept on the TCP socket under it:
      // the two share their addresses and ports, which no other open connection has.
      tlsServer.on('secureConnection', (secure: TLSSocket) => {
        for (const peer of this.peers) {
          if (
            peer.raw.remotePort === secure.remotePort &&
            peer.raw.remoteAddress === secure.remoteAddress
          ) {
            this.peerOf.set(secure, peer);
            return;
          }
        }
        secure.destroy();
      });
      // A failed handshake (no TLS, another certificate refused) is the client's affair.
      tlsServer.on('tlsClientError', (_error, socket) => socket.destroy());
      this.httpServer = tlsServer;
    } else {
      this.httpServer = createServer(answer);
    }
    // A socket may take this long to send its request; then it is a WebSocket with its own limits.
    this.httpServer.headersTimeout = options.timeoutMs;
    this.httpServer.requestTimeout = options.timeoutMs;
    this.httpServer.on('connection', (socket: Socket) => this.accept(socket));
    this.httpServer.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
      const peer = this.peerOf.get(socket);
      if (!peer) return socket.destroy();
      this.webSockets.handleUpgrade(request, socket, head, (webSocket) =>
        this.open(peer, webSocket, request),
      );
    });
    this.checker = setInterval(
      () => this.check(),
      Math.min(CHECK_INTERVAL_MS, Math.max(25, options.timeoutMs / 4)),
    );
    this.checker.unref();
  }

  /** Starts listening; resolves with the port. */
  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.httpServer.once('error', reject);
      this.httpServer.listen({ port: this.options.port, host: this.options.host }, () => {
        this.httpServer.off('error', reject);
        const address = this.httpServer.address();
        resolve(typeof address === 'object' && address ? address.port : this.options.port);
      });
    });
  }

  /**
   * Stops accepting new connections, and messages on the open ones (whatever they still send,
   * their clients keep and send again when they reconnect); open sockets stay until `closeAll`.
   */
  stopListening(): void {
    this.httpServer.close();
    clearInterval(this.checker);
    for (const peer of this.peers) peer.gate?.stop();
  }

  /** Closes every socket: politely first, then (after `graceMs`) cut. */
  async closeAll(graceMs: number): Promise<void> {
    clearInterval(this.checker);
    for (const peer of this.peers) peer.webSocket?.close(GOING_AWAY, 'De server stopt.');
    const deadline = Date.now() + graceMs;
    while ([...this.peers].some((peer) => peer.webSocket) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    for (const peer of this.peers) peer.raw.destroy();
    this.webSockets.close();
  }

  private accept(raw: Socket): void {
    const address = raw.remoteAddress ?? '';
    const open = (this.perAddress.get(address) ?? 0) + 1;
    const limit = this.options.maxConnectionsPerAddress;
    if (limit > 0 && open > limit) {
      if (!this.overLimit.has(address)) {
        this.options.log(`verbindingen van ${address} geweigerd: al ${limit} open`);
        this.overLimit.add(address);
      }
      raw.destroy();
      return;
    }
    this.perAddress.set(address, open);
    const peer: Peer = {
      raw,
      address,
      unauthenticatedBytes: 0,
      authenticated: false,
      gate: null,
      webSocket: null,
    };
    this.peers.add(peer);
    this.peerOf.set(raw, peer);
    raw.on('data', (chunk: Buffer) => this.countUnauthenticated(peer, chunk.length));
    raw.once('close', () => {
      this.peers.delete(peer);
      this.signIn(peer);
      this.overLimit.delete(address);
      const left = (this.perAddress.get(address) ?? 1) - 1;
      if (left > 0) this.perAddress.set(address, left);
      else this.perAddress.delete(address);
    });
  }

  private countUnauthenticated(peer: Peer, bytes: number): void {
    if (peer.authenticated) return;
    peer.unauthenticatedBytes += bytes;
    this.unauthenticatedBytes += bytes;
    const perSocket = this.options.maxMessageBytes + 64 * 1024;
    if (
      peer.unauthenticatedBytes <= perSocket &&
      this.unauthenticatedBytes <= this.options.maxUnauthenticatedBytes
    ) {
      return;
    }
    const which =
      peer.unauthenticatedBytes > perSocket
        ? `meer dan ${perSocket} bytes voor de aanmelding`
        : `samen meer dan ${this.options.maxUnauthenticatedBytes} bytes van niet-aangemelde verbindingen`;
    this.options.log(`verbinding van ${peer.address} verbroken: ${which}`);
    peer.raw.destroy();
  }

  /** The socket signed in (or closed): its bytes no longer count against the shared limit. */
  private signIn(peer: Peer): void {
    if (peer.authenticated) return;
    peer.authenticated = true;
    this.unauthenticatedBytes -= peer.unauthenticatedBytes;
    peer.unauthenticatedBytes = 0;
  }

  private open(peer: Peer, webSocket: WebSocket, request: IncomingMessage): void {
    peer.webSocket = webSocket;
    const gate = new SocketGate(
      webSocket,
      {
        ...this.options.gate,
        address: peer.address,
        maxWaitingBytes: this.options.maxMessageBytes + 64 * 1024,
      },
      () => this.signIn(peer),
    );
    peer.gate = gate;
    const context: GateContext = { socketGate: gate };
    const client = this.hocuspocus.handleConnection(webSocket, toRequest(request), context);
    gate.attach(client);
    webSocket.on('message', (data, isBinary) => {
      if (!isBinary) {
        return gate.refuse(CLOSE_CODES.malformed, MALFORMED_REASON, 'tekstbericht');
      }
      gate.receive(toBytes(data));
    });
    webSocket.on('close', (code, reason) => {
      peer.webSocket = null;
      client.handleClose({ code, reason: reason.toString() });
    });
    webSocket.on('error', (error) => {
      this.options.log(`verbinding van ${peer.address}: ${error.message}`);
    });
  }

  private check(): void {
    const now = Date.now();
    const { timeoutMs, maxBufferedBytes } = this.options;
    for (const peer of this.peers) {
      const gate = peer.gate;
      if (!gate || !peer.webSocket || peer.webSocket.readyState !== WEBSOCKET_OPEN) continue;
      if (!gate.authenticated && now - gate.openedAt > timeoutMs) {
        gate.refuse(CLOSE_CODES.timeout, TIMEOUT_REASON, 'niet aangemeld binnen de tijd');
      } else if (now - gate.lastMessageAt > timeoutMs) {
        gate.refuse(CLOSE_CODES.timeout, TIMEOUT_REASON, 'te lang stil');
      } else if (peer.webSocket.bufferedAmount > maxBufferedBytes) {
        gate.refuse(CLOSE_CODES.tooManyMessages, TOO_MANY_REASON, 'leest niet wat het krijgt');
      }
    }
  }
}

/** Hocuspocus reads headers and parameters from a web Request. */
function toRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  return new Request(new URL(request.url ?? '/', 'http://sync.invalid'), { headers });
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}
