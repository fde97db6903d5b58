/**
 * A new stuk as the user starts it: the template of its kind (`createTemplateDoc`), with the
 * assembly of the user's preferences in the preamble ("De leden bijeen in de Najaars ALV
 * van …").
 */
import type { Node } from 'prosemirror-model';
import { DEFAULT_ASSEMBLY } from '../../shared/api/preferences.ts';
import { createTemplateDoc } from '../../shared/editor/template.ts';
import type { DocumentKind } from '../../shared/model/resolution.ts';

/** The template of `kind` with `assembly` (trimmed; the template's own when empty). */
export function createNewDocument(kind: DocumentKind, assembly: string): Node {
  const doc = createTemplateDoc(kind);
  const name = assembly.trim() || DEFAULT_ASSEMBLY;
  let index = -1;
  doc.forEach((child, _offset, i) => {
    if (child.type.name === 'preamble') index = i;
  });
  if (index === -1) return doc;
  const preamble = doc.child(index);
  const replaced = preamble.type.create(
    { ...preamble.attrs, assembly: name },
    null,
    preamble.marks,
  );
  return doc.copy(doc.content.replaceChild(index, replaced));
}
