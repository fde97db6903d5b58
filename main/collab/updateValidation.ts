/**
 * The server's gate for a participant's changes: an update is accepted only when the document
 * it would make is still a resolution. A client that is not ours (or ours with a bug) could
 * otherwise put a foreign element or a wrong attribute into the shared document; every editor
 * would then hold a document that y-prosemirror silently cuts (writing the cut back) and that
 * no longer opens once saved. Refusing at the server keeps the document whole for everyone.
 *
 * Cost: each check copies the server's document (encode + apply, linear in its size), applies
 * the update (linear in the update) and reads the copy strictly against the schema (linear in
 * the document). For a resolution of a few hundred items that is a few milliseconds per
 * incoming message, on the server's one thread (measured in updateValidation.test.ts).
 */
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT, readYDoc } from '../../shared/collab/yDocument.ts';
import { VERSIONS_MAP, checkVersions } from '../../shared/collab/versions.ts';

/** The root types a document may hold; anything else is refused (add new ones here). */
export const DOCUMENT_ROOTS: ReadonlySet<string> = new Set([DOCUMENT_FRAGMENT, VERSIONS_MAP]);

/** An update the server refuses, with a Dutch message. */
export class InvalidUpdateError extends Error {
  override name = 'InvalidUpdateError';
}

/**
 * Checks that applying `update` to `document` leaves a valid resolution, on a copy: `document`
 * itself is never touched. Throws InvalidUpdateError when the update is no Yjs update, adds a
 * root type other than the document's, or makes the document invalid.
 */
export function checkDocumentUpdate(document: Y.Doc, update: Uint8Array): void {
  const copy = new Y.Doc({ gc: document.gc });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(document));
    try {
      Y.applyUpdate(copy, update);
    } catch {
      throw new InvalidUpdateError('De wijziging is geen geldige Yjs-wijziging.');
    }
    for (const root of copy.share.keys()) {
      // A root the server's document already holds came from its stored file, not from here.
      if (!DOCUMENT_ROOTS.has(root) && !document.share.has(root)) {
        throw new InvalidUpdateError(
          `De wijziging voegt een onbekend onderdeel toe (${JSON.stringify(root.slice(0, 40))}).`,
        );
      }
    }
    try {
      readYDoc(copy);
      checkVersions(copy);
    } catch (error) {
      throw new InvalidUpdateError(
        `De wijziging past niet in de opbouw van een resolutie. ${(error as Error).message}`,
      );
    }
  } finally {
    copy.destroy();
  }
}
