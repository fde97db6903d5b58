/**
 * Awareness (presence) messages written by hand, for the tests of what the server lets through:
 * any client id, any clock and any state, none of which our provider would send. The body is
 * y-protocols' awareness update: a count, then per entry a client id, a clock and the state as
 * JSON text (`null` removes the entry).
 */
import * as encoding from 'lib0/encoding';
import type { RawClient } from './rawClient.ts';

const AWARENESS = 1;

/** One entry of an awareness update. `json` sends that text instead of `state` as JSON. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state?: unknown;
  json?: string;
}

/** An awareness update (the body of an awareness message) holding `entries`. */
export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.json ?? JSON.stringify(entry.state ?? null));
  }
  return encoding.toUint8Array(encoder);
}

/** Sends `entries` as one awareness message of `client`. */
export function sendAwarenessEntries(client: RawClient, entries: AwarenessEntry[]): void {
  client.send(AWARENESS, (encoder) =>
    encoding.writeVarUint8Array(encoder, encodeAwarenessEntries(entries)),
  );
}

/** A whole awareness message of a document (name, type, update), e.g. to publish in Redis. */
export function encodeAwarenessMessage(
  documentName: string,
  entries: AwarenessEntry[],
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, AWARENESS);
  encoding.writeVarUint8Array(encoder, encodeAwarenessEntries(entries));
  return encoding.toUint8Array(encoder);
}
