/**
 * The pending changes of a document, and deciding on them. A change is every piece of text
 * marked with one change id: inserted text, deleted text, or both (a replaced word). Accepting
 * keeps the proposal (the insertion's text stays plain, the deleted text goes); rejecting
 * undoes it (the inserted text goes, the deleted text stays plain). What remains is ordinary
 * text, and the numbering, being derived, is right at once.
 */
import type { MarkType, Node } from 'prosemirror-model';
import type { Command, EditorState, Transaction } from 'prosemirror-state';
import type { ChangeAttrs, ItemChange } from './changeMarks.ts';
import { KEEP_AS_IS } from './suggestChanges.ts';

/** One pending change, as the changes panel lists it. */
export interface TrackedChange {
  id: string;
  name: string;
  colour: string;
  /** The latest time any part of it was made (ms). */
  time: number;
  /** The proposed text, and the text proposed for deletion ('' when none). */
  inserted: string;
  deleted: string;
  /** Where it starts and ends in the document, for jumping to it. */
  from: number;
  to: number;
  /** For a proposal on a whole item: that it be added, or deleted. */
  item?: ItemChange['type'];
}

/** The pending changes of `doc`, in document order. */
export function getTrackedChanges(doc: Node): TrackedChange[] {
  const { insertion, deletion } = doc.type.schema.marks;
  const changes = new Map<string, TrackedChange>();
  doc.descendants((node, pos) => {
    const itemChange = node.type.name === 'item' ? (node.attrs.change as ItemChange | null) : null;
    if (itemChange) {
      const change = changes.get(itemChange.id) ?? {
        id: itemChange.id,
        name: itemChange.name,
        colour: itemChange.colour,
        time: itemChange.time,
        inserted: '',
        deleted: '',
        from: pos,
        to: pos + node.nodeSize,
        item: itemChange.type,
      };
      change.item = itemChange.type;
      change.from = Math.min(change.from, pos);
      change.to = Math.max(change.to, pos + node.nodeSize);
      changes.set(itemChange.id, change);
    }
    if (!node.isInline) return true;
    for (const mark of node.marks) {
      if (mark.type !== insertion && mark.type !== deletion) continue;
      const attrs = mark.attrs as ChangeAttrs;
      const text = node.isText ? (node.text ?? '') : '';
      const end = pos + node.nodeSize;
      const change: TrackedChange = changes.get(attrs.id) ?? {
        id: attrs.id,
        name: attrs.name,
        colour: attrs.colour,
        time: attrs.time,
        inserted: '',
        deleted: '',
        from: pos,
        to: end,
      };
      change.time = Math.max(change.time, attrs.time);
      change.from = Math.min(change.from, pos);
      change.to = Math.max(change.to, end);
      if (mark.type === insertion) change.inserted += text;
      else change.deleted += text;
      changes.set(attrs.id, change);
    }
    return false;
  });
  return [...changes.values()].sort((a, b) => a.from - b.from);
}

/** Which changes a decision applies to. */
export type ChangeFilter = (change: { id: string; name: string }) => boolean;

/** How a decision treats items it empties. */
export interface DecisionOptions {
  /**
   * Remove an item (or Toelichting paragraph) whose whole text the decision removes. Safe only
   * where nobody else edits the document at the same time: a colleague typing in that item
   * would lose their text when the item goes. Off by default; on for print and for a document
   * not in a session.
   */
  removeEmptied?: boolean;
}

/** Accepts the changes `filter` selects. */
export function acceptChanges(filter: ChangeFilter, options: DecisionOptions = {}): Command {
  return decide(filter, 'accept', options);
}

/** Rejects the changes `filter` selects. */
export function rejectChanges(filter: ChangeFilter, options: DecisionOptions = {}): Command {
  return decide(filter, 'reject', options);
}

/** Accepts one change. */
export const acceptChange = (id: string, options: DecisionOptions = {}): Command =>
  acceptChanges((change) => change.id === id, options);

/** Rejects one change. */
export const rejectChange = (id: string, options: DecisionOptions = {}): Command =>
  rejectChanges((change) => change.id === id, options);

function decide(
  filter: ChangeFilter,
  decision: 'accept' | 'reject',
  options: DecisionOptions,
): Command {
  return (state, dispatch) => {
    const tr = buildDecision(state, filter, decision, options.removeEmptied === true);
    if (!tr) return false;
    dispatch?.(tr);
    return true;
  };
}

// The text of the selected changes: what goes (removed from the end back, so earlier
// positions stay valid) and what stays (its mark taken off).
function buildDecision(
  state: EditorState,
  filter: ChangeFilter,
  decision: 'accept' | 'reject',
  removeEmptied: boolean,
): Transaction | null {
  const { insertion, deletion } = state.schema.marks as { insertion: MarkType; deletion: MarkType };
  const removeType = decision === 'accept' ? deletion : insertion;
  const keepType = decision === 'accept' ? insertion : deletion;
  const remove: { from: number; to: number }[] = [];
  const unmark: { from: number; to: number; type: MarkType }[] = [];
  const isRemoved = (node: Node) => {
    const mark = removeType.isInSet(node.marks);
    return mark !== undefined && filter(mark.attrs as ChangeAttrs);
  };
  const reset: number[] = [];
  state.doc.descendants((node, pos, parent) => {
    const itemChange = node.type.name === 'item' ? (node.attrs.change as ItemChange | null) : null;
    if (itemChange && filter(itemChange)) {
      // Accepting a deletion or rejecting an addition removes the item, when all its text goes
      // with the decision and nobody else can be writing in it (removeEmptied, see there).
      // Otherwise the item stays, plain, and only the decided text goes: no decision removes
      // what it was not about.
      const goes = (decision === 'accept') === (itemChange.type === 'delete');
      let all = true;
      node.forEach((child) => {
        if (!isRemoved(child)) all = false;
      });
      if (goes && all && removeEmptied) {
        remove.push({ from: pos, to: pos + node.nodeSize });
        return false;
      }
      reset.push(pos);
    }
    if (node.isTextblock) {
      // With removeEmptied, an item or Toelichting paragraph whose whole text goes goes with
      // it: accepting the deletion of an item leaves no empty, numbered item behind.
      let all = node.childCount > 0;
      node.forEach((child) => {
        if (!isRemoved(child)) all = false;
      });
      if (removeEmptied && all && isRemovableBlock(node, parent)) {
        remove.push({ from: pos, to: pos + node.nodeSize });
        return false;
      }
      return true;
    }
    if (!node.isInline) return true;
    const to = pos + node.nodeSize;
    if (isRemoved(node)) {
      remove.push({ from: pos, to });
      return false;
    }
    const kept = keepType.isInSet(node.marks);
    if (kept && filter(kept.attrs as ChangeAttrs)) unmark.push({ from: pos, to, type: keepType });
    return false;
  });
  if (remove.length === 0 && unmark.length === 0 && reset.length === 0) return null;
  const tr = state.tr;
  for (const pos of reset) tr.setNodeAttribute(pos, 'change', null);
  for (const range of unmark) tr.removeMark(range.from, range.to, range.type);
  for (const range of remove.reverse()) tr.delete(range.from, range.to);
  outdentFirstItems(tr);
  return tr.setMeta(KEEP_AS_IS, true);
}

// Blocks that may go when their whole text goes: items, and the Toelichting's own paragraphs
// and headings (not a list item's first paragraph, which its list item needs).
function isRemovableBlock(node: Node, parent: Node | null): boolean {
  if (node.type.name === 'item') return true;
  return parent?.type.name === 'explanation';
}

// A removed item may leave a sub-item first in its block, with nothing above it: it becomes a
// numbered item, as when an item is deleted by hand.
function outdentFirstItems(tr: Transaction): void {
  tr.doc.descendants((node, pos) => {
    if (node.type.name !== 'recital_block' && node.type.name !== 'operative_block') {
      return !node.isTextblock;
    }
    const first = node.firstChild;
    if (first && first.attrs.indent !== 0) {
      tr.setNodeMarkup(pos + 1, undefined, { ...first.attrs, indent: 0 });
    }
    return false;
  });
}
