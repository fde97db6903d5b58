/**
 * Binary fields of requests and answers: Yjs states and updates travel as base64 text. The
 * request schemas check the alphabet and the size; decoding here is strict all the same.
 */
import { ApiError } from '../../shared/api/errors.ts';
import { decodeBase64, encodeBase64 } from '../../shared/format/base64.ts';

/** The bytes of the base64 field `field`; throws an `invalid_request` ApiError otherwise. */
export function decodeBase64Field(text: string, field: string): Uint8Array {
  const bytes = decodeBase64(text);
  if (bytes === null || bytes.byteLength === 0) {
    throw new ApiError(
      'invalid_request',
      `Ongeldig verzoek: veld '${field}' is geen geldige base64-tekst.`,
    );
  }
  return bytes;
}

/** Bytes as the base64 text of an answer. */
export function encodeBase64Field(bytes: Uint8Array): string {
  return encodeBase64(bytes);
}
