/**
 * The footnotes listed under the Toelichting, numbered like their references, as a printed
 * stuk shows them at the foot of the page. A view-only widget: the notes' text lives in the
 * footnote nodes, so this list can never disagree with them.
 */
import { Decoration } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { getFootnotes } from '../../shared/editor/queries/getFootnoteNumbers.ts';

/** A widget at the end of the Toelichting listing every footnote, or null when there are none. */
export function footnoteListDecoration(doc: Node): Decoration | null {
  const notes = getFootnotes(doc);
  if (notes.length === 0) return null;
  const key = notes.map((n) => n.text).join('\u0000');
  return Decoration.widget(
    doc.content.size - 1,
    () => {
      const aside = document.createElement('aside');
      aside.className = 'footnote-list';
      aside.contentEditable = 'false';
      aside.setAttribute('aria-label', 'Voetnoten');
      const list = document.createElement('ol');
      for (const note of notes) {
        const item = document.createElement('li');
        item.textContent = note.text;
        list.append(item);
      }
      aside.append(list);
      return aside;
    },
    { side: 1, key: `footnotes:${key}`, ignoreSelection: true },
  );
}
