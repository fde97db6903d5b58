import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_VERSION } from '../../shared/api/contract.ts';
import { formatByteSize, MAX_REQUEST_BYTES } from '../../shared/api/limits.ts';
import { errorResult } from '../../shared/api/result.ts';
import { API_VERSION_HEADER, HTTP_API_PREFIX } from '../../shared/api/transportNames.ts';
import type { ApiContext } from '../api/context.ts';
import { handleRequest } from '../api/handlers.ts';
import { readBody } from './readBody.ts';
import { isSameOriginRequest } from './requestGuards.ts';
import { sendResult } from './responses.ts';

/** Whether a URL path belongs to the API rather than to the static files. */
export function isApiPath(urlPath: string): boolean {
  return urlPath === HTTP_API_PREFIX.slice(0, -1) || urlPath.startsWith(HTTP_API_PREFIX);
}

/**
 * Answers `POST /api/<method>` with a JSON body: the HTTP transport of the contract. It checks
 * what belongs to HTTP (verb, origin, content type, size, JSON syntax) and hands method and
 * payload to `handleRequest`, which knows every method; this route knows none.
 */
export async function serveApi(
  req: IncomingMessage,
  res: ServerResponse,
  urlPath: string,
  context: ApiContext,
): Promise<void> {
  if (req.method !== 'POST') {
    req.resume();
    sendResult(
      res,
      errorResult(
        'method_not_allowed',
        'Verzoeken aan de editor gaan met POST; deze methode wordt niet ondersteund.',
      ),
      { Allow: 'POST' },
    );
    return;
  }
  if (!isSameOriginRequest(req.headers)) {
    req.resume();
    sendResult(
      res,
      errorResult('forbidden', 'Verzoek geweigerd: het komt niet van de editor zelf.'),
    );
    return;
  }
  const clientVersion = req.headers[API_VERSION_HEADER];
  if (clientVersion !== undefined && clientVersion !== String(API_VERSION)) {
    req.resume();
    sendResult(
      res,
      errorResult(
        'version_mismatch',
        'De editor is bijgewerkt terwijl deze pagina openstond. Laad de pagina opnieuw.',
      ),
    );
    return;
  }
  if (!isJsonContentType(req.headers['content-type'])) {
    req.resume();
    sendResult(
      res,
      errorResult(
        'unsupported_media_type',
        'Ongeldig verzoek: de inhoud moet JSON zijn (Content-Type: application/json).',
      ),
    );
    return;
  }

  const reading = await readBody(req, MAX_REQUEST_BYTES);
  if (reading.kind === 'aborted') return;
  if (reading.kind !== 'body') {
    const tooLarge = errorResult(
      'payload_too_large',
      `Verzoek te groot: de editor neemt hoogstens ${formatByteSize(MAX_REQUEST_BYTES)} per verzoek aan.`,
    );
    if (reading.kind === 'too_large') {
      sendResult(res, tooLarge);
    } else {
      // The client keeps sending far more than the limit: answer, then cut the connection.
      sendResult(res, tooLarge, { Connection: 'close' });
      res.on('finish', () => req.destroy());
    }
    return;
  }

  const payload = decodeJsonBody(reading.bytes);
  if (!payload.ok) {
    sendResult(res, errorResult('invalid_request', payload.message));
    return;
  }
  const method = urlPath.slice(HTTP_API_PREFIX.length);
  sendResult(res, await handleRequest(method, payload.value, context));
}

/** Whether a Content-Type header names JSON (parameters such as charset are allowed). */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const mediaType = header.split(';', 1)[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

type DecodedBody = { ok: true; value: unknown } | { ok: false; message: string };

/** Parses a body as UTF-8 JSON; an empty body is a request without payload. */
function decodeJsonBody(bytes: Buffer): DecodedBody {
  if (bytes.length === 0) return { ok: true, value: undefined };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: 'Ongeldig verzoek: de inhoud is geen geldige UTF-8-tekst.' };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, message: 'Ongeldig verzoek: de inhoud is geen geldige JSON.' };
  }
}
