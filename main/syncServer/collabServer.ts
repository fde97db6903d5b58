/**
 * The co-editing sync server: `@hocuspocus/server` with the resolutie's own extensions, one
 * concern each, assembled here, behind a network side of our own (syncSockets.ts):
 *
 * - the socket gates (socketGate.ts, documentGate.ts): every message is read completely and
 *   counted; every change is checked on the integrated result and applied by the gate before
 *   Hocuspocus sees the message; MessageGuard connects them to Hocuspocus's hooks;
 * - SessionAuthentication: signed tokens decide who joins which document, editor or reader;
 * - DocumentPersistence: documents are `.resolutie` files in the data folder; a failed store
 *   is told to the participants, kept in memory, retried and reported at stop;
 * - CheckedRedis (optional): several instances behind a load balancer share their changes,
 *   each checking what the others send.
 *
 * Limits: a WebSocket message larger than `maxMessageBytes` closes that socket (ws's
 * `maxPayload`, code 1009); a connection that sends nothing for `timeoutMs` is closed
 * (providers send their presence every 15 seconds, so only dead or silent ones are); the rest
 * in syncSockets.ts and docs/SERVER.md. The same server runs stand-alone (`resolutie server`)
 * and inside the app for a session.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hocuspocus } from '@hocuspocus/server';
import type { Extension } from '@hocuspocus/server';
import type { FileWriter } from '../../shared/ydoc/documentFile.ts';
import { encodeEndNotice } from '../../shared/session/endNotice.ts';
import { findAppRoot } from '../services/app/appRoot.ts';
import { readPackageIdentity } from '../services/app/appInfo.ts';
import { CheckedRedis } from './checkedRedis.ts';
import { DocumentPersistence } from './documentPersistence.ts';
import type { GateLimits } from './documentGate.ts';
import { MessageGuard } from './messageGuard.ts';
import { PresenceGuard } from './presenceGuard.ts';
import {
  DEFAULT_CHECK_TIME_LIMITS,
  DEFAULT_MESSAGE_LIMITS,
  DEFAULT_REQUEST_LIMITS,
  defaultByteLimits,
} from './messageRate.ts';
import type { MessageRateLimits } from './messageRate.ts';
import { ServerDocuments } from './serverDocuments.ts';
import { SessionAuthentication } from './sessionAuthentication.ts';
import { MIN_SECRET_LENGTH } from './sessionTokens.ts';
import { InvitationWithdrawals } from './invitationWithdrawals.ts';
import { closeWithdrawnConnections, listParticipants } from './sessionParticipants.ts';
import type { SessionParticipant } from './sessionParticipants.ts';
import type { SessionRole } from '../../shared/session/invitation.ts';
import { SyncSockets } from './syncSockets.ts';

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
  /**
   * A key and certificate (PEM): the server then speaks only TLS (`wss://`), so what
   * participants send, their invitations included, cannot be read on the way.
   */
  tls?: { key: string; cert: string } | undefined;
  /** Connections silent for this long are closed (default 30 s). */
  timeoutMs?: number;
  /** Wait this long after a change before storing (default 2 s; at most 10 s of changes). */
  storeDebounceMs?: number;
  /** After a failed store, try again this often (default 10 s). */
  storeRetryMs?: number;
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
  /** Bytes read from connections that have not signed in, in all (default 64 MiB). */
  maxUnauthenticatedBytes?: number;
  /** Messages and bytes one connection may send (default: see messageRate.ts). */
  messageRate?: Partial<MessageRateLimits>;
  /**
   * How long a change may wait for what it builds on, or for the client id it writes under to
   * be free (default: `timeoutMs` and 5 seconds more, so an old connection of the same
   * participant that went silent has been closed by then).
   */
  holdMs?: number;
}

/** Open connections from one address, unless the caller says otherwise. */
export const DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 64;
/** Bytes read from connections not signed in, in all, unless the caller says otherwise. */
export const DEFAULT_MAX_UNAUTHENTICATED_BYTES = 64 * 1024 * 1024;

/** A running sync server. */
export interface CollabServer {
  /** `ws://host:port`, for invitations (with the real port when `port` was 0). */
  url: string;
  port: number;
  /** The server's documents on disk, e.g. to put one there before inviting to it. */
  documents: ServerDocuments;
  /**
   * Stops: refuses new connections, stores every open document, then closes the sockets.
   * Rejects (naming them) when documents could not be stored; the sockets close anyway.
   */
  stop(): Promise<void>;
  /**
   * Ends the session for good: tells every participant so (shared/session/endNotice.ts), so that
   * they stop reconnecting and keep their copy, then stops as `stop` does.
   */
  end(): Promise<void>;
  /** Who is connected to `documentName` (every open document when not given), per connection. */
  listParticipants(documentName?: string): SessionParticipant[];
  /**
   * Withdraws the invitation with `invitationId` for as long as the server runs: it is refused
   * at sign-in, and every open connection with it is closed now. Returns how many were.
   */
  withdrawInvitation(invitationId: string): number;
  /**
   * Withdraws every invitation of `role` made until now, except those in `keep` (the host's
   * own), as `withdrawInvitation` does; invitations made afterwards are admitted.
   */
  withdrawRole(role: SessionRole, keep?: Iterable<string>): number;
}

/** An error starting or stopping the server, with a Dutch message. */
export class CollabServerError extends Error {
  override name = 'CollabServerError';
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_DEBOUNCE_MS = 2_000;
const MAX_DEBOUNCE_MS = 10_000;
const REDIS_CONNECT_TIMEOUT_MS = 10_000;
// After the documents are stored, sockets get this long to close before they are cut.
const SOCKET_CLOSE_GRACE_MS = 1_000;
// How long a stop waits for the documents to be stored and unloaded.
const STOP_TIMEOUT_MS = 20_000;
// A participant that does not read what it is sent is closed beyond this.
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;
// How many bytes of changes one participant may have waiting in its document's gate.
const MAX_HELD_BYTES = 16 * 1024 * 1024;

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
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const gateLimits: GateLimits = {
    holdMs: options.holdMs ?? timeoutMs + 5_000,
    maxHeldBytes: Math.max(MAX_HELD_BYTES, 2 * options.maxMessageBytes),
  };
  const documents = new ServerDocuments(options.dataDir, writer);
  const persistence = new DocumentPersistence(documents, log, options.storeRetryMs);
  const redis = options.redis ? createRedis(options.redis, gateLimits, log) : null;
  const withdrawals = new InvitationWithdrawals();
  const extensions: Extension[] = [
    new MessageGuard(log),
    new SessionAuthentication(options.secret, documents, withdrawals, log),
    new PresenceGuard(log),
    persistence,
  ];
  if (redis) extensions.push(redis);

  const hocuspocus = new Hocuspocus({
    quiet: true,
    // The network side closes silent connections itself, within a second of `timeoutMs`;
    // Hocuspocus's own check (which may take twice its timeout) only backs it up.
    timeout: 2 * timeoutMs + 10_000,
    debounce: options.storeDebounceMs ?? DEFAULT_DEBOUNCE_MS,
    maxDebounce: Math.max(MAX_DEBOUNCE_MS, options.storeDebounceMs ?? 0),
    extensions,
  });
  const sockets = new SyncSockets(hocuspocus, {
    host: options.host,
    port: options.port,
    maxMessageBytes: options.maxMessageBytes,
    timeoutMs,
    maxConnectionsPerAddress:
      options.maxConnectionsPerAddress ?? DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
    maxUnauthenticatedBytes: options.maxUnauthenticatedBytes ?? DEFAULT_MAX_UNAUTHENTICATED_BYTES,
    maxBufferedBytes: Math.max(MAX_BUFFERED_BYTES, 4 * options.maxMessageBytes),
    gate: {
      rate: {
        messages: options.messageRate?.messages ?? DEFAULT_MESSAGE_LIMITS,
        bytes: options.messageRate?.bytes ?? defaultByteLimits(options.maxMessageBytes),
        requests: options.messageRate?.requests ?? DEFAULT_REQUEST_LIMITS,
        checkMs: options.messageRate?.checkMs ?? DEFAULT_CHECK_TIME_LIMITS,
      },
      gate: gateLimits,
      log,
    },
    log,
    tls: options.tls,
  });

  let port: number;
  try {
    if (redis) await waitForRedis(redis, options.redis!);
    port = await listen(sockets, options);
  } catch (error) {
    // Nothing was loaded yet: closing the Redis clients is all there is to undo.
    sockets.stopListening();
    redis?.pub.disconnect();
    redis?.sub.disconnect();
    throw error;
  }

  const url = `${options.tls ? 'wss' : 'ws'}://${formatHost(options.host)}:${port}`;
  let stopping: Promise<void> | null = null;
  return {
    url,
    port,
    documents,
    stop: () => {
      stopping ??= stopServer(hocuspocus, sockets, persistence);
      return stopping;
    },
    end: () => {
      // Each participant directly, not a document broadcast: that would go to Redis as well,
      // and a session's end is this server's alone. Sent before the sockets close, so it
      // arrives before the close does.
      if (!stopping) {
        const notice = encodeEndNotice();
        for (const document of hocuspocus.documents.values()) {
          for (const connection of document.getConnections()) connection.sendStateless(notice);
        }
      }
      stopping ??= stopServer(hocuspocus, sockets, persistence);
      return stopping;
    },
    listParticipants: (documentName) => listParticipants(hocuspocus, documentName),
    // What this server withdraws holds here only: with Redis, other instances still admit it
    // (withdrawing is for sessions hosted from the app, which run one instance).
    withdrawInvitation: (invitationId) => {
      withdrawals.withdraw(invitationId);
      return closeWithdrawnConnections(hocuspocus, withdrawals, log);
    },
    withdrawRole: (role, keep = []) => {
      withdrawals.withdrawRole(role, keep);
      return closeWithdrawnConnections(hocuspocus, withdrawals, log);
    },
  };
}

/**
 * Stops in order: no new connections; every participant's document connection closed, which
 * stores each document (Hocuspocus, at once when its last participant leaves); documents that
 * could not be stored tried once more; then the sockets closed. Never hangs: after
 * STOP_TIMEOUT_MS it reports what is still not stored.
 */
async function stopServer(
  hocuspocus: Hocuspocus,
  sockets: SyncSockets,
  persistence: DocumentPersistence,
): Promise<void> {
  sockets.stopListening();
  try {
    hocuspocus.closeConnections();
    hocuspocus.flushPendingStores();
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    let retried = false;
    // Documents unload once stored; an unsaved one stays loaded (it is tried once more).
    while (Date.now() < deadline) {
      const unsaved = new Set(persistence.listUnsaved().map((entry) => entry.documentName));
      const waiting = [...hocuspocus.documents.keys()].filter((name) => !unsaved.has(name));
      if (waiting.length === 0 && hocuspocus.loadingDocuments.size === 0) {
        if (unsaved.size === 0 || retried) break;
        retried = true;
        await persistence.retryUnsaved();
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
  } finally {
    await sockets.closeAll(SOCKET_CLOSE_GRACE_MS);
  }
  const unsaved = persistence.listUnsaved();
  const left = [...hocuspocus.documents.keys()].filter(
    (name) => !unsaved.some((entry) => entry.documentName === name),
  );
  // What is still loaded could not be stored; it goes now (reported below), with its timers.
  for (const document of hocuspocus.documents.values()) document.destroy();
  hocuspocus.documents.clear();
  const problems = [
    ...unsaved.map(
      (entry) => `${entry.documentName} (${(entry.error as Error).message ?? String(entry.error)})`,
    ),
    ...left.map((name) => `${name} (opslaan duurde te lang)`),
  ];
  if (problems.length > 0) {
    throw new CollabServerError(
      `Niet opgeslagen bij het stoppen: ${problems.join('; ')}. De wijzigingen daarin sinds de laatste keer opslaan zijn verloren.`,
    );
  }
}

function listen(sockets: SyncSockets, options: CollabServerOptions): Promise<number> {
  return sockets.listen().catch((error: NodeJS.ErrnoException) => {
    throw new CollabServerError(
      error.code === 'EADDRINUSE'
        ? `Poort ${options.port} is al in gebruik; kies een andere met --port.`
        : error.code === 'EADDRNOTAVAIL'
          ? `Het adres ${options.host} hoort niet bij deze computer.`
          : `De server kan niet starten: ${error.message}`,
      { cause: error },
    );
  });
}

function createRedis(
  options: RedisOptions,
  gateLimits: GateLimits,
  log: (line: string) => void,
): CheckedRedis {
  const redis = new CheckedRedis(
    { host: options.host, port: options.port, prefix: options.prefix ?? 'resolutie' },
    gateLimits,
    log,
  );
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

function waitForRedis(redis: CheckedRedis, options: RedisOptions): Promise<void> {
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
