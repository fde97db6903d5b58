/** Footnotes are numbered in document order, like the references in a printed stuk. */
import type { Node } from 'prosemirror-model';

/** Footnote numbers by the position of their footnote node. */
export type FootnoteNumbers = ReadonlyMap<number, number>;

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

/**
 * The number of every footnote, by the position of its node, as `getFootnotes` counts them.
 * The exports and the print look numbers up by position while they walk the document, and
 * never count on their own, so no text can number a reference differently from the editor.
 */
export function getFootnoteNumbers(doc: Node): FootnoteNumbers {
  return new Map(getFootnotes(doc).map((note) => [note.pos, note.number]));
}
