import type { ServerResponse } from 'node:http';
import { API_VERSION } from '../../shared/api/contract.ts';
import type { ApiErrorCode } from '../../shared/api/errors.ts';
import type { ApiResult } from '../../shared/api/result.ts';
import { SECURITY_HEADERS } from '../web/securityHeaders.ts';

/** The HTTP status that carries each error code. */
const STATUS_BY_CODE: Readonly<Record<ApiErrorCode, number>> = {
  invalid_request: 400,
  unknown_method: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  method_not_allowed: 405,
  forbidden: 403,
  version_mismatch: 409,
  not_found: 404,
  invalid_file: 422,
  read_failed: 500,
  exists: 409,
  write_failed: 500,
  unavailable: 503,
  internal: 500,
};

/** The HTTP status of a result: 200 for success, the code's status otherwise. */
export function getResultStatus(result: ApiResult): number {
  return result.ok ? 200 : STATUS_BY_CODE[result.error.code];
}

/** Sets the security headers; called first for every request, so that no answer lacks them. */
export function applySecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

/** Sends an API result as JSON with its status. */
export function sendResult(
  res: ServerResponse,
  result: ApiResult,
  extraHeaders: Record<string, string> = {},
): void {
  const body = Buffer.from(JSON.stringify(result), 'utf8');
  res.writeHead(getResultStatus(result), {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(body.length),
    // Answers hold the user's documents; no cache may keep them.
    'Cache-Control': 'no-store',
    'X-Resolutie-Api-Version': String(API_VERSION),
    ...extraHeaders,
  });
  res.end(body);
}

/** Sends a short Dutch plain-text answer, for requests outside the API (a missing file). */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  extraHeaders: Record<string, string> = {},
): void {
  const body = Buffer.from(`${text}\n`, 'utf8');
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    ...extraHeaders,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}
