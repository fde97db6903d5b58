/**
 * The server's gate for a participant's changes: an update is accepted only when the document
 * it would make is still a resolution. A client that is not ours (or ours with a bug) could
 * otherwise put a foreign element or a wrong attribute into the shared document; every editor
 * would then hold a document that y-prosemirror silently cuts (writing the cut back) and that
 * no longer opens once saved. Refusing at the server keeps the document whole for everyone.
 *
 * The check runs on a shadow: a second Y.Doc per server document, made once by copying it and
 * kept equal by applying every update the document gets (from participants, other instances,
 * loading). An incoming update is applied to the shadow and the shadow read strictly against
 * the schema; versions are checked only where the update touched them. Accepted, the document
 * then applies the same update, which the shadow already has (Yjs ignores what it knows).
 * Refused, the shadow holds an update the document never will, so it is dropped and copied
 * anew at the next check. Cost per update: applying it twice and reading the document (about
 * a millisecond for 300 items), instead of copying the whole document every time, which grew
 * with every stored version (see updateValidation.test.ts for the figures).
 */
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT, readYDoc } from '../../shared/collab/yDocument.ts';
import { VERSIONS_MAP, checkVersionEntries } from '../../shared/collab/versions.ts';

/** The root types a document may hold; anything else is refused (add new ones here). */
export const DOCUMENT_ROOTS: ReadonlySet<string> = new Set([DOCUMENT_FRAGMENT, VERSIONS_MAP]);

/** An update the server refuses, with a Dutch message. */
export class InvalidUpdateError extends Error {
  override name = 'InvalidUpdateError';
}

interface Shadow {
  doc: Y.Doc;
  /** Stops following the server document. */
  detach: () => void;
}

const shadows = new WeakMap<Y.Doc, Shadow>();

function getShadow(document: Y.Doc): Shadow {
  const known = shadows.get(document);
  if (known) return known;
  const doc = new Y.Doc({ gc: document.gc });
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(document));
  const follow = (update: Uint8Array) => Y.applyUpdate(doc, update);
  document.on('update', follow);
  const shadow: Shadow = {
    doc,
    detach: () => {
      document.off('update', follow);
      doc.destroy();
      shadows.delete(document);
    },
  };
  document.once('destroy', shadow.detach);
  shadows.set(document, shadow);
  return shadow;
}

/**
 * Checks that applying `update` to `document` leaves a valid resolution, without touching
 * `document`. Throws InvalidUpdateError when the update is no Yjs update, adds a root type
 * other than the document's, or makes the document invalid. An accepted update is expected to
 * be applied to `document` next (as Hocuspocus does), and later checks build on it.
 */
export function checkDocumentUpdate(document: Y.Doc, update: Uint8Array): void {
  const shadow = getShadow(document);
  const versions = shadow.doc.getMap(VERSIONS_MAP);
  const touched = new Set<string>();
  const collect = (event: Y.YMapEvent<unknown>) => {
    for (const key of event.keysChanged) touched.add(key);
  };
  versions.observe(collect);
  let accepted = false;
  try {
    try {
      Y.applyUpdate(shadow.doc, update);
    } catch {
      throw new InvalidUpdateError('De wijziging is geen geldige Yjs-wijziging.');
    }
    for (const root of shadow.doc.share.keys()) {
      // A root the server's document already holds came from its stored file, not from here.
      if (!DOCUMENT_ROOTS.has(root) && !document.share.has(root)) {
        throw new InvalidUpdateError(
          `De wijziging voegt een onbekend onderdeel toe (${JSON.stringify(root.slice(0, 40))}).`,
        );
      }
    }
    try {
      readYDoc(shadow.doc);
      checkVersionEntries(shadow.doc, touched);
    } catch (error) {
      throw new InvalidUpdateError(
        `De wijziging past niet in de opbouw van een resolutie. ${(error as Error).message}`,
      );
    }
    accepted = true;
  } finally {
    versions.unobserve(collect);
    // The shadow now holds what the document will not: copy it anew next time.
    if (!accepted) shadow.detach();
  }
}
