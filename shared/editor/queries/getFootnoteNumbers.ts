/** Footnotes are numbered in document order, like the references in a printed stuk. */
import type { Node } from 'prosemirror-model';

/** Every footnote's position, number (1-based) and text, in document order. */
export function getFootnotes(doc: Node): { pos: number; number: number; text: string }[] {
  const out: { pos: number; number: number; text: string }[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'footnote') {
      out.push({ pos, number: out.length + 1, text: node.attrs.text as string });
    }
  });
  return out;
}
