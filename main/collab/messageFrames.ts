/**
 * Reads what a client sends in Hocuspocus's framing, completely, before Hocuspocus acts on it:
 *
 *   varString  address (the document name, or `name\0sessionId` for session-aware providers)
 *   varUint    message type (Sync 0, Awareness 1, Auth 2, QueryAwareness 3, SyncReply 4,
 *              Stateless 5, Close 7)
 *   …          the type's body; for Sync and SyncReply the y-protocols sync message:
 *              varUint step (SyncStep1 0, SyncStep2 1, Update 2) + varUint8Array payload
 *
 * Hocuspocus itself stops reading where it has what it needs and answers a broken frame by
 * dropping the client's document connection but keeping its socket. Reading every frame here
 * lets the server close the socket of anything it cannot read, and hands the update of a sync
 * message to the validation. Linear in the message's length.
 */
import * as decoding from 'lib0/decoding';
import {
  MAX_PRESENCE_MESSAGE_BYTES,
  MAX_PRESENCE_STATE_BYTES,
} from '../../shared/collab/presenceState.ts';

/** Hocuspocus's message types, as far as a client may send them. */
export const MESSAGE_TYPE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  syncReply: 4,
  stateless: 5,
  close: 7,
} as const;

/** The steps of y-protocols' sync messages. */
export const SYNC_STEP = { step1: 0, step2: 1, update: 2 } as const;

// Auth messages after the first carry a new token (AuthMessageType.Token in @hocuspocus/common).
const AUTH_TOKEN = 0;

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
  const decoder = decoding.createDecoder(data);
  try {
    const address = decoding.readVarString(decoder);
    return { address, message: readBody(decoder) };
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    // lib0 throws plain errors for frames cut short or numbers that overflow.
    throw new MalformedMessageError('Het bericht is afgebroken of onleesbaar.');
  }
}

function readBody(decoder: decoding.Decoder): ClientMessage {
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MESSAGE_TYPE.sync:
    case MESSAGE_TYPE.syncReply:
      return readSync(decoder);
    case MESSAGE_TYPE.awareness:
      readAwarenessUpdate(decoding.readVarUint8Array(decoder));
      return { kind: 'awareness' };
    case MESSAGE_TYPE.auth:
      if (decoding.readVarUint(decoder) !== AUTH_TOKEN) {
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
      // Includes BroadcastStateless (6), which only server instances may send each other.
      throw new MalformedMessageError(`Onbekend soort bericht (${type}).`);
  }
}

function readSync(decoder: decoding.Decoder): ClientMessage {
  const step = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
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
 * An awareness update (y-protocols/awareness): a count, then per client its id, a clock and
 * its state as JSON. Read here because Hocuspocus would only fail on it halfway through; what
 * is larger than presence may be is left to the presence guard, which refuses it unparsed.
 */
function readAwarenessUpdate(update: Uint8Array): void {
  // Larger than presence may be: the presence guard refuses it by its bytes, so nothing parses
  // it here either.
  if (update.length > MAX_PRESENCE_MESSAGE_BYTES) return;
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder); // client id
    decoding.readVarUint(decoder); // clock
    const state = decoding.readVarString(decoder);
    if (state.length > MAX_PRESENCE_STATE_BYTES) continue;
    try {
      JSON.parse(state);
    } catch {
      throw new MalformedMessageError('Een aanwezigheidsbericht bevat geen geldige JSON.');
    }
  }
}
