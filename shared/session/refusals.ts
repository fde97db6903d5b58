/**
 * How the server says no through Hocuspocus. Hocuspocus passes an error's `reason` to the
 * client (as the reason of a refused authentication, or of a closed document connection) and
 * uses its `code` as the close code. The message is left empty on purpose: Hocuspocus prints
 * every hook error that has one to the console, and the server logs its refusals itself.
 */

/** A refusal with a Dutch reason for the participant. */
export class Refusal extends Error {
  override name = 'Refusal';
  readonly reason: string;
  readonly code: number;

  constructor(reason: string, code: number) {
    super('');
    this.reason = reason;
    this.code = code;
  }
}

/** Close codes of the server's own refusals (the private range 4000–4999 of WebSocket). */
export const CLOSE_CODES = {
  /** Hocuspocus's own code for a refused token. */
  forbidden: 4403,
  /** A message that does not follow the protocol. */
  malformed: 4400,
  /** A connection silent for too long (Hocuspocus's own code for it). */
  timeout: 4408,
  /** An update that would make the document larger than it may be. */
  documentTooLarge: 4413,
  /** An update that would make the document invalid, or builds on what nobody sent. */
  invalidUpdate: 4422,
  /** The host withdrew the invitation the connection joined with ("gone", as HTTP's 410). */
  withdrawn: 4410,
  /** More messages or bytes than a connection may send (messageRate.ts). */
  tooManyMessages: 4429,
  /** Something the server did not foresee while handling a message (WebSocket's own code). */
  internalError: 1011,
} as const;

// Reasons travel in a WebSocket close frame too, which holds at most 123 bytes.
/** Said to a participant whose message could not be read. */
export const MALFORMED_REASON = 'Onleesbaar bericht; de verbinding is gesloten.';
/** Said to a participant whose update does not fit a resolution. */
export const INVALID_UPDATE_REASON =
  'Wijziging geweigerd: die past niet in de opbouw van een resolutie.';
/** Said to a participant who sent more than a connection may. */
export const TOO_MANY_REASON = 'Te veel berichten achter elkaar; de verbinding is gesloten.';
/** Said to a participant whose message the server failed on (a bug, in the log). */
export const INTERNAL_ERROR_REASON =
  'Fout op de server bij dit bericht; de verbinding is gesloten.';
/** Said to a participant whose invitation the host withdrew, at sign-in and when cut off. */
export const WITHDRAWN_REASON =
  'De uitnodiger heeft deze uitnodiging ingetrokken; u neemt niet meer deel aan de sessie.';
/** Said to a participant who was silent for too long. */
export const TIMEOUT_REASON = 'Te lang geen bericht; de verbinding is gesloten.';

/** A refusal of a participant (authentication, or a document it may not open). */
export function refusal(reason: string, code: number = CLOSE_CODES.forbidden): Refusal {
  return new Refusal(reason, code);
}
