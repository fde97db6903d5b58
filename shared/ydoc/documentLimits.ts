/**
 * How large a document may grow. Two measures, because they protect different things:
 *
 * - the Yjs state (history, versions and text together) is what every copy holds, what a
 *   newcomer receives and what the file stores in base64: capped so that a file of it always
 *   opens (see `writeDocumentFile`, which never writes more than the reader takes);
 * - the document itself (ProseMirror's size: characters plus two per node) is what the sync
 *   server reads strictly on every change: capped so that one participant cannot make every
 *   keystroke of everyone else slow.
 *
 * A resolution of forty pages is some 150,000 positions and, with months of history and twenty
 * versions, a few MiB of state; the caps are far above that and far below what hurts.
 */

/** The largest Yjs state a document may grow to (the sync server refuses changes beyond). */
export const MAX_DOCUMENT_STATE_BYTES = 16 * 1024 * 1024;

/**
 * The largest document (ProseMirror `nodeSize`) the sync server accepts: some 350 pages, where
 * checking one keystroke takes the server tens of milliseconds.
 */
export const MAX_DOCUMENT_NODE_SIZE = 1_000_000;

/** The Dutch reason for a change that would make the document too large. */
export const DOCUMENT_TOO_LARGE_MESSAGE =
  'Wijziging geweigerd: het stuk zou te groot worden. Maak het kleiner of splits het op.';
