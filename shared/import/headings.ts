/**
 * Recognises the fixed lines of a resolution: the title ("Geactualiseerde resolutie “…”"),
 * the preamble ("De leden bijeen in de Najaars ALV van 29 november 2024:"), the block
 * headings ("Overwegende dat:", "Spreekt uit:" …) and the "Toelichting" line.
 *
 * All matching happens on a key of the line: Markdown heading marks and emphasis removed,
 * lower case, whitespace collapsed, a trailing colon dropped. That makes "Overwegende  dat: ",
 * "OVERWEGENDE DAT" and "**Overwegende dat:**" the same heading.
 */
import type {
  DocumentKind,
  DocumentStatus,
  OperativeHeading,
  RecitalHeading,
} from '../model/resolution.ts';
import { DEFAULT_ASSEMBLY } from '../model/assembly.ts';
import { plainText } from './inline.ts';
import { findDutchDate } from './dutchDates.ts';

/** A recognised block heading line. */
export type BlockHeadingMatch =
  { type: 'recital'; heading: RecitalHeading } | { type: 'operative'; heading: OperativeHeading };

/** What a title line says. */
export interface TitleMatch {
  kind: DocumentKind;
  status: DocumentStatus | null;
  /** The title without kind word and quotes; empty when the line holds only "Resolutie". */
  title: string;
  /** The title opens a quote that the line does not close: it continues on the next line. */
  openQuote: boolean;
}

/** What a preamble line says. */
export interface PreambleMatch {
  assembly: string;
  date: string | null;
}

// Lines longer than this are running text, never a title or preamble; block headings are
// shorter still. The limits also keep every pattern below cheap on pathological input.
const MAX_HEADING_LINE = 300;
const MAX_BLOCK_HEADING_LINE = 80;

/**
 * The comparable key of a line: without "#" heading marks, emphasis or link syntax, lower
 * case, single-spaced, without a trailing colon. Null for lines too long to be a heading
 * (over 80 characters).
 */
export function headingKey(line: string): string | null {
  if (line.length > MAX_BLOCK_HEADING_LINE) return null;
  const text = plainText(line.replace(/^#{1,6}\s+/, ''))
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*[:.]?\s*$/, '')
    .trim();
  return text;
}

// Each block heading as a pattern on the key. "dat" after "Overwegende" and "Constaterende"
// may be missing or preceded by a comma; "Roept op" may name who is called upon.
const BLOCK_HEADINGS: readonly { pattern: RegExp; match: BlockHeadingMatch }[] = [
  { pattern: /^overwegende,? ?(?:dat)?$/, match: { type: 'recital', heading: 'overwegende' } },
  {
    pattern: /^constaterende,? ?(?:dat)?$/,
    match: { type: 'recital', heading: 'constaterende' },
  },
  { pattern: /^gelet op$/, match: { type: 'recital', heading: 'gelet_op' } },
  {
    pattern: /^spreekt (?:zich )?(?:als (?:haar|zijn) mening )?uit$/,
    match: { type: 'operative', heading: 'spreekt_uit' },
  },
  {
    pattern: /^roept(?: [\p{L}-]+){0,4} op$/u,
    match: { type: 'operative', heading: 'roept_op' },
  },
  {
    pattern: /^verzoekt (?:het )?(?:vng-)?bestuur(?: van de vng)?$/,
    match: { type: 'operative', heading: 'verzoekt_bestuur' },
  },
  { pattern: /^besluit$/, match: { type: 'operative', heading: 'besluit' } },
];

/** The block heading a line holds ("Overwegende  dat:" → recital `overwegende`), or null. */
export function matchBlockHeading(line: string): BlockHeadingMatch | null {
  const key = headingKey(line);
  if (!key) return null;
  for (const { pattern, match } of BLOCK_HEADINGS) if (pattern.test(key)) return match;
  return null;
}

/** True for the line that opens the explanation: "Toelichting" (colon or "#" allowed). */
export function isExplanationHeading(line: string): boolean {
  return headingKey(line) === 'toelichting';
}

// "Geactualiseerde resolutie “…”", "Geactualiseerd amendement …", "Concept-motie …",
// "Amendement: …". The uninflected "geactualiseerd" is how an amendement (a het-word) reads.
const TITLE_LINE =
  /^(?:(geactualiseerde?|concept)[- ]?)?(resolutie|motie|amendement)(?=$|[\s:–—"“”‘’'„-])[\s:–—-]*(.*)$/iu;

// Quotes that may wrap a title.
const OPEN_QUOTES = '“"‘\'„‚«‹';
const CLOSE_QUOTES = '”"’\'»›“';

/**
 * Reads a title line: kind, status ("Geactualiseerde" → geactualiseerd, "Concept" →
 * concept, otherwise null) and the title with its quotes stripped. Null when the line does
 * not open with "Resolutie", "Motie" or "Amendement", or reads like a sentence.
 */
export function matchTitleLine(line: string): TitleMatch | null {
  if (line.length > MAX_HEADING_LINE) return null;
  const text = plainText(line.replace(/^#{1,6}\s+/, '')).replace(/\s+/g, ' ');
  const match = TITLE_LINE.exec(text);
  if (!match) return null;
  const rest = (match[3] ?? '').trim();
  // A title is no sentence: "Resolutie aangenomen door de ALV." is prose.
  if (/[.;]$/.test(rest) && !/[”"’']$/.test(rest)) return null;
  const status = match[1]?.toLowerCase();
  const opened = rest !== '' && OPEN_QUOTES.includes(rest[0] ?? '');
  const closed = rest.length > 1 && CLOSE_QUOTES.includes(rest[rest.length - 1] ?? '');
  return {
    kind: (match[2] ?? 'resolutie').toLowerCase() as DocumentKind,
    status:
      status?.startsWith('geactualiseerd') === true
        ? 'geactualiseerd'
        : status === 'concept'
          ? 'concept'
          : null,
    title: stripQuotes(rest),
    openQuote: opened && !closed,
  };
}

/** Removes quotes around a title: “x”, "x", ‘x’, 'x', and a lone quote at either end. */
export function stripQuotes(text: string): string {
  let out = text.trim();
  if (out !== '' && OPEN_QUOTES.includes(out[0] ?? '')) out = out.slice(1);
  if (out !== '' && CLOSE_QUOTES.includes(out[out.length - 1] ?? '')) out = out.slice(0, -1);
  return out.trim();
}

// "De leden bijeen in de …", "De leden van de VNG, in vergadering bijeen op …".
const PREAMBLE_LINE = /^de leden\b(.{0,120}?)\bbijeen(?: (?:in|op|tijdens|ter))? ?(.*)$/iu;

/**
 * Reads the preamble: "De leden bijeen in de Najaars ALV van 29 november 2024:" →
 * { assembly: 'Najaars ALV', date: '2024-11-29' }. A weekday before the date is allowed;
 * without a date (or with one that is no real date) `date` is null and the assembly keeps
 * what the line says. An empty assembly becomes the default ("ALV").
 */
export function matchPreambleLine(line: string): PreambleMatch | null {
  if (line.length > MAX_HEADING_LINE) return null;
  const text = plainText(line).replace(/\s+/g, ' ');
  const match = PREAMBLE_LINE.exec(text);
  if (!match) return null;
  let rest = (match[2] ?? '').replace(/\s*:\s*$/, '').trim();
  rest = rest.replace(/^(?:de|het) /i, '');
  const found = findDutchDate(rest);
  let assembly = rest;
  let date: string | null = null;
  if (found) {
    date = found.iso;
    // The assembly is what precedes the date, without the linking "van", "op" or "d.d.";
    // anything after the date ("te Den Haag") stays with it so that no text is lost.
    const before = rest
      .slice(0, found.start)
      .trim()
      .replace(/(?:,|\s*\b(?:van|op|d\.d\.|dd))$/i, '')
      .trim();
    const after = rest.slice(found.end).trim();
    assembly = [before, after].filter((part) => part !== '').join(' ');
  }
  return { assembly: assembly === '' ? DEFAULT_ASSEMBLY : assembly, date };
}
