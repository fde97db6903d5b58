/**
 * The first phase of a proposal: the old content of the changed ranges stays, marked as deleted
 * by the user. What holds nothing of anyone else goes for real: the user's own pending text
 * (deleting one's own proposal takes it back), their own new items and blocks, and empty
 * Toelichting paragraphs. A whole item inside a range is proposed for deletion on the item.
 */
import type { Node } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import type { ChangeAttrs, DeletionAttrs, ItemChange } from './changeMarks.ts';
import { partsOf } from './changeOrigins.ts';
import { textOf } from './deletionTexts.ts';
import type { DeletedRange } from './findProposedChange.ts';
import { isOwnNewItem, ownInsertion } from './ownProposals.ts';
import type { OwnText } from './ownProposals.ts';
import { isClauseBlock } from '../queries/findItemContext.ts';

/** A run of old text to mark deleted, or (`own`) to remove for real. */
interface DeletedText {
  from: number;
  to: number;
  own: boolean;
  /** The insertion it was made on (null on plain text), see `findDeletion`. */
  covers: string | null;
  /** The text it was made on (deletionTexts.ts). */
  text: string;
}

/** What the deleted ranges hold, found in the old document before anything is written. */
interface DeletedContent {
  texts: DeletedText[];
  /** Whole items inside a range: proposed for deletion, or (`own`) removed for real. */
  items: { pos: number; node: Node; own: boolean }[];
  /** Empty Toelichting paragraphs and blocks of only own new items: removed for real. */
  blocks: DeletedRange[];
}

/**
 * Writes into `tr` (a transaction on `before`) the proposal to delete `deleted`, as the change
 * `attrs`.
 */
export function proposeDeletion(
  tr: Transaction,
  before: Node,
  deleted: readonly DeletedRange[],
  own: OwnText,
  attrs: ChangeAttrs,
): void {
  const found: DeletedContent = { texts: [], items: [], blocks: [] };
  for (const range of deleted) findDeletedContent(before, range, own, attrs.id, found);
  writeDeletedContent(tr, before, found, attrs);
  giveEmptiedBlocksAnItem(tr, before, deleted, { type: 'insert', ...attrs });
}

/** Adds to `found` what `range` of `before` holds, as a deletion of the change `changeId`. */
function findDeletedContent(
  before: Node,
  range: DeletedRange,
  own: OwnText,
  changeId: string,
  found: DeletedContent,
): void {
  const { insertion: insertionType, deletion: deletionType } = before.type.schema.marks;
  const { from: start, to: end } = range;
  before.nodesBetween(start, end, (node, pos, parent, index) => {
    // An empty Toelichting paragraph the change replaces (wrapped in a list, turned into a
    // heading) goes for real: there is no text to propose deleting, and keeping it would
    // leave an empty paragraph beside the proposal.
    const inside = pos >= start && pos + node.nodeSize <= end;
    if (inside && node.isTextblock && node.content.size === 0 && isFlowChild(parent, index)) {
      found.blocks.push({ from: pos, to: pos + node.nodeSize });
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
        found.blocks.push({ from: pos, to: pos + node.nodeSize });
        return false;
      }
    }
    if (node.type.name === 'item' && inside) {
      // The user's own new item goes for real only when all in it is theirs: a colleague's
      // text typed in it meanwhile is proposed for deletion, not removed.
      const ownItem = isOwnNewItem(node, pos, own);
      found.items.push({ pos, node, own: ownItem });
      if (ownItem) return false;
    }
    if (!node.isInline) return true;
    const from = Math.max(pos, start);
    const to = Math.min(pos + node.nodeSize, end);
    // A deletion says which proposal it was made on, so that it does not apply to text that
    // Yjs's formatting spreads it over (see `findDeletion`).
    const inserted = insertionType!.isInSet(node.marks);
    const covers = inserted ? (inserted.attrs as ChangeAttrs).id : null;
    // One's own pending proposal goes for real, where it holds text one wrote.
    const mine = ownInsertion(node, own);
    const parts = mine ? partsOf(mine, from, to, own.applies()) : [{ from, to, applies: false }];
    // Text one has proposed to delete in this very change already stays as it is.
    const made = deletionType!.isInSet(node.marks);
    const again = made?.attrs.id === changeId && made.attrs.covers === covers;
    // And the text it is made on, so that it applies to nothing else (deletionTexts.ts).
    for (const part of parts) {
      const text = textOf(node, part.from - pos, part.to - pos);
      if (part.from < part.to && (part.applies || !again)) {
        found.texts.push({ ...part, own: part.applies, covers, text });
      }
    }
    return false;
  });
}

/** Marks or removes what `found` holds, back to front so earlier positions stay valid. */
function writeDeletedContent(
  tr: Transaction,
  before: Node,
  found: DeletedContent,
  attrs: ChangeAttrs,
): void {
  const deletionType = before.type.schema.marks.deletion!;
  const steps: { at: number; apply: () => void }[] = [
    ...found.texts.map((range) => ({
      at: range.from,
      apply: () => {
        if (range.own) tr.delete(range.from, range.to);
        else {
          const piece = joinPiece(before, range, attrs.id);
          const deletion: DeletionAttrs = {
            ...attrs,
            covers: range.covers,
            text: piece.text,
            at: piece.from,
          };
          tr.addMark(piece.from, piece.to, deletionType.create(deletion));
        }
      },
    })),
    ...found.blocks.map((block) => ({
      at: block.from,
      apply: () => tr.delete(block.from, block.to),
    })),
    ...found.items.map((item) => ({
      at: item.pos,
      apply: () => {
        if (item.own) tr.delete(item.pos, item.pos + item.node.nodeSize);
        else tr.setNodeAttribute(item.pos, 'change', { type: 'delete', ...attrs });
      },
    })),
  ];
  // Back to front, so that earlier positions stay valid; an item after its own text.
  steps.sort((a, b) => b.at - a.at);
  for (const step of steps) step.apply();
}

/**
 * The piece of deletion to mark for `range`: with the text beside it that this change already
 * marked on the same proposal (Backspace after Backspace), as one piece with one text, so that
 * each piece's text says which characters it was made on (deletionTexts.ts).
 */
function joinPiece(
  doc: Node,
  range: DeletedText,
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

/**
 * A block whose items were all the user's own proposals, taken back for real by a deletion
 * that did not hold the block itself, is left without items: it gets an empty item back, as
 * deleteKeepingStructure gives one outside suggestion mode, proposed like the items it had.
 */
function giveEmptiedBlocksAnItem(
  tr: Transaction,
  before: Node,
  pieces: readonly DeletedRange[],
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
