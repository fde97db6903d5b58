/**
 * What a transaction changes, as suggestion mode proposes it: the ranges of the old document it
 * deletes and the content it inserts. Either one replaced range (typing, deleting, pasting,
 * commands), or the pieces of a deletion across items or blocks, each proposed where it was.
 */
import { Mark, Slice } from 'prosemirror-model';
import type { Node } from 'prosemirror-model';
import { Mapping, ReplaceStep } from 'prosemirror-transform';
import type { EditorState, Transaction } from 'prosemirror-state';

/** A range of the old document. */
export interface DeletedRange {
  from: number;
  to: number;
}

/** What a transaction changes, in the old document's positions. */
export interface ProposedChange {
  /** The ranges it deletes, in order and merged; the first is where the cursor was. */
  deleted: DeletedRange[];
  /** What it inserts. */
  inserted: Slice;
  /**
   * For a deletion of several pieces (deleteKeepingStructure): where the text typed over it
   * goes. Null when the transaction replaced one range, whose new content goes after it.
   */
  piecesInsertAt: number | null;
}

/** What `tr` (made on `state`) changes, or null when it changes no content. */
export function findProposedChange(state: EditorState, tr: Transaction): ProposedChange | null {
  // A deletion across items or blocks (deleteKeepingStructure) is several steps: each deleted
  // piece is proposed where it was. Anything else is one replaced range.
  const pieces = findDeletedPieces(tr);
  if (pieces) {
    return { deleted: pieces.ranges, inserted: pieces.inserted, piecesInsertAt: pieces.insertAt };
  }
  const range = findChangedRange(state, tr);
  if (!range) return null;
  return {
    deleted: [{ from: range.start, to: range.endBefore }],
    inserted: range.inserted,
    piecesInsertAt: null,
  };
}

/**
 * The pieces a transaction of several deletions deletes, in the old document's positions, in
 * order and merged where they touch, with the text typed after them (typing over a selection
 * across items or blocks); null for any other transaction. Empty items given back to a block
 * the deletion emptied are left out: in suggestion mode nothing is removed, so none is empty.
 */
function findDeletedPieces(
  tr: Transaction,
): { ranges: DeletedRange[]; inserted: Slice; insertAt: number } | null {
  if (tr.steps.length < 2) return null;
  const pieces: DeletedRange[] = [];
  let inserted = Slice.empty;
  let insertAt = -1;
  for (let i = 0; i < tr.steps.length; i += 1) {
    const step = tr.steps[i];
    if (!(step instanceof ReplaceStep) || inserted.size > 0) return null;
    // Back through the steps before this one (Mapping.slice shares its maps, so not that).
    const back = new Mapping();
    for (let j = i - 1; j >= 0; j -= 1) back.appendMap(tr.mapping.maps[j]!.invert());
    if (step.slice.size === 0) {
      const from = back.map(step.from, 1);
      const to = back.map(step.to, -1);
      if (to > from) pieces.push({ from, to });
    } else if (step.from !== step.to) {
      return null;
    } else if (!holdsOnlyEmptyItems(step.slice)) {
      // Text typed over the selection: the last step.
      if (i !== tr.steps.length - 1) return null;
      inserted = step.slice;
      insertAt = back.map(step.from, 1);
    }
  }
  if (pieces.length === 0) return null;
  pieces.sort((a, b) => a.from - b.from);
  const merged = [pieces[0]!];
  for (const piece of pieces.slice(1)) {
    const last = merged[merged.length - 1]!;
    if (piece.from <= last.to) last.to = Math.max(last.to, piece.to);
    else merged.push({ ...piece });
  }
  return { ranges: merged, inserted, insertAt: insertAt >= 0 ? insertAt : merged[0]!.to };
}

function holdsOnlyEmptyItems(slice: Slice): boolean {
  let only = slice.content.childCount > 0;
  slice.content.forEach((node) => {
    if (node.type.name !== 'item' || node.content.size > 0) only = false;
  });
  return only;
}

/**
 * What `tr` changes, as one replaced range of the old document and the content that replaces
 * it. A transaction of one replace step (typing, deleting, replacing a selection, pasting,
 * Enter) says so itself, which keeps a replaced word whole; anything else (a command of several
 * steps) is reduced to the difference between the documents before and after.
 */
function findChangedRange(
  state: EditorState,
  tr: Transaction,
): { start: number; endBefore: number; inserted: Slice } | null {
  const [step] = tr.steps;
  if (tr.steps.length === 1 && step instanceof ReplaceStep) {
    if (step.from === step.to && step.slice.size === 0) return null;
    return { start: step.from, endBefore: step.to, inserted: step.slice };
  }
  const before = state.doc;
  const after = tr.doc;
  const start = before.content.findDiffStart(after.content);
  if (start === null) return null;
  const diffEnd = before.content.findDiffEnd(after.content);
  if (!diffEnd) return null;
  let endBefore = diffEnd.a;
  let endAfter = diffEnd.b;
  // findDiffEnd can run past the start when the same content repeats; move both ends back.
  const overlap = start - Math.min(endBefore, endAfter);
  if (overlap > 0) {
    endBefore += overlap;
    endAfter += overlap;
  }
  return { start, endBefore, inserted: after.slice(start, endAfter) };
}

/** Whether `a` and `b` differ in node attributes only (same types, text and marks). */
export function sameButForAttributes(a: Node, b: Node): boolean {
  if (a.type !== b.type || a.childCount !== b.childCount) return false;
  if (a.isText) return a.text === b.text && Mark.sameSet(a.marks, b.marks);
  if (!Mark.sameSet(a.marks, b.marks)) return false;
  for (let index = 0; index < a.childCount; index += 1) {
    if (!sameButForAttributes(a.child(index), b.child(index))) return false;
  }
  return true;
}
