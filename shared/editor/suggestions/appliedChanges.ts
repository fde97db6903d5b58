/**
 * A document as its proposals apply: without the change marks that lie where they do not
 * apply (changeOrigins.ts): a deletion Yjs spread over a colleague's proposal typed meanwhile
 * (`covers`), and a proposal's mark where it ran on over text it did not make.
 * Where an insertion's mark goes, a deletion made on that text while it looked like the
 * proposal's stays, as one made on plain text: as a decision on the insertion leaves it
 * (trackedChanges.ts). For showing and printing a document as it reads, and for checking what
 * the editor does with it.
 */
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import type { MarkApplies } from './changeOrigins.ts';
import { partsOf } from './changeOrigins.ts';

/** `doc` with only the change marks that apply by `applies`; `doc` itself when all do. */
export function withAppliedChanges(doc: Node, applies: MarkApplies): Node {
  const { insertion, deletion } = doc.type.schema.marks;
  if (!insertion || !deletion) return doc;
  const transform = new Transform(doc);
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    const end = pos + node.nodeSize;
    const made = deletion.isInSet(node.marks);
    const inserted = insertion.isInSet(node.marks);
    for (const part of inserted ? partsOf(inserted, pos, end, applies) : []) {
      if (!part.applies) transform.removeMark(part.from, part.to, insertion);
    }
    for (const part of made ? partsOf(made, pos, end, applies) : []) {
      if (!part.applies) transform.removeMark(part.from, part.to, deletion);
      else if (inserted && made!.attrs.covers === inserted.attrs.id) {
        // Made on the text while it looked like that proposal's: where the proposal's mark
        // went, it stays as made on plain text.
        for (const piece of partsOf(inserted, part.from, part.to, applies)) {
          if (piece.applies) continue;
          transform.addMark(
            piece.from,
            piece.to,
            deletion.create({ ...made!.attrs, covers: null }),
          );
        }
      }
    }
    return false;
  });
  return transform.docChanged ? transform.doc : doc;
}
