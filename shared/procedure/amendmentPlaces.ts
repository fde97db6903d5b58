/**
 * Where in a resolution a proposal stands, named as an amendment names it ("punt 3 onder
 * ‘Spreekt uit’", "onderdeel b van punt 1 onder ‘Spreekt uit’", "overweging 2 onder
 * ‘Overwegende dat’"), and what the text there was before any proposal on it: an amendment keeps
 * both when it is submitted, so that it can say later where the text has changed since.
 */
import type { Node } from 'prosemirror-model';
import { OPERATIVE_HEADING_LABELS, RECITAL_HEADING_LABELS } from '../labels.ts';
import { findItemContext, isClauseBlock } from '../editor/queries/findItemContext.ts';
import { nameItem } from '../editor/queries/nameItem.ts';
import { findPendingInsertion } from '../editor/suggestions/changeMarks.ts';
import type { ItemChange } from '../editor/suggestions/changeMarks.ts';

// Named here before the checks needed it too; the amendments' modules import it from here.
export { nameItem };

const HEADINGS: Record<string, string> = { ...RECITAL_HEADING_LABELS, ...OPERATIVE_HEADING_LABELS };

/** A block's heading as an amendment quotes it: ‘Spreekt uit’. */
export function quotedHeading(block: Node): string {
  const label = (HEADINGS[block.attrs.heading as string] ?? '').replace(/:$/, '');
  return `‘${label}’`;
}

/** The item a position stands in, with its place named; null outside the clauses. */
export interface ItemPlace {
  item: Node;
  itemPos: number;
  block: Node;
  blockPos: number;
  index: number;
  /** "punt 3 onder ‘Spreekt uit’". */
  place: string;
  /** "punt 3" or "onderdeel b van punt 1", without the block. */
  itemName: string;
}

/** The item at `pos` (a position inside it), named; null when `pos` is in no clause item. */
export function findItemPlace(doc: Node, pos: number): ItemPlace | null {
  const $pos = doc.resolve(Math.max(0, Math.min(pos, doc.content.size)));
  const context = findItemContext($pos);
  if (!context || !isClauseBlock(context.block)) return null;
  const itemName = nameItem(context.block, context.index);
  return {
    item: context.item,
    itemPos: context.itemPos,
    block: context.block,
    blockPos: context.blockPos,
    index: context.index,
    itemName,
    place: `${itemName} onder ${quotedHeading(context.block)}`,
  };
}

/**
 * The text of an item before any proposal on it: pending insertions left out, text proposed
 * for deletion kept; an item that is itself proposed as new has none ('').
 */
export function baseTextOf(item: Node): string {
  const change = item.attrs.change as ItemChange | null;
  if (change?.type === 'insert') return '';
  let text = '';
  item.forEach((child) => {
    if (child.isText) {
      if (!findPendingInsertion(child.marks)) text += child.text ?? '';
    } else if (child.type.name === 'hard_break') {
      text += ' ';
    }
  });
  return text.replace(/\s+/g, ' ').trim();
}

/** The title's text before any proposal on it. */
export function baseTitleText(doc: Node): string {
  return baseTextOf(doc.child(0));
}

/** Where a position stands when it is no clause item: the title, the preamble, the Toelichting. */
export function namePartAt(doc: Node, pos: number): string {
  const $pos = doc.resolve(Math.max(0, Math.min(pos, doc.content.size)));
  for (let depth = $pos.depth; depth > 0; depth -= 1) {
    const name = $pos.node(depth).type.name;
    if (name === 'title') return 'de titel';
    if (name === 'preamble') return 'de aanhef';
    if (name === 'explanation') return 'de Toelichting';
    if (isClauseBlock($pos.node(depth))) return `het blok ${quotedHeading($pos.node(depth))}`;
  }
  return 'de resolutie';
}
