/** The Toelichting: always the last child of the document. */
import type { Node } from 'prosemirror-model';

/** The Toelichting node and the position before it. */
export function getExplanation(doc: Node): { node: Node; pos: number } {
  const node = doc.lastChild!;
  return { node, pos: doc.content.size - node.nodeSize };
}
