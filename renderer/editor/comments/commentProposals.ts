/**
 * The proposal a thread is about, by name: who made it, read from the change marks (or a whole
 * item's proposal) in the thread's text. A proposal decided since leaves no pending mark there
 * (an accepted insertion keeps its mark, and with it its author).
 */
import type { Node } from 'prosemirror-model';
import type { AnchorRange } from '../../../shared/comments/commentAnchors.ts';

/** The author of proposal `change` in `range` of `doc`, or null when it is not there. */
export function findProposer(doc: Node, range: AnchorRange | null, change: string): string | null {
  if (!range || range.to > doc.content.size) return null;
  let name: string | null = null;
  doc.nodesBetween(range.from, range.to, (node) => {
    if (name !== null) return false;
    const item =
      node.type.name === 'item' ? (node.attrs.change as { id: string; name: string } | null) : null;
    if (item?.id === change) name = item.name;
    for (const mark of node.marks) {
      const kind = mark.type.name;
      if ((kind === 'insertion' || kind === 'deletion') && mark.attrs.id === change) {
        name = mark.attrs.name as string;
      }
    }
    return name === null;
  });
  return name;
}
