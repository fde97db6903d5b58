/**
 * Inserting a cross-reference from the editor's window (the picker, the typing suggestion):
 * `insertReference` at the selection, with ids named after the target's Yjs element
 * (referenceIds.ts).
 *
 * In suggestion mode the one transaction of `insertReference` (the target's new id, then the
 * reference) is made two: the id on its own, an attribute, which suggestion mode passes as it
 * is, then the reference, one insertion it proposes. Given both at once, suggestion mode reads
 * the document's difference instead of one replaced range, and proposed to delete and re-add
 * every item between the reference and its target.
 */
import type { Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { insertReference } from '../../shared/editor/commands/references.ts';
import { getSuggestionAuthor } from '../../shared/editor/suggestions/suggestionMode.ts';
import { getElementIdSource } from './referenceIds.ts';

/** Inserts at the selection of `view` a reference to the element at `targetPos`. */
export function insertReferenceInView(view: EditorView, targetPos: number): boolean {
  const source = getElementIdSource(view.state);
  if (!getSuggestionAuthor(view.state)) {
    return insertReference(targetPos, source)(view.state, view.dispatch);
  }
  let made: Transaction | null = null;
  if (!insertReference(targetPos, source)(view.state, (tr) => (made = tr))) return false;
  const steps = (made as Transaction | null)?.steps ?? [];
  // The target had no id yet: first the id, alone (the target stays where it is).
  if (steps.length > 1) view.dispatch(view.state.tr.step(steps[0]!));
  return insertReference(targetPos, source)(view.state, view.dispatch);
}
