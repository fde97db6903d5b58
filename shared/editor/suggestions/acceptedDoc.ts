/**
 * The document as it reads once every pending change is accepted: inserted text plain,
 * deleted text gone, the structure (items, paragraphs) as it stands. What the print template
 * prints when changes are hidden, and what the editor shows after "accept all": one definition
 * of accepting, `acceptChanges`, for both.
 */
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { acceptChanges } from './trackedChanges.ts';

/** Whether `doc` holds any pending change (text marked as inserted or deleted). */
export function hasTrackedChanges(doc: Node): boolean {
  const { insertion, deletion } = doc.type.schema.marks;
  let found = false;
  doc.descendants((node) => {
    if (found) return false;
    if (node.isInline) {
      found = node.marks.some((mark) => mark.type === insertion || mark.type === deletion);
      return false;
    }
    return true;
  });
  return found;
}

/**
 * `doc` with all its pending changes accepted; `doc` itself when it has none. An item whose
 * whole text was proposed for deletion goes with it: print has no colleague typing in it.
 */
export function getAcceptedDoc(doc: Node): Node {
  if (!hasTrackedChanges(doc)) return doc;
  let accepted = doc;
  acceptChanges(() => true, { removeEmptied: true })(EditorState.create({ doc }), (tr) => {
    accepted = tr.doc;
  });
  return accepted;
}
