/**
 * The co-editing sessions this app hosts ("Sessie starten"): per document a sync server of its
 * own (main/syncServer/collabServer.ts) on this computer's network, with a fresh secret, its data
 * in the profile. One server per session makes ending a session exact: stopping that server
 * stores the document, disconnects everyone and makes every invitation to it worthless, while
 * other sessions go on.
 *
 * The server is seeded with the document as it is when the session starts (written to the
 * server's data folder before anyone connects); the app then joins with the same Y.Doc, whose
 * history is the seed's, so nothing is doubled.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readYDoc, decodeYDoc } from '../../shared/ydoc/yDocument.ts';
import { writeDocumentFile } from '../../shared/ydoc/documentFile.ts';
import type { FileWriter } from '../../shared/ydoc/documentFile.ts';
import { formatInvitation } from '../../shared/session/invitation.ts';
import type { SessionRole } from '../../shared/session/invitation.ts';
import { startCollabServer } from './collabServer.ts';
import type { CollabServer } from './collabServer.ts';
import { createSessionToken } from './sessionTokens.ts';
import { writeFileAtomic } from '../services/files/atomicWrite.ts';

/** Where and how sessions are hosted. */
export interface SessionHostOptions {
  /** The folder for the servers' documents (`<profile>/sessions`). */
  dataDir: string;
  /** The address the servers listen on: all interfaces by default, so colleagues can join. */
  bindHost?: string;
  /** The port of the first session (later ones take any free port); 0 for any. */
  port?: number;
  /** The address invitations name; by default this computer's first network address. */
  advertisedHost?: string;
  /** The app, for the seeded file's envelope. */
  getWriter: () => Promise<FileWriter>;
}

/** A session as `start` answers it. */
export interface HostedSession {
  documentName: string;
  serverUrl: string;
  ownInvitation: string;
  invitations: Record<SessionRole, string>;
  networkAddress: string | null;
}

/** The default port of hosted sessions: one number colleagues' firewalls can allow. */
export const DEFAULT_SESSION_PORT = 4791;

/** The largest message a client may send: a whole document of the largest size, and more. */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

export class SessionHost {
  readonly #options: SessionHostOptions;
  readonly #servers = new Map<string, CollabServer>();

  constructor(options: SessionHostOptions) {
    this.#options = options;
  }

  /**
   * Starts hosting `state` as document `documentName` (the open document's id); a session
   * already running for it is ended first, so the server holds what the user has now.
   */
  async start(documentName: string, title: string, state: Uint8Array): Promise<HostedSession> {
    await this.stop(documentName);
    // Checked like a file: the server must never start from a document it would refuse.
    const ydoc = decodeYDoc(state);
    readYDoc(ydoc);
    const dataDir = path.join(this.#options.dataDir, documentName);
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(dataDir, { recursive: true });
    await writeFileAtomic(
      path.join(dataDir, `${documentName}.resolutie`),
      writeDocumentFile(ydoc, await this.#options.getWriter()),
    );
    ydoc.destroy();

    const secret = randomBytes(32).toString('base64url');
    const server = await this.#listen(dataDir, secret);
    this.#servers.set(documentName, server);

    const advertised = this.#options.advertisedHost ?? findNetworkAddress();
    const shareUrl = `ws://${formatHost(advertised ?? '127.0.0.1')}:${server.port}`;
    const invite = (role: SessionRole, serverUrl: string) =>
      formatInvitation({
        serverUrl,
        documentName,
        token: createSessionToken(secret, { documentName, role, expiresAt: null }),
        role,
        title: title.trim() || null,
      });
    const ownUrl = `ws://127.0.0.1:${server.port}`;
    return {
      documentName,
      serverUrl: ownUrl,
      ownInvitation: invite('editor', ownUrl),
      invitations: { editor: invite('editor', shareUrl), reader: invite('reader', shareUrl) },
      networkAddress: advertised ? `${formatHost(advertised)}:${server.port}` : null,
    };
  }

  /**
   * Ends the session of `documentName` (if any): the participants are told it ended (they stop
   * reconnecting and keep their copy), the document is stored, everyone leaves.
   */
  async stop(documentName: string): Promise<void> {
    const server = this.#servers.get(documentName);
    if (!server) return;
    this.#servers.delete(documentName);
    await server.end();
  }

  /** Ends every session (the app quits). */
  async close(): Promise<void> {
    await Promise.all([...this.#servers.keys()].map((name) => this.stop(name)));
  }

  /** Whether a session runs for `documentName`. */
  isHosting(documentName: string): boolean {
    return this.#servers.has(documentName);
  }

  // The first session takes the known port; when that is taken (another session, another app),
  // any free port: the invitation names it anyway.
  async #listen(dataDir: string, secret: string): Promise<CollabServer> {
    const host = this.#options.bindHost ?? '0.0.0.0';
    const preferred = this.#options.port ?? DEFAULT_SESSION_PORT;
    const start = (port: number) =>
      startCollabServer({ host, port, dataDir, secret, maxMessageBytes: MAX_MESSAGE_BYTES });
    if (preferred === 0) return start(0);
    try {
      return await start(preferred);
    } catch {
      return start(0);
    }
  }
}

/**
 * The network of hosted sessions from the environment: `RESOLUTIE_SESSION_HOST` makes them
 * listen on that address and name it in invitations (tests and demos use 127.0.0.1),
 * `RESOLUTIE_SESSION_PORT` sets the first port (0: any). Unset, the defaults hold.
 */
export function readSessionNetwork(env: Record<string, string | undefined>): {
  bindHost?: string;
  port?: number;
  advertisedHost?: string;
} {
  const network: { bindHost?: string; port?: number; advertisedHost?: string } = {};
  const host = env.RESOLUTIE_SESSION_HOST?.trim();
  if (host) {
    network.bindHost = host;
    network.advertisedHost = host;
  }
  const port = env.RESOLUTIE_SESSION_PORT?.trim();
  if (port && /^\d{1,5}$/.test(port) && Number(port) <= 65535) network.port = Number(port);
  return network;
}

/** This computer's first IPv4 address on a network (not loopback), or null. */
export function findNetworkAddress(
  interfaces: ReturnType<typeof os.networkInterfaces> = os.networkInterfaces(),
): string | null {
  for (const addresses of Object.values(interfaces)) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4' && !address.internal) return address.address;
    }
  }
  return null;
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
