/**
 * What the import needs of Word's paragraph styles (styles.xml): which style is a title, a
 * heading (and its level), a quote, or one of our own export's parts (the block heading
 * "Blokkop", the Toelichting's heading, the metadata line), and the numbering a style carries.
 * Styles inherit through `basedOn`; the chain is followed a bounded number of steps, so a loop
 * in a hostile file ends.
 */
import { W_NS, attr, childElement, childElements, type XmlElement } from './xmlTree.ts';

/** What a paragraph style means to the import. */
export type StyleRole =
  | { type: 'title' }
  | { type: 'heading'; level: number }
  | { type: 'block_heading' }
  | { type: 'explanation_heading' }
  | { type: 'meta' }
  | { type: 'preamble' }
  | { type: 'quote' }
  | { type: 'list' }
  | { type: 'body' };

/** A style's numbering: Word's list and level, as a paragraph's `w:numPr` holds them. */
export interface NumberingRef {
  numId: string;
  ilvl: number | null;
}

/** A paragraph style as read. */
export interface WordStyle {
  name: string;
  basedOn: string | null;
  outlineLevel: number | null;
  numbering: NumberingRef | null;
}

const MAX_INHERITANCE = 10;

/** The paragraph styles of styles.xml by id. */
export type WordStyles = ReadonlyMap<string, WordStyle>;

export function readWordStyles(styles: XmlElement | null): WordStyles {
  const out = new Map<string, WordStyle>();
  if (!styles) return out;
  for (const style of childElements(styles, W_NS, 'style')) {
    if (attr(style, W_NS, 'type') !== 'paragraph') continue;
    const id = attr(style, W_NS, 'styleId');
    if (!id) continue;
    const pPr = childElement(style, W_NS, 'pPr');
    const outline = Number(attr(childElement(pPr, W_NS, 'outlineLvl'), W_NS, 'val'));
    out.set(id, {
      name: attr(childElement(style, W_NS, 'name'), W_NS, 'val') ?? id,
      basedOn: attr(childElement(style, W_NS, 'basedOn'), W_NS, 'val') ?? null,
      outlineLevel: Number.isInteger(outline) && outline >= 0 && outline < 9 ? outline : null,
      numbering: readNumberingRef(childElement(pPr, W_NS, 'numPr')),
    });
  }
  return out;
}

/** The `w:numPr` of a paragraph or style, or null when it has none. */
export function readNumberingRef(numPr: XmlElement | undefined): NumberingRef | null {
  if (!numPr) return null;
  const numId = attr(childElement(numPr, W_NS, 'numId'), W_NS, 'val');
  const ilvl = Number(attr(childElement(numPr, W_NS, 'ilvl'), W_NS, 'val'));
  if (numId === undefined) return null;
  return { numId, ilvl: Number.isInteger(ilvl) ? ilvl : null };
}

/** The numbering a paragraph of style `id` inherits from its style, if any. */
export function getStyleNumbering(styles: WordStyles, id: string | null): NumberingRef | null {
  let current = id;
  for (let step = 0; current && step < MAX_INHERITANCE; step++) {
    const style = styles.get(current);
    if (!style) return null;
    if (style.numbering) return style.numbering;
    current = style.basedOn;
  }
  return null;
}

/** What a paragraph of style `id` is, by its own name, its base styles' and their outline level. */
export function getStyleRole(styles: WordStyles, id: string | null): StyleRole {
  let current = id;
  for (let step = 0; current && step < MAX_INHERITANCE; step++) {
    const style = styles.get(current);
    const role = roleOfName(style?.name ?? current) ?? roleOfName(current);
    if (role) return role;
    if (style?.outlineLevel !== null && style?.outlineLevel !== undefined) {
      return { type: 'heading', level: style.outlineLevel + 1 };
    }
    current = style?.basedOn ?? null;
  }
  return { type: 'body' };
}

// Names as Word, LibreOffice and our export write them, in English and Dutch.
function roleOfName(name: string): StyleRole | null {
  const key = name.toLowerCase().replace(/[\s_-]+/g, '');
  if (key === 'title' || key === 'titel') return { type: 'title' };
  if (key === 'blokkop') return { type: 'block_heading' };
  if (key === 'toelichtingkop') return { type: 'explanation_heading' };
  if (key === 'metaregel') return { type: 'meta' };
  if (key === 'aanhef') return { type: 'preamble' };
  if (key === 'quote' || key === 'citaat' || key === 'intensequote' || key === 'quotations') {
    return { type: 'quote' };
  }
  if (key === 'listparagraph' || key === 'lijstalinea') return { type: 'list' };
  const heading = /^(?:heading|kop)([1-9])$/.exec(key);
  if (heading) return { type: 'heading', level: Number(heading[1]) };
  return null;
}
