import { z } from 'zod';
import { getBase64Length, getUtf8ByteLength, MAX_TEXT_BYTES } from './limits.ts';

/**
 * The request schema of a method that takes nothing. JSON cannot say `undefined`, so an empty
 * object and `null` mean "nothing" as well; anything else is refused, so that a caller who
 * thinks the method takes arguments learns otherwise.
 */
export const noPayloadSchema = z.union([z.undefined(), z.null(), z.strictObject({})]);

/** Marks a `too_big` issue whose limit counts UTF-8 bytes rather than characters. */
export const UTF8_ORIGIN = 'utf8';

/**
 * A string of at most `maxBytes` UTF-8 bytes. The limit is in bytes because that is what a
 * transport carries and what a user's "2 MB" means; the length test first refuses a string that
 * is too long for certain without counting its bytes.
 */
export function boundedTextSchema(maxBytes: number) {
  return z.string().check((ctx) => {
    // UTF-8 never takes fewer bytes than UTF-16 code units, so length > max means too big.
    if (ctx.value.length > maxBytes || getUtf8ByteLength(ctx.value) > maxBytes) {
      ctx.issues.push({
        code: 'too_big',
        origin: UTF8_ORIGIN,
        maximum: maxBytes,
        inclusive: true,
        input: ctx.value,
      });
    }
  });
}

/** The request of `parseText`: the plain text of a resolution, as pasted or read from a file. */
export const parseTextRequestSchema = z.strictObject({
  text: boundedTextSchema(MAX_TEXT_BYTES),
});

/** Marks a `too_big` issue of a base64 field, whose limit counts the decoded bytes. */
export const BASE64_ORIGIN = 'base64';

/** Canonical base64: the standard alphabet, with at most two `=` at the very end. */
const BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * A non-empty base64 string (standard alphabet, padded) holding at most `maxBytes` bytes: how
 * binary Yjs data travels in the API. The limit is checked on the length of the text before
 * anything is decoded, so an oversized field costs no memory beyond the request itself.
 */
export function base64Schema(maxBytes: number) {
  const maxLength = getBase64Length(maxBytes);
  return z.string().check((ctx) => {
    const text = ctx.value;
    if (text.length > maxLength) {
      ctx.issues.push({
        code: 'too_big',
        origin: BASE64_ORIGIN,
        maximum: maxBytes,
        inclusive: true,
        input: text,
      });
    } else if (text.length === 0) {
      ctx.issues.push({
        code: 'too_small',
        origin: 'string',
        minimum: 1,
        inclusive: true,
        input: text,
      });
    } else if (text.length % 4 !== 0 || !BASE64_PATTERN.test(text)) {
      ctx.issues.push({ code: 'invalid_format', format: 'base64', input: text });
    }
  });
}

/** An ISO 8601 moment in UTC as `Date.prototype.toISOString` writes it. */
export const isoDateTimeSchema = z.iso.datetime();
