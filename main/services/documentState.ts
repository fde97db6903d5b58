/**
 * A Yjs state as a document, checked strictly: the gate every state passes before the host
 * writes it into a file or makes it the base of a recovery journal.
 */
import type { Node } from 'prosemirror-model';
import type * as Y from 'yjs';
import { decodeYDoc, readYDoc } from '../../shared/collab/yDocument.ts';

/** A state opened as a live Y.Doc and the document it holds. */
export interface OpenedState {
  ydoc: Y.Doc;
  doc: Node;
}

/**
 * Opens `state` and checks the document it holds against the schema; throws
 * `InvalidDocumentError` (with a Dutch message) when it is no Yjs state or no resolution. The
 * caller destroys the returned Y.Doc when done.
 */
export function openDocumentState(state: Uint8Array): OpenedState {
  const ydoc = decodeYDoc(state);
  try {
    return { ydoc, doc: readYDoc(ydoc) };
  } catch (error) {
    ydoc.destroy();
    throw error;
  }
}
