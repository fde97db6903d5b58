/**
 * The co-editing sync server: `@hocuspocus/server` with the resolutie's own extensions, one
 * concern each, assembled here:
 *
 * - SessionAuthentication: signed tokens decide who joins which document, editor or reader;
 * - MessageGuard: malformed messages and updates that would break the document are refused;
 * - DocumentPersistence: documents are `.resolutie` files in the data folder;
 * - Redis (optional): several instances behind a load balancer share their changes.
 *
 * Limits: a WebSocket message larger than `maxMessageBytes` closes that socket (ws's
 * `maxPayload`, code 1009); a connection that sends nothing for `timeoutMs` is closed
 * (providers send their presence every 15 seconds, so only dead or silent ones are). The
 * same server runs stand-alone (`resolutie server`) and inside the app for a session.
 */
import type { Socket } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Server } from '@hocuspocus/server';
import type { Extension, WebSocketLike } from '@hocuspocus/server';
import { Redis } from '@hocuspocus/extension-redis';
import type { FileWriter } from '../../shared/collab/documentFile.ts';
import { findAppRoot } from '../services/appRoot.ts';
import { readPackageIdentity } from '../services/appInfo.ts';
import { DocumentPersistence } from './documentPersistence.ts';
import type { StoreFailure } from './documentPersistence.ts';
import { MessageGuard } from './messageGuard.ts';
import { PresenceGuard } from './presenceGuard.ts';
import type { MessageRateLimits } from './messageRate.ts';
import { ServerDocuments } from './serverDocuments.ts';
import { SessionAuthentication } from './sessionAuthentication.ts';
import { MIN_SECRET_LENGTH } from './sessionTokens.ts';

/** Where several instances meet. */
export interface RedisOptions {
  host: string;
  port: number;
  /** Prefix of the keys and channels; instances that share documents share it. */
  prefix?: string;
}

/** How to start a sync server. */
export interface CollabServerOptions {
  /** The address to listen on: `127.0.0.1` for this machine only, `0.0.0.0` for the network. */
  host: string;
  /** The port; 0 takes any free one (see `port` of the result). */
  port: number;
  /** The folder of the documents (`<name>.resolutie`). */
  dataDir: string;
  /** The secret that signs and checks the tokens of invitations. */
  secret: string;
  /** The largest WebSocket message accepted; larger ones close the sender's socket. */
  maxMessageBytes: number;
  /** Connections silent for this long are closed (default 30 s). */
  timeoutMs?: number;
  /** Wait this long after a change before storing (default 2 s; at most 10 s of changes). */
  storeDebounceMs?: number;
  redis?: RedisOptions;
  /** Where the server reports refusals, failures and new documents (default: nowhere). */
  log?: (line: string) => void;
  /** Who writes the files (`savedBy`); default: this app's name and version. */
  writer?: FileWriter;
  /**
   * Open connections allowed from one address at once (default 64; 0: no limit). Behind a
   * load balancer or proxy every client comes from its address: raise it or use 0 there.
   */
  maxConnectionsPerAddress?: number;
  /** Messages one connection may send (default: bursts of 400, 100 a second). */
  messageRate?: MessageRateLimits;
}

/** Open connections from one address, unless the caller says otherwise. */
export const DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 64;

/** A running sync server. */
export interface CollabServer {
  /** `ws://host:port`, for invitations (with the real port when `port` was 0). */
  url: string;
  port: number;
  /** The server's documents on disk, e.g. to put one there before inviting to it. */
  documents: ServerDocuments;
  /**
   * Stops: refuses new connections, stores every open document, then closes the sockets.
   * Rejects when a document could not be stored (it names it); the sockets close anyway.
   */
  stop(): Promise<void>;
}

/** An error starting the server, with a Dutch message. */
export class CollabServerError extends Error {
  override name = 'CollabServerError';
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_DEBOUNCE_MS = 2_000;
const MAX_DEBOUNCE_MS = 10_000;
const REDIS_CONNECT_TIMEOUT_MS = 10_000;
// After the documents are stored, sockets get this long to close before they are cut.
const SOCKET_CLOSE_GRACE_MS = 1_000;
const GOING_AWAY = 1001;
const WEBSOCKET_CLOSED = 3;

/** Starts a sync server; resolves once it listens (and, with Redis, once Redis answers). */
export async function startCollabServer(options: CollabServerOptions): Promise<CollabServer> {
  if (options.secret.length < MIN_SECRET_LENGTH) {
    throw new CollabServerError(
      `De sleutel van de server is te kort (minstens ${MIN_SECRET_LENGTH} tekens).`,
    );
  }
  // ws reads a limit below 1 as "no limit": never what a caller means.
  if (!Number.isSafeInteger(options.maxMessageBytes) || options.maxMessageBytes < 1) {
    throw new RangeError(
      `maxMessageBytes must be a positive integer, not ${options.maxMessageBytes}`,
    );
  }
  const log = options.log ?? (() => undefined);
  const writer = options.writer ?? (await readOwnIdentity());
  const documents = new ServerDocuments(options.dataDir, writer);
  const persistence = new DocumentPersistence(documents, log);
  const redis = options.redis ? createRedis(options.redis, log) : null;
  const extensions: Extension[] = [
    new SessionAuthentication(options.secret, documents, log),
    new MessageGuard(log, options.messageRate),
    new PresenceGuard(log),
    persistence,
  ];
  if (redis) extensions.push(redis);

  // Open sockets: raw ones to cut at the end, WebSockets of joined clients to close politely.
  const sockets = new Set<Socket>();
  const webSockets = new Set<WebSocketLike>();
  extensions.push({
    async connected({ connection }) {
      for (const webSocket of webSockets) {
        if (webSocket.readyState === WEBSOCKET_CLOSED) webSockets.delete(webSocket);
      }
      webSockets.add(connection.webSocket);
    },
  });

  const server = new Server({
    address: options.host,
    port: options.port,
    quiet: true,
    stopOnSignals: false,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    debounce: options.storeDebounceMs ?? DEFAULT_DEBOUNCE_MS,
    maxDebounce: Math.max(MAX_DEBOUNCE_MS, options.storeDebounceMs ?? 0),
    websocketOptions: { maxPayload: options.maxMessageBytes },
    extensions,
  });
  // A flood of connections from one address is cut before any HTTP or WebSocket work.
  const maxPerAddress = options.maxConnectionsPerAddress ?? DEFAULT_MAX_CONNECTIONS_PER_ADDRESS;
  const perAddress = new Map<string, number>();
  // Addresses over the limit, logged once until one of their connections closes.
  const overLimit = new Set<string>();
  server.httpServer.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const open = (perAddress.get(address) ?? 0) + 1;
    if (maxPerAddress > 0 && open > maxPerAddress) {
      if (!overLimit.has(address)) {
        log(`verbindingen van ${address} geweigerd: al ${maxPerAddress} open`);
        overLimit.add(address);
      }
      socket.destroy();
      return;
    }
    perAddress.set(address, open);
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      overLimit.delete(address);
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    });
  });

  try {
    if (redis) await waitForRedis(redis, options.redis!);
    await listen(server);
  } catch (error) {
    // Nothing was loaded yet: closing the Redis clients is all there is to undo.
    redis?.pub.disconnect();
    redis?.sub.disconnect();
    throw error;
  }

  const port = server.address.port;
  const url = `ws://${formatHost(options.host)}:${port}`;
  let stopping: Promise<void> | null = null;
  return {
    url,
    port,
    documents,
    stop: () => {
      stopping ??= stopServer(server, persistence, sockets, webSockets);
      return stopping;
    },
  };
}

async function stopServer(
  server: Server,
  persistence: DocumentPersistence,
  sockets: Set<Socket>,
  webSockets: Set<WebSocketLike>,
): Promise<void> {
  // Hocuspocus's destroy stores every document and resolves once all are unloaded; a document
  // whose store fails stays loaded, so a failure ends the wait instead.
  let stopListening: () => void = () => undefined;
  const failed = new Promise<StoreFailure>((resolve) => {
    stopListening = persistence.onStoreFailure(resolve);
  });
  try {
    const outcome = await Promise.race([server.destroy().then(() => null), failed]);
    if (outcome) {
      throw new CollabServerError(
        `Het document ${outcome.documentName} kon niet worden opgeslagen: ${(outcome.error as Error).message ?? outcome.error}`,
      );
    }
  } finally {
    stopListening();
    await closeSockets(sockets, webSockets);
  }
}

async function closeSockets(sockets: Set<Socket>, webSockets: Set<WebSocketLike>): Promise<void> {
  // Joined clients hear why (and a provider will try again later); the sockets of clients that
  // never joined are cut, as are those that do not answer the close in time.
  for (const webSocket of webSockets) {
    try {
      webSocket.close(GOING_AWAY, 'De server stopt.');
    } catch {
      // Already closed.
    }
  }
  const deadline = Date.now() + SOCKET_CLOSE_GRACE_MS;
  const isOpen = (webSocket: WebSocketLike) => webSocket.readyState !== WEBSOCKET_CLOSED;
  while ([...webSockets].some(isOpen) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  webSockets.clear();
  for (const socket of sockets) socket.destroy();
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        new CollabServerError(
          error.code === 'EADDRINUSE'
            ? `Poort ${server.configuration.port} is al in gebruik; kies een andere met --port.`
            : error.code === 'EADDRNOTAVAIL'
              ? `Het adres ${server.configuration.address} hoort niet bij deze computer.`
              : `De server kan niet starten: ${error.message}`,
          { cause: error },
        ),
      );
    };
    server.httpServer.once('error', onError);
    server.listen().then(() => {
      server.httpServer.off('error', onError);
      resolve();
    }, reject);
  });
}

function createRedis(options: RedisOptions, log: (line: string) => void): Redis {
  const redis = new Redis({
    host: options.host,
    port: options.port,
    prefix: options.prefix ?? 'resolutie',
  });
  // ioredis reconnects by itself and reports every failed attempt; say each new problem once.
  let last = '';
  const report = (error: Error) => {
    if (error.message !== last) log(`Redis: ${error.message}`);
    last = error.message;
  };
  redis.pub.on('error', report);
  redis.sub.on('error', report);
  redis.pub.on('ready', () => (last = ''));
  return redis;
}

function waitForRedis(redis: Redis, options: RedisOptions): Promise<void> {
  const clients = [redis.pub, redis.sub];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new CollabServerError(
          `Redis op ${options.host}:${options.port} antwoordt niet; draait hij, en klopt het adres?`,
        ),
      );
    }, REDIS_CONNECT_TIMEOUT_MS);
    Promise.all(
      clients.map(
        (client) =>
          new Promise<void>((ready) => {
            if (client.status === 'ready') ready();
            else client.once('ready', () => ready());
          }),
      ),
    ).then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

async function readOwnIdentity(): Promise<FileWriter> {
  const identity = await readPackageIdentity(
    findAppRoot(path.dirname(fileURLToPath(import.meta.url))),
  );
  return { app: identity.name, version: identity.version };
}
