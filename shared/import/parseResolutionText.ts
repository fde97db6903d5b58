/**
 * The plain-text importer: turns a resolution as plain text (pasted from Word or a PDF, or
 * read from a .txt file) into the plain-data model of `shared/model/resolution.ts`. Pure
 * TypeScript without DOM, Node or ProseMirror, shared by the editor's paste handler and the
 * command-line import. It never throws: any string gives a (possibly empty) resolution.
 *
 * The stages:
 * 1. `readLines` normalises the text and marks paragraph breaks (also in "double spaced"
 *    PDF text); `createFootnotes` takes footnote lines out.
 * 2. The first "Toelichting" line and the block heading lines before it divide the text into
 *    a head (title and preamble), blocks, and the explanation.
 * 3. `parseBlockItems` reads each block's items, `parseExplanation` the free text.
 */
import type { ParsedBlock, ParsedFlow, ParsedResolution } from '../model/resolution.ts';
import { readLines, normalizeText, type TextLine } from './lines.ts';
import { createFootnotes } from './footnotes.ts';
import {
  isExplanationHeading,
  matchBlockHeading,
  matchPreambleLine,
  matchTitleLine,
  stripQuotes,
  type BlockHeadingMatch,
} from './headings.ts';
import { findTrailingProse, parseBlockItems } from './items.ts';
import { normalizeHeadingLevels, parseExplanation, type FlowOptions } from './explanation.ts';
import { countWords } from './textShape.ts';
import { findSubmitter } from './submitter.ts';

export { parseItemLines } from './items.ts';

// The title is looked for in the first lines of the head only, the preamble a little
// further: a heading "Geactualiseerde resolutie op basis van …" deep in the text is no title.
const TITLE_SEARCH_LINES = 5;
const PREAMBLE_SEARCH_LINES = 8;

/**
 * Parses a resolution from plain text. Recognises the title line ("Geactualiseerde resolutie
 * “…”"), the preamble ("De leden bijeen in de Najaars ALV van 29 november 2024:"), recital
 * and operative blocks with their numbered items, and the Toelichting with its headings,
 * paragraphs, lists and footnotes, and the indiener of a motie ("Ingediend door de gemeente
 * X (mede namens …)"). Text that is none of these (a letter, an e-mail) ends up
 * in the explanation, so nothing is lost. Recital blocks come before operative blocks in the
 * result, each in source order.
 */
export function parseResolutionText(text: string): ParsedResolution {
  const source = readLines(typeof text === 'string' ? text : '');
  const { lines, inline } = createFootnotes(source.lines);
  const options: FlowOptions = {
    markdown: source.markdown,
    headingHeuristics: !source.markdownHeadings,
    typicalWidth: source.typicalWidth,
    inline,
  };

  // Block headings count until the first "Toelichting"; after it everything is explanation.
  const starts: { index: number; match: BlockHeadingMatch }[] = [];
  let explanationAt = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as TextLine).text;
    if (isExplanationHeading(line)) {
      explanationAt = i;
      break;
    }
    const match = matchBlockHeading(line);
    if (match) starts.push({ index: i, match });
  }
  const bodyEnd = explanationAt === -1 ? lines.length : explanationAt;
  const head = readHead(lines.slice(0, starts[0]?.index ?? bodyEnd));

  // Free text in source order: what the head held besides title and preamble, text after
  // the last block's items, and the Toelichting proper.
  const prose: TextLine[][] = [head.rest];
  const blocks: ParsedBlock[] = [];
  starts.forEach((start, k) => {
    const end = starts[k + 1]?.index ?? bodyEnd;
    let body = lines.slice(start.index + 1, end);
    if (k === starts.length - 1) {
      const cut = findTrailingProse(body);
      prose.push(body.slice(cut));
      body = body.slice(0, cut);
    }
    blocks.push({ ...start.match, items: parseBlockItems(body, inline) });
  });
  if (explanationAt !== -1) prose.push(lines.slice(explanationAt + 1));
  const submitter = takeSubmitter(prose);

  // Concatenated with a loop: spreading a long result into push() overflows the stack.
  const explanation: ParsedFlow[] = [];
  for (const part of prose) {
    if (part.length === 0) continue;
    for (const flow of parseExplanation(part, options)) explanation.push(flow);
  }

  return {
    kind: head.title?.kind ?? null,
    status: head.title?.status ?? null,
    title: head.title ? head.title.title || null : null,
    submitter,
    preamble: head.preamble,
    blocks: [
      ...blocks.filter((block) => block.type === 'recital'),
      ...blocks.filter((block) => block.type === 'operative'),
    ],
    explanation: normalizeHeadingLevels(explanation),
  };
}

/**
 * True when the text holds at least one recital or operative block heading line
 * ("Overwegende dat:", "Spreekt uit:" …): the test for whether a paste is a resolution.
 */
export function looksLikeResolution(text: string): boolean {
  if (typeof text !== 'string') return false;
  for (const line of normalizeText(text).split('\n')) {
    if (matchBlockHeading(line.trim())) return true;
  }
  return false;
}

// The indiener line of a motie ("Ingediend door de gemeente X (mede namens …)") is metadata:
// the first one in the free text leaves it (the head's lines come first), and the line after
// it starts a paragraph of its own.
function takeSubmitter(prose: TextLine[][]): string | null {
  for (let p = 0; p < prose.length; p++) {
    const part = prose[p]!;
    const found = findSubmitter(part);
    if (!found) continue;
    const used = new Set(found.lines);
    const kept: TextLine[] = [];
    part.forEach((line, index) => {
      if (used.has(index)) return;
      kept.push(used.has(index - 1) ? { ...line, breakBefore: true } : line);
    });
    prose[p] = kept;
    return found.submitter;
  }
  return null;
}

interface Head {
  title: {
    kind: ParsedResolution['kind'];
    status: ParsedResolution['status'];
    title: string;
  } | null;
  preamble: ParsedResolution['preamble'];
  /** Lines that are neither title nor preamble. */
  rest: TextLine[];
}

// Reads the lines before the first block: the title (possibly continuing on the next lines
// while its quote is open, or on the next line when the first holds only "Resolutie"), and
// the preamble.
function readHead(lines: TextLine[]): Head {
  const used = new Set<number>();
  let title: Head['title'] = null;
  for (let i = 0; i < Math.min(lines.length, TITLE_SEARCH_LINES) && !title; i++) {
    const match = matchTitleLine((lines[i] as TextLine).text);
    if (!match) continue;
    used.add(i);
    let text = match.title;
    if (match.openQuote) {
      // "Resolutie “VNG-inzet richting" + "nieuwe kabinet”": follow the quote for two lines.
      for (let j = i + 1; j < Math.min(lines.length, i + 3); j++) {
        const more = (lines[j] as TextLine).plain;
        if (matchPreambleLine(more) || matchBlockHeading(more)) break;
        text = `${text} ${more}`;
        used.add(j);
        if (/[”"’'»]$/.test(more)) break;
      }
      text = stripQuotes(text);
    } else if (text === '') {
      const next = lines[i + 1];
      if (
        next &&
        !matchPreambleLine(next.plain) &&
        countWords(next.plain) <= 20 &&
        !/[.;]$/.test(next.plain)
      ) {
        text = stripQuotes(next.plain);
        used.add(i + 1);
      }
    }
    title = { kind: match.kind, status: match.status, title: text };
  }

  let preamble: Head['preamble'] = null;
  for (let i = 0; i < Math.min(lines.length, PREAMBLE_SEARCH_LINES); i++) {
    if (used.has(i)) continue;
    const match = matchPreambleLine((lines[i] as TextLine).text);
    if (match) {
      preamble = match;
      used.add(i);
      break;
    }
  }
  return { title, preamble, rest: lines.filter((_, i) => !used.has(i)) };
}
