/**
 * The pending changes of a document, and deciding on them. A change is every piece of text
 * marked with one change id: inserted text, deleted text, or both (a replaced word). Accepting
 * keeps the proposal (the insertion's text stays plain, the deleted text goes); rejecting
 * undoes it (the inserted text goes, the deleted text stays plain). What remains is ordinary
 * text, and the numbering, being derived, is right at once.
 */
import type { MarkType, Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import type { Command, EditorState, Transaction } from 'prosemirror-state';
import type { ChangeAttrs, ItemChange } from './changeMarks.ts';
import { findDeletion, findStrayDeletion } from './changeMarks.ts';
import { KEEP_AS_IS } from './suggestChanges.ts';
import { isClauseBlock } from '../queries/findItemContext.ts';
import { markStructural } from '../plugins/structureMeta.ts';

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
  /** For a proposal on a whole block (all its items): that it be added, or deleted. */
  block?: ItemChange['type'];
}

/**
 * The proposal on a whole recital or operative block: the item proposal that all its items
 * carry (a block added or deleted in suggestion mode), else null.
 */
export function getBlockChange(block: Node): ItemChange | null {
  if (!isClauseBlock(block)) return null;
  let shared: ItemChange | null = null;
  let all = block.childCount > 0;
  block.forEach((item, _offset, index) => {
    const change = item.attrs.change as ItemChange | null;
    if (index === 0) shared = change;
    if (!change || !shared || change.id !== shared.id || change.type !== shared.type) all = false;
  });
  return all ? shared : null;
}

/** The pending changes of `doc`, in document order. */
export function getTrackedChanges(doc: Node): TrackedChange[] {
  const { insertion, deletion } = doc.type.schema.marks;
  const changes = new Map<string, TrackedChange>();
  const blocks = new Map<string, ItemChange['type']>();
  doc.descendants((node, pos) => {
    const blockChange = getBlockChange(node);
    if (blockChange) blocks.set(blockChange.id, blockChange.type);
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
      // A deletion Yjs spread over a colleague's proposal typed meanwhile is not part of it.
      if (mark.type === deletion && findDeletion(node.marks) !== mark) continue;
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
  for (const [id, type] of blocks) {
    const change = changes.get(id);
    if (change) change.block = type;
  }
  return [...changes.values()].sort((a, b) => a.from - b.from);
}

/**
 * `doc` without the deletions that do not apply where they lie (see `findDeletion`), for
 * showing a document as it reads; `doc` itself when there are none.
 */
export function withoutStrayDeletions(doc: Node): Node {
  const transform = new Transform(doc);
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    const stray = findStrayDeletion(node.marks);
    if (stray) transform.removeMark(pos, pos + node.nodeSize, stray);
    return false;
  });
  return transform.doc;
}

/** Which changes a decision applies to. */
export type ChangeFilter = (change: { id: string; name: string }) => boolean;

/** How a decision treats items it empties. */
export interface DecisionOptions {
  /**
   * Remove what the decision empties: an item or Toelichting paragraph whose whole text it
   * removes, a block or list all of whose items go. Safe only where nobody else edits the
   * document at the same time: a colleague typing in that item would lose their text when the
   * item goes. Off by default; on for print and for a document not in a session.
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
  const keepType = decision === 'accept' ? insertion : deletion;
  const remove: { from: number; to: number }[] = [];
  const unmark: { from: number; to: number; type: MarkType }[] = [];
  const isRemoved = (node: Node) => {
    const mark = decision === 'accept' ? findDeletion(node.marks) : insertion.isInSet(node.marks);
    return mark !== undefined && filter(mark.attrs as ChangeAttrs);
  };
  // A decided item proposal that takes its item away (accepting a deletion, rejecting an
  // addition).
  const itemGoes = (node: Node) => {
    const change = node.type.name === 'item' ? (node.attrs.change as ItemChange | null) : null;
    return (
      change !== null && filter(change) && (decision === 'accept') === (change.type === 'delete')
    );
  };
  // Whether the decision takes all of `node` away: all its text, and for an item it proposes
  // away, also when it has none.
  const goesWhole = (node: Node): boolean => {
    let all = node.childCount > 0 || itemGoes(node);
    node.forEach((child) => {
      if (!(node.isTextblock ? isRemoved(child) : goesWhole(child))) all = false;
    });
    return all;
  };
  const reset: number[] = [];
  state.doc.descendants((node, pos, parent, index) => {
    // With removeEmptied, whatever the decision empties goes with it: an item, a Toelichting
    // paragraph, list or quote, a whole block. Accepting the deletion of a block leaves no
    // empty block behind; rejecting a proposed list leaves no empty bullets.
    if (removeEmptied && parent && isRemovable(parent, index, goesWhole) && goesWhole(node)) {
      remove.push({ from: pos, to: pos + node.nodeSize });
      return false;
    }
    const itemChange = node.type.name === 'item' ? (node.attrs.change as ItemChange | null) : null;
    // Otherwise the item stays, plain, and only the decided text goes: no decision removes
    // what it was not about, and a colleague may be typing in it (see removeEmptied).
    if (itemChange && filter(itemChange)) reset.push(pos);
    if (!node.isInline) return true;
    const to = pos + node.nodeSize;
    if (isRemoved(node)) {
      remove.push({ from: pos, to });
      return false;
    }
    const kept = keepType.isInSet(node.marks);
    const keptDecided = kept !== undefined && filter(kept.attrs as ChangeAttrs);
    if (keptDecided) unmark.push({ from: pos, to, type: keepType });
    // A deletion that does not apply here (see findDeletion) goes when its change is accepted,
    // and when the proposal it lies on is: on plain text it would start to apply.
    const stray = decision === 'accept' ? findStrayDeletion(node.marks) : undefined;
    if (stray && (keptDecided || filter(stray.attrs as ChangeAttrs))) {
      unmark.push({ from: pos, to, type: deletion });
    }
    return false;
  });
  if (remove.length === 0 && unmark.length === 0 && reset.length === 0) return null;
  const tr = state.tr;
  for (const pos of reset) tr.setNodeAttribute(pos, 'change', null);
  for (const range of unmark) tr.removeMark(range.from, range.to, range.type);
  for (const range of remove.reverse()) tr.delete(range.from, range.to);
  outdentFirstItems(tr);
  // A decision is deliberate: it may remove a whole block, which the structure guard lets
  // through only for such changes.
  return markStructural(tr).setMeta(KEEP_AS_IS, true);
}

// Whether the child at `index` of `parent` may go as a whole: anything in the blocks and the
// Toelichting, but not a list item's first paragraph (its list item needs it), not the title,
// preamble or containers, and not the last operative block: a resolution keeps its
// "Spreekt uit", as the editor's own "remove block" does.
function isRemovable(parent: Node, index: number, goesWhole: (node: Node) => boolean): boolean {
  switch (parent.type.name) {
    case 'list_item':
      return index > 0;
    case 'operatives': {
      let allGo = true;
      parent.forEach((block) => {
        if (!goesWhole(block)) allGo = false;
      });
      return !(allGo && index === 0);
    }
    case 'recitals':
    case 'recital_block':
    case 'operative_block':
    case 'explanation':
    case 'bullet_list':
    case 'ordered_list':
    case 'blockquote':
      return true;
    default:
      return false;
  }
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
