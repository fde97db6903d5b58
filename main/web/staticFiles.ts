import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { getContentType } from './contentTypes.ts';

/** What a URL path names below the static root. */
export type StaticLookup =
  | { kind: 'file'; filePath: string; size: number; contentType: string }
  /** The path is malformed or tries to leave the root: answer 400. */
  | { kind: 'bad_request' }
  /** Nothing servable there: answer 404. */
  | { kind: 'not_found' };

/** The file served for a path that ends in `/`. */
export const INDEX_FILE = 'index.html';

/**
 * Finds the file that the URL path `urlPath` (as received, still percent-encoded, without the
 * query) names below `rootDir`, refusing everything that could reach outside it:
 * - `..` and `.` segments, raw or encoded (`%2e%2e`), are a bad request, not something to
 *   normalise: a browser never sends them, so whoever does is probing;
 * - backslashes, colons and NUL are refused, since Windows reads the first two as path syntax;
 * - segments starting with a dot (`.git`, `.env`) are never served;
 * - the resolved real path (symbolic links followed) must still lie inside the real root.
 * Only regular files are served; a directory is not listed.
 */
export async function findStaticFile(rootDir: string, urlPath: string): Promise<StaticLookup> {
  if (!urlPath.startsWith('/')) return { kind: 'bad_request' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'bad_request' };
  }
  if (/[\\:\0]/.test(decoded)) return { kind: 'bad_request' };

  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.')) {
    return { kind: 'bad_request' };
  }
  if (segments.some((segment) => segment.startsWith('.'))) return { kind: 'not_found' };
  if (decoded.endsWith('/')) segments.push(INDEX_FILE);

  const root = path.resolve(rootDir);
  const candidate = path.resolve(root, ...segments);
  if (!isInside(root, candidate)) return { kind: 'bad_request' };

  try {
    const [realRoot, realCandidate] = await Promise.all([realpath(root), realpath(candidate)]);
    // A symbolic link inside the root may point anywhere; what counts is where it lands.
    if (!isInside(realRoot, realCandidate)) return { kind: 'not_found' };
    const info = await stat(realCandidate);
    if (!info.isFile()) return { kind: 'not_found' };
    return {
      kind: 'file',
      filePath: realCandidate,
      size: info.size,
      contentType: getContentType(realCandidate),
    };
  } catch {
    return { kind: 'not_found' };
  }
}

/** Whether `candidate` is `root` itself or lies below it. */
function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  if (relative === '') return true;
  const leaves = relative === '..' || relative.startsWith(`..${path.sep}`);
  return !leaves && !path.isAbsolute(relative);
}
