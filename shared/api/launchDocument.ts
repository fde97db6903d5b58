/**
 * How a new window learns which document to open: the desktop app opens a `.resolutie` file
 * (from the file manager, the command line or macOS's `open-file`) in a window of its own,
 * whose page address carries the file's path, `…/index.html?document=<path>`. At start the
 * page opens that path through the API (which the main process has allowed for this file)
 * instead of a new document. An address, not a message after loading: the page reads it
 * whenever it is ready, so nothing can arrive before the page listens.
 */
import { filePathSchema } from './documents.ts';

/** The query parameter that names the document to open. */
export const LAUNCH_DOCUMENT_PARAM = 'document';

/** `pageUrl` with the document to open at start. */
export function withLaunchDocument(pageUrl: string, documentPath: string): string {
  const url = new URL(pageUrl);
  url.searchParams.set(LAUNCH_DOCUMENT_PARAM, documentPath);
  return url.href;
}

/** The document a page address (its `location.search`) asks to open, or null. */
export function getLaunchDocument(search: string): string | null {
  const value = new URLSearchParams(search).get(LAUNCH_DOCUMENT_PARAM);
  if (value === null) return null;
  return filePathSchema.safeParse(value).success ? value : null;
}
