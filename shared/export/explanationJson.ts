/**
 * The Toelichting as JSON: headings and paragraphs as text, lists as arrays of items, quotes
 * with their content. Paragraphs and headings without text are left out, so an untouched
 * Toelichting (one empty paragraph) exports as an empty array.
 */
import type { Node } from 'prosemirror-model';
import { getExplanation } from '../editor/queries/getExplanation.ts';
import { getInlineText, isBlankInline } from '../editor/queries/getInlineText.ts';
import type { FootnoteNumbers } from '../editor/queries/getFootnoteNumbers.ts';
import { jsonId, toJsonText } from './jsonText.ts';
import { elementIdOf } from './readClauseBlocks.ts';
import { placedChildren } from './placedChildren.ts';
import type { PlacedNode } from './placedChildren.ts';
import type { ResolutieJsonFlow } from './resolutieJson.ts';

/** The Toelichting of a document as JSON. */
export function explanationToJson(doc: Node, footnotes: FootnoteNumbers): ResolutieJsonFlow[] {
  const { node, pos } = getExplanation(doc);
  return flowsToJson(placedChildren(node, pos), { footnotes, doc });
}

// What reading a text needs: the footnotes' numbers, and the document references point into.
interface ReadContext {
  footnotes: FootnoteNumbers;
  doc: Node;
}

function flowsToJson(flows: readonly PlacedNode[], context: ReadContext): ResolutieJsonFlow[] {
  return flows.flatMap((flow) => flowToJson(flow, context));
}

// One flow node as zero or one JSON entries (zero for a paragraph or heading without text).
function flowToJson({ node, pos }: PlacedNode, context: ReadContext): ResolutieJsonFlow[] {
  switch (node.type.name) {
    case 'heading': {
      const inline = getInlineText(node, pos, context.footnotes, context.doc);
      if (isBlankInline(inline)) return [];
      return [
        {
          type: 'heading',
          level: node.attrs.level === 2 ? 2 : 1,
          ...jsonId(elementIdOf(node)),
          ...toJsonText(inline),
        },
      ];
    }
    case 'bullet_list':
    case 'ordered_list':
      return [
        {
          type: node.type.name,
          items: placedChildren(node, pos).map((item) =>
            flowsToJson(placedChildren(item.node, item.pos), context),
          ),
        },
      ];
    case 'blockquote':
      return [{ type: 'blockquote', content: flowsToJson(placedChildren(node, pos), context) }];
    default: {
      // A paragraph. Any other node a later schema adds reads as paragraphs too (a text
      // block as one, a container as its content) rather than disappearing from the export.
      if (!node.isTextblock) return flowsToJson(placedChildren(node, pos), context);
      const inline = getInlineText(node, pos, context.footnotes, context.doc);
      return isBlankInline(inline) ? [] : [{ type: 'paragraph', ...toJsonText(inline) }];
    }
  }
}
