/**
 * What the sync server tells a session's participants about storing their document: that a
 * store failed (their work is kept in the server's memory, not on its disk, until a store
 * succeeds) or that it succeeded again. Sent as a Hocuspocus stateless message, JSON; the
 * client reads it strictly and ignores anything else sent that way.
 */

const KIND = 'resolutie-opslag';

/** A notice: whether the document is on the server's disk now. */
export interface StoreNotice {
  stored: boolean;
}

/** The notice as a stateless message's payload. */
export function encodeStoreNotice(notice: StoreNotice): string {
  return JSON.stringify({ kind: KIND, stored: notice.stored });
}

/** The notice in a stateless payload, or null when the payload is none. */
export function decodeStoreNotice(payload: string): StoreNotice | null {
  if (payload.length > 200) return null;
  try {
    const json: unknown = JSON.parse(payload);
    if (typeof json !== 'object' || json === null) return null;
    const { kind, stored } = json as { kind?: unknown; stored?: unknown };
    return kind === KIND && typeof stored === 'boolean' ? { stored } : null;
  } catch {
    return null;
  }
}

/** What a participant reads while the server cannot store the document. */
export const STORE_FAILED_MESSAGE =
  'De server kan het stuk op dit moment niet opslaan. Uw wijzigingen staan op de server en in dit venster, maar nog niet op schijf; werk door of sla een eigen kopie op. De server probeert het steeds opnieuw.';
