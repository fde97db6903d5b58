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
 */
import { Fragment, Mark, Slice } from 'prosemirror-model';
import type { MarkType, Node } from 'prosemirror-model';
import { TextSelection } from 'prosemirror-state';
import { Mapping, ReplaceStep } from 'prosemirror-transform';
import type { EditorState, Transaction } from 'prosemirror-state';
import type {
  ChangeAttrs,
  ChangeAuthor,
  DeletionAttrs,
  InsertionAttrs,
  ItemChange,
} from './changeMarks.ts';
import { findPendingInsertion, isPendingInsertion } from './changeMarks.ts';
import type { ChangeOrigins, MarkApplies } from './changeOrigins.ts';
import { checkChanges, getChangeOrigins, partsOf } from './changeOrigins.ts';
import { textOf } from './deletionTexts.ts';
import { isClauseBlock } from '../queries/findItemContext.ts';
import { STRUCTURAL_CHANGE } from '../plugins/structureMeta.ts';

/** What a suggestion needs besides the transaction. */
export interface SuggestionContext {
  author: ChangeAuthor;
  /** The time of the change (ms). */
  now: number;
  /** A new change id. */
  newId: () => string;
}

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
  // A deletion across items or blocks (deleteKeepingStructure) is several steps: each deleted
  // piece is proposed where it was. Anything else is one replaced range.
  const pieces = findDeletedPieces(tr);
  const range = pieces ? null : findChangedRange(state, tr);
  if (!pieces && !range) return null;
  const deleted = pieces?.ranges ?? [{ from: range!.start, to: range!.endBefore }];
  const inserted = pieces?.inserted ?? range!.inserted;
  const start = deleted[0]!.from;
  // The new content goes after the (first) deleted piece, where the cursor was.
  const endBefore = deleted[0]!.to;
  const endAfter = start + inserted.size;

  const schema = before.type.schema;
  const insertionType = schema.marks.insertion!;
  const deletionType = schema.marks.deletion!;
  const result = state.tr;
  // In a Yjs document: the session the proposal is written in, and which text one's own
  // proposals really hold (changeOrigins.ts), worked out only when needed.
  const origins = getChangeOrigins(state);
  const session = origins?.session ?? null;
  let check: MarkApplies | undefined;
  const own: OwnText = {
    context,
    session,
    origins,
    applies: () => (check ??= checkChanges(before, origins)),
  };
  // One change for what is deleted and inserted together; typing (nothing deleted) continues
  // an own insertion it touches, deleting an own deletion it touches.
  const { attrs: changeAttrs, since: continuedSince } = continueChange(
    before,
    start,
    endBefore,
    endBefore === start ? insertionType : deletionType,
    own,
  );
  const deletionAttrs = changeAttrs;
  const insertionAttrs = changeAttrs;

  // Backspace at the start of (or Delete into) an item the user proposed and left empty takes
  // the proposal back: the item goes.
  // (Not when the range holds a whole block: removing a block is decided below.)
  const ownEmpty =
    !pieces &&
    inserted.size === 0 &&
    endBefore > start &&
    !holdsWholeBlock(before, start, endBefore)
      ? findOwnEmptyItem(before, start, endBefore, context)
      : null;
  if (ownEmpty) {
    result.delete(ownEmpty.from, ownEmpty.to);
    const cursor = Math.min(ownEmpty.from, result.doc.content.size);
    result.setSelection(TextSelection.near(result.doc.resolve(cursor), -1));
    return result;
  }

  // 1. The old content stays, marked; own pending insertions go for real (back to front, so
  //    positions before them stay valid). A whole item inside the range is proposed for
  //    deletion as an item (shown on the item); one the user proposed goes for real.
  const ranges: { from: number; to: number; own: boolean; covers: string | null; text: string }[] =
    [];
  const items: { pos: number; node: Node; own: boolean }[] = [];
  const removedBlocks: { from: number; to: number }[] = [];
  for (const piece of deleted) {
    markDeleted(piece.from, piece.to);
  }
  function markDeleted(start: number, endBefore: number): void {
    before.nodesBetween(start, endBefore, (node, pos, parent, index) => {
      // An empty Toelichting paragraph the change replaces (wrapped in a list, turned into a
      // heading) goes for real: there is no text to propose deleting, and keeping it would
      // leave an empty paragraph beside the proposal.
      const inside = pos >= start && pos + node.nodeSize <= endBefore;
      if (inside && node.isTextblock && node.content.size === 0 && isFlowChild(parent, index)) {
        removedBlocks.push({ from: pos, to: pos + node.nodeSize });
        return false;
      }
      // So does a block all of whose items are the user's own new ones (a block they added and
      // now remove), or that has none.
      if (inside && isClauseBlock(node)) {
        let allOwn = true;
        node.forEach((item, offset) => {
          if (!isOwnNewItem(item, pos + 1 + offset, own)) allOwn = false;
        });
        if (allOwn) {
          removedBlocks.push({ from: pos, to: pos + node.nodeSize });
          return false;
        }
      }
      if (node.type.name === 'item' && inside) {
        // The user's own new item goes for real only when all in it is theirs: a colleague's
        // text typed in it meanwhile is proposed for deletion, not removed.
        const ownItem = isOwnNewItem(node, pos, own);
        items.push({ pos, node, own: ownItem });
        if (ownItem) return false;
      }
      if (!node.isInline) return true;
      const from = Math.max(pos, start);
      const to = Math.min(pos + node.nodeSize, endBefore);
      // A deletion says which proposal it was made on, so that it does not apply to text that
      // Yjs's formatting spreads it over (see `findDeletion`).
      const inserted = insertionType.isInSet(node.marks);
      const covers = inserted ? (inserted.attrs as ChangeAttrs).id : null;
      // One's own pending proposal goes for real, where it holds text one wrote.
      const mine = ownInsertion(node, own);
      const parts = mine ? partsOf(mine, from, to, own.applies()) : [{ from, to, applies: false }];
      // Text one has proposed to delete in this very change already stays as it is.
      const made = deletionType.isInSet(node.marks);
      const again = made?.attrs.id === deletionAttrs.id && made.attrs.covers === covers;
      // And the text it is made on, so that it applies to nothing else (deletionTexts.ts).
      for (const part of parts) {
        const text = textOf(node, part.from - pos, part.to - pos);
        if (part.from < part.to && (part.applies || !again)) {
          ranges.push({ ...part, own: part.applies, covers, text });
        }
      }
      return false;
    });
  }
  const steps: { at: number; apply: () => void }[] = [
    ...ranges.map((range) => ({
      at: range.from,
      apply: () => {
        if (range.own) result.delete(range.from, range.to);
        else {
          const piece = joinPiece(before, range, deletionAttrs.id);
          const attrs: DeletionAttrs = {
            ...deletionAttrs,
            covers: range.covers,
            text: piece.text,
            at: piece.from,
          };
          result.addMark(piece.from, piece.to, deletionType.create(attrs));
        }
      },
    })),
    ...removedBlocks.map((block) => ({
      at: block.from,
      apply: () => result.delete(block.from, block.to),
    })),
    ...items.map((item) => ({
      at: item.pos,
      apply: () => {
        if (item.own) result.delete(item.pos, item.pos + item.node.nodeSize);
        else {
          result.setNodeAttribute(item.pos, 'change', { type: 'delete', ...deletionAttrs });
        }
      },
    })),
  ];
  // Back to front, so that earlier positions stay valid; an item after its own text.
  steps.sort((a, b) => b.at - a.at);
  for (const step of steps) step.apply();
  giveEmptiedBlocksAnItem(result, before, deleted, { type: 'insert', ...insertionAttrs });
  let insertAt = result.mapping.map(pieces?.insertAt ?? endBefore);
  // Typing over a selection across items: the text goes into the text block the cursor was
  // put in, as outside suggestion mode.
  if (pieces && inserted.size > 0 && !result.doc.resolve(insertAt).parent.inlineContent) {
    insertAt = TextSelection.near(result.doc.resolve(insertAt), 1).from;
  }

  // 2. The new content after it, its text marked as inserted.
  let insertEnd = insertAt;
  if (inserted.size > 0) {
    const since = continuedSince ?? origins?.clock ?? null;
    const attrs: InsertionAttrs = { ...insertionAttrs, accepted: false, session, since };
    const mark = insertionType.create(attrs);
    const parentAllows = result.doc.resolve(insertAt).parent.type.allowsMarkType(insertionType);
    const marked = new Slice(
      markInserted(inserted.content, mark, parentAllows),
      inserted.openStart,
      inserted.openEnd,
    );
    const sizeBefore = result.doc.content.size;
    result.replace(insertAt, insertAt, marked);
    insertEnd = insertAt + (result.doc.content.size - sizeBefore);
    markNewItems(result, insertAt, insertEnd, { type: 'insert', ...insertionAttrs });
  }

  // 3. The cursor: after what was typed; before the marked text after Backspace, after it
  //    after Delete, so the next key goes on in the same direction.
  let cursor: number;
  if (inserted.size === 0) {
    const backspace = state.selection.empty && state.selection.head === endBefore;
    cursor = backspace ? result.mapping.map(start, -1) : insertAt;
  } else if (pieces) {
    cursor = insertEnd;
  } else {
    const head = tr.selection.head;
    if (head >= endAfter) cursor = insertEnd + (head - endAfter);
    else if (head >= start) cursor = insertAt + (head - start);
    else cursor = result.mapping.map(head, -1);
  }
  cursor = Math.max(0, Math.min(cursor, result.doc.content.size));
  result.setSelection(TextSelection.near(result.doc.resolve(cursor), -1));
  // A deliberate structural change (a block added or removed) stays one for the structure
  // guard, which would refuse the proposal otherwise.
  for (const key of ['addToHistory', 'uiEvent', 'paste', STRUCTURAL_CHANGE]) {
    const meta: unknown = tr.getMeta(key);
    if (meta !== undefined) result.setMeta(key, meta);
  }
  if (tr.storedMarks) result.setStoredMarks(tr.storedMarks);
  return result.docChanged ? result : null;
}

/**
 * The pieces a transaction of several deletions deletes, in the old document's positions, in
 * order and merged where they touch, with the text typed after them (typing over a selection
 * across items or blocks); null for any other transaction. Empty items given back to a block
 * the deletion emptied are left out: in suggestion mode nothing is removed, so none is empty.
 */
function findDeletedPieces(
  tr: Transaction,
): { ranges: { from: number; to: number }[]; inserted: Slice; insertAt: number } | null {
  if (tr.steps.length < 2) return null;
  const pieces: { from: number; to: number }[] = [];
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

/** Whether the child at `index` of `parent` is a Toelichting block that may go on its own. */
function isFlowChild(parent: Node | null, index: number): boolean {
  switch (parent?.type.name) {
    case 'explanation':
    case 'blockquote':
      return true;
    case 'list_item':
      return index > 0;
    default:
      return false;
  }
}

/** Whether `a` and `b` differ in node attributes only (same types, text and marks). */
function sameButForAttributes(a: Node, b: Node): boolean {
  if (a.type !== b.type || a.childCount !== b.childCount) return false;
  if (a.isText) return a.text === b.text && Mark.sameSet(a.marks, b.marks);
  if (!Mark.sameSet(a.marks, b.marks)) return false;
  for (let index = 0; index < a.childCount; index += 1) {
    if (!sameButForAttributes(a.child(index), b.child(index))) return false;
  }
  return true;
}

/**
 * A block whose items were all the user's own proposals, taken back for real by a deletion
 * that did not hold the block itself, is left without items: it gets an empty item back, as
 * deleteKeepingStructure gives one outside suggestion mode, proposed like the items it had.
 */
function giveEmptiedBlocksAnItem(
  tr: Transaction,
  before: Node,
  pieces: readonly { from: number; to: number }[],
  change: ItemChange,
): void {
  const touched = new Set<number>();
  for (const piece of pieces) {
    before.nodesBetween(piece.from, piece.to, (node, pos) => {
      if (isClauseBlock(node)) {
        if (node.childCount > 0) touched.add(pos);
        return false;
      }
      return !node.isTextblock;
    });
  }
  for (const pos of [...touched].sort((a, b) => b - a)) {
    const mapped = tr.mapping.mapResult(pos, 1);
    const block = mapped.deleted ? null : tr.doc.nodeAt(mapped.pos);
    if (block && isClauseBlock(block) && block.childCount === 0) {
      tr.insert(mapped.pos + 1, before.type.schema.nodes.item!.create({ change }));
    }
  }
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

/** The user, and which text their own pending proposals really hold (see changeOrigins.ts). */
interface OwnText {
  context: SuggestionContext;
  /** The session this proposal is written in (null outside Yjs). */
  session: number | null;
  /** What the collaboration layer tells (null outside Yjs). */
  origins: ChangeOrigins | null;
  /** The check of where marks apply (changeOrigins.ts). */
  applies: () => MarkApplies;
}

/**
 * Whether `item` (at `pos`) is the user's own proposed item with nothing but their own text in
 * it, all written by their proposals.
 */
function isOwnNewItem(item: Node, pos: number, own: OwnText): boolean {
  let allOwn = isOwnItem(item, 'insert', own.context);
  item.forEach((child, offset) => {
    const mark = ownInsertion(child, own);
    const from = pos + 1 + offset;
    const parts = mark ? partsOf(mark, from, from + child.nodeSize, own.applies()) : [];
    if (!mark || parts.some((part) => !part.applies)) allOwn = false;
  });
  return allOwn;
}

/**
 * The piece of deletion to mark for `range`: with the text beside it that this change already
 * marked on the same proposal (Backspace after Backspace), as one piece with one text, so that
 * each piece's text says which characters it was made on (deletionTexts.ts).
 */
function joinPiece(
  doc: Node,
  range: { from: number; to: number; covers: string | null; text: string },
  id: string,
): { from: number; to: number; text: string } {
  const same = (node: Node | null | undefined) => {
    const mark = node?.marks.find((m) => m.type.name === 'deletion');
    return mark?.attrs.id === id && mark.attrs.covers === range.covers ? node! : null;
  };
  const left = same(doc.resolve(range.from).nodeBefore);
  const right = same(doc.resolve(range.to).nodeAfter);
  return {
    from: range.from - (left?.nodeSize ?? 0),
    to: range.to + (right?.nodeSize ?? 0),
    text: (left ? textOf(left) : '') + range.text + (right ? textOf(right) : ''),
  };
}

/** Whether `node` is an item with the user's own proposal of `type`. */
function isOwnItem(node: Node, type: ItemChange['type'], context: SuggestionContext): boolean {
  const change = node.attrs.change as ItemChange | null | undefined;
  return change?.type === type && change.name === context.author.name;
}

/**
 * The item the range reaches into when it holds no text and the item after its start is the
 * user's own proposed, empty item (Backspace at its start, Delete before it).
 */
function findOwnEmptyItem(
  doc: Node,
  start: number,
  end: number,
  context: SuggestionContext,
): { from: number; to: number } | null {
  if (doc.textBetween(start, end, '', '') !== '') return null;
  let found: { from: number; to: number } | null = null;
  doc.nodesBetween(start, Math.min(end + 1, doc.content.size), (node, pos) => {
    if (found || node.type.name !== 'item') return !found && !node.isTextblock;
    const inRange = pos + 1 >= start && pos + 1 <= end + 1;
    if (inRange && node.content.size === 0 && isOwnItem(node, 'insert', context)) {
      found = { from: pos, to: pos + node.nodeSize };
    }
    return false;
  });
  return found;
}

/**
 * The user's own pending proposal on `node`, which they may simply delete where it applies
 * (see changeOrigins.ts). Their accepted text is everyone's text now.
 */
function ownInsertion(node: Node, own: OwnText): Mark | undefined {
  const mark = findPendingInsertion(node.marks);
  return mark && (mark.attrs as ChangeAttrs).name === own.context.author.name ? mark : undefined;
}

/**
 * The attributes of the change to make: those of the user's own change of `type` right
 * before or after the range (continued), else a new change; and when it continues an
 * insertion, where that insertion started.
 */
function continueChange(
  doc: Node,
  from: number,
  to: number,
  type: MarkType,
  own: OwnText,
): { attrs: ChangeAttrs; since: number | null } {
  const { context } = own;
  // Text typed into an item the user proposed belongs to that proposal.
  const parent = doc.resolve(from).parent;
  if (isOwnItem(parent, 'insert', context)) {
    const { type: _type, ...attrs } = parent.attrs.change as ItemChange;
    return { attrs, since: null };
  }
  for (const pos of [from, to]) {
    const $pos = doc.resolve(pos);
    for (const node of [$pos.nodeBefore, $pos.nodeAfter]) {
      const mark = node ? type.isInSet(node.marks) : undefined;
      const attrs = mark?.attrs as ChangeAttrs | undefined;
      // An insertion continues only while pending, written in this session and its latest:
      // its mark applies only to text its session wrote meanwhile (changeOrigins.ts).
      const inserted = mark?.attrs as InsertionAttrs | undefined;
      const continues =
        type.name !== 'insertion' ||
        (mark !== undefined &&
          isPendingInsertion(mark) &&
          inserted!.session === own.session &&
          (own.origins === null || inserted!.since === own.origins.latestStart(doc)));
      // The same attributes, time included: equal marks keep the text one node, one change.
      if (attrs && continues && attrs.name === context.author.name) {
        const { id, name, colour, time } = attrs;
        return { attrs: { id, name, colour, time }, since: inserted?.since ?? null };
      }
    }
  }
  return { attrs: { id: context.newId(), ...context.author, time: context.now }, since: null };
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
