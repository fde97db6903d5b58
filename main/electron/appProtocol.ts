/**
 * The `app://resolutie/` protocol that serves the built renderer inside Electron. A custom
 * protocol rather than `file://`, because:
 * - the page gets a real origin (`app://resolutie`), so CSP `'self'` means the app's own files
 *   and nothing else on the disk, and the IPC sender check has something exact to compare;
 * - `file://` pages may read any other file URL, and the fuse `grantFileProtocolExtraPrivileges`
 *   is turned off in the build, which is only safe when the app does not live on `file://`;
 * - the same path checks as the HTTP host (`findStaticFile`) apply to every request.
 * This module uses the standard Request/Response only, so it is tested in Node without Electron.
 */
import { readFile } from 'node:fs/promises';
import { findStaticFile } from '../web/staticFiles.ts';
import { SECURITY_HEADERS } from '../web/securityHeaders.ts';

/** The scheme, registered as privileged (standard, secure) before the app is ready. */
export const APP_SCHEME = 'app';

/** The one host of the scheme; any other host is not found. */
export const APP_HOST = 'resolutie';

/** The origin of the app's pages. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The page the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Serves files below `rootDir` for requests to the app protocol. */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return textResponse(400, 'Ongeldig adres.');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
      return textResponse(404, 'Niet gevonden.');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Deze methode wordt hier niet ondersteund.');
    }
    const found = await findStaticFile(rootDir, url.pathname);
    if (found.kind === 'bad_request') return textResponse(400, 'Ongeldig pad.');
    if (found.kind === 'not_found') return textResponse(404, 'Niet gevonden.');
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(found.filePath));
    return new Response(body, {
      status: 200,
      headers: {
        ...SECURITY_HEADERS,
        'Content-Type': found.contentType,
        'Content-Length': String(found.size),
        'Cache-Control': 'no-cache',
      },
    });
  };
}

function textResponse(status: number, text: string): Response {
  return new Response(`${text}\n`, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
