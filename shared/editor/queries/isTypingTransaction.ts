/**
 * Tells plain typing (and deleting characters) from edits that change the shape of the
 * document: splitting or joining items, indenting, pasting, adding blocks. Undo groups follow
 * this line, so one Ctrl+Z takes back one structural edit, or one run of typing.
 */
import { AddMarkStep, ReplaceStep } from 'prosemirror-transform';
import type { Transaction } from 'prosemirror-state';
import type { Slice } from 'prosemirror-model';

/**
 * True when every step only inserts or removes inline content within one text block, or (in
 * suggestion mode, where deleting marks text instead) marks text as deleted within one.
 */
export function isTypingTransaction(tr: Transaction): boolean {
  if (!tr.docChanged) return false;
  return tr.steps.every((step, index) => {
    if (step instanceof AddMarkStep && step.mark.type.name === 'deletion') {
      // One step: ProseMirror splits a mark across text blocks into one step per block.
      if (tr.steps.length !== 1) return false;
      const doc = tr.docs[index]!;
      const $from = doc.resolve(step.from);
      return $from.parent.isTextblock && $from.sameParent(doc.resolve(step.to));
    }
    if (!(step instanceof ReplaceStep)) return false;
    const { from, to, slice } = step as unknown as { from: number; to: number; slice: Slice };
    if (slice.openStart !== 0 || slice.openEnd !== 0) return false;
    let inlineOnly = true;
    slice.content.forEach((node) => {
      if (!node.isInline) inlineOnly = false;
    });
    if (!inlineOnly) return false;
    const doc = tr.docs[index]!;
    const $from = doc.resolve(from);
    return $from.parent.isTextblock && $from.sameParent(doc.resolve(to));
  });
}
