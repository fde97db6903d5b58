/**
 * The request for the document a window was opened for (`?document=`, see launchDocument.ts),
 * made while the window's code is still being evaluated: main.tsx imports pageLaunch.ts, which
 * makes it, before anything else, so the host reads the file while React and the editor load
 * and render, instead of after the window's first effect. The window's controller takes the
 * pending answer (see WindowController.start) and handles a failure as if it had asked itself.
 */
import { getLaunchDocument } from '../../shared/api/launchDocument.ts';
import type { ResolutieApi } from '../api/client.ts';

/** What the host answers for an opened file. */
export type OpenedFile = Awaited<ReturnType<ResolutieApi['openDocument']>>;

/** The launch document's path and the host's pending answer for it. */
export interface LaunchRequest {
  readonly path: string;
  readonly file: Promise<OpenedFile>;
}

/** Asks `openDocument` for the document the address (`search`) names; null if it names none. */
export function requestLaunchDocument(
  search: string,
  openDocument: ResolutieApi['openDocument'],
): LaunchRequest | null {
  const path = getLaunchDocument(search);
  if (path === null) return null;
  const file = openDocument({ path });
  // The controller reports a failure when it takes the answer; until then a rejection is
  // expected, not an unhandled one.
  file.catch(() => undefined);
  return { path, file };
}
