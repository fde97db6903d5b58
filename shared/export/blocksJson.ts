/**
 * Recital and operative blocks as JSON: the flat item list of the document becomes numbered
 * items that each hold the sub-items following them.
 */
import type { ClauseBlockText, ClauseItemText } from './readClauseBlocks.ts';
import { jsonId, toJsonText } from './jsonText.ts';
import type { ResolutieJsonBlock, ResolutieJsonItem } from './resolutieJson.ts';

/** A block as JSON, its sub-items nested under the numbered item before them. */
export function blockToJson(block: ClauseBlockText): ResolutieJsonBlock {
  const items = nestItems(block.items);
  return block.kind === 'recital'
    ? {
        kind: 'recital',
        heading: block.heading,
        headingText: block.headingText,
        ...jsonId(block.id),
        items,
      }
    : {
        kind: 'operative',
        heading: block.heading,
        headingText: block.headingText,
        ...jsonId(block.id),
        items,
      };
}

/**
 * Nests sub-items (indent 1) under the numbered item before them. A sub-item without a
 * numbered item before it in its block (Tab keeps a block's first item numbered, but deleting
 * that item or a concurrent merge can still leave a sub-item first) becomes an item of its
 * own with `number: null`, so no text is lost.
 */
export function nestItems(items: readonly ClauseItemText[]): ResolutieJsonItem[] {
  const out: ResolutieJsonItem[] = [];
  let numbered: ResolutieJsonItem | null = null;
  for (const item of items) {
    if (item.indent === 0) {
      numbered = {
        number: numberOf(item.label),
        label: item.label,
        ...jsonId(item.id),
        ...toJsonText(item.content),
        subItems: [],
      };
      out.push(numbered);
    } else if (numbered) {
      numbered.subItems.push({
        label: item.label,
        marker: item.marker,
        ...jsonId(item.id),
        ...toJsonText(item.content),
      });
    } else {
      out.push({
        number: null,
        label: item.label,
        ...jsonId(item.id),
        ...toJsonText(item.content),
        subItems: [],
      });
    }
  }
  return out;
}

// The number is the derived label without its full stop: "12." → "12". It is taken from the
// label rather than counted again, so the JSON can never number differently from the text.
function numberOf(label: string): string {
  return label.endsWith('.') ? label.slice(0, -1) : label;
}
