/**
 * The one codec of the sync protocol as it travels over our sockets: Hocuspocus's framing
 * around y-protocols' sync and awareness messages. The server reads clients with it, the test
 * raw client and the benchmark client write and read with it; no other module knows a message
 * type's number or a frame's layout.
 *
 *   varString  address (the document name, or `name\0sessionId` for session-aware providers;
 *              absent in y-websocket's framing, where the URL names the document)
 *   varUint    message type ({@link MESSAGE_TYPE})
 *   …          the type's body:
 *              Sync, SyncReply   varUint step ({@link SYNC_STEP}) + varUint8Array payload
 *              Awareness         varUint8Array awareness update: varUint count, then per entry
 *                                varUint client id, varUint clock, varString state (JSON)
 *              Auth              varUint kind ({@link AUTH_KIND}) + varString token/reason/scope
 *              Stateless (and BroadcastStateless between instances)  varString
 *              SyncStatus        varInt, 1 when the server applied the client's update
 *              Close             nothing from a client; varString reason from the server
 *              QueryAwareness    nothing
 *
 * Reading a client's message (`readClientMessage`): Hocuspocus itself stops reading where it
 * has what it needs and answers a broken frame by dropping the client's document connection
 * but keeping its socket. Reading every frame here lets the server close the socket of
 * anything it cannot read, and hands the update of a sync message to the validation. Linear in
 * the message's length.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { decodeUtf8 } from 'lib0/string';
import {
  MAX_PRESENCE_MESSAGE_BYTES,
  MAX_PRESENCE_STATE_BYTES,
} from '../../shared/session/presenceState.ts';

/** Hocuspocus's message types (MessageType in @hocuspocus/server) that we read or write. */
export const MESSAGE_TYPE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  syncReply: 4,
  stateless: 5,
  /** Server-internal: one instance passes a stateless message on to the others. */
  broadcastStateless: 6,
  close: 7,
  syncStatus: 8,
} as const;

/** The steps of y-protocols' sync messages. */
export const SYNC_STEP = { step1: 0, step2: 1, update: 2 } as const;

/** The kinds of auth message (AuthMessageType in @hocuspocus/common). */
export const AUTH_KIND = { token: 0, permissionDenied: 1, authenticated: 2 } as const;

/** A sync step's number. */
export type SyncStep = (typeof SYNC_STEP)[keyof typeof SYNC_STEP];

// ─── Writing ────────────────────────────────────────────────────────────────────────────────

/**
 * A frame of `type` for `address` (null: y-websocket's framing, which has none), its body
 * written by `writeBody`. Tests use it directly for frames no honest client sends.
 */
export function encodeFrame(
  address: string | null,
  type: number,
  writeBody: (encoder: encoding.Encoder) => void = () => {},
): Uint8Array<ArrayBuffer> {
  const encoder = encoding.createEncoder();
  if (address !== null) encoding.writeVarString(encoder, address);
  encoding.writeVarUint(encoder, type);
  writeBody(encoder);
  return encoding.toUint8Array(encoder);
}

/** A sync message: a state vector (step 1), the changes it asked for (step 2) or an update. */
export function encodeSyncFrame(
  address: string | null,
  step: SyncStep,
  payload: Uint8Array,
): Uint8Array<ArrayBuffer> {
  return encodeFrame(address, MESSAGE_TYPE.sync, (encoder) => {
    encoding.writeVarUint(encoder, step);
    encoding.writeVarUint8Array(encoder, payload);
  });
}

/** The sign-in a Hocuspocus client sends first. */
export function encodeAuthTokenFrame(address: string, token: string): Uint8Array<ArrayBuffer> {
  return encodeFrame(address, MESSAGE_TYPE.auth, (encoder) => {
    encoding.writeVarUint(encoder, AUTH_KIND.token);
    encoding.writeVarString(encoder, token);
  });
}

/** An awareness message carrying `update` (y-protocols' `encodeAwarenessUpdate`, or ours). */
export function encodeAwarenessFrame(
  address: string | null,
  update: Uint8Array,
): Uint8Array<ArrayBuffer> {
  return encodeFrame(address, MESSAGE_TYPE.awareness, (encoder) =>
    encoding.writeVarUint8Array(encoder, update),
  );
}

/** The question every Yjs client answers with its presence. */
export function encodeQueryAwarenessFrame(address: string): Uint8Array<ArrayBuffer> {
  return encodeFrame(address, MESSAGE_TYPE.queryAwareness);
}

/** One entry of an awareness update, its state as JSON text (`null` removes the entry). */
export interface AwarenessEntryText {
  clientId: number;
  clock: number;
  json: string;
}

/** An awareness update (the body of an awareness message) holding `entries`. */
export function encodeAwarenessUpdate(entries: readonly AwarenessEntryText[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.json);
  }
  return encoding.toUint8Array(encoder);
}

// ─── Reading: the parts every reader shares ─────────────────────────────────────────────────

/** A frame's address (null in y-websocket's framing) and type, and a decoder at its body. */
export function readFrameHeader(
  data: Uint8Array,
  addressed = true,
): { address: string | null; type: number; body: decoding.Decoder } {
  const body = decoding.createDecoder(data);
  const address = addressed ? decoding.readVarString(body) : null;
  return { address, type: decoding.readVarUint(body), body };
}

/** The body of a sync message: its step (not checked here) and payload. */
export function readSyncBody(body: decoding.Decoder): { step: number; payload: Uint8Array } {
  const step = decoding.readVarUint(body);
  return { step, payload: decoding.readVarUint8Array(body) };
}

/** The entries of an awareness update, each state as its UTF-8 bytes, unparsed. */
function* readAwarenessEntries(
  update: Uint8Array,
): Generator<{ clientId: number; clock: number; state: Uint8Array }> {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i += 1) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    // A varString is a varUint8Array of UTF-8: its length is its size in bytes.
    yield { clientId, clock, state: decoding.readVarUint8Array(decoder) };
  }
}

// ─── Reading what a client sent (the server) ────────────────────────────────────────────────

/** A client's message, read. Only sync messages carry an update for the document. */
export type ClientMessage =
  | { kind: 'sync'; step: 'step1' }
  | { kind: 'sync'; step: 'step2' | 'update'; update: Uint8Array }
  | { kind: 'awareness' }
  | { kind: 'auth' }
  | { kind: 'queryAwareness' }
  | { kind: 'stateless' }
  | { kind: 'close' };

/** A message that does not follow the framing. */
export class MalformedMessageError extends Error {
  override name = 'MalformedMessageError';
}

/** Reads one message a client sent; throws MalformedMessageError when it cannot. */
export function readClientMessage(data: Uint8Array): { address: string; message: ClientMessage } {
  try {
    const { address, type, body } = readFrameHeader(data);
    return { address: address!, message: readClientBody(type, body) };
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    // lib0 throws plain errors for frames cut short or numbers that overflow.
    throw new MalformedMessageError('Het bericht is afgebroken of onleesbaar.');
  }
}

function readClientBody(type: number, decoder: decoding.Decoder): ClientMessage {
  switch (type) {
    case MESSAGE_TYPE.sync:
    case MESSAGE_TYPE.syncReply:
      return readClientSync(decoder);
    case MESSAGE_TYPE.awareness:
      checkAwarenessUpdate(decoding.readVarUint8Array(decoder));
      return { kind: 'awareness' };
    case MESSAGE_TYPE.auth:
      // Auth messages after the first carry a new token.
      if (decoding.readVarUint(decoder) !== AUTH_KIND.token) {
        throw new MalformedMessageError('Onbekend soort aanmeldbericht.');
      }
      decoding.readVarString(decoder);
      return { kind: 'auth' };
    case MESSAGE_TYPE.queryAwareness:
      return { kind: 'queryAwareness' };
    case MESSAGE_TYPE.stateless:
      decoding.readVarString(decoder);
      return { kind: 'stateless' };
    case MESSAGE_TYPE.close:
      return { kind: 'close' };
    default:
      // Includes BroadcastStateless, which only server instances may send each other.
      throw new MalformedMessageError(`Onbekend soort bericht (${type}).`);
  }
}

function readClientSync(decoder: decoding.Decoder): ClientMessage {
  const { step, payload } = readSyncBody(decoder);
  switch (step) {
    case SYNC_STEP.step1:
      readStateVector(payload);
      return { kind: 'sync', step: 'step1' };
    case SYNC_STEP.step2:
      return { kind: 'sync', step: 'step2', update: payload };
    case SYNC_STEP.update:
      return { kind: 'sync', step: 'update', update: payload };
    default:
      throw new MalformedMessageError(`Onbekende synchronisatiestap (${step}).`);
  }
}

/** A state vector (Yjs): a count, then per client its id and clock. */
function readStateVector(stateVector: Uint8Array): void {
  const decoder = decoding.createDecoder(stateVector);
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
  }
}

/**
 * Reads an awareness update to its end, each state as JSON. Read here because Hocuspocus would
 * only fail on it halfway through; what is larger than presence may be is left to the
 * presence guard, which refuses it unparsed.
 */
function checkAwarenessUpdate(update: Uint8Array): void {
  // Larger than presence may be: the presence guard refuses it by its bytes, so nothing parses
  // it here either.
  if (update.length > MAX_PRESENCE_MESSAGE_BYTES) return;
  for (const entry of readAwarenessEntries(update)) {
    // Throws on UTF-8 that is not, as lib0's readVarString does.
    const state = decodeUtf8(entry.state);
    if (state.length > MAX_PRESENCE_STATE_BYTES) continue;
    try {
      JSON.parse(state);
    } catch {
      throw new MalformedMessageError('Een aanwezigheidsbericht bevat geen geldige JSON.');
    }
  }
}

// ─── Reading the presence a client sent, by its sizes (the presence guard) ──────────────────

/** The presence a message sets. */
export interface AwarenessMessageInfo {
  /** Bytes of the awareness update, without the address and type. */
  updateBytes: number;
  /** Bytes of the JSON text of its largest state. */
  largestStateBytes: number;
  /** The clock of each client id it names (the highest, should it name one twice). */
  clocks: Map<number, number>;
}

/** An awareness message that cannot be read to its end. */
export class UnreadableAwarenessError extends Error {
  override name = 'UnreadableAwarenessError';
}

/**
 * The presence in `data` (a whole client message), or null when it is no awareness message.
 * Reads sizes only, no JSON: a state of megabytes is refused by its length alone. Throws
 * UnreadableAwarenessError when the frame is cut short.
 */
export function readAwarenessMessage(data: Uint8Array): AwarenessMessageInfo | null {
  try {
    const { type, body } = readFrameHeader(data);
    if (type !== MESSAGE_TYPE.awareness) return null;
    const update = decoding.readVarUint8Array(body);
    const clocks = new Map<number, number>();
    let largestStateBytes = 0;
    for (const { clientId, clock, state } of readAwarenessEntries(update)) {
      largestStateBytes = Math.max(largestStateBytes, state.length);
      clocks.set(clientId, Math.max(clock, clocks.get(clientId) ?? 0));
    }
    return { updateBytes: update.length, largestStateBytes, clocks };
  } catch {
    throw new UnreadableAwarenessError('Het aanwezigheidsbericht is afgebroken of onleesbaar.');
  }
}

// ─── Reading what a server sent (the test and benchmark clients) ─────────────────────────────

/** A server's message as a client reads it; what a client need not answer is `other`. */
export type ServerMessage =
  | { kind: 'sync'; step: SyncStep; payload: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'authenticated'; scope: string }
  | { kind: 'permissionDenied'; reason: string }
  | { kind: 'queryAwareness' }
  | { kind: 'syncStatus'; applied: boolean }
  | { kind: 'close'; reason: string }
  | { kind: 'other'; type: number };

/** Reads one message a server sent; lib0 throws on a frame cut short. */
export function readServerMessage(data: Uint8Array, addressed = true): ServerMessage {
  const { type, body } = readFrameHeader(data, addressed);
  switch (type) {
    case MESSAGE_TYPE.sync:
    case MESSAGE_TYPE.syncReply: {
      const { step, payload } = readSyncBody(body);
      if (!isSyncStep(step)) throw new Error(`Unknown sync step ${step}`);
      return { kind: 'sync', step, payload };
    }
    case MESSAGE_TYPE.awareness:
      return { kind: 'awareness', update: decoding.readVarUint8Array(body) };
    case MESSAGE_TYPE.auth: {
      const kind = decoding.readVarUint(body);
      if (kind === AUTH_KIND.authenticated) {
        return { kind: 'authenticated', scope: decoding.readVarString(body) };
      }
      if (kind === AUTH_KIND.permissionDenied) {
        return { kind: 'permissionDenied', reason: decoding.readVarString(body) };
      }
      return { kind: 'other', type };
    }
    case MESSAGE_TYPE.queryAwareness:
      return { kind: 'queryAwareness' };
    case MESSAGE_TYPE.syncStatus:
      return { kind: 'syncStatus', applied: decoding.readVarInt(body) === 1 };
    case MESSAGE_TYPE.close:
      return { kind: 'close', reason: decoding.readVarString(body) };
    default:
      return { kind: 'other', type };
  }
}

function isSyncStep(step: number): step is SyncStep {
  return step === SYNC_STEP.step1 || step === SYNC_STEP.step2 || step === SYNC_STEP.update;
}

/**
 * Applies a server's sync message to `doc` as y-protocols' `readSyncMessage` does, and returns
 * the answer to send: to a SyncStep1 (the server's state vector) a SyncStep2 with what the
 * server lacks; null otherwise.
 */
export function answerSyncMessage(
  address: string | null,
  message: { step: SyncStep; payload: Uint8Array },
  doc: Y.Doc,
  origin: unknown,
): Uint8Array<ArrayBuffer> | null {
  if (message.step === SYNC_STEP.step1) {
    return encodeSyncFrame(address, SYNC_STEP.step2, Y.encodeStateAsUpdate(doc, message.payload));
  }
  try {
    Y.applyUpdate(doc, message.payload, origin);
  } catch (error) {
    // As y-protocols: what an update's observers throw is logged, and reading goes on.
    console.error('Caught error while handling a Yjs update', error);
  }
  return null;
}
