/**
 * The plain-text rendering of a resolution, for `resolutie show`: the document as a person
 * reads it, wrapped to `PLAIN_TEXT_WIDTH` columns. Pure: no DOM, Node or Yjs.
 *
 * Layout: the title line, the preamble (unless it names nothing), every block (its heading, then its items with their
 * labels in a four-column hanging indent, sub-items four columns further in), the Toelichting
 * and the footnotes, each part separated by a blank line.
 */
import type { Node } from 'prosemirror-model';
import { getFootnoteNumbers, getFootnotes } from '../editor/queries/getFootnoteNumbers.ts';
import { formatTitleLine, getMetadataText } from '../editor/queries/getMetadataText.ts';
import { EXPLANATION_HEADING } from '../labels.ts';
import { DEFAULT_ASSEMBLY } from '../model/assembly.ts';
import { explanationToPlainText } from './explanationPlainText.ts';
import { readClauseBlocks } from './readClauseBlocks.ts';
import type { ClauseBlockText, ClauseItemText } from './readClauseBlocks.ts';
import { columnWidth, wrapText } from './wrapText.ts';

/** The most columns a line takes; only a single word longer than that runs past it. */
export const PLAIN_TEXT_WIDTH = 92;

/** Printed under the heading of a block without items. */
export const EMPTY_BLOCK_TEXT = '(geen punten)';

/** The heading of the list of footnotes at the end. */
export const FOOTNOTES_HEADING = 'Voetnoten';

/** Columns for an item's label ("1.  ", "a.  ", "•   "): the width of the hanging indent. */
export const LABEL_COLUMNS = 4;

/** How much further sub-items are indented than numbered items. */
export const SUB_ITEM_INDENT = '    ';

/**
 * The document as plain text, ending in a newline. Item labels come from `getItemLabels`,
 * footnote references print as "[n]" (numbers from `getFootnotes`) and are listed under
 * "Voetnoten" at the end, links print as "text (url)", hard breaks start a new line at the
 * text's indent. An empty block prints "(geen punten)", an empty item its label alone, an
 * empty Toelichting nothing at all.
 */
export function toPlainText(doc: Node): string {
  const footnotes = getFootnoteNumbers(doc);
  const metadata = getMetadataText(doc);
  const blocks = readClauseBlocks(doc, footnotes);
  // As the print has it (`shared/print/stukShape.ts`): a stuk without blocks (a letter
  // imported as Toelichting only) is no resolution, so it has no kind and no "Toelichting"
  // above its text; a preamble that names nothing prints nothing (issue 16, point 12).
  const ofKind = blocks.length > 0;
  const titleLine = ofKind ? formatTitleLine(metadata) : metadata.title;
  const preambleEmpty = metadata.date === null && metadata.assembly === DEFAULT_ASSEMBLY;
  const sections: string[][] = [
    ...(titleLine === null ? [] : [wrapText(titleLine, { width: PLAIN_TEXT_WIDTH })]),
    ...(preambleEmpty ? [] : [wrapText(metadata.preamble, { width: PLAIN_TEXT_WIDTH })]),
    ...blocks.map(renderClauseBlock),
  ];
  const explanation = explanationToPlainText(doc, footnotes, PLAIN_TEXT_WIDTH);
  if (explanation.length > 0) {
    sections.push(ofKind ? [EXPLANATION_HEADING, '', ...explanation] : explanation);
  }
  const notes = getFootnotes(doc);
  if (notes.length > 0) {
    sections.push([FOOTNOTES_HEADING, ...notes.flatMap((note) => renderFootnote(note))]);
  }
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function renderClauseBlock(block: ClauseBlockText): string[] {
  if (block.items.length === 0) return [block.headingText, EMPTY_BLOCK_TEXT];
  return [block.headingText, ...block.items.flatMap(renderItem)];
}

function renderItem(item: ClauseItemText): string[] {
  const indent = item.indent === 1 ? SUB_ITEM_INDENT : '';
  // A label wider than its column ("100.", "aaa.") still keeps one space before the text.
  const padding = ' '.repeat(Math.max(1, LABEL_COLUMNS - columnWidth(item.label)));
  const firstPrefix = indent + item.label + padding;
  return wrapText(item.content.textWithUrls, {
    width: PLAIN_TEXT_WIDTH,
    firstPrefix,
    restPrefix: ' '.repeat(columnWidth(firstPrefix)),
  });
}

function renderFootnote(note: { number: number; text: string }): string[] {
  const firstPrefix = `[${note.number}] `;
  return wrapText(note.text, {
    width: PLAIN_TEXT_WIDTH,
    firstPrefix,
    restPrefix: ' '.repeat(columnWidth(firstPrefix)),
  });
}
