/**
 * The Toelichting for print, through the nodes' own `toDOM`: `<h2>` Toelichting, headings as
 * `<h3>`/`<h4>`, paragraphs, quotes, and lists whose markers are written as text ("1.", "•"),
 * like the items' labels, so that they are in the PDF's text and look the same everywhere.
 * Blank paragraphs and headings are left out, as in the exports; a Toelichting without any
 * text prints nothing, not even its heading.
 */
import type { Node } from 'prosemirror-model';
import { getExplanation } from '../editor/queries/getExplanation.ts';
import { BULLET_LABEL } from '../editor/queries/getItemLabels.ts';
import { hasPrintableContent } from '../editor/queries/hasPrintableContent.ts';
import { renderLabelled, renderNodeSpec } from './nodeMarkup.ts';
import { renderInlineContent } from './renderInline.ts';
import type { InlineContext } from './renderInline.ts';
import { targetAnchorAt } from './printAnchors.ts';
import { hasClauseBlocks } from './stukShape.ts';

/**
 * The Toelichting section of `doc`, or '' when it holds nothing to print. In a stuk without
 * blocks (a letter, a newsletter) it is the whole text, not an explanation of anything, and
 * prints without the heading "Toelichting".
 */
export function renderExplanation(doc: Node, context: InlineContext): string {
  const { node, pos } = getExplanation(doc);
  if (!hasPrintableContent(node)) return '';
  const flows = renderFlows(node, pos, context);
  if (!hasClauseBlocks(doc)) return `<section class="explanation">${flows}</section>`;
  return renderNodeSpec(node, flows);
}

// The children of `parent` (standing at `pos`) as flow content.
function renderFlows(parent: Node, pos: number, context: InlineContext): string {
  let html = '';
  parent.forEach((child, offset) => {
    html += renderFlow(child, pos + 1 + offset, context);
  });
  return html;
}

function renderFlow(node: Node, pos: number, context: InlineContext): string {
  if (node.isTextblock) {
    if (!hasPrintableContent(node)) return '';
    const anchor = targetAnchorAt(context.anchors, node, pos);
    return renderNodeSpec(node, renderInlineContent(node, pos, context), anchor);
  }
  if (node.type.name === 'bullet_list' || node.type.name === 'ordered_list') {
    return renderList(node, pos, context);
  }
  // A quote (or a container a later schema adds): its content, unless it has none to show.
  if (!hasPrintableContent(node)) return '';
  return renderNodeSpec(node, renderFlows(node, pos, context));
}

// A list keeps its empty items (their marker shows there is a point), like the plain text.
function renderList(list: Node, pos: number, context: InlineContext): string {
  const ordered = list.type.name === 'ordered_list';
  let items = '';
  list.forEach((item, offset, index) => {
    const label = ordered ? `${index + 1}.` : BULLET_LABEL;
    const content = renderFlows(item, pos + 1 + offset, context);
    items += renderNodeSpec(item, renderLabelled(label, content, 'div'));
  });
  return renderNodeSpec(list, items);
}
