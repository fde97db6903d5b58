/**
 * A document as a Yjs `Y.Doc`, for every runtime: the renderer binds it to the editor, the
 * host and the command line read and write it. With the editor's collaboration module, this
 * is the only place that touches Yjs.
 *
 * Reading is strict: the Yjs content is turned into JSON and checked against the schema,
 * instead of letting y-prosemirror drop what does not fit (which would silently delete the
 * content of a damaged or hostile file, and write that deletion back).
 */
import * as Y from 'yjs';
import { prosemirrorToYXmlFragment, yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import type { Node } from 'prosemirror-model';
import { schema } from '../editor/schema.ts';
import { InvalidDocumentError } from './invalidDocument.ts';
import { findUnknownAttribute } from './knownAttributes.ts';
import { findInvalidTextAttribute } from './textRecords.ts';
import { checkVersions } from './versions.ts';
import { readCommentEntries } from '../comments/commentRecords.ts';
import { readProcedureEntries } from '../procedure/procedureRecords.ts';

/** Name of the XML fragment that holds the document inside the Y.Doc. */
export const DOCUMENT_FRAGMENT = 'resolutie';

export { InvalidDocumentError } from './invalidDocument.ts';

/** The fragment of a Y.Doc that holds the document. */
export function getDocumentFragment(ydoc: Y.Doc): Y.XmlFragment {
  return ydoc.getXmlFragment(DOCUMENT_FRAGMENT);
}

/** A new Y.Doc holding `doc`. */
export function createYDoc(doc: Node): Y.Doc {
  const ydoc = new Y.Doc();
  prosemirrorToYXmlFragment(doc, getDocumentFragment(ydoc));
  return ydoc;
}

/**
 * The document a Y.Doc holds, checked against the schema: every node and mark known, no
 * attribute the schema does not declare, every attribute valid, and on texts no attribute but
 * the editor's merge records (textRecords.ts). Throws InvalidDocumentError.
 */
export function readYDoc(ydoc: Y.Doc): Node {
  let doc: Node;
  try {
    const fragment = getDocumentFragment(ydoc);
    const json = yXmlFragmentToProsemirrorJSON(fragment);
    // What y-prosemirror reads, and the texts' own attributes, which it does not read.
    const unknown = findUnknownAttribute(json, schema) ?? findInvalidTextAttribute(fragment);
    if (unknown) {
      throw new InvalidDocumentError(
        `De inhoud past niet in de opbouw van een resolutie (${unknown}).`,
      );
    }
    doc = schema.nodeFromJSON(json);
    doc.check();
  } catch (error) {
    throw toInvalidDocumentError(error);
  }
  return doc;
}

/** What went wrong in reading a document, as the error readers throw (incrementalReading.ts). */
export function toInvalidDocumentError(error: unknown): InvalidDocumentError {
  if (error instanceof InvalidDocumentError) return error;
  // A stack overflow: nesting far deeper than any resolution (a hostile file).
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return new InvalidDocumentError('De inhoud is veel dieper genest dan een resolutie kan zijn.');
  }
  return new InvalidDocumentError(
    `De inhoud past niet in de opbouw van een resolutie (${String((error as Error).message ?? error)}).`,
  );
}

/** The whole state of a Y.Doc as one update, to store or send. */
export function encodeYDoc(ydoc: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(ydoc);
}

/**
 * A Y.Doc from a stored state; throws InvalidDocumentError when the bytes are no Yjs state, or
 * a state that is not whole: changes that build on changes it does not hold stay pending in
 * Yjs, unseen by every check, until someone supplies what they wait for (see isIncomplete).
 */
export function decodeYDoc(state: Uint8Array): Y.Doc {
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, state);
  } catch {
    ydoc.destroy();
    throw new InvalidDocumentError('De opgeslagen bewerkingsgeschiedenis is beschadigd.');
  }
  if (isIncomplete(ydoc)) {
    ydoc.destroy();
    throw new InvalidDocumentError(
      'De opgeslagen bewerkingsgeschiedenis is onvolledig: ze verwijst naar wijzigingen die ontbreken.',
    );
  }
  return ydoc;
}

/**
 * Whether a Y.Doc holds changes it could not apply yet: structs whose neighbours or parent it
 * lacks, or deletions of content it lacks. Yjs keeps them aside (`pendingStructs`,
 * `pendingDs`) and applies them as soon as an update brings what they need; until then
 * nothing of them is visible, so no check of the document can see them.
 */
export function isIncomplete(ydoc: Y.Doc): boolean {
  return ydoc.store.pendingStructs !== null || ydoc.store.pendingDs !== null;
}

/** A state opened as a live Y.Doc and the document it holds. */
export interface OpenedState {
  ydoc: Y.Doc;
  doc: Node;
}

/**
 * Opens a stored state and checks the document it holds against the schema: the gate every
 * state passes before it is edited, written to a file or made the base of a journal. Throws
 * InvalidDocumentError when it is no Yjs state or no resolution. The caller destroys the
 * returned Y.Doc when done.
 */
export function openDocumentState(state: Uint8Array): OpenedState {
  const ydoc = decodeYDoc(state);
  try {
    const doc = readYDoc(ydoc);
    checkVersions(ydoc);
    readCommentEntries(ydoc);
    readProcedureEntries(ydoc);
    return { ydoc, doc };
  } catch (error) {
    ydoc.destroy();
    throw error;
  }
}

/** Applies a stored update (a journal entry, a colleague's changes) to a Y.Doc. */
export function applyYUpdate(ydoc: Y.Doc, update: Uint8Array): void {
  try {
    Y.applyUpdate(ydoc, update);
  } catch {
    throw new InvalidDocumentError('Een opgeslagen wijziging is beschadigd.');
  }
}

/** Several updates as one, e.g. a burst of keystrokes for the journal. */
export function mergeYUpdates(updates: Uint8Array[]): Uint8Array {
  return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
}

/**
 * An empty Y.Doc for a document that comes from a co-editing session's server: it must start
 * empty, not from a template, or the template's blocks would merge into the session's.
 */
export function createEmptyYDoc(): Y.Doc {
  return new Y.Doc();
}
