/**
 * First stage of the import: normalises raw text (line endings, odd spaces, a BOM, symbol-font
 * bullets) and cuts it into lines that know whether a paragraph break precedes them.
 *
 * Text copied out of a PDF is often "double spaced": every line is followed by an empty line
 * and paragraphs are separated by lines holding only spaces. That layout is detected here, so
 * that the later stages see one model: consecutive lines continue a paragraph, `breakBefore`
 * marks a real paragraph break.
 */
import { endsMidSentence, endsSentence, startsLowercase } from './textShape.ts';
import { plainText } from './inline.ts';

/** One non-blank line of the source. */
export interface TextLine {
  /** The line with whitespace collapsed and trimmed; inline markup (`**`, links) is kept. */
  text: string;
  /** The visible text without inline markup, used to recognise headings and shapes. */
  plain: string;
  /** A paragraph break (blank lines) separates this line from the previous one. */
  breakBefore: boolean;
  /** In Markdown text: the line ended in two spaces or a backslash, a hard line break. */
  hardBreakAfter: boolean;
}

/** The lines of a source text and what was learnt about its layout. */
export interface SourceText {
  lines: TextLine[];
  /** Every line was followed by an empty line (PDF export); see the module comment. */
  doubleSpaced: boolean;
  /** The text uses Markdown headings, bold or links (an e-mail or web export). */
  markdown: boolean;
  /** The text has Markdown "#" heading lines, so its headings need no guessing. */
  markdownHeadings: boolean;
  /** Length of a full line of running text (85th percentile), to spot lines that end early. */
  typicalWidth: number;
}

/**
 * Normalises characters without changing the text's meaning: removes a BOM, zero-width
 * characters, soft hyphens and control characters; turns every line ending and page break
 * into "\n"; turns tabs and non-breaking or other special spaces into plain spaces; turns
 * symbol-font bullets from Word (private-use characters such as U+F0B7) into "•".
 */
export function normalizeText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // Form feed, vertical tab (Word's manual line break), NEL and the line separator.
      .replace(/[\f\v\u0085\u2028]/g, '\n')
      .replace(/\u2029/g, '\n\n')
      .replace(/[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
      .replace(/[\ufeff\u200b-\u200d\u200e\u200f\u2060\u00ad]/g, '')
      // Remaining C0/C1 control characters carry no text (line breaks were handled above).
      .replace(/(?!\n)\p{Cc}/gu, '')
      // Symbol (Wingdings) font characters land in the private use area; they are bullets.
      .replace(/[\uf000-\uf0ff]/g, '•')
  );
}

type RawKind = 'text' | 'empty' | 'spaces';

/** Normalises the text and returns its non-blank lines with paragraph breaks marked. */
export function readLines(text: string): SourceText {
  const raw = normalizeText(text).split('\n');
  const kinds: RawKind[] = raw.map((line) =>
    line.length === 0 ? 'empty' : line.trim() === '' ? 'spaces' : 'text',
  );
  const { markdown, markdownHeadings } = detectMarkdown(raw, kinds);
  // Markdown is written by hand or by a converter, never double spaced: its blank lines
  // always separate paragraphs.
  const doubleSpaced = !markdown && detectDoubleSpacing(raw, kinds);

  const lines: TextLine[] = [];
  let emptyRun = 0;
  let sawSpaces = false;
  let sawBlank = false;
  for (let i = 0; i < raw.length; i++) {
    const kind = kinds[i];
    const source = raw[i] ?? '';
    if (kind === 'empty') {
      emptyRun++;
      sawBlank = true;
      continue;
    }
    if (kind === 'spaces') {
      sawSpaces = true;
      sawBlank = true;
      continue;
    }
    // In double-spaced text a single empty line is only the layout's line spacing; a line
    // of spaces or several empty lines in a row separate paragraphs.
    const breakBefore = lines.length > 0 && (doubleSpaced ? sawSpaces || emptyRun >= 2 : sawBlank);
    const collapsed = source.replace(/ {2,}/g, ' ').trim();
    lines.push({
      text: collapsed,
      plain: plainText(collapsed),
      breakBefore,
      hardBreakAfter: markdown && / {2,}$|\\$/.test(source),
    });
    emptyRun = 0;
    sawSpaces = false;
    sawBlank = false;
  }
  return { lines, doubleSpaced, markdown, markdownHeadings, typicalWidth: typicalWidth(lines) };
}

// Double spacing: most lines are followed by exactly one empty line and then more text, few
// lines touch the next one directly, and a fair share of those gaps fall mid-sentence (a
// line ending in "van" followed by one starting in lower case). The last test tells it apart
// from text with one paragraph per line and blank lines between (a Markdown e-mail), where
// the line before a gap ends its paragraph.
function detectDoubleSpacing(raw: string[], kinds: RawKind[]): boolean {
  let textLines = 0;
  let gapPairs = 0;
  let midSentenceGaps = 0;
  let touching = 0;
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] !== 'text') continue;
    textLines++;
    if (kinds[i + 1] === 'text') touching++;
    if (kinds[i + 1] === 'empty' && kinds[i + 2] === 'text') {
      gapPairs++;
      const before = plainText(raw[i] ?? '');
      const after = plainText(raw[i + 2] ?? '');
      if (!endsSentence(before) && (startsLowercase(after) || endsMidSentence(before))) {
        midSentenceGaps++;
      }
    }
  }
  // A handful of lines says nothing about the layout; then blank lines separate paragraphs.
  return (
    textLines >= 6 &&
    gapPairs >= 0.5 * textLines &&
    touching <= 0.25 * textLines &&
    midSentenceGaps >= Math.max(2, 0.2 * gapPairs)
  );
}

// Markdown: a "#" heading line, a "**bold**" span or a "[text](url)" link. Only the first
// few thousand characters of each line are looked at; the patterns are bounded.
function detectMarkdown(
  raw: string[],
  kinds: RawKind[],
): { markdown: boolean; markdownHeadings: boolean } {
  let markdown = false;
  for (let i = 0; i < raw.length; i++) {
    if (kinds[i] !== 'text') continue;
    const line = (raw[i] ?? '').slice(0, 4000);
    if (/^#{1,6} +\S/.test(line)) return { markdown: true, markdownHeadings: true };
    if (!markdown && /\*\*[^*\n]{1,300}\*\*/.test(line)) markdown = true;
    if (!markdown && /\[[^[\]\n]{1,300}\]\([^()\s]{1,300}\)/.test(line)) markdown = true;
  }
  return { markdown, markdownHeadings: false };
}

// The 85th percentile of line lengths: the width of a full line of running text. Short
// paragraph-final lines and headings fall below it; lines broken by the layout sit near it.
function typicalWidth(lines: TextLine[]): number {
  if (lines.length < 3) return 0;
  const lengths = lines.map((line) => line.plain.length).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.85)] ?? 0;
}
