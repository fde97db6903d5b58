/**
 * Reads the presence (awareness) in a client's message as it came over the wire, before
 * Hocuspocus parses it: which client ids it sets, with which clock, and how many bytes each
 * state and the whole update take. Only the sizes are read here, no JSON: a state of megabytes
 * is refused by its length alone.
 *
 * Framing: varString address, varUint type (1 for awareness), varUint8Array update; the
 * update is y-protocols' awareness update: varUint count, then per entry varUint client id,
 * varUint clock, varString state (JSON text).
 */
import * as decoding from 'lib0/decoding';

const AWARENESS = 1;

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
 * Reads sizes only; throws UnreadableAwarenessError when the frame is cut short.
 */
export function readAwarenessMessage(data: Uint8Array): AwarenessMessageInfo | null {
  const decoder = decoding.createDecoder(data);
  try {
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== AWARENESS) return null;
    const update = decoding.readVarUint8Array(decoder);
    const body = decoding.createDecoder(update);
    const count = decoding.readVarUint(body);
    const clocks = new Map<number, number>();
    let largestStateBytes = 0;
    for (let i = 0; i < count; i += 1) {
      const clientId = decoding.readVarUint(body);
      const clock = decoding.readVarUint(body);
      // A varString is a varUint8Array of UTF-8: its length is its size in bytes.
      largestStateBytes = Math.max(largestStateBytes, decoding.readVarUint8Array(body).length);
      clocks.set(clientId, Math.max(clock, clocks.get(clientId) ?? 0));
    }
    return { updateBytes: update.length, largestStateBytes, clocks };
  } catch {
    throw new UnreadableAwarenessError('Het aanwezigheidsbericht is afgebroken of onleesbaar.');
  }
}
