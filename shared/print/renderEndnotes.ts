/**
 * Footnotes print as endnotes: a superscript number where the reference stands (see
 * `renderInline.ts`) and every note's text in a list under "Noten" at the end of the stuk,
 * numbered like the references (document order, from `getFootnotes`). Endnotes rather than
 * notes at the foot of each page, because Chromium cannot place text at the foot of the page
 * on which its reference lands; the same pages come out of Electron and Playwright.
 */
import type { Node } from 'prosemirror-model';
import { getFootnotes } from '../editor/queries/getFootnoteNumbers.ts';
import { escapeHtmlText } from './escapeHtml.ts';
import { wrapInChangeMarks } from './printChanges.ts';
import { renderDomSpec } from './renderDomSpec.ts';

/** The heading over the endnotes. */
export const ENDNOTES_HEADING = 'Noten';

/**
 * The endnotes of `doc` as a section, or '' when it has no footnotes. A note whose reference
 * is a pending change (proposed, or proposed for deletion) prints with the same markup.
 */
export function renderEndnotes(doc: Node): string {
  const notes = getFootnotes(doc);
  if (notes.length === 0) return '';
  let items = '';
  for (const note of notes) {
    const marks = doc.nodeAt(note.pos)?.marks ?? [];
    items += renderDomSpec(
      [
        'li',
        { class: 'note' },
        ['span', { class: 'label' }, String(note.number)],
        ' ',
        ['span', { class: 'text' }, 0],
      ],
      wrapInChangeMarks(marks, escapeHtmlText(note.text)),
    );
  }
  return renderDomSpec(
    [
      'section',
      { class: 'endnotes' },
      ['h2', { class: 'endnotes-heading' }, ENDNOTES_HEADING],
      ['ol', { class: 'notes' }, 0],
    ],
    items,
  );
}
