import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { findStaticFile } from '../web/staticFiles.ts';
import { sendText } from './responses.ts';

/**
 * Serves the built renderer: GET and HEAD of files below `rootDir`, `index.html` for `/`.
 * Path safety is `findStaticFile`'s; this route only speaks HTTP.
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  urlPath: string,
  rootDir: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    req.resume();
    sendText(res, 405, 'Deze methode wordt hier niet ondersteund.', { Allow: 'GET, HEAD' });
    return;
  }
  const found = await findStaticFile(rootDir, urlPath);
  if (found.kind === 'bad_request') {
    sendText(res, 400, 'Ongeldig pad.');
    return;
  }
  if (found.kind === 'not_found') {
    sendText(res, 404, 'Niet gevonden.');
    return;
  }
  res.writeHead(200, {
    'Content-Type': found.contentType,
    'Content-Length': String(found.size),
    // Revalidate every time: a rebuilt renderer must not meet a stale index.html.
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(found.filePath);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
