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
 * Structure is never removed in suggestion mode: a range that crosses item boundaries marks the
 * text in it and keeps the items (Backspace at the start of an item proposes nothing). New
 * structure (Enter, a pasted list) is inserted, its text marked. Pure: ProseMirror only.
 */
import { Fragment, Slice } from 'prosemirror-model';
import type { Mark, MarkType, Node } from 'prosemirror-model';
import { TextSelection } from 'prosemirror-state';
import { ReplaceStep } from 'prosemirror-transform';
import type { EditorState, Transaction } from 'prosemirror-state';
import type { ChangeAttrs, ChangeAuthor } from './changeMarks.ts';

/** What a suggestion needs besides the transaction. */
export interface SuggestionContext {
  author: ChangeAuthor;
  /** The time of the change (ms). */
  now: number;
  /** A new change id. */
  newId: () => string;
}

/** Meta key of transactions that must pass unchanged (deciding on changes, restoring). */
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
  const range = findChangedRange(state, tr);
  if (!range) return null;
  const { start, endBefore, inserted } = range;
  const endAfter = start + inserted.size;

  const schema = before.type.schema;
  const insertionType = schema.marks.insertion!;
  const deletionType = schema.marks.deletion!;
  const result = state.tr;
  // One change for what is deleted and inserted together; typing (nothing deleted) continues
  // an own insertion it touches, deleting an own deletion it touches.
  const changeAttrs = continueChange(
    before,
    start,
    endBefore,
    endBefore === start ? insertionType : deletionType,
    context,
  );
  const deletionAttrs = changeAttrs;
  const insertionAttrs = changeAttrs;

  // 1. The old content stays, marked; own pending insertions go for real (back to front, so
  //    positions before them stay valid).
  const ranges: { from: number; to: number; own: boolean }[] = [];
  before.nodesBetween(start, endBefore, (node, pos) => {
    if (!node.isInline) return true;
    const from = Math.max(pos, start);
    const to = Math.min(pos + node.nodeSize, endBefore);
    if (from < to) ranges.push({ from, to, own: isOwnInsertion(node, insertionType, context) });
    return false;
  });
  for (const range of [...ranges].reverse()) {
    if (range.own) result.delete(range.from, range.to);
    else result.addMark(range.from, range.to, deletionType.create(deletionAttrs));
  }
  const insertAt = result.mapping.map(endBefore);

  // 2. The new content after it, its text marked as inserted.
  let insertEnd = insertAt;
  if (inserted.size > 0) {
    const mark = insertionType.create(insertionAttrs);
    const parentAllows = result.doc.resolve(insertAt).parent.type.allowsMarkType(insertionType);
    const marked = new Slice(
      markInserted(inserted.content, mark, parentAllows),
      inserted.openStart,
      inserted.openEnd,
    );
    const sizeBefore = result.doc.content.size;
    result.replace(insertAt, insertAt, marked);
    insertEnd = insertAt + (result.doc.content.size - sizeBefore);
  }

  // 3. The cursor: after what was typed; before the marked text after Backspace, after it
  //    after Delete, so the next key goes on in the same direction.
  let cursor: number;
  if (inserted.size === 0) {
    const backspace = state.selection.empty && state.selection.head === endBefore;
    cursor = backspace ? result.mapping.map(start, -1) : insertAt;
  } else {
    const head = tr.selection.head;
    if (head >= endAfter) cursor = insertEnd + (head - endAfter);
    else if (head >= start) cursor = insertAt + (head - start);
    else cursor = result.mapping.map(head, -1);
  }
  cursor = Math.max(0, Math.min(cursor, result.doc.content.size));
  result.setSelection(TextSelection.near(result.doc.resolve(cursor), -1));
  for (const key of ['addToHistory', 'uiEvent', 'paste']) {
    const meta: unknown = tr.getMeta(key);
    if (meta !== undefined) result.setMeta(key, meta);
  }
  if (tr.storedMarks) result.setStoredMarks(tr.storedMarks);
  return result.docChanged ? result : null;
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

/** Whether `node` is text the user proposed themselves (and may simply delete). */
function isOwnInsertion(node: Node, insertion: MarkType, context: SuggestionContext): boolean {
  const mark = insertion.isInSet(node.marks);
  return mark !== undefined && (mark.attrs as ChangeAttrs).name === context.author.name;
}

/**
 * The attributes of the change to make: those of the user's own change of `type` right
 * before or after the range (continued), else a new change.
 */
function continueChange(
  doc: Node,
  from: number,
  to: number,
  type: MarkType,
  context: SuggestionContext,
): ChangeAttrs {
  for (const pos of [from, to]) {
    const $pos = doc.resolve(pos);
    for (const node of [$pos.nodeBefore, $pos.nodeAfter]) {
      const mark = node ? type.isInSet(node.marks) : undefined;
      const attrs = mark?.attrs as ChangeAttrs | undefined;
      // The same attributes, time included: equal marks keep the text one node, one change.
      if (attrs && attrs.name === context.author.name) return { ...attrs };
    }
  }
  return { id: context.newId(), ...context.author, time: context.now };
}

/**
 * `fragment` with `mark` on all its inline content where the parent allows it; `parentAllows`
 * says so for the fragment's own inline children.
 */
function markInserted(fragment: Fragment, mark: Mark, parentAllows: boolean): Fragment {
  const children: Node[] = [];
  fragment.forEach((child) => {
    if (child.isInline) {
      children.push(parentAllows ? child.mark(mark.addToSet(child.marks)) : child);
    } else {
      const allows = child.type.allowsMarkType(mark.type);
      children.push(child.copy(markInserted(child.content, mark, allows)));
    }
  });
  return Fragment.from(children);
}
