/**
 * The secret in an invitation is a token the sync server signed itself: the document it admits
 * to, the role it grants and when it expires, followed by an HMAC-SHA256 of those over the
 * server's secret. So a server checks a token with nothing but its secret (no list of issued
 * tokens to keep, share between instances, or lose), a token cannot be edited to grant more,
 * and it can expire.
 *
 *   <base64url(JSON payload)>.<base64url(HMAC-SHA256(secret, first part))>
 *
 * The characters are those of base64url plus the dot, which the `TOKEN` pattern of
 * shared/session/invitation.ts allows. Single tokens cannot be revoked: a new secret revokes
 * all of them (docs/SERVER.md).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SessionRole } from '../../shared/session/invitation.ts';
import { DOCUMENT_NAME } from '../../shared/session/invitation.ts';

/** What a token grants. */
export interface SessionGrant {
  /** The document the token admits to, or `'*'` for every document on the server. */
  documentName: string;
  role: SessionRole;
  /** Milliseconds since the epoch after which the token is refused, or null for never. */
  expiresAt: number | null;
}

/** Why a token was refused. */
export type SessionTokenErrorCode = 'invalid' | 'expired' | 'wrong_document';

/** A token the server refuses, with a code for programs and a Dutch message for the user. */
export class SessionTokenError extends Error {
  override name = 'SessionTokenError';
  readonly code: SessionTokenErrorCode;

  constructor(code: SessionTokenErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Every document on the server. */
export const ALL_DOCUMENTS = '*';

// The layout of the payload; a later layout gets a new number, so old servers refuse it.
const TOKEN_VERSION = 1;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const SIGNATURE_BYTES = 32;
// A payload is a few dozen bytes; anything much longer is not ours and is not parsed.
const MAX_PAYLOAD_CHARS = 600;
/** Secrets shorter than this are refused: a short secret can be guessed offline from one token. */
export const MIN_SECRET_LENGTH = 16;

const MESSAGES: Record<SessionTokenErrorCode, string> = {
  invalid: 'De sleutel van de uitnodiging is ongeldig; vraag de uitnodiger om een nieuwe.',
  expired: 'De uitnodiging is verlopen; vraag de uitnodiger om een nieuwe.',
  wrong_document: 'De uitnodiging hoort bij een ander document.',
};

interface TokenPayload {
  v: number;
  /** document name or '*' */
  d: string;
  /** 'e' for editor, 'r' for reader */
  r: 'e' | 'r';
  /** expiry in ms, or null */
  x: number | null;
}

/** Signs a token for `grant` with the server's secret. */
export function createSessionToken(secret: string, grant: SessionGrant): string {
  checkSecret(secret);
  if (grant.documentName !== ALL_DOCUMENTS && !DOCUMENT_NAME.test(grant.documentName)) {
    throw new RangeError(`Not a document name: ${JSON.stringify(grant.documentName)}`);
  }
  if (grant.expiresAt !== null && !Number.isSafeInteger(grant.expiresAt)) {
    throw new RangeError(`expiresAt must be a whole number of milliseconds or null`);
  }
  const payload: TokenPayload = {
    v: TOKEN_VERSION,
    d: grant.documentName,
    r: grant.role === 'reader' ? 'r' : 'e',
    x: grant.expiresAt,
  };
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${body}.${sign(secret, body).toString('base64url')}`;
}

/**
 * Checks `token` for `documentName` at time `now` (ms): the signature first, so nothing of an
 * unsigned token is believed, then the document, then the expiry. Returns the role it grants;
 * throws a SessionTokenError otherwise.
 */
export function verifySessionToken(
  secret: string,
  token: string,
  documentName: string,
  now: number,
): { role: SessionRole } {
  checkSecret(secret);
  const parts = token.split('.');
  if (parts.length !== 2) throw refusal('invalid');
  const [body, signature] = parts as [string, string];
  if (body.length > MAX_PAYLOAD_CHARS || !BASE64URL.test(body) || !BASE64URL.test(signature)) {
    throw refusal('invalid');
  }
  const given = Buffer.from(signature, 'base64url');
  // timingSafeEqual needs equal lengths; the length of a signature is no secret.
  if (given.length !== SIGNATURE_BYTES || !timingSafeEqual(given, sign(secret, body))) {
    throw refusal('invalid');
  }
  const payload = parsePayload(Buffer.from(body, 'base64url').toString('utf8'));
  if (!payload) throw refusal('invalid');
  if (payload.d !== ALL_DOCUMENTS && payload.d !== documentName) throw refusal('wrong_document');
  if (payload.x !== null && now >= payload.x) throw refusal('expired');
  return { role: payload.r === 'r' ? 'reader' : 'editor' };
}

function sign(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(body, 'utf8').digest();
}

function checkSecret(secret: string): void {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new RangeError(`The server secret must be at least ${MIN_SECRET_LENGTH} characters.`);
  }
}

function refusal(code: SessionTokenErrorCode): SessionTokenError {
  return new SessionTokenError(code, MESSAGES[code]);
}

// A signed payload is ours, but a newer server may have written another layout: check it all.
function parsePayload(text: string): TokenPayload | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null) return null;
  const { v, d, r, x } = json as Record<string, unknown>;
  if (v !== TOKEN_VERSION || typeof d !== 'string' || (r !== 'e' && r !== 'r')) return null;
  if (x !== null && !(typeof x === 'number' && Number.isSafeInteger(x))) return null;
  return { v, d, r, x };
}
