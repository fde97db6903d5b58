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
  /** An update that would make the document invalid. */
  invalidUpdate: 4422,
  /** More messages than a connection may send (messageRate.ts). */
  tooManyMessages: 4429,
} as const;

/** A refusal of a participant (authentication, or a document it may not open). */
export function refusal(reason: string, code: number = CLOSE_CODES.forbidden): Refusal {
  return new Refusal(reason, code);
}
