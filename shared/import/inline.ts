/**
 * Inline content of a paragraph or item: turns a line of text with light Markdown
 * (`**bold**`, `*italic*`, `[text](url)`), footnote references (`[1]`) and line breaks
 * (`\n`) into `InlineRun`s. Every scan is a single forward pass, so no input, however long
 * or odd, makes it slow.
 */
import type { InlineMark, InlineRun } from '../model/resolution.ts';

/** What the inline parser needs from the document around the text. */
export interface InlineContext {
  /** Resolves a footnote reference ("1") to its note text; null leaves "[1]" as plain text. */
  footnote?: (label: string) => string | null;
}

// Limits that keep a scan for a closing bracket or parenthesis short.
const MAX_LINK_TEXT = 500;
const MAX_URL = 2048;
const MAX_ITALIC = 1000;

/**
 * Parses one paragraph's text into runs. Runs of whitespace collapse to one space, the text
 * is trimmed, "\n" becomes a hard break, adjacent runs with equal formatting are merged and
 * empty runs are dropped. A link whose target is "#" (or any non-web address) keeps its text
 * without a link.
 */
export function parseInline(source: string, context: InlineContext = {}): InlineRun[] {
  const text = collapseWhitespace(source);
  const runs: InlineRun[] = [];
  for (const segment of splitBold(text)) scanSegment(segment.text, segment.bold, context, runs);
  return mergeRuns(runs);
}

/** The visible text of a line without markup: "**Spreekt uit:**" → "Spreekt uit:". */
export function plainText(source: string): string {
  // Fast path for the common line without any markup: only whitespace to collapse.
  if (!/[*[\n]/.test(source)) return source.replace(/\s+/g, ' ').trim();
  return runsToText(parseInline(source));
}

/** Concatenates the text of runs; a hard break reads as a space, footnotes are left out. */
export function runsToText(runs: readonly InlineRun[]): string {
  let out = '';
  for (const run of runs) {
    if (run.type === 'text') out += run.text;
    else if (run.type === 'hard_break') out += ' ';
  }
  return out;
}

/** Collapses spaces and tabs to one space and trims; line breaks ("\n") are kept, single. */
export function collapseWhitespace(source: string): string {
  return source
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n[\n ]*/g, '\n')
    .replace(/^[\n ]+|[\n ]+$/g, '');
}

interface Segment {
  text: string;
  bold: boolean;
}

// "**" toggles bold. Delimiters are paired in order; an unpaired last one stays literal.
function splitBold(text: string): Segment[] {
  const positions: number[] = [];
  for (let i = text.indexOf('**'); i !== -1; i = text.indexOf('**', i + 2)) positions.push(i);
  if (positions.length % 2 === 1) positions.pop();
  const segments: Segment[] = [];
  let start = 0;
  for (let k = 0; k + 1 < positions.length; k += 2) {
    const open = positions[k] ?? 0;
    const close = positions[k + 1] ?? 0;
    segments.push({ text: text.slice(start, open), bold: false });
    segments.push({ text: text.slice(open + 2, close), bold: true });
    start = close + 2;
  }
  segments.push({ text: text.slice(start), bold: false });
  return segments;
}

// Scans one bold or plain segment for links, footnote references, italics and breaks.
// Plain stretches are sliced out of the text in one piece rather than built per character.
function scanSegment(text: string, bold: boolean, context: InlineContext, runs: InlineRun[]) {
  const base: InlineMark[] = bold ? ['bold'] : [];
  let plainStart = 0;
  const flush = (end: number) => {
    if (end > plainStart) runs.push(textRun(text.slice(plainStart, end), base));
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\n') {
      flush(i);
      runs.push({ type: 'hard_break' });
      plainStart = ++i;
      continue;
    }
    if (ch === '[') {
      const close = findBracketClose(text, i + 1);
      if (close !== -1) {
        const inner = text.slice(i + 1, close);
        const urlEnd = text[close + 1] === '(' ? findUrlClose(text, close + 2) : -1;
        if (urlEnd !== -1) {
          flush(i);
          const href = text.slice(close + 2, urlEnd).trim();
          const run = textRun(inner, base);
          if (isWebHref(href) && run.type === 'text') run.href = href;
          runs.push(run);
          plainStart = i = urlEnd + 1;
          continue;
        }
        if (/^\d{1,3}$/.test(inner) && context.footnote) {
          const note = context.footnote(inner);
          if (note !== null) {
            flush(i);
            runs.push({ type: 'footnote', text: note });
            plainStart = i = close + 1;
            continue;
          }
        }
      }
    }
    if (ch === '*' && opensItalic(text, i)) {
      const close = findItalicClose(text, i + 1);
      if (close !== -1) {
        flush(i);
        runs.push(textRun(text.slice(i + 1, close), [...base, 'italic']));
        plainStart = i = close + 1;
        continue;
      }
    }
    i++;
  }
  flush(text.length);
}

function textRun(text: string, marks: InlineMark[]): InlineRun {
  return marks.length ? { type: 'text', text, marks: [...marks] } : { type: 'text', text };
}

// The "]" closing a bracket opened just before `from`; -1 when another "[" or a line break
// comes first or the text runs too long. Stopping at "[" keeps repeated scans linear.
function findBracketClose(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_LINK_TEXT);
  for (let j = from; j < limit; j++) {
    const c = text[j];
    if (c === ']') return j;
    if (c === '[' || c === '\n') return -1;
  }
  return -1;
}

// The ")" closing a link target; targets hold no whitespace and no brackets.
function findUrlClose(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_URL);
  for (let j = from; j < limit; j++) {
    const c = text[j] ?? '';
    if (c === ')') return j;
    if (c === '(' || c === '[' || c === ']' || c === ' ' || c === '\n') return -1;
  }
  return -1;
}

// A single "*" opens italics when a word starts right after it and it does not sit inside a
// word: "5 * 3" and "gemeenten*" stay literal.
function opensItalic(text: string, i: number): boolean {
  const next = text[i + 1] ?? '';
  const prev = i > 0 ? (text[i - 1] ?? '') : ' ';
  return (
    next !== '' && next !== ' ' && next !== '*' && next !== '\n' && !/[\p{L}\p{N}]/u.test(prev)
  );
}

// The "*" closing italics: the next "*" on the line, with no space before it.
function findItalicClose(text: string, from: number): number {
  const j = text.indexOf('*', from);
  if (j === -1 || j - from > MAX_ITALIC) return -1;
  if (text.slice(from, j).includes('\n')) return -1;
  return text[j - 1] === ' ' ? -1 : j;
}

// Only web and mail addresses become links; "#" placeholders from e-mail exports and
// anything else (javascript:, relative paths) keep just their text.
function isWebHref(href: string): boolean {
  return /^(https?:\/\/\S+|mailto:\S+)$/i.test(href);
}

function sameFormat(a: InlineRun, b: InlineRun): boolean {
  if (a.type !== 'text' || b.type !== 'text') return false;
  if (a.href !== b.href) return false;
  const am = [...(a.marks ?? [])].sort().join();
  const bm = [...(b.marks ?? [])].sort().join();
  return am === bm;
}

// Merges neighbours with equal formatting and drops empty text runs.
function mergeRuns(runs: InlineRun[]): InlineRun[] {
  const out: InlineRun[] = [];
  for (const run of runs) {
    if (run.type === 'text' && run.text === '') continue;
    const last = out[out.length - 1];
    if (last && last.type === 'text' && run.type === 'text' && sameFormat(last, run)) {
      last.text += run.text;
    } else {
      out.push(run);
    }
  }
  return out;
}
