/**
 * The second phase of a proposal: the new content goes in after the deleted content, its text
 * marked as inserted by the user and its new items proposed as items.
 */
import { Fragment, Slice } from 'prosemirror-model';
import type { Mark, Node } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import type { ChangeAttrs, InsertionAttrs, ItemChange } from './changeMarks.ts';
import { findPendingInsertion } from './changeMarks.ts';
import type { OwnText } from './ownProposals.ts';

/**
 * Inserts `inserted` at `at` in `tr`, marked as the change `attrs`; returns where it ends.
 * `since` is where the insertion it continues started (null for a new one).
 */
export function proposeInsertion(
  tr: Transaction,
  at: number,
  inserted: Slice,
  own: OwnText,
  change: { attrs: ChangeAttrs; since: number | null },
): number {
  if (inserted.size === 0) return at;
  const insertionType = tr.doc.type.schema.marks.insertion!;
  const since = change.since ?? own.origins?.clock ?? null;
  const attrs: InsertionAttrs = { ...change.attrs, accepted: false, session: own.session, since };
  const mark = insertionType.create(attrs);
  const parentAllows = tr.doc.resolve(at).parent.type.allowsMarkType(insertionType);
  const marked = new Slice(
    markInserted(inserted.content, mark, parentAllows),
    inserted.openStart,
    inserted.openEnd,
  );
  const sizeBefore = tr.doc.content.size;
  tr.replace(at, at, marked);
  const end = at + (tr.doc.content.size - sizeBefore);
  markNewItems(tr, at, end, { type: 'insert', ...change.attrs });
  return end;
}

/**
 * Marks the items that begin inside the inserted range as proposed, when all their text is new
 * (Enter at the end of an item, a pasted item): the item is the proposal. An item split in the
 * middle keeps old text and is not marked; its new text is.
 */
function markNewItems(tr: Transaction, from: number, to: number, change: ItemChange): void {
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (node.type.name !== 'item') return !node.isTextblock;
    if (pos <= from - 1 || pos >= to) return false;
    let allNew = true;
    node.forEach((child) => {
      if (!findPendingInsertion(child.marks)) allNew = false;
    });
    // A split copies the item's attributes: a new item must not carry the proposal of the
    // item it came from (a colleague's deletion), only its own.
    const current = node.attrs.change as ItemChange | null;
    if (allNew && (current?.id !== change.id || current.type !== change.type)) {
      tr.setNodeAttribute(pos, 'change', change);
    }
    return false;
  });
}

/**
 * `fragment` with `mark` on all its inline content where the parent allows it, and no
 * deletion; `parentAllows` says so for the fragment's own inline children.
 */
function markInserted(fragment: Fragment, mark: Mark, parentAllows: boolean): Fragment {
  const children: Node[] = [];
  fragment.forEach((child) => {
    if (child.isInline) {
      // New text is nobody's proposal to delete, also where it was typed inside one (the
      // editor gives typed text the marks around it) or copied from one.
      const marks = child.marks.filter((other) => other.type.name !== 'deletion');
      children.push(child.mark(parentAllows ? mark.addToSet(marks) : marks));
    } else {
      const allows = child.type.allowsMarkType(mark.type);
      children.push(child.copy(markInserted(child.content, mark, allows)));
    }
  });
  return Fragment.from(children);
}
