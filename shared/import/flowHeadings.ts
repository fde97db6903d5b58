/**
 * Recognising headings and special lines in the free text of the Toelichting. Plain text
 * carries no formatting, so a heading is recognised by its shape and its neighbours: a short
 * line without end punctuation, standing where a sentence has ended, followed by a line that
 * opens a new sentence. See `isHeadingAt` for the full rule.
 */
import type { TextLine } from './lines.ts';
import { matchBulletLine, matchLetteredLine, matchNumberedLine } from './listMarkers.ts';
import {
  countWords,
  endsMidSentence,
  endsSentence,
  startsLowercase,
  startsUppercase,
} from './textShape.ts';

// Headings are short: at most this many words and characters. Full lines of running text
// hold 12 to 16 words, so a longer line is a sentence.
const MAX_HEADING_WORDS = 12;
const MAX_HEADING_CHARS = 100;

/**
 * True when the text could be a heading on its own: it opens with a capital, has at most
 * 12 words, does not end in punctuation or in a word such as "de" or "van", and holds no
 * comma, full stop, address or label ("Datum: …").
 */
export function isHeadingShape(plain: string): boolean {
  if (plain.length < 2 || plain.length > MAX_HEADING_CHARS) return false;
  if (countWords(plain) > MAX_HEADING_WORDS) return false;
  if (!startsUppercase(plain)) return false;
  // End punctuation belongs to sentences; an opening bracket, dash or quote to broken lines.
  if (/[.,;:!?…\-–—(/&+“‘„«]$/.test(plain)) return false;
  if (endsMidSentence(plain)) return false;
  // Commas and full stops mark addresses, dates, names with initials and sentences.
  if (plain.includes(',') || plain.includes('.')) return false;
  if (/@|:\/\/|www\./i.test(plain)) return false;
  if (isLabelLine(plain)) return false;
  return !isListLine(plain);
}

/** A "Label: value" line such as "Datum: Vrijdag 21 maart": one word, a colon, a value. */
export function isLabelLine(plain: string): boolean {
  return /^\p{Lu}[\p{L}-]{0,24}: \S/u.test(plain);
}

// Labels of a letterhead that stand on their own line above their value.
const LETTERHEAD_LABELS = new Set([
  'datum',
  'onderwerp',
  'betreft',
  'kenmerk',
  'ons kenmerk',
  'uw kenmerk',
  'uw brief van',
  'bijlage',
  'bijlagen',
  'bijlage(n)',
  'contactpersoon',
  'telefoon',
  'telefoonnummer',
  'e-mail',
  'aan',
  'van',
  'cc',
  'afzender',
]);

/** True for a letterhead label on its own line ("Datum", "Onderwerp:"), value below it. */
export function isLetterheadLabel(plain: string): boolean {
  return LETTERHEAD_LABELS.has(plain.toLowerCase().replace(/:$/, ''));
}

/** True when the text opens with a list marker (number, letter or bullet). */
export function isListLine(text: string): boolean {
  return (
    matchNumberedLine(text) !== null ||
    matchLetteredLine(text) !== null ||
    matchBulletLine(text) !== null
  );
}

/** What stands around a candidate heading line. */
export interface HeadingContext {
  /** The line before, in the same part of the text; undefined at its start. */
  previous: TextLine | undefined;
  /** The line after; undefined at the end. */
  next: TextLine | undefined;
  /** A paragraph break stands before the line (page breaks mid-sentence already discounted). */
  breakBefore: boolean;
  /** The line before was recognised as a heading. */
  previousIsHeading: boolean;
}

/**
 * True when the line is a heading of the Toelichting:
 * - it is a question standing alone between paragraphs (`isQuestionHeadingAt`), or
 * - it has the shape of a heading (`isHeadingShape`) and is no letterhead label;
 * - it starts a paragraph, follows a heading, or follows a line that ends a sentence (so in
 *   "double spaced" text, where headings touch the text around them, a heading still stands
 *   out after "… reageren.");
 * - something follows that opens a new sentence or a list: a line starting with a capital,
 *   a bullet other than a dash, or "1.", or anything but lower case after a paragraph break. A line that goes
 *   on in lower case (or with a number, "2. hieronder") shows the candidate was a broken
 *   sentence.
 */
export function isHeadingAt(line: TextLine, context: HeadingContext): boolean {
  if (isQuestionHeadingAt(line, context)) return true;
  if (!isHeadingShape(line.plain) || isLetterheadLabel(line.plain)) return false;
  const { previous, next } = context;
  const afterBreak =
    previous === undefined ||
    context.breakBefore ||
    context.previousIsHeading ||
    endsSentence(previous.plain);
  if (!afterBreak || next === undefined) return false;
  // A dash may continue a sentence ("De ALV\n- mede namens ons -"); other bullets may not.
  const bullet = matchBulletLine(next.text);
  if (startsUppercase(next.plain) || (bullet !== null && !bullet.dash)) return true;
  if (matchNumberedLine(next.text)?.number === 1) return true;
  return next.breakBefore && !startsLowercase(next.plain);
}

/** A Markdown heading line ("## Inzet kabinetsformatie 2021"): its "#" count and text. */
export function matchMarkdownHeading(text: string): { hashes: number; text: string } | null {
  if (text.length > 300) return null;
  const match = /^(#{1,6}) +(\S.*)$/.exec(text);
  if (!match) return null;
  // Closing hashes ("## Titel ##") are decoration.
  let body = match[2] ?? '';
  const closing = / #+$/.exec(body);
  if (closing) body = body.slice(0, closing.index);
  return { hashes: (match[1] ?? '#').length, text: body.trim() };
}

/** A horizontal rule ("---", "***", "___", "* * *"), dropped from the text. */
export function isRuleLine(text: string): boolean {
  return text.length <= 200 && /^(?:[-*_=] ?){3,}$/.test(text);
}

/**
 * True when a paragraph break between two lines is a page break inside a sentence and not a
 * real break. The first line must end without sentence punctuation, and then either end in a
 * word or mark that cannot close a sentence ("van", "-"), or be a full-width line (the layout
 * broke it, `previousIsFull`) followed by a line opening in lower case. A comma before a
 * capital is no page break: that is a salutation ("Geachte woordvoerders,") or the closing of
 * a letter ("De minister van …,").
 */
export function continuesAcrossBreak(
  previous: string,
  line: string,
  previousIsFull: boolean,
): boolean {
  if (endsSentence(previous)) return false;
  if (startsLowercase(line)) return previousIsFull || endsMidSentence(previous);
  return !previous.endsWith(',') && endsMidSentence(previous);
}

/**
 * True for a question standing alone as a heading, as moties of members write them ("Wat
 * vragen wij van het kabinet?"): a short line ending in "?" with a paragraph break before and
 * after it, followed by text that opens a sentence. In running text a question goes on in the
 * same paragraph, so the breaks on both sides tell the two apart (issue 16, point 13).
 */
export function isQuestionHeadingAt(line: TextLine, context: HeadingContext): boolean {
  const question = /^(.*[^?\s])\s*\?$/u.exec(line.plain)?.[1];
  if (question === undefined || !isHeadingShape(question)) return false;
  const { previous, next } = context;
  const aloneBefore = previous === undefined || context.breakBefore || context.previousIsHeading;
  return aloneBefore && next !== undefined && next.breakBefore && !startsLowercase(next.plain);
}
