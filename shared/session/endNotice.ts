/**
 * What a hosted session's server tells its participants just before it closes because the host
 * ended the session ("Sessie stoppen", or the app quitting): the session is over for good, so the
 * participant stops reconnecting and keeps the document as their own copy. A server that merely
 * restarts (a stand-alone server) or a connection that drops sends nothing: the participant is
 * offline and tries again. Sent as a Hocuspocus stateless message, JSON, like the store notice
 * (storeNotice.ts); the client reads it strictly and ignores anything else sent that way.
 */

const KIND = 'resolutie-sessie-beeindigd';

/** The notice as a stateless message's payload. */
export function encodeEndNotice(): string {
  return JSON.stringify({ kind: KIND });
}

/** Whether a stateless payload is the notice that the session ended. */
export function isEndNotice(payload: string): boolean {
  if (payload.length > 200) return false;
  try {
    const json: unknown = JSON.parse(payload);
    return typeof json === 'object' && json !== null && (json as { kind?: unknown }).kind === KIND;
  } catch {
    return false;
  }
}
