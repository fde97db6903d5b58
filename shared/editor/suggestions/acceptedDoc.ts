/**
 * The document as it reads once every pending change is accepted: inserted text plain,
 * deleted text gone, the structure (items, paragraphs) as it stands. What the print template
 * prints when changes are hidden, and what the editor shows after "accept all": one definition
 * of accepting, `acceptChanges`, for both.
 */
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { Transform } from 'prosemirror-transform';
import { acceptChanges } from './trackedChanges.ts';
import { isPendingInsertion } from './changeMarks.ts';

/**
 * Whether `doc` holds any pending change (text marked as inserted and not accepted yet, or
 * marked as deleted).
 */
export function hasTrackedChanges(doc: Node): boolean {
  let found = false;
  doc.descendants((node) => {
    if (found) return false;
    if (node.isInline) {
      found = node.marks.some((mark) => mark.type.name === 'deletion' || isPendingInsertion(mark));
      return false;
    }
    return true;
  });
  return found;
}

/**
 * `doc` with all its pending changes accepted, as it reads: no change marks at all (an
 * accepted insertion's mark says only where its text came from, which print has no use for).
 * An item whose whole text was proposed for deletion goes with it: print has no colleague
 * typing in it.
 */
export function getAcceptedDoc(doc: Node): Node {
  let accepted = doc;
  if (hasTrackedChanges(doc)) {
    acceptChanges(() => true, { removeEmptied: true })(EditorState.create({ doc }), (tr) => {
      accepted = tr.doc;
    });
  }
  const { insertion, deletion } = doc.type.schema.marks;
  const plain = new Transform(accepted);
  if (insertion) plain.removeMark(0, accepted.content.size, insertion);
  if (deletion) plain.removeMark(0, accepted.content.size, deletion);
  return plain.docChanged ? plain.doc : accepted;
}
