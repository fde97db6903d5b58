/**
 * The one gate of a server document: every change that reaches it, from a participant or from
 * another instance, is checked here (updateValidation.ts) and applied here, in one synchronous
 * step, so nothing can come between the check and the apply. Hocuspocus is handed a
 * participant's message only afterwards; the update in it is then known to the document and
 * applying it again changes nothing, so Hocuspocus only acknowledges it. Nothing is applied,
 * acknowledged, relayed or stored before it is checked.
 *
 * A participant's update is checked with the rules of its role (roleRules.ts), from the
 * connection's context (its token, sessionAuthentication.ts); an update from another instance
 * with the shape checks only (the instance the participant is connected to applied the rules).
 *
 * Besides the check, the gate keeps two promises that a single update cannot show:
 *
 * - **Held apart, never pending.** An update that builds on structs the server lacks is held,
 *   per participant, outside the document: not applied, not acknowledged. An honest provider
 *   sends one only in the moment after connecting, when it types before its answer to the
 *   server's first sync step (which carries the offline work the typing builds on) has arrived;
 *   that answer releases it. After it, or after `holdMs`, or beyond `maxHeldBytes`, an update
 *   that still waits is refused: it builds on what nobody sent.
 * - **One writer per client id.** Yjs names every struct by its writer's client id and clock. A
 *   participant who writes under the client id of someone who is connected (or takes the clock
 *   range that person is about to type into) makes Yjs ignore that person's next keystrokes as
 *   already known: their typing would be lost. So a client id belongs to the connection that
 *   introduced it (by writing under it, or by presence) while that connection lives; another
 *   connection's new structs under it are held until the owner is gone (an honest provider that
 *   reconnects before the server noticed its old socket died waits at most until that socket
 *   times out), and refused after `holdMs`.
 */
import * as Y from 'yjs';
import type { Document } from '@hocuspocus/server';
import type { Connection } from '@hocuspocus/server';
import { TEMPLATE_CLIENT_ID } from './serverDocuments.ts';
import { InvalidUpdateError, checkDocumentUpdate } from '../../shared/session/updateValidation.ts';
import type { RoleContext } from '../../shared/session/roleRules.ts';
import type { SessionContext } from './sessionAuthentication.ts';

/** A participant's side of the gate: where released messages go, and how to refuse it. */
export interface GateWriter {
  readonly connection: Connection;
  /** Whether the participant's answer to the server's first sync step has been handled. */
  answeredSync: boolean;
  /** Hands checked messages to Hocuspocus, in order. */
  forward(frames: Uint8Array[]): void;
  /** Refuses the participant (closes its connection) with `error`'s message. */
  refuse(error: InvalidUpdateError): void;
}

/** The gate's limits. */
export interface GateLimits {
  /** How long an update may be held before it is refused. */
  holdMs: number;
  /** How many bytes of updates one participant may have held. */
  maxHeldBytes: number;
}

interface Held {
  updates: Uint8Array[];
  frames: Uint8Array[];
  bytes: number;
  reason: 'pending' | 'claimed';
  /** When the first of them arrived: held updates are refused `holdMs` after that. */
  since: number;
  timer: ReturnType<typeof setTimeout>;
}

/** Refused: the update still builds on changes nobody sent. */
export const PENDING_REFUSAL =
  'Wijziging geweigerd: ze bouwt voort op tekst die de server niet heeft.';
/** Refused: the update writes under the name of another connected participant. */
export const CLAIMED_REFUSAL =
  'Wijziging geweigerd: ze is geschreven onder de code van een andere deelnemer.';

const gates = new WeakMap<Document, DocumentGate>();

/** The gate of `document`, made on first use. */
export function getDocumentGate(document: Document, limits: GateLimits): DocumentGate {
  let gate = gates.get(document);
  if (!gate) {
    gate = new DocumentGate(document, limits);
    gates.set(document, gate);
  }
  return gate;
}

/** Checks and applies every change to one server document. */
export class DocumentGate {
  private readonly document: Document;
  private readonly limits: GateLimits;
  /** Client ids and the connection that writes under each. */
  private readonly owners = new Map<number, Connection>();
  private readonly held = new Map<GateWriter, Held>();

  constructor(document: Document, limits: GateLimits) {
    this.document = document;
    this.limits = limits;
  }

  /**
   * A participant's update, with the message that carried it; `answersSync` when the message is
   * its answer to the server's first sync step. Returns the messages to hand to Hocuspocus
   * now: the held ones it released, then this one; none while it is held. Throws
   * InvalidUpdateError when it is refused.
   */
  submit(
    writer: GateWriter,
    update: Uint8Array,
    frame: Uint8Array,
    answersSync: boolean,
  ): Uint8Array[] {
    if (answersSync) writer.answeredSync = true;
    const held = this.takeHeld(writer);
    const batch: Batch = held
      ? {
          updates: [...held.updates, update],
          frames: [...held.frames, frame],
          bytes: held.bytes + update.length,
          since: held.since,
        }
      : { updates: [update], frames: [frame], bytes: update.length, since: Date.now() };
    return this.decide(writer, batch, true);
  }

  /**
   * An update from another instance, checked here as any other (an instance trusts no other).
   * Applies it with `origin`, or throws InvalidUpdateError; an update that would stay pending
   * is refused outright, since a peer answers our state vector with everything we lack.
   */
  submitFromPeer(update: Uint8Array, origin: unknown): void {
    if (checkDocumentUpdate(this.document, update) === 'pending') {
      throw new InvalidUpdateError(PENDING_REFUSAL, PENDING_REFUSAL);
    }
    Y.applyUpdate(this.document, update, origin);
    this.retryClaimed();
  }

  /**
   * Forgets a participant who left (after Hocuspocus removed its connection and presence):
   * its held updates and its client ids, so that others waiting for those ids may go on.
   */
  release(writer: GateWriter): void {
    this.takeHeld(writer);
    for (const [client, owner] of this.owners) {
      if (owner === writer.connection) this.owners.delete(client);
    }
    this.retryClaimed();
  }

  private takeHeld(writer: GateWriter): Held | undefined {
    const held = this.held.get(writer);
    if (held) {
      clearTimeout(held.timer);
      this.held.delete(writer);
    }
    return held;
  }

  /** Applies the batch, holds it (when `mayHold`), or throws InvalidUpdateError. */
  private decide(writer: GateWriter, batch: Batch, mayHold: boolean): Uint8Array[] {
    const update = mergeBatch(batch.updates);
    const written = this.findNewClients(update);
    for (const client of written) {
      const owner = this.findOwner(client, writer.connection);
      if (owner === 'server') throw new InvalidUpdateError(CLAIMED_REFUSAL, CLAIMED_REFUSAL);
      if (owner) return this.hold(writer, batch, 'claimed', mayHold);
    }
    const role = getRoleContext(writer.connection);
    if (checkDocumentUpdate(this.document, update, undefined, role) === 'pending') {
      if (writer.answeredSync) throw new InvalidUpdateError(PENDING_REFUSAL, PENDING_REFUSAL);
      return this.hold(writer, batch, 'pending', mayHold);
    }
    for (const client of written) this.owners.set(client, writer.connection);
    Y.applyUpdate(this.document, update, { source: 'connection', connection: writer.connection });
    if (this.held.size > 0) queueMicrotask(() => this.retryClaimed());
    return batch.frames;
  }

  private hold(
    writer: GateWriter,
    batch: Batch,
    reason: Held['reason'],
    mayHold: boolean,
  ): Uint8Array[] {
    const refusal = reason === 'claimed' ? CLAIMED_REFUSAL : PENDING_REFUSAL;
    const left = batch.since + this.limits.holdMs - Date.now();
    if (!mayHold || left <= 0 || batch.bytes > this.limits.maxHeldBytes) {
      throw new InvalidUpdateError(refusal, refusal);
    }
    const timer = setTimeout(() => this.retry(writer, true), left);
    timer.unref?.();
    this.held.set(writer, { ...batch, reason, timer });
    return [];
  }

  /** Tries a held batch again; `final` when its time is up (then it is applied or refused). */
  private retry(writer: GateWriter, final: boolean): void {
    const held = this.takeHeld(writer);
    if (!held) return;
    // Once its time is up, an update that still waits is refused: the answer to the first sync
    // step has had all that time to arrive.
    if (final) writer.answeredSync = true;
    try {
      const frames = this.decide(writer, held, !final);
      if (frames.length > 0) writer.forward(frames);
    } catch (error) {
      // In a timer nothing above would catch it: whatever went wrong refuses this participant,
      // never the server.
      writer.refuse(
        error instanceof InvalidUpdateError
          ? error
          : new InvalidUpdateError(`Interne fout bij het controleren: ${(error as Error).message}`),
      );
    }
  }

  private retryClaimed(): void {
    for (const [writer, held] of [...this.held]) {
      if (held.reason === 'claimed') this.retry(writer, false);
    }
  }

  /** The client ids under which `update` writes structs the document does not have yet. */
  private findNewClients(update: Uint8Array): number[] {
    let meta: { to: Map<number, number> };
    try {
      meta = Y.parseUpdateMeta(update);
    } catch {
      throw new InvalidUpdateError('De wijziging is geen geldige Yjs-wijziging.');
    }
    const clients: number[] = [];
    for (const [client, to] of meta.to) {
      if (to > Y.getState(this.document.store, client)) clients.push(client);
    }
    return clients;
  }

  /** Who else writes under `client`: another connection, the server itself, or nobody. */
  private findOwner(client: number, connection: Connection): Connection | 'server' | null {
    // The server's own template is written once, by the server, never by a participant.
    if (client === TEMPLATE_CLIENT_ID) return 'server';
    const owner = this.owners.get(client);
    if (owner && owner !== connection) return owner;
    for (const [other, { clients }] of this.document.connections) {
      if (other !== connection && clients.has(client)) return other;
    }
    return null;
  }
}

/**
 * The role of a participant's connection, from its context. A connection the authentication did
 * not give one (never, for a signed-in connection) is held to the rules of a reader who may not
 * comment: it may change nothing.
 */
function getRoleContext(connection: Connection): RoleContext {
  const context = connection.context as Partial<SessionContext> | undefined;
  if (!context?.role) return { role: 'reader', name: null, mayComment: false };
  return {
    role: context.role,
    name: context.name ?? null,
    mayComment: context.mayComment === true,
  };
}

/** The updates of a batch as one; InvalidUpdateError when they do not merge. */
function mergeBatch(updates: Uint8Array[]): Uint8Array {
  if (updates.length === 1) return updates[0]!;
  try {
    return Y.mergeUpdates(updates);
  } catch {
    throw new InvalidUpdateError('De wijziging is geen geldige Yjs-wijziging.');
  }
}

/** Updates of one participant decided together, with the messages that carried them. */
interface Batch {
  updates: Uint8Array[];
  frames: Uint8Array[];
  bytes: number;
  since: number;
}
