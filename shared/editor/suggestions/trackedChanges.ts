/**
 * The pending changes of a document, and deciding on them. A change is every piece of text
 * marked with one change id: inserted text, deleted text, or both (a replaced word). Accepting
 * keeps the proposal (the insertion's text stays, its mark flagged accepted: plain text that
 * still says where it came from, see changeMarks.ts; the deleted text goes); rejecting undoes it
 * (the inserted text goes, the deleted text stays plain). What remains reads as ordinary text,
 * and the numbering, being derived, is right at once.
 */
import type { Mark, MarkType, Node } from 'prosemirror-model';
import type { Command, EditorState, Transaction } from 'prosemirror-state';
import type { ChangeAttrs, ItemChange } from './changeMarks.ts';
import { findPendingInsertion } from './changeMarks.ts';
import { KEEP_AS_IS } from './suggestChanges.ts';
import type { MarkApplies, MarkPart } from './changeOrigins.ts';
import { checkChanges, getChangeOrigins, partsOf } from './changeOrigins.ts';
import { withAppliedChanges } from './appliedChanges.ts';
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

/**
 * The pending changes of `doc`, in document order: only where their marks apply (see
 * changeOrigins.ts; `applies` is the editor's check in a Yjs document).
 */
export function getTrackedChanges(
  doc: Node,
  applies: MarkApplies = checkChanges(doc, null),
): TrackedChange[] {
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
    // A deletion Yjs spread over a colleague's proposal typed meanwhile is not part of it.
    const deleted = node.marks.find((mark) => mark.type.name === 'deletion');
    const marks = [findPendingInsertion(node.marks), deleted];
    for (const mark of marks) {
      if (!mark) continue;
      for (const part of partsOf(mark, pos, pos + node.nodeSize, applies)) {
        if (part.applies) addPart(changes, mark, part, node.isText ? (node.text ?? '') : '', pos);
      }
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
 * The pending changes of the document `state` holds, as the editor shows them: with what its
 * collaboration layer tells of who wrote which text (changeOrigins.ts), so that a mark that
 * ran on over a colleague's text is not counted as part of the proposal.
 */
export function getStateChanges(state: EditorState): TrackedChange[] {
  return getTrackedChanges(state.doc, checkChanges(state.doc, getChangeOrigins(state)));
}

/** Adds `part` of a text node at `pos` (its text `text`), marked with `mark`, to its change. */
function addPart(
  changes: Map<string, TrackedChange>,
  mark: Mark,
  part: MarkPart,
  text: string,
  pos: number,
): void {
  const attrs = mark.attrs as ChangeAttrs;
  const change: TrackedChange = changes.get(attrs.id) ?? {
    id: attrs.id,
    name: attrs.name,
    colour: attrs.colour,
    time: attrs.time,
    inserted: '',
    deleted: '',
    from: part.from,
    to: part.to,
  };
  change.time = Math.max(change.time, attrs.time);
  change.from = Math.min(change.from, part.from);
  change.to = Math.max(change.to, part.to);
  const piece = text.slice(part.from - pos, part.to - pos);
  if (mark.type.name === 'insertion') change.inserted += piece;
  else change.deleted += piece;
  changes.set(attrs.id, change);
}

/**
 * `doc` without the change marks that do not apply where they lie (appliedChanges.ts), for
 * showing a document as it reads outside the editor; `doc` itself when there are none.
 */
export function withoutStrayDeletions(doc: Node): Node {
  return withAppliedChanges(doc, checkChanges(doc, null));
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
  // Where each mark applies (changeOrigins.ts): text a decided mark does not apply to (a
  // deletion spread over a colleague's proposal typed meanwhile, a mark that ran on over other
  // text) is not the proposal's. It loses the mark and stays.
  const applies = checkChanges(state.doc, getChangeOrigins(state));
  const remove: { from: number; to: number }[] = [];
  const unmark: { from: number; to: number; type: MarkType }[] = [];
  const accepted: { from: number; to: number; attrs: ChangeAttrs }[] = [];
  const remark: { from: number; to: number; mark: Mark }[] = [];
  // The decided mark that takes its text away (a deletion accepted, an insertion rejected).
  const removedBy = (marks: readonly Mark[]): Mark | undefined => {
    const mark = decision === 'accept' ? deletion.isInSet(marks) : findPendingInsertion(marks);
    return mark !== undefined && filter(mark.attrs as ChangeAttrs) ? mark : undefined;
  };
  const isRemoved = (node: Node, pos: number) => {
    const mark = removedBy(node.marks);
    return mark !== undefined && partsOf(mark, pos, pos + node.nodeSize, applies).every(isApplied);
  };
  // Takes a decided mark off text it does not apply to, and decides that text as if it had
  // never had the mark.
  const takeOff = (mark: Mark, marks: readonly Mark[], part: MarkPart): void => {
    unmark.push({ ...part, type: mark.type });
    const rest = mark.removeFromSet(marks);
    const made = deletion.isInSet(rest);
    if (mark.type !== insertion || !made || made.attrs.covers !== mark.attrs.id) {
      decideText(rest, part.from, part.to);
      return;
    }
    // A deletion made on this text while it looked like that proposal's stays one made on it,
    // now on plain text (where it applies at all).
    const plain = deletion.create({ ...made.attrs, covers: null });
    for (const piece of partsOf(made, part.from, part.to, applies)) {
      if (piece.applies) remark.push({ ...piece, mark: plain });
      decideText(piece.applies ? plain.addToSet(rest) : rest, piece.from, piece.to);
    }
  };
  // The decision on the text from `from` to `to`, which carries `marks`.
  const decideText = (marks: readonly Mark[], from: number, to: number): void => {
    const removing = removedBy(marks);
    if (removing) {
      for (const part of partsOf(removing, from, to, applies)) {
        if (part.applies) remove.push(part);
        else takeOff(removing, marks, part);
      }
      return;
    }
    // What stays: a pending insertion accepted (its mark flagged; where it does not apply,
    // taken off), a deletion rejected.
    const kept = decision === 'accept' ? findPendingInsertion(marks) : deletion.isInSet(marks);
    if (kept === undefined || !filter(kept.attrs as ChangeAttrs)) return;
    for (const part of partsOf(kept, from, to, applies)) {
      if (decision === 'reject') unmark.push({ ...part, type: kept.type });
      else if (!part.applies) takeOff(kept, marks, part);
      else accepted.push({ ...part, attrs: kept.attrs as ChangeAttrs });
    }
  };
  // A decided item proposal that takes its item away (accepting a deletion, rejecting an
  // addition).
  const itemGoes = (node: Node) => {
    const change = node.type.name === 'item' ? (node.attrs.change as ItemChange | null) : null;
    return (
      change !== null && filter(change) && (decision === 'accept') === (change.type === 'delete')
    );
  };
  // Whether the decision takes all of `node` (at `pos`) away: all its text, and for an item it
  // proposes away, also when it has none.
  const goesWhole = (node: Node, pos: number): boolean => {
    let all = node.childCount > 0 || itemGoes(node);
    node.forEach((child, offset) => {
      const at = pos + 1 + offset;
      if (!(node.isTextblock ? isRemoved(child, at) : goesWhole(child, at))) all = false;
    });
    return all;
  };
  const reset: number[] = [];
  state.doc.descendants((node, pos, parent, index) => {
    // With removeEmptied, whatever the decision empties goes with it: an item, a Toelichting
    // paragraph, list or quote, a whole block. Accepting the deletion of a block leaves no
    // empty block behind; rejecting a proposed list leaves no empty bullets.
    if (removeEmptied && parent) {
      const parentPos = pos - 1 - offsetOf(parent, index);
      if (isRemovable(parent, parentPos, index, goesWhole) && goesWhole(node, pos)) {
        remove.push({ from: pos, to: pos + node.nodeSize });
        return false;
      }
    }
    const itemChange = node.type.name === 'item' ? (node.attrs.change as ItemChange | null) : null;
    // Otherwise the item stays, plain, and only the decided text goes: no decision removes
    // what it was not about, and a colleague may be typing in it (see removeEmptied).
    if (itemChange && filter(itemChange)) reset.push(pos);
    if (!node.isInline) return true;
    decideText(node.marks, pos, pos + node.nodeSize);
    return false;
  });
  if (remove.length + unmark.length + accepted.length + reset.length === 0) return null;
  const tr = state.tr;
  for (const pos of reset) tr.setNodeAttribute(pos, 'change', null);
  // A deletion re-made on plain text (takeOff) may be decided itself: taken off after.
  for (const range of remark) tr.addMark(range.from, range.to, range.mark);
  for (const range of unmark) tr.removeMark(range.from, range.to, range.type);
  for (const range of accepted) {
    tr.addMark(range.from, range.to, insertion.create({ ...range.attrs, accepted: true }));
  }
  for (const range of remove.reverse()) tr.delete(range.from, range.to);
  outdentFirstItems(tr);
  // A decision is deliberate: it may remove a whole block, which the structure guard lets
  // through only for such changes.
  return markStructural(tr).setMeta(KEEP_AS_IS, true);
}

const isApplied = (part: MarkPart) => part.applies;

/** Where the child at `index` of `parent` starts, counted from the parent's content. */
function offsetOf(parent: Node, index: number): number {
  let offset = 0;
  for (let i = 0; i < index; i += 1) offset += parent.child(i).nodeSize;
  return offset;
}

// Whether the child at `index` of `parent` may go as a whole: anything in the blocks and the
// Toelichting, but not a list item's first paragraph (its list item needs it), not the title,
// preamble or containers, and not the last operative block: a resolution keeps its
// "Spreekt uit", as the editor's own "remove block" does.
function isRemovable(
  parent: Node,
  parentPos: number,
  index: number,
  goesWhole: (node: Node, pos: number) => boolean,
): boolean {
  switch (parent.type.name) {
    case 'list_item':
      return index > 0;
    case 'operatives': {
      let allGo = true;
      parent.forEach((block, offset) => {
        if (!goesWhole(block, parentPos + 1 + offset)) allGo = false;
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
