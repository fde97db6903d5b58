/**
 * Where a thread sits in the text: two Yjs relative positions, made from the editor's
 * selection and turned back into editor positions whenever the text changed. A relative
 * position names the character it sticks to, not an offset, so it follows that character
 * through every edit: typed before it here, merged in from a colleague, a proposal accepted or
 * rejected around it, the file saved and opened again.
 *
 * The start sticks to the first character of the text (text typed just before it stays
 * outside), the end to the last (text typed just after it stays outside). When all the text
 * between them is deleted, they meet: the thread's text is gone ("tekst verwijderd") and the
 * panel shows the quote it was made on.
 *
 * The positions are y-prosemirror's (its `mapping` ties Yjs types to the editor's nodes): the
 * editor passes its live binding's mapping; outside an editor (the command line, print) a
 * mapping is made by reading the fragment once (`resolveThreadAnchors`).
 */
import * as Y from 'yjs';
import {
  absolutePositionToRelativePosition,
  initProseMirrorDoc,
  relativePositionToAbsolutePosition,
} from 'y-prosemirror';
import type { Node } from 'prosemirror-model';
import type { CommentAnchor } from './commentRecords.ts';
import { MAX_QUOTE_LENGTH } from './commentRecords.ts';
import { decodeBase64, encodeBase64 } from '../format/base64.ts';
import { schema } from '../editor/schema.ts';
import { getReferenceText } from '../editor/queries/getReferences.ts';
import { getDocumentFragment } from '../ydoc/yDocument.ts';

/** y-prosemirror's map from Yjs types to the nodes of the document they hold. */
export type YMapping = Map<Y.AbstractType<unknown>, Node>;

/** A thread's text in the document now. */
export interface AnchorRange {
  from: number;
  to: number;
}

/**
 * The anchor of a new thread on `from`–`to` of `doc` (the editor's document, bound to
 * `fragment` through `mapping`); `change` is the proposal the text belongs to, if any.
 */
export function createAnchor(
  doc: Node,
  fragment: Y.XmlFragment,
  mapping: YMapping,
  from: number,
  to: number,
  change: string | null,
): CommentAnchor {
  const ydoc = fragment.doc;
  if (!ydoc) throw new Error('The fragment belongs to no Y.Doc.');
  const start = stick(ydoc, absolutePositionToRelativePosition(from, fragment, mapping), 0);
  const end = stick(ydoc, absolutePositionToRelativePosition(to, fragment, mapping), -1);
  return {
    start: encodeBase64(Y.encodeRelativePosition(start)),
    end: encodeBase64(Y.encodeRelativePosition(end)),
    quote: quoteOf(doc, from, to),
    change,
  };
}

/**
 * Where `anchor` lies in the document now, or null when its text is gone (deleted, or the
 * positions no longer resolve, as after a version was restored over it).
 */
export function resolveAnchor(
  doc: Node,
  fragment: Y.XmlFragment,
  mapping: YMapping,
  anchor: CommentAnchor,
): AnchorRange | null {
  const ydoc = fragment.doc;
  if (!ydoc) return null;
  const from = toAbsolute(ydoc, fragment, mapping, anchor.start);
  const to = toAbsolute(ydoc, fragment, mapping, anchor.end);
  if (from === null || to === null || to <= from || to > doc.content.size) return null;
  return anchoredText(doc, from, to).trim() === '' ? null : { from, to };
}

/**
 * The text of `from`–`to` as a reader of a thread sees it: a footnote (an atom holding its
 * text) counts with its text, so that a thread on a footnote has text; a cross-reference reads
 * as its label ("punt 3"), as in every export.
 */
export function anchoredText(doc: Node, from: number, to: number): string {
  return doc.textBetween(from, to, ' ', (leaf) =>
    leaf.type.name === 'footnote'
      ? ` [${String(leaf.attrs.text)}] `
      : leaf.type.name === 'reference'
        ? getReferenceText(doc, String(leaf.attrs.target))
        : ' ',
  );
}

/** The text of `from`–`to`, as a thread's quote: one line, cut at MAX_QUOTE_LENGTH. */
export function quoteOf(doc: Node, from: number, to: number): string {
  const text = anchoredText(doc, from, to).replace(/\s+/g, ' ').trim();
  return text.length <= MAX_QUOTE_LENGTH ? text : `${text.slice(0, MAX_QUOTE_LENGTH - 1)}…`;
}

/**
 * Where each anchor of `ydoc` lies now, with the document it lies in; for reading a document
 * outside an editor (the command line, print). Anchors whose text is gone map to null.
 */
export function resolveThreadAnchors(
  ydoc: Y.Doc,
  anchors: ReadonlyMap<string, CommentAnchor>,
): { doc: Node; ranges: Map<string, AnchorRange | null> } {
  const fragment = getDocumentFragment(ydoc);
  const { doc, mapping } = initProseMirrorDoc(fragment, schema);
  const ranges = new Map<string, AnchorRange | null>();
  for (const [thread, anchor] of anchors) {
    ranges.set(thread, resolveAnchor(doc, fragment, mapping as YMapping, anchor));
  }
  return { doc, ranges };
}

// A position inside a text sticks to the character after it (assoc 0) or before it (-1).
function stick(ydoc: Y.Doc, position: Y.RelativePosition, assoc: number): Y.RelativePosition {
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, ydoc);
  if (!absolute || !(absolute.type instanceof Y.XmlText)) return position;
  return Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, assoc);
}

function toAbsolute(
  ydoc: Y.Doc,
  fragment: Y.XmlFragment,
  mapping: YMapping,
  encoded: string,
): number | null {
  const bytes = decodeBase64(encoded);
  if (!bytes) return null;
  let position: Y.RelativePosition;
  try {
    position = Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
  try {
    return relativePositionToAbsolutePosition(ydoc, fragment, position, mapping);
  } catch {
    // A position in content the mapping does not know (a type deleted with its parent).
    return null;
  }
}
