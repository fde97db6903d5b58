/**
 * The editor's document from a Word file: the model built as every import builds it
 * (`docFromModel`), then the comment markers taken out of the text, keeping where each comment
 * starts and ends. A comment whose text became metadata (the title line, the preamble) or
 * whose markers Word left unpaired is placed on the title (or, without one, the first text),
 * so that it is still seen.
 */
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { docFromModel } from '../../editor/fromModel.ts';
import { findCommentMarkers } from './commentMarkers.ts';
import type { DocxModel } from './docxToModel.ts';
import type { WordComment } from './wordComments.ts';

/** A comment and where its text lies in the built document. */
export interface PlacedComment extends WordComment {
  from: number;
  to: number;
}

/** The built document and its comments' places. */
export interface DocxDocument {
  doc: Node;
  comments: PlacedComment[];
}

export function buildDocxDocument(imported: DocxModel): DocxDocument {
  const built = docFromModel(imported.model);
  const markers: { pos: number; edge: 'start' | 'end'; index: number }[] = [];
  built.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const marker of findCommentMarkers(node.text ?? '')) {
      markers.push({ pos: pos + marker.offset, edge: marker.edge, index: marker.index });
    }
    return false;
  });
  const tr = new Transform(built);
  for (let i = markers.length - 1; i >= 0; i--) {
    const { pos } = markers[i]!;
    tr.delete(pos, pos + 2);
  }
  const starts = new Map<number, number>();
  const ends = new Map<number, number>();
  for (const marker of markers) {
    // Where the marker's text was, in the document without markers.
    const at = tr.mapping.map(marker.pos, marker.edge === 'start' ? 1 : -1);
    (marker.edge === 'start' ? starts : ends).set(marker.index, at);
  }
  const doc = tr.doc;
  const fallback = titleRange(doc);
  const comments: PlacedComment[] = [];
  imported.comments.forEach((comment, index) => {
    const from = starts.get(index);
    const to = ends.get(index);
    if (from !== undefined && to !== undefined && to > from && hasText(doc, from, to)) {
      comments.push({ ...comment, from, to });
    } else if (fallback) {
      comments.push({ ...comment, ...fallback });
    }
  });
  return { doc, comments };
}

// The title's text, or (a stuk without title) the first text of the document.
function titleRange(doc: Node): { from: number; to: number } | null {
  let found: { from: number; to: number } | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if (!node.isTextblock) return true;
    if (node.textContent.trim() !== '') found = { from: pos + 1, to: pos + 1 + node.content.size };
    return false;
  });
  return found;
}

function hasText(doc: Node, from: number, to: number): boolean {
  return doc.textBetween(from, to, ' ', ' ').trim() !== '';
}
