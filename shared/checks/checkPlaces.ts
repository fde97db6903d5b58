/**
 * Where a finding stands, named as a reader looks for it: the block's heading first, then the
 * item as amendments name it ("Spreekt uit, punt 3", "Overwegende dat, onderdeel b van
 * overweging 1"), a block by its heading ("Spreekt uit"), a Toelichting heading or the
 * paragraph under one ("Toelichting, onder ‘Informele ledenpeiling’"), "Titel", "Aanhef".
 */
import type { Node } from 'prosemirror-model';
import { nameItem } from '../editor/queries/nameItem.ts';
import {
  EXPLANATION_HEADING,
  OPERATIVE_HEADING_LABELS,
  RECITAL_HEADING_LABELS,
} from '../labels.ts';

/** What the document as a whole is called where a finding is about all of it. */
export const WHOLE_DOCUMENT_PLACE = 'Het stuk';

const HEADINGS: Record<string, string> = { ...RECITAL_HEADING_LABELS, ...OPERATIVE_HEADING_LABELS };

/** A block's heading without its colon: "Spreekt uit", "Overwegende dat". */
export function getBlockHeadingName(block: Node): string {
  return (HEADINGS[block.attrs.heading as string] ?? '').replace(/:$/, '');
}

/** The place of the element at `pos` (the position before it), as a reader names it. */
export function nameCheckPlace(doc: Node, pos: number): string {
  const node = doc.nodeAt(pos);
  if (!node) return WHOLE_DOCUMENT_PLACE;
  const $pos = doc.resolve(pos);
  switch (node.type.name) {
    case 'title':
      return 'Titel';
    case 'preamble':
      return 'Aanhef';
    case 'recital_block':
    case 'operative_block':
      return getBlockHeadingName(node);
    case 'item': {
      const block = $pos.parent;
      return `${getBlockHeadingName(block)}, ${nameItem(block, $pos.index())}`;
    }
    default:
      return nameExplanationPlace(doc, pos, node);
  }
}

// A heading by its text; anything else in the Toelichting by the heading it stands under.
function nameExplanationPlace(doc: Node, pos: number, node: Node): string {
  if (node.type.name === 'heading') return `${EXPLANATION_HEADING}, kop ${quote(node)}`;
  const $pos = doc.resolve(pos);
  let depth = $pos.depth;
  while (depth > 0 && $pos.node(depth).type.name !== 'explanation') depth -= 1;
  if (depth === 0) return WHOLE_DOCUMENT_PLACE;
  const explanation = $pos.node(depth);
  let above: Node | null = null;
  for (let index = 0; index < $pos.index(depth); index += 1) {
    const child = explanation.child(index);
    if (child.type.name === 'heading' && child.textContent.trim() !== '') above = child;
  }
  return above ? `${EXPLANATION_HEADING}, onder ${quote(above)}` : EXPLANATION_HEADING;
}

function quote(heading: Node): string {
  const text = heading.textContent.replace(/\s+/g, ' ').trim();
  if (text === '') return 'zonder tekst';
  return `‘${text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text}’`;
}
