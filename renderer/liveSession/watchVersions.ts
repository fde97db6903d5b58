/**
 * The named versions of a document, kept current: they live in the shared document, so a
 * colleague's "Versie vastleggen" arrives here as it happens. Listening to a Yjs type is the
 * binding's work, so the window's controller asks this module instead of observing the map.
 */
import { VERSIONS_MAP, listVersions } from '../../shared/ydoc/versions.ts';
import type { VersionInfo } from '../../shared/ydoc/versions.ts';
import type { DocumentYDoc } from '../documents/OpenDocument.ts';

/** Calls `onChange` with the versions of `ydoc` now and at every change; returns the stop. */
export function watchVersions(
  ydoc: DocumentYDoc,
  onChange: (versions: VersionInfo[]) => void,
): () => void {
  const map = ydoc.getMap(VERSIONS_MAP);
  const read = () => {
    try {
      onChange(listVersions(ydoc));
    } catch {
      // A damaged entry cannot come from a file (opening checks) nor from a server (it
      // checks); should one come anyway, the list stays as it was.
    }
  };
  read();
  map.observe(read);
  return () => map.unobserve(read);
}
