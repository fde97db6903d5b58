/**
 * The recital and operative blocks for print: each container, block and item through its own
 * `toDOM` (`<section>` with an `<h2>` heading and an `<ol>` of `<li>` items), with every item's
 * derived label from `getItemLabels` as text before the item's content. Sub-items stay flat
 * list items, as the document keeps them; `data-indent="1"` (from the item's own spec) indents
 * them in the style sheet.
 */
import type { Node } from 'prosemirror-model';
import { getItemLabels } from '../editor/queries/getItemLabels.ts';
import type { FootnoteNumbers } from '../editor/queries/getFootnoteNumbers.ts';
import { renderInlineContent } from './renderInline.ts';
import { renderLabelled, renderNodeSpec } from './nodeMarkup.ts';

/**
 * The `recitals` or `operatives` container standing at `pos`, with all its blocks. An empty
 * block prints its heading alone, an empty item its label alone.
 */
export function renderClauseContainer(
  container: Node,
  pos: number,
  footnotes: FootnoteNumbers,
): string {
  let blocks = '';
  container.forEach((block, offset) => {
    blocks += renderClauseBlock(block, pos + 1 + offset, footnotes);
  });
  return renderNodeSpec(container, blocks);
}

function renderClauseBlock(block: Node, pos: number, footnotes: FootnoteNumbers): string {
  // Numbers restart in every block; getItemLabels derives them exactly as the editor does.
  const labels = getItemLabels(block);
  let items = '';
  block.forEach((item, offset, index) => {
    const label = labels[index];
    if (label === undefined) throw new Error(`geen label voor punt ${index + 1}`);
    const content = renderInlineContent(item, pos + 1 + offset, footnotes);
    items += renderNodeSpec(item, renderLabelled(label, content, 'span'));
  });
  return renderNodeSpec(block, items);
}
