/**
 * The secret in an invitation is a token the sync server signed itself: the document it admits
 * to, the role it grants, the name of the participant it was made for (if any), whether a
 * reader may comment, and when it expires, followed by an HMAC-SHA256 of those over the
 * server's secret. So a server checks a token with nothing but its secret (no list of issued
 * tokens to keep, share between instances, or lose), a token cannot be edited to grant more,
 * and it can expire.
 *
 *   <base64url(JSON payload)>.<base64url(HMAC-SHA256(secret, first part))>
 *
 * The characters are those of base64url plus the dot, which the `TOKEN` pattern of
 * shared/session/invitation.ts allows. A new secret revokes all of them (docs/SERVER.md).
 *
 * Each token made carries an id of its own (`i`, 12 random bytes) and the moment it was made
 * (`t`), so that a server can withdraw single invitations, or all of a role made until now,
 * without a list of the tokens it issued (invitationWithdrawals.ts). Tokens made before they
 * had either verify as they did, with a null id and time: they can only be withdrawn with
 * their whole role.
 *
 * The name is what the server holds a participant's proposals and comments to (roleRules.ts):
 * the author of what arrives over a connection is the name its invitation carries, not one the
 * client chose. A voorsteller's token always carries one, and so does the token of a reader who
 * may comment (their comments are held to it). Tokens made before roles had names
 * (no `n`, no `c`) keep working: an editor or reader without a name, a reader who may not
 * comment.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SessionRole } from '../../shared/session/invitation.ts';
import { DOCUMENT_NAME, isInvitationName } from '../../shared/session/invitation.ts';

/** What a token grants. */
export interface SessionGrant {
  /** The document the token admits to, or `'*'` for every document on the server. */
  documentName: string;
  role: SessionRole;
  /**
   * The participant's name (isInvitationName): the author the server requires on their
   * proposals and comments; null for an invitation without one (never for a voorsteller).
   */
  name: string | null;
  /** Whether the participant may comment: always for editors and voorstellers. */
  mayComment: boolean;
  /** Milliseconds since the epoch after which the token is refused, or null for never. */
  expiresAt: number | null;
}

/** What a token to be made grants: without a name and comments unless they are given. */
export type SessionGrantRequest = Omit<SessionGrant, 'name' | 'mayComment'> &
  Partial<Pick<SessionGrant, 'name' | 'mayComment'>>;

/** What a checked token grants a connection, and which invitation it is. */
export interface VerifiedGrant extends Pick<SessionGrant, 'role' | 'name' | 'mayComment'> {
  /** The token's own id (base64url), or null for a token made before tokens had one. */
  invitationId: string | null;
  /** When the token was made ({@link nextTokenTime}), or null for a token without one. */
  issuedAt: number | null;
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
// A payload is a few dozen bytes, a few hundred with the longest name; anything longer is not
// ours and is not parsed (a whole token stays within the 1024 characters an invitation allows).
const MAX_PAYLOAD_CHARS = 900;
// 12 random bytes: too many to guess or to meet twice, short in base64url (16 characters).
const ID_BYTES = 12;
const INVITATION_ID = /^[A-Za-z0-9_-]{16}$/;
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
  /** 'e' for editor, 'p' for proposer (voorsteller), 'r' for reader */
  r: RoleCode;
  /** expiry in ms, or null */
  x: number | null;
  /** the participant's name; required for 'p', optional otherwise */
  n?: string;
  /** a reader who may comment: true; absent otherwise */
  c?: true;
  /** the token's id (base64url of 12 random bytes); absent in tokens made before ids */
  i?: string;
  /** when it was made (nextTokenTime); absent in tokens made before ids */
  t?: number;
}

type RoleCode = 'e' | 'p' | 'r';
const ROLE_CODES: Record<SessionRole, RoleCode> = { editor: 'e', proposer: 'p', reader: 'r' };
const ROLES: Record<RoleCode, SessionRole> = { e: 'editor', p: 'proposer', r: 'reader' };

/**
 * Signs a token for `grant` with the server's secret. Throws a RangeError for a grant no
 * server would accept: a voorsteller without a name, a name that breaks the rules of names.
 */
export function createSessionToken(secret: string, grant: SessionGrantRequest): string {
  checkSecret(secret);
  if (grant.documentName !== ALL_DOCUMENTS && !DOCUMENT_NAME.test(grant.documentName)) {
    throw new RangeError(`Not a document name: ${JSON.stringify(grant.documentName)}`);
  }
  if (grant.expiresAt !== null && !Number.isSafeInteger(grant.expiresAt)) {
    throw new RangeError(`expiresAt must be a whole number of milliseconds or null`);
  }
  const name = grant.name ?? null;
  if (name !== null && !isInvitationName(name)) {
    throw new RangeError(`Not a participant's name: ${JSON.stringify(String(name).slice(0, 80))}`);
  }
  if (grant.role === 'proposer' && name === null) {
    throw new RangeError("A proposer token must carry the participant's name");
  }
  if (grant.role === 'reader' && grant.mayComment === true && name === null) {
    throw new RangeError("A commenting reader's token must carry the participant's name");
  }
  const payload: TokenPayload = {
    v: TOKEN_VERSION,
    d: grant.documentName,
    r: ROLE_CODES[grant.role],
    x: grant.expiresAt,
  };
  if (name !== null) payload.n = name;
  if (grant.role === 'reader' && grant.mayComment === true) payload.c = true;
  payload.i = randomBytes(ID_BYTES).toString('base64url');
  payload.t = nextTokenTime();
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${body}.${sign(secret, body).toString('base64url')}`;
}

/**
 * Checks `token` for `documentName` at time `now` (ms): the signature first, so nothing of an
 * unsigned token is believed, then the document, then the expiry. Returns the role, name and
 * comment permission it grants; throws a SessionTokenError otherwise.
 */
export function verifySessionToken(
  secret: string,
  token: string,
  documentName: string,
  now: number,
): VerifiedGrant {
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
  const role = ROLES[payload.r];
  return {
    role,
    name: payload.n ?? null,
    mayComment: role !== 'reader' || payload.c === true,
    invitationId: payload.i ?? null,
    issuedAt: payload.t ?? null,
  };
}

let lastTokenTime = 0;

/**
 * The time stamp of a token made now, or of a withdrawal now: the clock in milliseconds, but
 * strictly later than the previous one in this process, whatever the clock does. A withdrawal
 * of a role refuses the tokens made before it (`t` below its time) and no later one, even when
 * both fall in one millisecond or the clock is set back in between.
 */
export function nextTokenTime(): number {
  lastTokenTime = Math.max(Date.now(), lastTokenTime + 1);
  return lastTokenTime;
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
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const { v, d, r, x, n, c, i, t } = json as Record<string, unknown>;
  if (v !== TOKEN_VERSION || typeof d !== 'string' || (r !== 'e' && r !== 'p' && r !== 'r')) {
    return null;
  }
  if (x !== null && !(typeof x === 'number' && Number.isSafeInteger(x))) return null;
  if (n !== undefined && !isInvitationName(n)) return null;
  if (r === 'p' && n === undefined) return null;
  if (c !== undefined && !(c === true && r === 'r' && n !== undefined)) return null;
  // An id and a time come together, or neither (a token made before them).
  if (i !== undefined || t !== undefined) {
    if (typeof i !== 'string' || !INVITATION_ID.test(i)) return null;
    if (!(typeof t === 'number' && Number.isSafeInteger(t) && t >= 0)) return null;
  }
  const payload: TokenPayload = { v, d, r, x };
  if (n !== undefined) payload.n = n;
  if (c === true) payload.c = true;
  if (typeof i === 'string' && typeof t === 'number') {
    payload.i = i;
    payload.t = t;
  }
  return payload;
}
