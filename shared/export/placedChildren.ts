/**
 * Children of a node together with their document positions, for exports that walk the
 * document themselves and still need positions (footnote numbers are looked up by position).
 */
import type { Node } from 'prosemirror-model';

/** A node and the position before it, as `Node.descendants` reports it. */
export interface PlacedNode {
  node: Node;
  pos: number;
}

/** The children of `parent`, which stands at `parentPos` (not the document itself). */
export function placedChildren(parent: Node, parentPos: number): PlacedNode[] {
  const children: PlacedNode[] = [];
  // A node's content starts one position after the position before the node.
  parent.forEach((node, offset) => children.push({ node, pos: parentPos + 1 + offset }));
  return children;
}
