/**
 * The recital and operative blocks of a document as the exports need them: each block's
 * heading and its items in order, every item with the label `getItemLabels` derives for it and
 * its text. Both exports print from here, so they can never number an item differently.
 */
import type { Node } from 'prosemirror-model';
import type { ItemIndent, ItemMarker } from '../editor/nodes/item.ts';
import type { OperativeHeading, RecitalHeading } from '../model/resolution.ts';
import { getItemLabels } from '../editor/queries/getItemLabels.ts';
import { OPERATIVE_HEADING_LABELS, RECITAL_HEADING_LABELS } from '../labels.ts';
import { getInlineText } from '../editor/queries/getInlineText.ts';
import type { InlineText } from '../editor/queries/getInlineText.ts';
import type { FootnoteNumbers } from '../editor/queries/getFootnoteNumbers.ts';
import { isElementId } from '../editor/nodes/elementIds.ts';

/** An item of a block with its derived label. */
export interface ClauseItemText {
  /** "1.", "a.", "•" … as `getItemLabels` derives it. */
  label: string;
  indent: ItemIndent;
  marker: ItemMarker;
  content: InlineText;
  /** The id references point to it by; null when it has none. */
  id: string | null;
}

/** A recital block with its heading and items. */
export interface RecitalBlockText {
  kind: 'recital';
  heading: RecitalHeading;
  /** "Overwegende dat:" … */
  headingText: string;
  items: ClauseItemText[];
  /** The id references point to it by; null when it has none. */
  id: string | null;
}

/** An operative block with its heading and items. */
export interface OperativeBlockText {
  kind: 'operative';
  heading: OperativeHeading;
  /** "Spreekt uit:" … */
  headingText: string;
  items: ClauseItemText[];
  /** The id references point to it by; null when it has none. */
  id: string | null;
}

/** A block of either kind. */
export type ClauseBlockText = RecitalBlockText | OperativeBlockText;

/** All recital blocks, then all operative blocks, in document order. */
export function readClauseBlocks(doc: Node, footnotes: FootnoteNumbers): ClauseBlockText[] {
  const blocks: ClauseBlockText[] = [];
  doc.forEach((section, sectionOffset) => {
    if (section.type.name !== 'recitals' && section.type.name !== 'operatives') return;
    section.forEach((block, blockOffset) => {
      // The document's content starts at 0; +1 enters the section, +1 enters the block.
      const items = readItems(doc, block, sectionOffset + 1 + blockOffset + 1, footnotes);
      const id = elementIdOf(block);
      if (block.type.name === 'recital_block') {
        const heading = block.attrs.heading as RecitalHeading;
        blocks.push({
          kind: 'recital',
          heading,
          headingText: RECITAL_HEADING_LABELS[heading],
          items,
          id,
        });
      } else {
        const heading = block.attrs.heading as OperativeHeading;
        blocks.push({
          kind: 'operative',
          heading,
          headingText: OPERATIVE_HEADING_LABELS[heading],
          items,
          id,
        });
      }
    });
  });
  return blocks;
}

function readItems(
  doc: Node,
  block: Node,
  contentStart: number,
  footnotes: FootnoteNumbers,
): ClauseItemText[] {
  const labels = getItemLabels(block);
  const items: ClauseItemText[] = [];
  block.forEach((item, offset, index) => {
    const label = labels[index];
    // getItemLabels gives one label per child; a miss would be a broken invariant there.
    if (label === undefined) throw new Error(`geen label voor punt ${index + 1}`);
    items.push({
      label,
      indent: item.attrs.indent as ItemIndent,
      marker: item.attrs.marker as ItemMarker,
      content: getInlineText(item, contentStart + offset, footnotes, doc),
      id: elementIdOf(item),
    });
  });
  return items;
}

/** A node's element id (an item's, a block's, a heading's), or null when it carries none. */
export function elementIdOf(node: Node): string | null {
  const id = node.attrs.id as unknown;
  return isElementId(id) ? id : null;
}
