/**
 * The page, the styles and the list definitions of the Word export: A4 with the PDF's margins,
 * the PDF's font (Source Serif 4, named, not embedded) and sizes, a paragraph style of its own
 * for each part a reader or an import must recognise (title, metadata line, preamble, block
 * heading, Toelichting heading, quote), and Word lists for the items and the Toelichting's
 * lists. The numbers are Word's own: a list restarts because each block is an instance of its
 * own, never because a number was written as text.
 *
 * The measures are the print's (shared/print/pageLayout.ts and printStyles.ts); export may not
 * read print, so they are restated here and a test holds the two equal.
 */
import { AlignmentType, LevelFormat, convertMillimetersToTwip } from 'docx';
import type { INumberingOptions, IStylesOptions } from 'docx';

/** A4, in millimetres. */
export const PAGE_SIZE_MM = { width: 210, height: 297 } as const;

/** The PDF's page margins in millimetres (top, right, bottom, left). */
export const PAGE_MARGINS_MM = { top: 25, right: 22, bottom: 28, left: 25 } as const;

/** The PDF's text font. Named in the file; Word substitutes a font when it is not installed. */
export const TEXT_FONT = 'Source Serif 4';

/** The paragraph styles the export writes, by id (the id is also the name Word shows). */
export const STYLE_IDS = {
  title: 'Title',
  meta: 'Metaregel',
  preamble: 'Aanhef',
  blockHeading: 'Blokkop',
  item: 'Punt',
  explanationHeading: 'Toelichtingkop',
  heading1: 'Heading1',
  heading2: 'Heading2',
  quote: 'Citaat',
  body: 'Normal',
} as const;

/** The Word lists, by reference. */
export const LISTS = {
  /** Items of a block: 1., 2. on the first level, a., b. on the second. One instance per block. */
  items: 'punten',
  /** Bulleted sub-items, on the second level; bullets count nothing, so one list. */
  subBullets: 'subopsomming',
  /** Ordered lists of the Toelichting, one instance per list. */
  ordered: 'genummerd',
  /** Bulleted lists of the Toelichting. */
  bullets: 'opsomming',
} as const;

/** Twips (twentieths of a point) of a size in points. */
const pt = (points: number) => Math.round(points * 20);

// The print's label column (1.5em) and gap (0.5em) at 11pt: 22pt from the margin to the text.
const LABEL_INDENT = pt(22);

/** The section's page: size and margins in twips. */
export function pageProperties() {
  const { top, right, bottom, left } = PAGE_MARGINS_MM;
  return {
    size: {
      width: convertMillimetersToTwip(PAGE_SIZE_MM.width),
      height: convertMillimetersToTwip(PAGE_SIZE_MM.height),
    },
    margin: {
      top: convertMillimetersToTwip(top),
      right: convertMillimetersToTwip(right),
      bottom: convertMillimetersToTwip(bottom),
      left: convertMillimetersToTwip(left),
    },
  };
}

// Half-points, as Word measures font sizes.
const size = (points: number) => points * 2;

/** The document's styles: the defaults, Word's title and headings, and our own. */
export function documentStyles(): IStylesOptions {
  const keep = { keepNext: true, keepLines: true };
  return {
    default: {
      document: {
        run: { font: TEXT_FONT, size: size(11), color: '1A1A1A', language: { value: 'nl-NL' } },
        paragraph: { spacing: { after: pt(6), line: 348 } },
      },
      title: {
        run: { font: TEXT_FONT, size: size(18), bold: true },
        paragraph: { spacing: { after: pt(6) }, ...keep },
      },
      heading1: {
        run: { font: TEXT_FONT, size: size(11.5), bold: true, color: '1A1A1A' },
        paragraph: { spacing: { before: pt(14), after: pt(3) }, outlineLevel: 0, ...keep },
      },
      heading2: {
        run: { font: TEXT_FONT, size: size(11), bold: true, italics: true, color: '1A1A1A' },
        paragraph: { spacing: { before: pt(10), after: pt(2) }, outlineLevel: 1, ...keep },
      },
    },
    paragraphStyles: [
      {
        id: STYLE_IDS.meta,
        name: STYLE_IDS.meta,
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: size(9), color: '595959' },
        paragraph: { spacing: { after: 0 } },
      },
      {
        id: STYLE_IDS.preamble,
        name: STYLE_IDS.preamble,
        basedOn: 'Normal',
        next: 'Normal',
        paragraph: { spacing: { before: pt(16) }, ...keep },
      },
      {
        id: STYLE_IDS.blockHeading,
        name: STYLE_IDS.blockHeading,
        basedOn: 'Normal',
        next: STYLE_IDS.item,
        run: { bold: true },
        paragraph: { spacing: { before: pt(14), after: pt(4) }, ...keep },
      },
      {
        id: STYLE_IDS.item,
        name: STYLE_IDS.item,
        basedOn: 'Normal',
        next: STYLE_IDS.item,
        paragraph: { spacing: { after: pt(4) } },
      },
      {
        id: STYLE_IDS.explanationHeading,
        name: STYLE_IDS.explanationHeading,
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: size(13), bold: true },
        paragraph: { spacing: { before: pt(26), after: pt(8) }, ...keep },
      },
      {
        id: STYLE_IDS.quote,
        name: STYLE_IDS.quote,
        basedOn: 'Normal',
        next: 'Normal',
        paragraph: {
          indent: { left: pt(10) },
          border: { left: { style: 'single', size: 12, color: 'A6A6A6', space: 8 } },
        },
      },
    ],
  };
}

// A level of a list: its format and text, the label in a column of its own before the text
// (hanging), the text indented as the print's items are.
function level(
  index: number,
  format: (typeof LevelFormat)[keyof typeof LevelFormat],
  text: string,
) {
  const depth = index;
  return {
    level: index,
    format,
    text,
    alignment: AlignmentType.LEFT,
    style: {
      paragraph: { indent: { left: LABEL_INDENT * (depth + 1), hanging: LABEL_INDENT } },
    },
  };
}

/** The numbering definitions: items, bulleted sub-items and the Toelichting's lists. */
export function documentNumbering(): INumberingOptions {
  return {
    config: [
      {
        reference: LISTS.items,
        levels: [level(0, LevelFormat.DECIMAL, '%1.'), level(1, LevelFormat.LOWER_LETTER, '%2.')],
      },
      // A bulleted sub-item stands on the second level, where the letters stand; its list has
      // no first level of its own, so it counts nothing and restarts nothing.
      {
        reference: LISTS.subBullets,
        levels: [0, 1].map((depth) => level(depth, LevelFormat.BULLET, '\u2022')),
      },
      {
        reference: LISTS.ordered,
        levels: [0, 1, 2].map((depth) => level(depth, LevelFormat.DECIMAL, `%${depth + 1}.`)),
      },
      {
        reference: LISTS.bullets,
        levels: [0, 1, 2].map((depth) => level(depth, LevelFormat.BULLET, '\u2022')),
      },
    ],
  };
}
