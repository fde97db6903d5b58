import { z } from 'zod';
import { apiErrorInfoSchema, type ApiErrorCode, type ApiErrorInfo } from './errors.ts';

/**
 * The envelope of every answer, on every transport: the IPC handler returns it, the HTTP host
 * sends it as the JSON body. A result is data, never an exception, so that nothing about a
 * failure is lost on the way (Electron flattens an exception thrown in a handler into a string).
 */
export type ApiResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiErrorInfo };

/** A successful result holding `value`. */
export function okResult<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

/** A failed result with a code and a Dutch message. */
export function errorResult(code: ApiErrorCode, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

/**
 * Runtime check of the envelope, for clients reading what a transport delivered. The value is
 * checked afterwards against the method's own response schema.
 */
export const apiResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: apiErrorInfoSchema }),
]);
