/**
 * Suggestion mode ("Wijzigingen bijhouden"): a transaction the user makes is turned into a
 * proposal before it is applied. Whatever it changes is reduced to one replaced range (the
 * difference between the document before and after, so typing, deleting, pasting and commands
 * are all handled alike); in the document as it was:
 *
 * - the old content of that range stays, marked as a deletion by the user; text that was the
 *   user's own pending insertion is removed for real (deleting one's own proposal takes it back);
 * - the new content is inserted after it, its text marked as an insertion by the user;
 * - a deletion and an insertion made at once (replacing a word) share one change id, and a
 *   change next to the user's own change of the same kind continues it, so a typed word or a
 *   run of backspaces is one change.
 *
 * Structure is not removed in suggestion mode: a range that crosses item boundaries marks the
 * text in it and keeps the items (Backspace at the start of an item proposes nothing); whole
 * items and blocks in the range are proposed for deletion on their items. What holds no text
 * of anyone else goes for real: the user's own new items and blocks, and empty Toelichting
 * paragraphs. New structure (Enter, a pasted list, an added block) is inserted, its text
 * marked, and its new items proposed as items. Pure: ProseMirror only.
 *
 * The phases, each in a file of its own: what the transaction changes (findProposedChange.ts),
 * which change of the user's it continues (ownProposals.ts), the deletion (proposeDeletion.ts),
 * the insertion (proposeInsertion.ts); the cursor and the transaction's metadata here.
 */
import type { Node } from 'prosemirror-model';
import { TextSelection } from 'prosemirror-state';
import type { EditorState, Transaction } from 'prosemirror-state';
import { findProposedChange, sameButForAttributes } from './findProposedChange.ts';
import type { ProposedChange } from './findProposedChange.ts';
import { continueChange, findOwnEmptyItem, getOwnText } from './ownProposals.ts';
import type { SuggestionContext } from './ownProposals.ts';
import { proposeDeletion } from './proposeDeletion.ts';
import { proposeInsertion } from './proposeInsertion.ts';
import { isClauseBlock } from '../queries/findItemContext.ts';
import { STRUCTURAL_CHANGE } from '../plugins/structureMeta.ts';

export type { SuggestionContext } from './ownProposals.ts';

/**
 * Meta key of transactions that must pass unchanged: deciding on changes, restoring, moving a
 * block (which adds or removes no text; see moveBlock).
 */
export const KEEP_AS_IS = 'suggestions:keep-as-is';

/**
 * The proposal for `tr` (made on `state`), or null when `tr` changes no content. The result is
 * a new transaction on `state`; `tr` itself is not applied.
 */
export function suggestTransaction(
  state: EditorState,
  tr: Transaction,
  context: SuggestionContext,
): Transaction | null {
  const before = state.doc;
  // Attribute changes (Tab, a block's heading, metadata) are not proposals: they pass as they
  // are. Re-writing the item or block to show them would duplicate its text.
  if (sameButForAttributes(before, tr.doc)) return tr;
  const change = findProposedChange(state, tr);
  if (!change) return null;
  const result = state.tr;
  const own = getOwnText(state, context);
  // One change for what is deleted and inserted together; typing (nothing deleted) continues
  // an own insertion it touches, deleting an own deletion it touches.
  const { from: start, to: endBefore } = change.deleted[0]!;
  const { insertion, deletion } = before.type.schema.marks;
  const continued = continueChange(
    before,
    start,
    endBefore,
    endBefore === start ? insertion! : deletion!,
    own,
  );
  if (takeBackOwnEmptyItem(result, before, change, context)) return result;
  proposeDeletion(result, before, change.deleted, own, continued.attrs);
  const insertAt = findInsertPosition(result, change);
  const insertEnd = proposeInsertion(result, insertAt, change.inserted, own, continued);
  placeCursor(result, state, tr, change, { insertAt, insertEnd });
  carryOverMeta(tr, result);
  return result.docChanged ? result : null;
}

/**
 * Backspace at the start of (or Delete into) an item the user proposed and left empty takes
 * the proposal back: the item goes, in `result`. Whether it did.
 */
function takeBackOwnEmptyItem(
  result: Transaction,
  before: Node,
  change: ProposedChange,
  context: SuggestionContext,
): boolean {
  const { from, to } = change.deleted[0]!;
  // Not when the range holds a whole block: removing a block is a deletion like any other.
  const applies =
    change.piecesInsertAt === null &&
    change.inserted.size === 0 &&
    to > from &&
    !holdsWholeBlock(before, from, to);
  const ownEmpty = applies ? findOwnEmptyItem(before, from, to, context) : null;
  if (!ownEmpty) return false;
  result.delete(ownEmpty.from, ownEmpty.to);
  const cursor = Math.min(ownEmpty.from, result.doc.content.size);
  result.setSelection(TextSelection.near(result.doc.resolve(cursor), -1));
  return true;
}

/**
 * Where the new content goes in `result` (the deletion proposed): after the (first) deleted
 * piece, where the cursor was; typed over a deletion of several pieces, where it was typed.
 */
function findInsertPosition(result: Transaction, change: ProposedChange): number {
  const insertAt = result.mapping.map(change.piecesInsertAt ?? change.deleted[0]!.to);
  // Typing over a selection across items: the text goes into the text block the cursor was
  // put in, as outside suggestion mode.
  const typedOverPieces = change.piecesInsertAt !== null && change.inserted.size > 0;
  if (typedOverPieces && !result.doc.resolve(insertAt).parent.inlineContent) {
    return TextSelection.near(result.doc.resolve(insertAt), 1).from;
  }
  return insertAt;
}

/**
 * The cursor: after what was typed; before the marked text after Backspace, after it after
 * Delete, so the next key goes on in the same direction.
 */
function placeCursor(
  result: Transaction,
  state: EditorState,
  tr: Transaction,
  change: ProposedChange,
  { insertAt, insertEnd }: { insertAt: number; insertEnd: number },
): void {
  const { from: start, to: endBefore } = change.deleted[0]!;
  const endAfter = start + change.inserted.size;
  let cursor: number;
  if (change.inserted.size === 0) {
    const backspace = state.selection.empty && state.selection.head === endBefore;
    cursor = backspace ? result.mapping.map(start, -1) : insertAt;
  } else if (change.piecesInsertAt !== null) {
    cursor = insertEnd;
  } else {
    const head = tr.selection.head;
    if (head >= endAfter) cursor = insertEnd + (head - endAfter);
    else if (head >= start) cursor = insertAt + (head - start);
    else cursor = result.mapping.map(head, -1);
  }
  cursor = Math.max(0, Math.min(cursor, result.doc.content.size));
  result.setSelection(TextSelection.near(result.doc.resolve(cursor), -1));
}

/** Gives the proposal what `tr` said of itself that matters after it. */
function carryOverMeta(tr: Transaction, result: Transaction): void {
  // A deliberate structural change (a block added or removed) stays one for the structure
  // guard, which would refuse the proposal otherwise.
  for (const key of ['addToHistory', 'uiEvent', 'paste', STRUCTURAL_CHANGE]) {
    const meta: unknown = tr.getMeta(key);
    if (meta !== undefined) result.setMeta(key, meta);
  }
  if (tr.storedMarks) result.setStoredMarks(tr.storedMarks);
}

/** Whether a recital or operative block lies wholly between `from` and `to`. */
function holdsWholeBlock(doc: Node, from: number, to: number): boolean {
  let found = false;
  doc.nodesBetween(from, to, (node, pos) => {
    if (found) return false;
    if (isClauseBlock(node)) {
      found = pos >= from && pos + node.nodeSize <= to;
      return false;
    }
    return !node.isTextblock;
  });
  return found;
}
