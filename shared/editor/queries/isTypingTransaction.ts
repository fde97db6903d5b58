/**
 * Tells plain typing (and deleting characters) from edits that change the shape of the
 * document: splitting or joining items, indenting, pasting, adding blocks. Undo groups follow
 * this line, so one Ctrl+Z takes back one structural edit, or one run of typing.
 */
import { ReplaceStep } from 'prosemirror-transform';
import type { Transaction } from 'prosemirror-state';
import type { Slice } from 'prosemirror-model';

/** True when every step only inserts or removes inline content within one text block. */
export function isTypingTransaction(tr: Transaction): boolean {
  if (!tr.docChanged) return false;
  return tr.steps.every((step, index) => {
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
