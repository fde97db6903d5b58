/**
 * Awareness (presence) messages written by hand, for the tests of what the server lets through:
 * any client id, any clock and any state, none of which our provider would send. The layout is
 * the codec's (messageFrames.ts); here only the test's conveniences.
 */
import { encodeAwarenessFrame, encodeAwarenessUpdate } from '../messageFrames.ts';
import type { RawClient } from './rawClient.ts';

/** One entry of an awareness update. `json` sends that text instead of `state` as JSON. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state?: unknown;
  json?: string;
}

/** An awareness update (the body of an awareness message) holding `entries`. */
function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  return encodeAwarenessUpdate(
    entries.map(({ clientId, clock, state, json }) => ({
      clientId,
      clock,
      json: json ?? JSON.stringify(state ?? null),
    })),
  );
}

/** Sends `entries` as one awareness message of `client`. */
export function sendAwarenessEntries(client: RawClient, entries: AwarenessEntry[]): void {
  client.sendRaw(encodeAwarenessFrame(client.address, encodeAwarenessEntries(entries)));
}

/** A whole awareness message of a document (name, type, update), e.g. to publish in Redis. */
export function encodeAwarenessMessage(
  documentName: string,
  entries: AwarenessEntry[],
): Uint8Array {
  return encodeAwarenessFrame(documentName, encodeAwarenessEntries(entries));
}
