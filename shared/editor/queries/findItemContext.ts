/**
 * Where a position stands in the clause structure: the item around it, its index, and the
 * block holding it. The editing commands of items all start here.
 */
import type { Node, ResolvedPos } from 'prosemirror-model';

export interface ItemContext {
  item: Node;
  /** Position before the item. */
  itemPos: number;
  /** Index of the item in its block. */
  index: number;
  block: Node;
  /** Position before the block. */
  blockPos: number;
  /** Depth of the item in the resolved position. */
  depth: number;
}

/** True for the two block types that hold items. */
export function isClauseBlock(node: Node): boolean {
  return node.type.name === 'recital_block' || node.type.name === 'operative_block';
}

/** The item context of a position inside an item, or null elsewhere. */
export function findItemContext($pos: ResolvedPos): ItemContext | null {
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    if (node.type.name === 'item') {
      return {
        item: node,
        itemPos: $pos.before(depth),
        index: $pos.index(depth - 1),
        block: $pos.node(depth - 1),
        blockPos: $pos.before(depth - 1),
        depth,
      };
    }
  }
  return null;
}

/** The block around a position (inside its items or at its edges), or null. */
export function findClauseBlock($pos: ResolvedPos): { node: Node; pos: number } | null {
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    if (isClauseBlock(node)) return { node, pos: $pos.before(depth) };
  }
  return null;
}
