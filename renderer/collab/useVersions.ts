/**
 * The named versions of the open document, kept current: they live in the shared document, so
 * a colleague's "Versie vastleggen" appears here as it happens.
 */
import { useEffect, useState } from 'react';
import type { Node } from 'prosemirror-model';
import {
  VERSIONS_MAP,
  listVersions,
  readVersions,
  recordVersion,
} from '../../shared/collab/versions.ts';
import type { VersionInfo } from '../../shared/collab/versions.ts';
import type { OpenDocument } from '../documents/OpenDocument.ts';

export function useVersions(session: OpenDocument | null) {
  const [versions, setVersions] = useState<VersionInfo[]>([]);

  useEffect(() => {
    if (!session) return;
    const map = session.ydoc.getMap(VERSIONS_MAP);
    const read = () => {
      try {
        setVersions(listVersions(session.ydoc));
      } catch {
        // A damaged entry cannot come from a file (opening checks) nor from a server (it
        // checks); should one come anyway, the list stays as it was.
      }
    };
    read();
    map.observe(read);
    return () => map.unobserve(read);
  }, [session]);

  return {
    versions,
    /** Records `doc` as a version called `name`, by `author`. */
    record: (name: string, author: string, doc: Node) => {
      if (!session) return;
      recordVersion(session.ydoc, {
        id: crypto.randomUUID(),
        name,
        author,
        createdAt: new Date().toISOString(),
        doc,
      });
    },
    /** The document of version `id`. */
    read: (id: string): Node | null =>
      session
        ? (readVersions(session.ydoc).find((version) => version.id === id)?.doc ?? null)
        : null,
  };
}
