/**
 * The Toelichting as plain-text lines for `toPlainText`: paragraphs wrapped to the width, a
 * blank line before every block except the text right under a heading, lists with "•" or
 * "1." and a hanging indent, quotes with "> " before every line.
 */
import type { Node } from 'prosemirror-model';
import { getExplanation } from '../editor/queries/getExplanation.ts';
import { BULLET_LABEL } from '../editor/queries/getItemLabels.ts';
import { getInlineText, isBlankInline } from '../editor/queries/getInlineText.ts';
import type { FootnoteNumbers } from '../editor/queries/getFootnoteNumbers.ts';
import { placedChildren } from './placedChildren.ts';
import type { PlacedNode } from './placedChildren.ts';
import { columnWidth, wrapText } from './wrapText.ts';

/** How far a list is indented from the text it stands in (not when nested in a list item). */
export const LIST_INDENT = 2;

/** What starts every line of a quote. */
export const QUOTE_PREFIX = '> ';

interface FlowContext {
  /** Columns available to this flow, its own prefixes included. */
  width: number;
  footnotes: FootnoteNumbers;
  /** The document, whose elements references point to. */
  doc: Node;
  /** Inside a list item: blocks follow each other without blank lines, lists are not indented. */
  inListItem: boolean;
}

/** The Toelichting's content as lines of at most `width` columns (single long words aside). */
export function explanationToPlainText(
  doc: Node,
  footnotes: FootnoteNumbers,
  width: number,
): string[] {
  const { node, pos } = getExplanation(doc);
  return renderFlows(placedChildren(node, pos), { width, footnotes, doc, inListItem: false });
}

function renderFlows(flows: readonly PlacedNode[], context: FlowContext): string[] {
  const lines: string[] = [];
  let afterHeading = false;
  for (const flow of flows) {
    const block = renderFlow(flow, context);
    // Empty paragraphs and headings print nothing, and take no blank line either.
    if (block.length === 0) continue;
    const isHeading = flow.node.type.name === 'heading';
    // A blank line before every block, so paragraphs stand apart; but the text under a
    // heading follows it directly, and list items stay compact.
    if (lines.length > 0 && !context.inListItem && (isHeading || !afterHeading)) lines.push('');
    lines.push(...block);
    afterHeading = isHeading;
  }
  return lines;
}

function renderFlow({ node, pos }: PlacedNode, context: FlowContext): string[] {
  switch (node.type.name) {
    case 'bullet_list':
    case 'ordered_list':
      return renderList({ node, pos }, context);
    case 'blockquote': {
      const content = renderFlows(placedChildren(node, pos), {
        ...context,
        width: context.width - columnWidth(QUOTE_PREFIX),
        inListItem: false,
      });
      // An empty quote prints nothing, like an empty paragraph; not a lone ">".
      return content.length === 0 ? [] : prefixLines(content, QUOTE_PREFIX, QUOTE_PREFIX);
    }
    default: {
      // Paragraphs and headings (both levels print as their text alone). Any other node a
      // later schema adds prints as text too (a container as its content) rather than
      // disappearing from the output.
      if (!node.isTextblock) return renderFlows(placedChildren(node, pos), context);
      const inline = getInlineText(node, pos, context.footnotes, context.doc);
      if (isBlankInline(inline)) return [];
      return wrapText(inline.textWithUrls, { width: context.width });
    }
  }
}

function renderList({ node, pos }: PlacedNode, context: FlowContext): string[] {
  const items = placedChildren(node, pos);
  const ordered = node.type.name === 'ordered_list';
  const markers = items.map((_item, index) => (ordered ? `${index + 1}.` : BULLET_LABEL));
  // Markers are padded to the widest one, so that "9." and "10." items align their text.
  const markerWidth = Math.max(0, ...markers.map(columnWidth));
  const indent = ' '.repeat(context.inListItem ? 0 : LIST_INDENT);
  const textColumn = indent.length + markerWidth + 1;
  const lines: string[] = [];
  items.forEach((item, index) => {
    const marker = markers[index] ?? BULLET_LABEL;
    const content = renderFlows(placedChildren(item.node, item.pos), {
      ...context,
      width: context.width - textColumn,
      inListItem: true,
    });
    const firstPrefix =
      indent + marker + ' '.repeat(textColumn - indent.length - columnWidth(marker));
    lines.push(...prefixLines(content, firstPrefix, ' '.repeat(textColumn)));
  });
  return lines;
}

// Puts `first` before the first line and `rest` before the others; an empty item keeps its
// marker. Trailing spaces (a prefix before an empty line) are cut.
function prefixLines(lines: readonly string[], first: string, rest: string): string[] {
  if (lines.length === 0) return [first.trimEnd()];
  return lines.map((line, index) => `${index === 0 ? first : rest}${line}`.replace(/[ \t]+$/, ''));
}
