/**
 * What a new comment is about: the text the user selected, in an item, the title, a heading or
 * paragraph of the Toelichting, or around a footnote, and the proposal that text belongs to
 * when it lies in a pending insertion or deletion (the thread is then "about the proposal").
 *
 * A footnote number alone is no text: a selection of only a footnote takes the word before it
 * as well, as a word processor anchors a comment on a note. A selection without any text says
 * why nothing can be commented.
 */
import type { EditorState } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import {
  findDeletion,
  findPendingInsertion,
} from '../../../shared/editor/suggestions/changeMarks.ts';

/** The text a new thread is about. */
export interface CommentTarget {
  from: number;
  to: number;
  /** The proposal the text belongs to (its change id), or null. */
  change: string | null;
}

/** Why a comment cannot be made on the selection, for the user. */
export const NO_SELECTION = 'Selecteer eerst de tekst waarover u een opmerking wilt maken.';

/** The text of the selection a comment can be made on, or a Dutch reason why there is none. */
export function findCommentTarget(state: EditorState): CommentTarget | { problem: string } {
  const { doc, selection } = state;
  let { from, to } = selection;
  if (from === to) return { problem: NO_SELECTION };
  if (!hasText(doc, from, to)) {
    const widened = wordBefore(doc, from);
    if (widened === null || !hasFootnote(doc, from, to)) return { problem: NO_SELECTION };
    from = widened;
  }
  // Leading and trailing spaces are no part of what the comment is about.
  ({ from, to } = trimRange(doc, from, to));
  return { from, to, change: findChange(doc, from, to) };
}

/** The proposal the text `from`–`to` lies in: the first pending insertion or deletion in it. */
export function findChange(doc: Node, from: number, to: number): string | null {
  let change: string | null = null;
  doc.nodesBetween(from, to, (node) => {
    if (change !== null) return false;
    if (!node.isInline) return true;
    const mark = findPendingInsertion(node.marks) ?? findDeletion(node.marks);
    if (mark) change = mark.attrs.id as string;
    return false;
  });
  return change;
}

function hasText(doc: Node, from: number, to: number): boolean {
  return doc.textBetween(from, to, ' ', ' ').trim() !== '';
}

function hasFootnote(doc: Node, from: number, to: number): boolean {
  let found = false;
  doc.nodesBetween(from, to, (node) => {
    if (node.type.name === 'footnote') found = true;
    return !found;
  });
  return found;
}

/** The start of the word just before `pos` in its text block, or null when there is none. */
function wordBefore(doc: Node, pos: number): number | null {
  const $pos = doc.resolve(pos);
  if (!$pos.parent.isTextblock) return null;
  const start = $pos.start();
  const before = $pos.parent.textBetween(0, pos - start, undefined, ' ');
  const match = /(\S+)\s*$/.exec(before);
  return match ? start + match.index : null;
}

/** `from`–`to` without the whitespace at its ends (the text has some that is not). */
function trimRange(doc: Node, from: number, to: number): { from: number; to: number } {
  while (from < to && /^\s?$/.test(doc.textBetween(from, from + 1, ' ', ' ')) && !isLeaf(doc, from))
    from += 1;
  while (to > from && /^\s?$/.test(doc.textBetween(to - 1, to, ' ', ' ')) && !isLeaf(doc, to - 1))
    to -= 1;
  return { from, to };
}

function isLeaf(doc: Node, pos: number): boolean {
  const node = doc.nodeAt(pos);
  return node !== null && node.isInline && !node.isText;
}
