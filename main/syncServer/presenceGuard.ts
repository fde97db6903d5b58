/**
 * Presence (awareness) is bound and bounded. Awareness is a second channel into every
 * participant: Hocuspocus relays whatever state a connection sends, under any client id. Here:
 *
 * - Bound: a connection sets only the client ids it introduced (presenceOwners.ts). A state
 *   under another connection's id is dropped, not relayed, and the sender keeps its
 *   connection: honest providers relay the states they know when asked, so dropping is the
 *   answer that never hurts one. Removals cannot be forged either: Hocuspocus relays no
 *   removal from a client; a presence ends when its connection closes.
 * - Reconnecting: a provider that reconnects keeps its client id, and its old socket may still
 *   be open on the server (a network that went away says nothing). A claim of an id whose
 *   owner is still connected, with the same invitation, makes the server ask the owner for its
 *   presence (a query, which every Yjs client answers). An owner that sends nothing within
 *   {@link PRESENCE_PROBE_MS} is the dead socket: it is closed and the id, with the claimed
 *   state, goes to the new connection. One that answers is alive, and the claim was not its.
 * - Bounded: one client id per connection; a state of at most 1 KiB and an awareness message
 *   of at most 64 KiB as sent (the connection is closed, code 1009, as for any message too
 *   big), checked on the bytes before anything parses them.
 * - Validated: every state is read by shared/session/presenceState.ts; a malformed one is
 *   dropped, unknown fields are removed. A reader's presence is held to the same: its own id,
 *   name, colour and cursor, nothing else.
 * - Named: a connection whose invitation carries a name (sessionTokens.ts) shows that name. A
 *   state under another name is relayed with the invitation's name instead (and logged once):
 *   rewritten, not refused, so that an honest client whose preferences hold another name keeps
 *   its presence and cursor, and nobody appears under a colleague's name.
 * - From other instances (Redis): shape and size only; they checked ownership where the
 *   presence arrived. Their ids cannot be claimed here while their state lasts.
 *
 * Every drop is logged once per connection. The hooks run in Hocuspocus's order for one
 * connection: `beforeHandleMessage` reads the message's bytes, then `beforeHandleAwareness`
 * decides on the states Hocuspocus decoded from it.
 */
import { createHash } from 'node:crypto';
import { applyAwarenessUpdate } from 'y-protocols/awareness';
import type {
  Connection,
  Document,
  Extension,
  beforeHandleAwarenessPayload,
  beforeHandleMessagePayload,
  onAuthenticatePayload,
  onDisconnectPayload,
} from '@hocuspocus/server';
import {
  MAX_PRESENCE_MESSAGE_BYTES,
  MAX_PRESENCE_STATE_BYTES,
  getPresenceStateBytes,
  readPresenceState,
} from '../../shared/session/presenceState.ts';
import type { PresenceState } from '../../shared/session/presenceState.ts';
import {
  UnreadableAwarenessError,
  encodeAwarenessUpdate,
  encodeQueryAwarenessFrame,
  readAwarenessMessage,
} from './messageFrames.ts';
import type { AwarenessMessageInfo } from './messageFrames.ts';
import { PresenceOwners } from './presenceOwners.ts';
import { CLOSE_CODES, Refusal } from '../../shared/session/refusals.ts';
import type { SessionContext } from './sessionAuthentication.ts';

/** How long an owner has to answer before it is taken for the dead socket of a reconnect. */
export const PRESENCE_PROBE_MS = 3_000;

/** WebSocket's "message too big", as for a message over the server's limit. */
const TOO_BIG = 1009;
/** Hocuspocus's code for a connection closed as silent. */
const SILENT = 4408;
// Reasons travel in a WebSocket close frame too, which holds at most 123 bytes.
const TOO_BIG_REASON = 'Aanwezigheid te groot; de verbinding is gesloten.';
const UNREADABLE_REASON = 'Onleesbaar bericht; de verbinding is gesloten.';
const SILENT_REASON = 'Geen antwoord; de deelnemer is opnieuw verbonden.';
const AWARENESS_CHANGED = 'update';

/** What this extension adds to a connection's context when it joins. */
export interface PresenceContext {
  /** A digest of the invitation's token: connections with the same one may take over ids. */
  presenceCredential: string;
}

/** A claim that waits for the owner's answer. */
interface Probe {
  owner: Connection;
  claimant: Connection;
  clock: number;
  state: PresenceState;
  askedAt: number;
}

/** What the guard keeps per open document. */
interface DocumentPresence {
  owners: PresenceOwners<Connection>;
  probes: Map<number, Probe>;
}

/** Binds each presence to its connection, and checks its shape and size. */
export class PresenceGuard implements Extension {
  extensionName = 'PresenceGuard';
  private readonly log: (line: string) => void;
  private readonly documents = new WeakMap<Document, DocumentPresence>();
  // The clocks in the awareness message each connection is handling now.
  private readonly clocks = new WeakMap<Connection, Map<number, number>>();
  private readonly lastHeard = new WeakMap<Connection, number>();
  private readonly noted = new WeakSet<object>();

  constructor(log: (line: string) => void) {
    this.log = log;
  }

  async onAuthenticate({ token }: onAuthenticatePayload): Promise<PresenceContext> {
    // Only a digest: the context should not carry the secret itself.
    return { presenceCredential: createHash('sha256').update(token).digest('base64url') };
  }

  async beforeHandleMessage(payload: beforeHandleMessagePayload): Promise<void> {
    const { connection, documentName, update } = payload;
    this.lastHeard.set(connection, performance.now());
    let message: AwarenessMessageInfo | null;
    try {
      message = readAwarenessMessage(update);
    } catch (error) {
      if (!(error instanceof UnreadableAwarenessError)) throw error;
      throw this.close(connection, documentName, error.message, CLOSE_CODES.malformed);
    }
    if (!message) return;
    if (message.updateBytes > MAX_PRESENCE_MESSAGE_BYTES) {
      throw this.close(connection, documentName, `aanwezigheid van ${message.updateBytes} bytes`);
    }
    if (message.largestStateBytes > MAX_PRESENCE_STATE_BYTES) {
      const detail = `een aanwezigheid van ${message.largestStateBytes} bytes`;
      throw this.close(connection, documentName, detail);
    }
    this.clocks.set(connection, message.clocks);
  }

  async beforeHandleAwareness(payload: beforeHandleAwarenessPayload): Promise<void> {
    const { connection, document, states } = payload;
    if (connection) this.checkOwnStates(document, connection, states);
    else this.checkRelayedStates(document, states);
  }

  async onDisconnect({ document }: onDisconnectPayload): Promise<void> {
    const presence = this.documents.get(document);
    if (!presence) return;
    presence.owners.releaseDisconnected();
    for (const [clientId, probe] of [...presence.probes]) {
      if (!document.hasConnection(probe.claimant)) {
        presence.probes.delete(clientId);
      } else if (!document.hasConnection(probe.owner)) {
        // The old socket closed by itself: no need to wait for the answer.
        presence.probes.delete(clientId);
        this.transfer(document, presence, clientId, probe);
      }
    }
  }

  /** States a participant sent: its own ids only, valid, not older than what is known. */
  private checkOwnStates(
    document: Document,
    connection: Connection,
    states: Map<number, Record<string, unknown>>,
  ): void {
    const clocks = this.clocks.get(connection);
    this.clocks.delete(connection);
    const presence = this.getPresence(document);
    const credential = getCredential(connection);
    for (const [clientId, value] of [...states]) {
      states.delete(clientId);
      // Not in the message: Hocuspocus decodes into an awareness of its own, whose own
      // (empty) state comes along.
      const clock = clocks?.get(clientId);
      if (clock === undefined) continue;
      const read = readPresenceState(value);
      if (!read) {
        this.note(connection, document.name, `ongeldige aanwezigheid (${clientId}) genegeerd`);
        continue;
      }
      const state = this.withInvitationName(connection, document.name, read);
      // Not newer than the document's: it would not be applied, so it claims nothing.
      if (clock <= (document.awareness.meta.get(clientId)?.clock ?? 0)) continue;
      const claim = presence.owners.claim(connection, credential, clientId);
      if (claim === 'own' || claim === 'taken') {
        states.set(clientId, state as Record<string, unknown>);
        // Hocuspocus removes a connection's presence when it closes, but counts only ids it
        // saw added: one that reconnected is an update, and would outlive its connection.
        document.getClients(connection).add(clientId);
      } else if (claim === 'held') {
        this.probe(document, presence, clientId, { claimant: connection, clock, state });
      } else {
        this.note(connection, document.name, `aanwezigheid van een ander (${clientId}) genegeerd`);
      }
    }
  }

  /** `state` under the name of the connection's invitation, when it carries one. */
  private withInvitationName(
    connection: Connection,
    documentName: string,
    state: PresenceState,
  ): PresenceState {
    const name = (connection.context as Partial<SessionContext> | undefined)?.name;
    if (!name || !state.user || state.user.name === name) return state;
    this.note(
      connection,
      documentName,
      'aanwezigheid onder een andere naam: naam van de uitnodiging',
    );
    return { ...state, user: { ...state.user, name } };
  }

  /** States from another instance (or the server itself): shape and size only. */
  private checkRelayedStates(document: Document, states: Map<number, Record<string, unknown>>) {
    this.getPresence(document);
    for (const [clientId, value] of [...states]) {
      const state = readPresenceState(value);
      if (state && getPresenceStateBytes(JSON.stringify(value)) <= MAX_PRESENCE_STATE_BYTES) {
        states.set(clientId, state as Record<string, unknown>);
      } else {
        states.delete(clientId);
        this.note(
          document,
          document.name,
          `ongeldige aanwezigheid (${clientId}) via Redis genegeerd`,
        );
      }
    }
  }

  /** Asks the owner of `clientId` for its presence; the claim waits for the answer. */
  private probe(
    document: Document,
    presence: DocumentPresence,
    clientId: number,
    claim: Pick<Probe, 'claimant' | 'clock' | 'state'>,
  ): void {
    const running = presence.probes.get(clientId);
    if (running) {
      Object.assign(running, claim);
      return;
    }
    const owner = presence.owners.getOwner(clientId)!;
    presence.probes.set(clientId, { ...claim, owner, askedAt: performance.now() });
    owner.send(encodeQueryAwarenessFrame(owner.messageAddress));
    setTimeout(() => this.settle(document, presence, clientId), PRESENCE_PROBE_MS).unref();
  }

  /** The probe's end: a silent owner is closed and the id goes to the claimant. */
  private settle(document: Document, presence: DocumentPresence, clientId: number): void {
    const probe = presence.probes.get(clientId);
    presence.probes.delete(clientId);
    if (!probe || document.isDestroyed || !document.hasConnection(probe.claimant)) return;
    const { owner, claimant } = probe;
    if (presence.owners.getOwner(clientId) !== owner) return;
    if (document.hasConnection(owner)) {
      if ((this.lastHeard.get(owner) ?? -Infinity) >= probe.askedAt) {
        this.note(claimant, document.name, `aanwezigheid van een ander (${clientId}) genegeerd`);
        return;
      }
      this.log(
        `${document.name}: verbinding ${owner.socketId} gesloten: geen antwoord terwijl ${claimant.socketId} haar aanwezigheid opeiste`,
      );
      // Its presence moves, it is not removed: colleagues see no flicker.
      document.getClients(owner).delete(clientId);
      owner.close({ code: SILENT, reason: SILENT_REASON });
      owner.webSocket.close(SILENT, SILENT_REASON);
      presence.owners.releaseDisconnected();
    }
    this.transfer(document, presence, clientId, probe);
  }

  /** Gives `clientId` to the claimant and applies the state it claimed with. */
  private transfer(document: Document, presence: DocumentPresence, clientId: number, probe: Probe) {
    const { claimant, clock, state } = probe;
    if (!presence.owners.assign(clientId, claimant, getCredential(claimant))) return;
    document.getClients(claimant).add(clientId);
    const update = encodeAwarenessUpdate([{ clientId, clock, json: JSON.stringify(state) }]);
    applyAwarenessUpdate(document.awareness, update, {
      source: 'connection',
      connection: claimant,
    });
  }

  private getPresence(document: Document): DocumentPresence {
    let presence = this.documents.get(document);
    if (!presence) {
      const created: DocumentPresence = {
        owners: new PresenceOwners((connection) => document.hasConnection(connection)),
        probes: new Map(),
      };
      // Ids another instance set are its own until their state goes (synchronously, so no
      // claim here can come between the state and this note).
      document.awareness.on(
        AWARENESS_CHANGED,
        ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
          if (isFromRedis(origin)) {
            for (const clientId of [...added!, ...updated!]) created.owners.markRemote(clientId);
          }
          for (const clientId of removed!) created.owners.forgetRemote(clientId);
        },
      );
      this.documents.set(document, created);
      presence = created;
    }
    return presence;
  }

  /** Logs a dropped presence, once per connection (or document), not on every message. */
  private note(subject: Connection | Document, documentName: string, detail: string): void {
    if (this.noted.has(subject)) return;
    this.noted.add(subject);
    const who = 'socketId' in subject ? `verbinding ${subject.socketId}: ` : '';
    this.log(`${documentName}: ${who}${detail}`);
  }

  /** Logs and closes the sender's socket, as MessageGuard does for its refusals. */
  private close(connection: Connection, documentName: string, detail: string, code = TOO_BIG) {
    const reason = code === TOO_BIG ? TOO_BIG_REASON : UNREADABLE_REASON;
    this.log(`${documentName}: verbinding ${connection.socketId} gesloten: ${detail}`);
    setImmediate(() => connection.webSocket.close(code, reason));
    return new Refusal(reason, code);
  }
}

function getCredential(connection: Connection): string {
  const context = connection.context as Partial<PresenceContext> | undefined;
  return context?.presenceCredential ?? connection.socketId;
}

function isFromRedis(origin: unknown): boolean {
  return typeof origin === 'object' && origin !== null && 'source' in origin
    ? origin.source === 'redis'
    : false;
}
