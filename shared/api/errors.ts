import { z } from 'zod';

/**
 * Why a request failed, as a code the program can branch on. The message beside it is for the
 * user; the code is for the code.
 */
export const API_ERROR_CODES = [
  /** The payload does not match the contract: a missing field, a wrong type, an unknown key. */
  'invalid_request',
  /** The method is not in the contract. */
  'unknown_method',
  /** The payload, or a field in it, is larger than its limit. */
  'payload_too_large',
  /** The HTTP request did not carry JSON. */
  'unsupported_media_type',
  /** The HTTP request used a verb other than POST on the API. */
  'method_not_allowed',
  /**
   * The caller may not make this request: a foreign page, host or origin, or a file the host
   * may not touch (outside the documents folder and never chosen by the user).
   */
  'forbidden',
  /** The caller was built against another version of the contract. */
  'version_mismatch',
  /** What the request names does not exist. */
  'not_found',
  /** A file that is not a readable document: empty, foreign, damaged, too new or too large. */
  'invalid_file',
  /** A file could not be read although it exists (no access, a disk error). */
  'read_failed',
  /** Saving would replace an existing document, and the caller did not ask to replace it. */
  'exists',
  /** A file could not be written (a full disk, a read-only folder); the old file is intact. */
  'write_failed',
  /** The host could not be reached (client side only: the request never got an answer). */
  'unavailable',
  /** Something failed on the host side that the caller cannot fix. */
  'internal',
] as const;

/** One of {@link API_ERROR_CODES}. */
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** A failed request as it travels: a code and a Dutch, user-readable message. */
export interface ApiErrorInfo {
  code: ApiErrorCode;
  message: string;
}

/** Runtime check of {@link ApiErrorInfo}, used by clients to read an error result. */
export const apiErrorInfoSchema = z.strictObject({
  code: z.enum(API_ERROR_CODES),
  message: z.string(),
});

/**
 * A failed request as an exception. Handlers throw it for expected failures (a file that does
 * not exist) and the renderer's client throws it for every error result, so callers catch one
 * type and can show `message` as it is.
 */
export class ApiError extends Error {
  /** Why the request failed. */
  readonly code: ApiErrorCode;

  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }

  /** The error as it travels in a result. */
  toInfo(): ApiErrorInfo {
    return { code: this.code, message: this.message };
  }
}
