/**
 * The items of a recital or operative block. A numbered line ("1. …", "1) …") opens an item
 * at indent 0, a lettered line ("a. …") or a bullet opens a sub-item at indent 1. Every
 * other line continues the item above it, across blank lines and page-break junk, so an item
 * broken over several lines (or pages) comes out as one run of text. Numbers and letters are
 * not kept: the editor numbers items itself.
 */
import type { ParsedItem } from '../model/resolution.ts';
import { parseInline, type InlineContext } from './inline.ts';
import { readLines, type TextLine } from './lines.ts';
import { createFootnotes } from './footnotes.ts';
import {
  matchBulletLine,
  matchLetteredLine,
  matchNumberedLine,
  nextLetter,
} from './listMarkers.ts';
import { endsSentence, startsUppercase } from './textShape.ts';

interface DraftItem {
  indent: 0 | 1;
  marker: 'letter' | 'bullet';
  parts: string[];
}

// What a line is within a block, given the item that is open.
type LineRole =
  | { role: 'number'; number: number; rest: string }
  | { role: 'letter'; letter: string; rest: string }
  | { role: 'bullet'; rest: string }
  | { role: 'text' };

/**
 * Turns the lines of one block (everything between its heading and the next heading) into
 * items. Blocks without any markers are split where a line ends in ";", or ends a sentence
 * before a line opening with a capital: the way unnumbered recitals are written.
 */
export function parseBlockItems(lines: readonly TextLine[], inline: InlineContext): ParsedItem[] {
  const marked = lines.some((line) => hasMarker(line.text));
  const items: DraftItem[] = [];
  let current: DraftItem | null = null;
  let lastNumber = 0;
  let lastLetter = '';
  let hasTopLevel = false;

  const open = (indent: 0 | 1, marker: 'letter' | 'bullet', rest: string) => {
    // A sub-item needs a numbered item above it; before the first one it is a plain item.
    const level: 0 | 1 = indent === 1 && hasTopLevel ? 1 : 0;
    if (level === 0) hasTopLevel = true;
    current = { indent: level, marker: level === 0 ? 'letter' : marker, parts: [rest] };
    items.push(current);
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as TextLine;
    const role = classify(line, lines[i - 1], current, lastNumber, lastLetter);
    if (role.role === 'number') {
      open(0, 'letter', role.rest);
      lastNumber = role.number;
      lastLetter = '';
    } else if (role.role === 'letter') {
      open(1, 'letter', role.rest);
      lastLetter = role.letter;
    } else if (role.role === 'bullet') {
      open(1, 'bullet', role.rest);
    } else if (current === null || (!marked && startsNewUnmarkedItem(lines[i - 1], line))) {
      open(0, 'letter', line.text);
    } else {
      (current as DraftItem).parts.push(line.text);
    }
  }
  return items
    .map((item) => ({
      indent: item.indent,
      marker: item.marker,
      content: parseInline(item.parts.join(' '), inline),
    }))
    .filter((item) => item.content.length > 0);
}

// Decides whether a line opens a new (sub-)item. Numbers must follow on from the previous
// item (or repeat or skip one), so a continuation line that happens to start with "12." in
// item 3 stays text; letters must come in order from "a"; a dash only counts as a bullet
// where the text before it ended a sentence or clause, since "-" also occurs mid-sentence.
function classify(
  line: TextLine,
  previous: TextLine | undefined,
  current: DraftItem | null,
  lastNumber: number,
  lastLetter: string,
): LineRole {
  const numbered = matchNumberedLine(line.text);
  if (numbered) {
    const n = numbered.number;
    const fits = lastNumber === 0 || n === 1 || (n >= lastNumber && n <= lastNumber + 2);
    if (fits && n > 0) return { role: 'number', number: n, rest: numbered.rest };
  }
  const before = previous?.plain ?? '';
  const clauseEnded = previous === undefined || /[;:.!?,]$/.test(before);
  const lettered = matchLetteredLine(line.text);
  if (lettered) {
    const expected = lastLetter === '' ? 'a' : nextLetter(lastLetter);
    if (lettered.letter === expected && (lettered.letter !== 'a' || clauseEnded || !current)) {
      return { role: 'letter', letter: lettered.letter, rest: lettered.rest };
    }
  }
  const bullet = matchBulletLine(line.text);
  const inBullets = current?.marker === 'bullet' && current.indent === 1;
  if (bullet && (!bullet.dash || clauseEnded || inBullets || line.breakBefore)) {
    return { role: 'bullet', rest: bullet.rest };
  }
  return { role: 'text' };
}

// In a block without markers an item ends with ";" (or "; en", "; of"), or with a sentence
// end before a line that opens with a capital. A line ending without punctuation is a line
// broken by the layout and continues the item.
function startsNewUnmarkedItem(previous: TextLine | undefined, line: TextLine): boolean {
  const before = previous?.plain ?? '';
  if (/;(?: (?:en|of))?$/i.test(before)) return true;
  return endsSentence(before) && startsUppercase(line.plain);
}

/**
 * Where the items of the last block end and free text begins, for documents whose
 * explanation follows the last block without a "Toelichting" line. That is the first line
 * after a paragraph break that carries no list marker, opens with a capital and follows an
 * item ending in ".", "!" or "?" (items other than the last end in ";"). Returns
 * `lines.length` when every line belongs to the items.
 */
export function findTrailingProse(lines: readonly TextLine[]): number {
  // Only lines after the last marked line qualify: a page break after a full stop inside an
  // earlier item must not cut off the items that follow it.
  let from = 1;
  for (let i = 0; i < lines.length; i++) if (hasMarker((lines[i] as TextLine).text)) from = i + 1;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] as TextLine;
    const previous = lines[i - 1] as TextLine;
    if (line.breakBefore && startsUppercase(line.plain) && /[.!?]["”’')]?$/.test(previous.plain)) {
      return i;
    }
  }
  return lines.length;
}

function hasMarker(text: string): boolean {
  return (
    matchNumberedLine(text) !== null ||
    matchLetteredLine(text) !== null ||
    matchBulletLine(text) !== null
  );
}

/**
 * Turns pasted text into items, for a paste into an item: "1. …\n2. …" gives one item per
 * number (lettered and bulleted lines become sub-items), lines broken mid-sentence are
 * joined. Text without markers gives one item per line ending in ";" or ending a sentence
 * before a capital; lines without end punctuation are joined to the next.
 */
export function parseItemLines(text: string): ParsedItem[] {
  const source = readLines(text);
  const { lines, inline } = createFootnotes(source.lines);
  return parseBlockItems(lines, inline);
}
