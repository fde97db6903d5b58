/**
 * The relay: the app's own end of every session connection. The window (a page, in Electron or
 * in a browser) connects to this relay on loopback; the relay connects to the session's server
 * and passes the WebSocket messages both ways, unread. It exists for one reason: a page cannot
 * pin a certificate, and Node can.
 *
 * For an invitation with a fingerprint (shared/session/invitation.ts) the relay opens the TLS
 * connection itself, compares the SHA-256 of the certificate the other side presents with the
 * fingerprint, and only then speaks WebSocket over it. Until that check has passed the window's
 * WebSocket is not even accepted, so nothing the window sends (the invitation's secret, the
 * document) can leave this computer for a machine that merely answers on the host's address.
 * When another certificate answers, the window's socket is accepted only to be closed with
 * {@link WRONG_HOST_CLOSE_CODE}, which the window turns into its Dutch message.
 *
 * Without a fingerprint (a server with a certificate from an authority, or `ws://` on the
 * organisation's own network when the administrator chose so), the relay connects as any client
 * does: `wss://` checked against the authorities Node and the system trust.
 *
 * Who may use the relay is decided where the request arrives: in browser mode the host's own
 * HTTP server serves it at {@link RELAY_PATH} to its own pages only (their Origin), as it serves
 * its API; the desktop app, which has no HTTP server, listens on 127.0.0.1 with a secret in the
 * path that the window learns from the API ({@link startLoopbackRelay}). A target that fails (unreachable, a TLS or WebSocket failure) fails the window's
 * upgrade with 502, as a server that cannot be reached fails a direct one, so the provider's
 * waiting between attempts is what it was.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import type { TLSSocket } from 'node:tls';
import { WebSocket, WebSocketServer } from 'ws';
import type { RawData } from 'ws';
import {
  WRONG_HOST_CLOSE_CODE,
  WRONG_HOST_REASON,
  readRelayTarget,
} from '../../shared/session/relayAddress.ts';
import type { RelayTarget } from '../../shared/session/relayAddress.ts';
import { fingerprintOf } from './tlsIdentity.ts';

/** How a relay is set up; the defaults are the app's. */
export interface SessionRelayOptions {
  /** How long the target may take to answer (TCP, TLS and WebSocket together). */
  connectTimeoutMs?: number;
  /** The largest message passed either way: well above the largest document and message. */
  maxMessageBytes?: number;
  log?: (line: string) => void;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** Output one side does not read, beyond which both are closed rather than held in memory. */
const MAX_BUFFERED_BYTES = 128 * 1024 * 1024;

/** The path under which the browser-mode host serves the relay, beside its pages and API. */
export const RELAY_PATH = '/sessie-relay';

/** The target presented another certificate than the fingerprint names. */
export class WrongHostError extends Error {
  override name = 'WrongHostError';
  /** The fingerprint the other side presented, for the log. */
  readonly presented: string | null;

  constructor(presented: string | null) {
    super('The server presented another certificate than the invitation names.');
    this.presented = presented;
  }
}

/**
 * Relays the windows' connections. Whoever receives the upgrade request decides whether it may
 * use the relay (the browser-mode host: its own origin; the desktop app: the loopback
 * listener's secret, {@link startLoopbackRelay}); the relay then reads the target from the
 * request's query and connects.
 */
export class SessionRelay {
  readonly #connectTimeoutMs: number;
  readonly #maxPayload: number;
  readonly #log: (line: string) => void;
  readonly #webSockets: WebSocketServer;
  readonly #open = new Set<WebSocket>();

  constructor(options: SessionRelayOptions = {}) {
    this.#connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    this.#maxPayload = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
    this.#log = options.log ?? (() => undefined);
    this.#webSockets = new WebSocketServer({
      noServer: true,
      maxPayload: this.#maxPayload,
      perMessageDeflate: false,
    });
  }

  /** Relays an admitted upgrade request to the target its query names (403 for none). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const query = (request.url ?? '').split('?', 2)[1] ?? '';
    const target = readRelayTarget(new URLSearchParams(query));
    if (!target) return refuseUpgrade(socket, 403);
    const limits = { connectTimeoutMs: this.#connectTimeoutMs, maxPayload: this.#maxPayload };
    connectTarget(target, limits).then(
      (upstream) => {
        if (socket.destroyed) return upstream.terminate();
        this.#webSockets.handleUpgrade(request, socket, head, (window) => {
          this.#open.add(window);
          this.#open.add(upstream);
          pipe(window, upstream, () => {
            this.#open.delete(window);
            this.#open.delete(upstream);
          });
        });
      },
      (error: unknown) => {
        if (error instanceof WrongHostError) {
          this.#log(
            `sessie op ${target.serverUrl} geweigerd: vingerafdruk ${error.presented ?? 'geen'} in plaats van ${target.fingerprint}`,
          );
          // Accepted only to say why: the window's socket is closed before it may send.
          if (socket.destroyed) return;
          this.#webSockets.handleUpgrade(request, socket, head, (window) =>
            window.close(WRONG_HOST_CLOSE_CODE, WRONG_HOST_REASON),
          );
          return;
        }
        this.#log(`sessie op ${target.serverUrl} niet bereikbaar: ${describe(error)}`);
        refuseUpgrade(socket, 502);
      },
    );
  }

  /** Closes every connection through the relay. */
  close(): void {
    for (const socket of this.#open) socket.terminate();
    this.#open.clear();
    this.#webSockets.close();
  }
}

/** A relay listening on loopback by itself (the desktop app, which has no HTTP server). */
export interface LoopbackRelay {
  /** The address the window connects to, secret included: `ws://127.0.0.1:<port>/<secret>`. */
  readonly url: string;
  /** Closes the relay and every connection through it. */
  close(): Promise<void>;
}

/**
 * Starts `relay` on a free port of 127.0.0.1, admitting only requests with its secret as the
 * path and its own address as the Host (a page of another site reached through DNS rebinding
 * names its own).
 */
export async function startLoopbackRelay(relay: SessionRelay): Promise<LoopbackRelay> {
  const secret = randomBytes(32).toString('base64url');
  const server: Server = createServer((_request, response) => {
    response.writeHead(404).end();
  });
  let port = 0;
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!hasSecret(request, secret, port)) {
      socket.on('error', () => socket.destroy());
      return refuseUpgrade(socket, 403);
    }
    relay.handleUpgrade(request, socket, head);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as { port: number }).port;
  return {
    url: `ws://127.0.0.1:${port}/${secret}`,
    close: async () => {
      relay.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function hasSecret(request: IncomingMessage, secret: string, port: number): boolean {
  if (request.headers.host !== `127.0.0.1:${port}`) return false;
  const path = (request.url ?? '/').split('?', 1)[0] ?? '';
  const given = Buffer.from(path.slice(1));
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The WebSocket to `target`, open: for a fingerprint, over a TLS connection whose certificate
 * was checked against it before the WebSocket's first byte was written.
 */
async function connectTarget(
  target: RelayTarget,
  limits: { connectTimeoutMs: number; maxPayload: number },
): Promise<WebSocket> {
  const deadline = Date.now() + limits.connectTimeoutMs;
  const pinned =
    target.fingerprint === null
      ? null
      : await connectPinned(new URL(target.serverUrl), target.fingerprint, limits.connectTimeoutMs);
  return new Promise<WebSocket>((resolve, reject) => {
    const upstream = new WebSocket(target.serverUrl, {
      maxPayload: limits.maxPayload,
      perMessageDeflate: false,
      handshakeTimeout: Math.max(1, deadline - Date.now()),
      followRedirects: false,
      ...(pinned ? { createConnection: () => pinned } : { ca: trustedAuthorities() }),
    });
    const fail = (error: Error) => {
      upstream.terminate();
      reject(error);
    };
    upstream.once('open', () => {
      upstream.off('error', fail);
      resolve(upstream);
    });
    upstream.once('error', fail);
    upstream.once('unexpected-response', (_request, response) =>
      fail(new Error(`HTTP ${response.statusCode ?? '?'}`)),
    );
  });
}

let authorities: string[] | undefined;

/**
 * The authorities a server without a fingerprint is checked against: Node's own and the
 * system's, so that an organisation's server with a certificate from its own authority (which
 * its computers trust) is accepted as the desktop's browser would accept it. Undefined, Node's
 * defaults, where Node cannot read the system's.
 */
function trustedAuthorities(): string[] | undefined {
  if (authorities === undefined && typeof tls.getCACertificates === 'function') {
    try {
      authorities = [...tls.getCACertificates('default'), ...tls.getCACertificates('system')];
    } catch {
      authorities = undefined;
    }
  }
  return authorities;
}

/**
 * A TLS connection to `url` whose certificate has the SHA-256 `fingerprint`. Nothing is
 * written to it here; a connection that presents another certificate is destroyed.
 */
function connectPinned(url: URL, fingerprint: string, timeoutMs: number): Promise<TLSSocket> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host,
      port: Number(url.port || 443),
      // The certificate is checked below, against the invitation, not against authorities.
      rejectUnauthorized: false,
      ...(isIP(host) === 0 ? { servername: host } : {}),
      ALPNProtocols: ['http/1.1'],
    });
    const timer = setTimeout(() => fail(new Error('geen antwoord')), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    };
    socket.once('error', fail);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      socket.off('error', fail);
      const certificate = socket.getPeerX509Certificate();
      const presented = certificate ? fingerprintOf(certificate.raw) : null;
      if (presented !== fingerprint) {
        socket.destroy();
        reject(new WrongHostError(presented));
        return;
      }
      resolve(socket);
    });
  });
}

/** Passes messages both ways until either side closes, then closes the other alike. */
function pipe(window: WebSocket, upstream: WebSocket, done: () => void): void {
  const forward = (to: WebSocket) => (data: RawData, isBinary: boolean) => {
    if (to.readyState !== WebSocket.OPEN) return;
    if (to.bufferedAmount > MAX_BUFFERED_BYTES) {
      window.terminate();
      upstream.terminate();
      return;
    }
    to.send(data, { binary: isBinary });
  };
  window.on('message', forward(upstream));
  upstream.on('message', forward(window));
  const closeOther = (other: WebSocket) => (code: number, reason: Buffer) => {
    done();
    if (other.readyState === WebSocket.CLOSED || other.readyState === WebSocket.CLOSING) return;
    // Codes a close frame may carry are passed on (the server's refusals among them); an
    // abnormal end (1006) cannot be sent, and ends the other side as abruptly.
    if (isSendableCloseCode(code)) other.close(code, reason);
    else other.terminate();
  };
  window.once('close', closeOther(upstream));
  upstream.once('close', closeOther(window));
  window.on('error', () => window.terminate());
  upstream.on('error', () => upstream.terminate());
}

function isSendableCloseCode(code: number): boolean {
  return (
    (code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006) ||
    (code >= 3000 && code <= 4999)
  );
}

/** Answers an upgrade request with `status` and closes it (no WebSocket is made). */
export function refuseUpgrade(socket: Duplex, status: 403 | 502): void {
  if (socket.destroyed) return;
  const text = status === 403 ? 'Forbidden' : 'Bad Gateway';
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
