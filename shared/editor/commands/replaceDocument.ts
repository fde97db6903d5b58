/**
 * Replacing the whole document (restoring a version) without making equal parts new.
 *
 * ProseMirror's view keeps its own node for every part of a new document that is equal to
 * what it shows; a document of equal but new nodes would leave it comparing those parts deeply
 * on every later keystroke, until they change. So every part of the new document that equals
 * the part at the same place in the current one is the current one's own node.
 */
import { Fragment } from 'prosemirror-model';
import type { Node } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';

/**
 * `next`, with every subtree that equals its counterpart in `current` replaced by that
 * counterpart. Children pair from both ends (so an inserted or removed child shifts the pairs
 * after it), the rest by place; a pairing is only ever used when the two are equal, so the
 * result always equals `next`.
 */
export function reuseUnchangedNodes(current: Node, next: Node): Node {
  if (current === next || current.eq(next)) return current;
  if (next.isLeaf || current.isLeaf || next.childCount === 0) return next;
  const oldCount = current.childCount;
  const newCount = next.childCount;
  let prefix = 0;
  while (prefix < Math.min(oldCount, newCount) && current.child(prefix).eq(next.child(prefix))) {
    prefix += 1;
  }
  const shift = oldCount - newCount;
  const children: Node[] = [];
  let reused = false;
  next.forEach((child, _offset, index) => {
    const fromEnd = index + shift;
    let kept: Node;
    if (index < prefix) kept = current.child(index);
    else if (fromEnd >= prefix && fromEnd < oldCount && current.child(fromEnd).eq(child)) {
      kept = current.child(fromEnd);
    } else kept = index < oldCount ? reuseUnchangedNodes(current.child(index), child) : child;
    if (kept !== child) reused = true;
    children.push(kept);
  });
  return reused ? next.copy(Fragment.fromArray(children)) : next;
}

/** Replaces the content of `tr`'s document with `next`'s, reusing what did not change. */
export function replaceDocument(tr: Transaction, next: Node): Transaction {
  const doc = reuseUnchangedNodes(tr.doc, next);
  return tr.replaceWith(0, tr.doc.content.size, doc.content);
}
