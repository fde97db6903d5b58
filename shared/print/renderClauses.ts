/**
 * The recital and operative blocks for print: each container, block and item through its own
 * `toDOM` (`<section>` with an `<h2>` heading and an `<ol>` of `<li>` items), with every item's
 * derived label from `getItemLabels` as text before the item's content. Sub-items stay flat
 * list items, as the document keeps them; `data-indent="1"` (from the item's own spec) indents
 * them in the style sheet. A resolution printed "zoals geamendeerd" (amendedText.ts) has the
 * numbers of the amendments that changed an item in its margin, before its label.
 */
import type { Node } from 'prosemirror-model';
import { getItemLabels } from '../editor/queries/getItemLabels.ts';
import { renderInlineContent } from './renderInline.ts';
import type { InlineContext } from './renderInline.ts';
import { targetAnchorAt } from './printAnchors.ts';
import { renderLabelled, renderNodeSpec } from './nodeMarkup.ts';
import { escapeHtmlText } from './escapeHtml.ts';

/** Item position → the numbers to print in its margin ("A1"). */
export type MarginNotes = ReadonlyMap<number, readonly string[]>;

/**
 * The `recitals` or `operatives` container standing at `pos`, with all its blocks. An empty
 * block prints its heading alone, an empty item its label alone.
 */
export function renderClauseContainer(
  container: Node,
  pos: number,
  context: InlineContext,
  notes: MarginNotes = new Map(),
): string {
  let blocks = '';
  container.forEach((block, offset) => {
    blocks += renderClauseBlock(block, pos + 1 + offset, context, notes);
  });
  return renderNodeSpec(container, blocks);
}

function renderClauseBlock(
  block: Node,
  pos: number,
  context: InlineContext,
  notes: MarginNotes,
): string {
  // Numbers restart in every block; getItemLabels derives them exactly as the editor does.
  const labels = getItemLabels(block);
  let items = '';
  block.forEach((item, offset, index) => {
    const label = labels[index];
    if (label === undefined) throw new Error(`geen label voor punt ${index + 1}`);
    const content = renderInlineContent(item, pos + 1 + offset, context);
    const note = notes.get(pos + 1 + offset);
    // Before the label, so that the page's text reads "A1 3. Dat …" in the margin's order.
    const margin = note?.length
      ? `<span class="amended-in">${escapeHtmlText(note.join(', '))}</span> `
      : '';
    const anchor = targetAnchorAt(context.anchors, item, pos + 1 + offset);
    items += renderNodeSpec(item, margin + renderLabelled(label, content, 'span'), anchor);
  });
  return renderNodeSpec(block, items, targetAnchorAt(context.anchors, block, pos));
}
