/**
 * Whether a node holds something a reader sees: a character that is not white space, or a
 * footnote reference. Blank paragraphs and headings of the Toelichting are left out of the
 * print and of the Word export alike.
 */
import type { Node } from 'prosemirror-model';

/** True when `node` holds a character that is not white space, or a footnote reference. */
export function hasPrintableContent(node: Node): boolean {
  let found = false;
  node.descendants((child) => {
    if (found) return false;
    if (child.isText) found = /\S/.test(child.text ?? '');
    else if (child.type.name === 'footnote') found = true;
    return !found;
  });
  return found;
}
