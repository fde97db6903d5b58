import { apiContract, type ApiMethod, type ApiResponse } from './contract.ts';
import { ApiError } from './errors.ts';
import { apiResultSchema } from './result.ts';

/**
 * Reads what a transport delivered for `method`: the value of a successful result, checked
 * against the method's response schema, or an {@link ApiError} carrying the host's Dutch
 * message. Anything that is not a result at all (a proxy's error page, a truncated body) also
 * becomes an ApiError, so a caller has one thing to catch.
 */
export function decodeResult<M extends ApiMethod>(method: M, raw: unknown): ApiResponse<M> {
  const envelope = apiResultSchema.safeParse(raw);
  if (!envelope.success) throw unexpectedAnswer(method);
  if (!envelope.data.ok) throw new ApiError(envelope.data.error.code, envelope.data.error.message);
  const value = apiContract[method].response.safeParse(envelope.data.value);
  if (!value.success) throw unexpectedAnswer(method);
  return value.data as ApiResponse<M>;
}

function unexpectedAnswer(method: ApiMethod): ApiError {
  return new ApiError(
    'internal',
    `Onverwacht antwoord op het verzoek '${method}'. Start de editor opnieuw; blijft dit gebeuren, meld het dan.`,
  );
}
