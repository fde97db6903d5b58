/**
 * The Toelichting (and any other free text): turns lines into paragraphs, headings, numbered
 * and bulleted lists and quotes.
 *
 * Paragraphs: consecutive lines join with a space; a paragraph ends at a paragraph break
 * (unless it is a page break in the middle of a sentence), at a heading or list, at a
 * "Label: value" line, and after a line that ends well short of the typical line width when
 * the next line opens a new sentence (the last line of a paragraph that had no blank line
 * after it). In Markdown text only blank lines end paragraphs and a line ending in two
 * spaces becomes a hard break.
 *
 * Lists: "1." opens a numbered list, which continues with "2.", "3." …; bullets ("•", "-")
 * under a numbered point become a bullet list inside that point. A list ends at a paragraph
 * break that is not followed by another list line, and at a heading.
 */
import type { ParsedFlow } from '../model/resolution.ts';
import { parseInline, plainText, type InlineContext } from './inline.ts';
import type { TextLine } from './lines.ts';
import { matchBulletLine, matchNumberedLine } from './listMarkers.ts';
import {
  continuesAcrossBreak,
  isHeadingAt,
  isLabelLine,
  isLetterheadLabel,
  isListLine,
  isRuleLine,
  matchMarkdownHeading,
} from './flowHeadings.ts';
import { endsMidSentence, endsSentence, startsLowercase } from './textShape.ts';

/** How to read the text, from what `readLines` learnt about the whole document. */
export interface FlowOptions {
  /** Markdown text: hard breaks and "> " quotes count, line-length rules do not. */
  markdown: boolean;
  /** Guess headings from the shape of lines (off when the text has "#" headings). */
  headingHeuristics: boolean;
  /** Width of a full line of running text; 0 disables the short-line rule. */
  typicalWidth: number;
  inline: InlineContext;
}

type ListFlow = { type: 'bullet_list' | 'ordered_list'; items: ParsedFlow[][] };
type HeadingFlow = Extract<ParsedFlow, { type: 'heading' }>;

// A line shorter than this share of the typical width ended before the margin: it was the
// last line of its paragraph (or a line on its own, like an address line).
const SHORT_LINE = 0.7;

// Quotes nest at most this deep; deeper ">" lines are read as text.
const MAX_QUOTE_DEPTH = 3;

/** Parses free text into Toelichting content; see the module comment for the rules. */
export function parseExplanation(lines: readonly TextLine[], options: FlowOptions): ParsedFlow[] {
  return parseFlow(lines, options, 0);
}

function parseFlow(lines: readonly TextLine[], options: FlowOptions, depth: number): ParsedFlow[] {
  const out: ParsedFlow[] = [];
  // The "#" count of each Markdown heading, to turn into levels at the end.
  const hashes = new Map<HeadingFlow, number>();
  let ordered: { list: ListFlow; last: number } | null = null;
  let bullets: ListFlow | null = null;
  let paragraph = '';
  let hasParagraph = false;
  let previousKind: 'none' | 'heading' | 'text' = 'none';

  // Paragraphs go into the open bullet item, else the open numbered item, else the top.
  const container = (): ParsedFlow[] => {
    const list = bullets ?? ordered?.list;
    return list ? (list.items[list.items.length - 1] ?? out) : out;
  };
  const flush = () => {
    if (hasParagraph) {
      const content = parseInline(paragraph, options.inline);
      if (content.length > 0) container().push({ type: 'paragraph', content });
    }
    paragraph = '';
    hasParagraph = false;
  };
  const append = (text: string, hardBreak = false) => {
    paragraph = hasParagraph ? `${paragraph}${hardBreak ? '\n' : ' '}${text}` : text;
    hasParagraph = true;
  };
  const closeLists = () => {
    flush();
    bullets = null;
    ordered = null;
  };
  const pushHeading = (text: string, level: number) => {
    closeLists();
    const heading: HeadingFlow = {
      type: 'heading',
      level: 2,
      content: parseInline(text, options.inline),
    };
    if (heading.content.length === 0) return;
    hashes.set(heading, level);
    out.push(heading);
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as TextLine;
    const previous = lines[i - 1];
    const next = lines[i + 1];
    const pageBreak =
      previous !== undefined &&
      line.breakBefore &&
      previousKind !== 'heading' &&
      continuesAcrossBreak(previous.plain, line.plain, !isShort(previous, options));
    const breakBefore = line.breakBefore && !pageBreak;

    if (isRuleLine(line.text)) {
      closeLists();
      previousKind = 'none';
      continue;
    }
    const markdownHeading = matchMarkdownHeading(line.text);
    if (markdownHeading) {
      pushHeading(markdownHeading.text, markdownHeading.hashes);
      previousKind = 'heading';
      continue;
    }
    if (breakBefore) {
      flush();
      if (!continuesList(line.text, ordered?.last ?? null, bullets !== null)) closeLists();
    }

    if (options.markdown && depth < MAX_QUOTE_DEPTH && /^>/.test(line.text)) {
      // A run of "> " lines is a quote; its inside is read like any other text.
      let end = i + 1;
      while (end < lines.length && /^>/.test(lines[end]?.text ?? '') && !lines[end]?.breakBefore) {
        end++;
      }
      closeLists();
      const inner = parseFlow(unquote(lines.slice(i, end)), options, depth + 1);
      if (inner.length > 0) out.push({ type: 'blockquote', content: inner });
      previousKind = 'text';
      i = end - 1;
      continue;
    }

    // Numbered list: "1." opens one where a sentence or paragraph has ended; later numbers
    // must follow on. A number that fits neither is ordinary text.
    const numbered = matchNumberedLine(line.text);
    if (numbered) {
      const n = numbered.number;
      const opensList =
        ordered === null &&
        n === 1 &&
        (previous === undefined || breakBefore || endsSentence(previous.plain));
      if (opensList || (ordered !== null && n === ordered.last + 1)) {
        flush();
        bullets = null;
        if (ordered === null) {
          const list: ListFlow = { type: 'ordered_list', items: [] };
          out.push(list);
          ordered = { list, last: 0 };
        }
        ordered.list.items.push([]);
        ordered.last = n;
        append(numbered.rest);
        previousKind = 'text';
        continue;
      }
    }

    // Bullets; a dash only where the sentence before it has ended (dashes also occur
    // mid-sentence) or where bullets are already running.
    const bullet = matchBulletLine(line.text);
    if (
      bullet &&
      (!bullet.dash ||
        previous === undefined ||
        breakBefore ||
        bullets !== null ||
        endsSentence(previous.plain))
    ) {
      flush();
      if (bullets === null) {
        const list: ListFlow = { type: 'bullet_list', items: [] };
        container().push(list);
        bullets = list;
      }
      bullets.items.push([]);
      append(bullet.rest);
      previousKind = 'text';
      continue;
    }

    if (!options.markdown) {
      // "Datum" above "22 januari 2024": one paragraph, the value on its own line.
      if (isLetterheadLabel(line.plain) && next && !next.breakBefore && !isListLine(next.text)) {
        flush();
        append(line.text);
        append(next.text, true);
        flush();
        previousKind = 'text';
        i++;
        continue;
      }
    }
    if (
      options.headingHeuristics &&
      isHeadingAt(line, {
        previous,
        next,
        breakBefore,
        previousIsHeading: previousKind === 'heading',
      })
    ) {
      pushHeading(line.text, 0);
      previousKind = 'heading';
      continue;
    }
    if (hasParagraph && previous && !options.markdown && endsParagraph(previous, line, options)) {
      flush();
    }
    append(line.text, options.markdown && hasParagraph && previous?.hardBreakAfter === true);
    previousKind = 'text';
  }
  flush();
  assignHeadingLevels(out, hashes);
  return out;
}

// Whether a line after a paragraph break keeps the open list going: the next number of the
// numbered list, or a bullet (under a numbered point or in a running bullet list).
function continuesList(text: string, lastNumber: number | null, inBullets: boolean): boolean {
  const numbered = matchNumberedLine(text);
  if (numbered && lastNumber !== null && numbered.number === lastNumber + 1) return true;
  return matchBulletLine(text) !== null && (lastNumber !== null || inBullets);
}

// Plain-text paragraph ends without a blank line: a "Label: value" line starts its own
// paragraph, and a line that stopped well short of the margin ends one when the next line
// opens a new sentence.
function endsParagraph(previous: TextLine, line: TextLine, options: FlowOptions): boolean {
  if (isLabelLine(line.plain)) return true;
  return (
    isShort(previous, options) && !endsMidSentence(previous.plain) && !startsLowercase(line.plain)
  );
}

// A line that stopped well short of the margin. Unknown when the text has too few or too
// short lines to tell a typical width (then no line counts as short).
function isShort(line: TextLine, options: FlowOptions): boolean {
  return options.typicalWidth >= 40 && line.plain.length < SHORT_LINE * options.typicalWidth;
}

// Strips one level of "> " from quoted lines; an empty ">" line becomes a paragraph break.
function unquote(lines: readonly TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  let pendingBreak = false;
  for (const line of lines) {
    const text = line.text.replace(/^> ?/, '');
    if (text === '') {
      pendingBreak = true;
      continue;
    }
    out.push({ ...line, text, plain: plainText(text), breakBefore: pendingBreak });
    pendingBreak = false;
  }
  return out;
}

// Heading levels. Markdown: the fewest "#" in the text is level 1, more is level 2. Plain
// text: a heading directly followed by another heading is a section title (level 1) over
// sub-headings (level 2); every other heading is level 2 until `normalizeHeadingLevels`.
function assignHeadingLevels(flow: ParsedFlow[], hashes: Map<HeadingFlow, number>) {
  // A loop rather than Math.min(...values): a huge text may hold more headings than a call
  // can take arguments.
  let fewest = 0;
  for (const count of hashes.values())
    if (count > 0 && (fewest === 0 || count < fewest)) fewest = count;
  flow.forEach((block, index) => {
    if (block.type !== 'heading') return;
    const count = hashes.get(block) ?? 0;
    if (count > 0) block.level = count === fewest ? 1 : 2;
    else block.level = flow[index + 1]?.type === 'heading' ? 1 : 2;
  });
}

/**
 * Makes the outermost headings level 1: a sub-heading (level 2) needs a section title above
 * it, so every level-2 heading before the first level-1 heading becomes level 1 (and when no
 * heading has level 1, all of them do). Changes the flow in place and returns it.
 */
export function normalizeHeadingLevels(flow: ParsedFlow[]): ParsedFlow[] {
  for (const block of flow) {
    if (block.type !== 'heading') continue;
    if (block.level === 1) break;
    block.level = 1;
  }
  return flow;
}
