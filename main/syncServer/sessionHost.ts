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
 *
 * Invitations are made one by one while the session runs (`createInvitation`): a role, the name
 * of the colleague it is for, and for a lezer whether they may comment, signed with the
 * session's secret, which only this app knows. The host joins as a redacteur under their own
 * name, so the server holds their proposals and comments to it as to everyone's.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readYDoc, decodeYDoc } from '../../shared/ydoc/yDocument.ts';
import { writeDocumentFile } from '../../shared/ydoc/documentFile.ts';
import type { FileWriter } from '../../shared/ydoc/documentFile.ts';
import {
  InvitationError,
  formatInvitation,
  isInvitationName,
  parseInvitation,
} from '../../shared/session/invitation.ts';
import type { SessionRole } from '../../shared/session/invitation.ts';
import { startCollabServer } from './collabServer.ts';
import type { CollabServer } from './collabServer.ts';
import { createSessionToken, verifySessionToken } from './sessionTokens.ts';
import { SessionRelay, startLoopbackRelay } from './sessionRelay.ts';
import type { LoopbackRelay } from './sessionRelay.ts';
import { loadTlsIdentity } from './tlsIdentity.ts';
import type { TlsIdentity } from './tlsIdentity.ts';
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
  /**
   * The folder of this installation's TLS identity (tlsIdentity.ts): the profile. Every
   * session serves `wss://` with it, and its invitations carry its fingerprint.
   */
  identityDir: string;
  /** Where a damaged identity is reported (it is replaced). */
  log?: (line: string) => void;
}

/** A session as `start` answers it. */
export interface HostedSession {
  documentName: string;
  serverUrl: string;
  /** The host's own invitation: a redacteur, under the host's name when one was given. */
  ownInvitation: string;
  /** Invitations that name nobody, as before names (createInvitation makes named ones). */
  invitations: Record<'editor' | 'reader', string>;
  networkAddress: string | null;
  /** The SHA-256 fingerprint of the certificate every invitation to it pins. */
  fingerprint: string;
}

/** What an invitation made with `createInvitation` grants. */
export interface InvitationRequest {
  role: SessionRole;
  /** The colleague's name (isInvitationName); required for a voorsteller and a commenting lezer. */
  name: string | null;
  /** Whether a lezer may comment; a redacteur and a voorsteller always may. */
  mayComment: boolean;
}

/** One connection to a hosted session, as the host sees it (`listParticipants`). */
export interface HostedParticipant {
  /** The invitation's id; null for one made before invitations had ids. */
  invitationId: string | null;
  role: SessionRole;
  /** The name the invitation carries, or null. */
  invitationName: string | null;
  mayComment: boolean;
  /** The presence's client id and name, null until the connection set one. */
  clientId: number | null;
  presenceName: string | null;
  /** Whether it is the host's own invitation, which is never removed or withdrawn. */
  host: boolean;
}

/** A running session: its server, and what its invitations are made with. */
interface Session {
  server: CollabServer;
  secret: string;
  /** The address colleagues reach the server at. */
  shareUrl: string;
  /** The fingerprint of the certificate the server presents, which invitations pin. */
  fingerprint: string;
  title: string | null;
  /**
   * The id of the host's own invitation: kept when the host withdraws the redacteur
   * invitations, and never removed. Set once that invitation is made.
   */
  hostInvitationId: string | null;
}

/** The default port of hosted sessions: one number colleagues' firewalls can allow. */
export const DEFAULT_SESSION_PORT = 4791;

/** The largest message a client may send: a whole document of the largest size, and more. */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

export class SessionHost {
  readonly #options: SessionHostOptions;
  readonly #sessions = new Map<string, Session>();
  #identity: Promise<TlsIdentity> | null = null;
  /**
   * The windows' end of every session connection, hosted here or joined (sessionRelay.ts): the
   * browser-mode host serves it at RELAY_PATH; the desktop app on a loopback port of its own.
   */
  readonly relay: SessionRelay;
  #loopbackRelay: Promise<LoopbackRelay> | null = null;

  constructor(options: SessionHostOptions) {
    this.#options = options;
    this.relay = new SessionRelay({ log: options.log });
  }

  /**
   * Starts hosting `state` as document `documentName` (the open document's id); a session
   * already running for it is ended first, so the server holds what the user has now. The host
   * joins as a redacteur under `hostName` (their name in the preferences), when given.
   */
  async start(
    documentName: string,
    title: string,
    state: Uint8Array,
    hostName?: string,
  ): Promise<HostedSession> {
    if (hostName !== undefined && !isInvitationName(hostName)) {
      throw new InvitationError(NAME_PROBLEM);
    }
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
    const identity = await this.#loadIdentity();
    const server = await this.#listen(dataDir, secret, identity);
    const advertised = this.#options.advertisedHost ?? findNetworkAddress();
    const session: Session = {
      server,
      secret,
      shareUrl: `wss://${formatHost(advertised ?? '127.0.0.1')}:${server.port}`,
      fingerprint: identity.fingerprint,
      title: title.trim() || null,
      hostInvitationId: null,
    };
    this.#sessions.set(documentName, session);

    const unnamed = (role: 'editor' | 'reader') =>
      invite(session, documentName, { role, name: null, mayComment: false });
    const ownUrl = `wss://127.0.0.1:${server.port}`;
    const ownInvitation = invite({ ...session, shareUrl: ownUrl }, documentName, {
      role: 'editor',
      name: hostName ?? null,
      mayComment: true,
    });
    session.hostInvitationId = readInvitationId(session, documentName, ownInvitation);
    return {
      documentName,
      serverUrl: ownUrl,
      ownInvitation,
      invitations: { editor: unnamed('editor'), reader: unnamed('reader') },
      networkAddress: advertised ? `${formatHost(advertised)}:${server.port}` : null,
      fingerprint: identity.fingerprint,
    };
  }

  /**
   * An invitation to the running session of `documentName` for one colleague, at the address
   * colleagues reach it. Throws an InvitationError (Dutch) for a name that breaks the rules of
   * names, or a voorsteller or commenting lezer without one; an Error when no session runs.
   */
  createInvitation(documentName: string, request: InvitationRequest): string {
    const session = this.#sessions.get(documentName);
    if (!session) throw new Error(`No session runs for ${documentName}`);
    if (request.name !== null && !isInvitationName(request.name)) {
      throw new InvitationError(NAME_PROBLEM);
    }
    const commenting = request.role === 'reader' && request.mayComment;
    if ((request.role === 'proposer' || commenting) && request.name === null) {
      throw new InvitationError(
        request.role === 'proposer'
          ? 'Een uitnodiging als voorsteller noemt de naam van de voorsteller.'
          : 'Een uitnodiging als lezer met opmerkingen noemt de naam van de lezer.',
      );
    }
    return invite(session, documentName, request);
  }

  /**
   * Who is connected to the session of `documentName`, one entry per connection: the
   * invitation it joined with and the presence it set; the host's own invitation is marked.
   * Throws an Error when no session runs.
   */
  listParticipants(documentName: string): HostedParticipant[] {
    const session = this.#getSession(documentName);
    const own = session.hostInvitationId;
    return session.server.listParticipants(documentName).map((entry) => ({
      invitationId: entry.invitationId,
      role: entry.role,
      invitationName: entry.invitationName,
      mayComment: entry.mayComment,
      clientId: entry.presence?.clientId ?? null,
      presenceName: entry.presence?.name ?? null,
      host: entry.invitationId !== null && entry.invitationId === own,
    }));
  }

  /**
   * Removes a participant: withdraws the invitation `invitationId` for the rest of the
   * session, which disconnects everyone who joined with it. Returns how many connections
   * closed. Throws an InvitationError (Dutch) for the host's own invitation.
   */
  removeParticipant(documentName: string, invitationId: string): number {
    const session = this.#getSession(documentName);
    if (invitationId === session.hostInvitationId) {
      throw new InvitationError(
        'Uw eigen uitnodiging kunt u niet intrekken; met ‘Sessie stoppen’ koppelt u iedereen los.',
      );
    }
    return session.server.withdrawInvitation(invitationId);
  }

  /**
   * Withdraws every invitation of `role` made so far but the host's own: everyone connected
   * with one is disconnected. Returns how many connections closed, and a fresh invitation for
   * each of the unnamed standing ones the role withdrew (`HostedSession.invitations`), made
   * after the withdrawal, so they work.
   */
  withdrawInvitations(
    documentName: string,
    role: SessionRole,
  ): { disconnected: number; invitations: Partial<HostedSession['invitations']> } {
    const session = this.#getSession(documentName);
    const own = session.hostInvitationId;
    const disconnected = session.server.withdrawRole(role, own ? [own] : []);
    const invitations: Partial<HostedSession['invitations']> = {};
    if (role === 'editor' || role === 'reader') {
      invitations[role] = invite(session, documentName, { role, name: null, mayComment: false });
    }
    return { disconnected, invitations };
  }

  #getSession(documentName: string): Session {
    const session = this.#sessions.get(documentName);
    if (!session) throw new Error(`No session runs for ${documentName}`);
    return session;
  }

  /**
   * Ends the session of `documentName` (if any): the participants are told it ended (they stop
   * reconnecting and keep their copy), the document is stored, everyone leaves.
   */
  async stop(documentName: string): Promise<void> {
    const session = this.#sessions.get(documentName);
    if (!session) return;
    this.#sessions.delete(documentName);
    await session.server.end();
  }

  /** Ends every session (the app quits), and the relay with every connection through it. */
  async close(): Promise<void> {
    await Promise.all([...this.#sessions.keys()].map((name) => this.stop(name)));
    const loopback = this.#loopbackRelay;
    this.#loopbackRelay = null;
    await (await loopback?.catch(() => null))?.close();
    this.relay.close();
  }

  /**
   * The address of the relay on a loopback port of its own, with its own secret (the desktop
   * app's; the browser-mode host serves `relay` itself): started on first use.
   */
  async getLoopbackRelayUrl(): Promise<string> {
    this.#loopbackRelay ??= startLoopbackRelay(this.relay).catch((error: unknown) => {
      this.#loopbackRelay = null;
      throw error;
    });
    return (await this.#loopbackRelay).url;
  }

  /** Whether a session runs for `documentName`. */
  isHosting(documentName: string): boolean {
    return this.#sessions.has(documentName);
  }

  // Made on first use, then the same for every session: a colleague's app may see it again.
  // A failure is not kept, so the next start tries again.
  #loadIdentity(): Promise<TlsIdentity> {
    this.#identity ??= loadTlsIdentity(this.#options.identityDir, this.#options.log).catch(
      (error: unknown) => {
        this.#identity = null;
        throw error;
      },
    );
    return this.#identity;
  }

  // The first session takes the known port; when that is taken (another session, another app),
  // any free port: the invitation names it anyway.
  async #listen(dataDir: string, secret: string, identity: TlsIdentity): Promise<CollabServer> {
    const host = this.#options.bindHost ?? '0.0.0.0';
    const preferred = this.#options.port ?? DEFAULT_SESSION_PORT;
    const tls = { key: identity.key, cert: identity.cert };
    const start = (port: number) =>
      startCollabServer({ host, port, dataDir, secret, maxMessageBytes: MAX_MESSAGE_BYTES, tls });
    if (preferred === 0) return start(0);
    try {
      return await start(preferred);
    } catch {
      return start(0);
    }
  }
}

const NAME_PROBLEM =
  'De naam in de uitnodiging kan niet: 1 tot 60 tekens, zonder spaties eromheen en zonder stuurtekens.';

/** The id of the invitation `text`, which `session` signed. */
function readInvitationId(session: Session, documentName: string, text: string): string | null {
  const { token } = parseInvitation(text);
  return verifySessionToken(session.secret, token, documentName, Date.now()).invitationId;
}

/** The invitation line of `request` to `session`'s document, signed with its secret. */
function invite(session: Session, documentName: string, request: InvitationRequest): string {
  const { role, name } = request;
  const mayComment = role !== 'reader' || request.mayComment;
  const token = createSessionToken(session.secret, {
    documentName,
    role,
    name,
    mayComment,
    expiresAt: null,
  });
  return formatInvitation({
    serverUrl: session.shareUrl,
    fingerprint: session.fingerprint,
    documentName,
    token,
    role,
    name,
    mayComment,
    title: session.title,
  });
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
