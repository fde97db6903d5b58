/**
 * A Word document as the editor's model (`ParsedResolution`), with its tracked changes as
 * proposals and its comments as places in the text.
 *
 * Word's structure comes first: a paragraph numbered by Word (numbering.xml) inside a block is
 * an item, its list level and format (decimal, letter, bullet) say whether it is a numbered
 * item or a lettered or bulleted sub-item; paragraph styles say what is a title, a block
 * heading (our export's "Blokkop"), a heading or a quote. Where Word says nothing, the text
 * parser's own recognisers decide, on the paragraph's text: the block headings ("Overwegende
 * dat:", "Spreekt uit:" …), "Toelichting", the title and preamble lines, the indiener, and
 * list markers typed as text ("1.", "a)", "•").
 *
 * What does not fit is not lost: text before the first block that is no title or preamble,
 * and text after the last block's items, goes into the Toelichting, as with text.
 */
import type {
  InlineRun,
  ParsedBlock,
  ParsedFlow,
  ParsedItem,
  ParsedResolution,
  ProposedChange,
} from '../../model/resolution.ts';
import {
  isExplanationHeading,
  matchBlockHeading,
  matchPreambleLine,
  matchTitleLine,
  type BlockHeadingMatch,
} from '../headings.ts';
import { matchBulletLine, matchLetteredLine, matchNumberedLine } from '../listMarkers.ts';
import { findSubmitter } from '../submitter.ts';
import { normalizeHeadingLevels } from '../explanation.ts';
import type { DocxPackage } from './docxPackage.ts';
import { readBodyParagraphs, readFootnotes, type WordParagraph, type WordRun } from './wordRuns.ts';
import { getStyleNumbering, getStyleRole, readWordStyles, type StyleRole } from './wordStyles.ts';
import { readWordNumbering, type ListPlace } from './wordNumbering.ts';
import { ChangeNumbering } from './wordChanges.ts';
import { commentMarker, stripMarkerCharacters } from './commentMarkers.ts';
import { readWordComments, type WordComment } from './wordComments.ts';

// What our export (and the print) calls a stuk without a title: no title of its own.
const UNTITLED_STUK = 'Stuk zonder titel';

/** The most paragraphs read: some 350 pages, the editor's own limit on a document. */
export const MAX_PARAGRAPHS = 20_000;

/** What a Word file became. */
export interface DocxModel {
  /** The model; its text holds comment markers (commentMarkers.ts) where comments start and end. */
  model: ParsedResolution;
  /** Word's comments, in the order the markers number them. */
  comments: WordComment[];
  /** How many proposals the tracked changes became. */
  proposals: number;
  /** Paragraphs beyond MAX_PARAGRAPHS were left out. */
  truncated: boolean;
}

interface Paragraph {
  word: WordParagraph;
  role: StyleRole;
  list: ListPlace | null;
  /** The visible text, trimmed, for the recognisers. */
  text: string;
  runs: InlineRun[];
  /** The proposal on the whole paragraph: all its text and its mark added, or deleted. */
  whole: ProposedChange | null;
}

/** Maps an opened package to the model; `now` is the time of changes Word gave none. */
export function docxToModel(pkg: DocxPackage, now: number): DocxModel {
  const styles = readWordStyles(pkg.styles);
  const numbering = readWordNumbering(pkg.numbering);
  const footnotes = readFootnotes(pkg.footnotes);
  const comments = readWordComments(pkg.comments, pkg.commentsExtended);
  const commentIndex = new Map(comments.map((comment, index) => [comment.id, index]));
  const changes = new ChangeNumbering(now);
  const { paragraphs: words, complete } = readBodyParagraphs(
    pkg.document,
    pkg.relationships,
    MAX_PARAGRAPHS,
  );

  let previousMark: ProposedChange | null = null;
  const paragraphs: Paragraph[] = words.map((word) => {
    const runs = toInlineRuns(word.runs, footnotes, commentIndex, changes);
    const mark = word.markChange ? changes.proposal(word.markChange) : null;
    if (!mark) changes.interrupt();
    // A paragraph added or deleted whole: all its content proposed, with its own paragraph
    // mark or the one before it (Word marks the break that was typed: Enter at the end of an
    // item adds that item's mark, and the new paragraph keeps the old one).
    const whole = findWholeChange(runs, mark, previousMark);
    previousMark = mark;
    return {
      word,
      role: getStyleRole(styles, word.styleId),
      list: numbering.find(word.numbering ?? getStyleNumbering(styles, word.styleId)),
      text: plainOf(runs),
      runs,
      whole,
    };
  });

  return { ...mapParagraphs(paragraphs), comments, proposals: changes.size, truncated: !complete };
}

function findWholeChange(
  runs: InlineRun[],
  mark: ProposedChange | null,
  previousMark: ProposedChange | null,
): ProposedChange | null {
  const content = runs.filter((run) => !isMarker(run));
  const first = content[0]?.changes?.[0];
  if (!first) return null;
  const { type } = first;
  if (mark?.type !== type && previousMark?.type !== type) return null;
  const all = content.every((run) => run.changes?.some((change) => change.type === type));
  return all ? (content[0]!.changes!.find((change) => change.type === type) ?? null) : null;
}

function mapParagraphs(paragraphs: Paragraph[]): { model: ParsedResolution } {
  const head: Paragraph[] = [];
  const blocks: { match: BlockHeadingMatch; items: ParsedItem[]; numbered: boolean }[] = [];
  const prose: Paragraph[] = [];
  let phase: 'head' | 'blocks' | 'explanation' = 'head';
  let trailing = false;

  for (const paragraph of paragraphs) {
    const { text, role } = paragraph;
    if (text === '' && !paragraph.runs.some((run) => run.type === 'footnote')) continue;
    if (phase !== 'explanation') {
      if (role.type === 'explanation_heading' || isExplanationHeading(text)) {
        phase = 'explanation';
        continue;
      }
      const heading =
        role.type === 'block_heading' || !paragraph.list ? matchBlockHeading(text) : null;
      if (heading) {
        blocks.push({ match: heading, items: [], numbered: false });
        phase = 'blocks';
        trailing = false;
        continue;
      }
    }
    if (phase === 'head') head.push(paragraph);
    else if (phase === 'explanation' || trailing) prose.push(paragraph);
    else {
      const block = blocks[blocks.length - 1]!;
      const item = toItem(paragraph, block.numbered);
      if (item === 'continuation') {
        const last = block.items[block.items.length - 1];
        if (last) last.content.push({ type: 'hard_break' }, ...paragraph.runs);
      } else if (item === 'prose') {
        trailing = true;
        prose.push(paragraph);
      } else {
        if (isMarked(paragraph)) block.numbered = true;
        block.items.push(item);
      }
    }
  }
  // Prose between blocks ends only at the last block: a later block heading reopens blocks.
  const { title, preamble, rest } = readHead(head);
  const flowParagraphs = [...rest, ...prose];
  let submitter: string | null = null;
  const kept = flowParagraphs.filter((paragraph) => {
    if (submitter !== null || paragraph.list) return true;
    const found = findSubmitter([
      { text: paragraph.text, plain: paragraph.text, breakBefore: true, hardBreakAfter: false },
    ]);
    if (!found || found.lines.length === 0) return true;
    submitter = found.submitter;
    return false;
  });

  const parsedBlocks: ParsedBlock[] = blocks.map(({ match, items }) =>
    match.type === 'recital'
      ? { type: 'recital', heading: match.heading, items }
      : { type: 'operative', heading: match.heading, items },
  );
  const explanation = normalizeHeadingLevels(toFlow(kept.filter((p) => p.role.type !== 'meta')));
  return {
    model: {
      kind: title?.kind ?? null,
      status: title?.status ?? null,
      title: isNameOnly(title, parsedBlocks, explanation) ? null : title?.title || null,
      submitter,
      preamble,
      blocks: [
        ...parsedBlocks.filter((block) => block.type === 'recital'),
        ...parsedBlocks.filter((block) => block.type === 'operative'),
      ],
      explanation,
    },
  };
}

// Our export (like the print) names a letter without title or blocks by its first heading;
// that name is no title of its own.
function isNameOnly(
  title: { kind: ParsedResolution['kind']; title: string } | null,
  blocks: readonly ParsedBlock[],
  explanation: readonly ParsedFlow[],
): boolean {
  if (!title || title.kind !== null || blocks.length > 0) return false;
  const heading = explanation.find((flow) => flow.type === 'heading');
  if (!heading || heading.type !== 'heading') return false;
  const text = heading.content
    .map((run) => (run.type === 'text' ? run.text : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return text === title.title;
}

// An item from a paragraph in a block: Word's numbering decides; without it, a list marker
// typed as text; without that, a paragraph of its own is an item, unless the block's items
// were numbered (by Word or in their text): then an indented one continues the item above (a
// second paragraph of the point), and any other is text after the items, which goes to the
// Toelichting until the next block heading.
function toItem(
  paragraph: Paragraph,
  numberedBlock: boolean,
): ParsedItem | 'continuation' | 'prose' {
  const change = paragraph.whole ? { change: paragraph.whole } : {};
  const { list } = paragraph;
  if (list) {
    if (list.level === 0)
      return { indent: 0, marker: 'letter', content: paragraph.runs, ...change };
    return {
      indent: 1,
      marker: list.format === 'bullet' ? 'bullet' : 'letter',
      content: paragraph.runs,
      ...change,
    };
  }
  const numbered = matchNumberedLine(paragraph.text);
  if (numbered)
    return {
      indent: 0,
      marker: 'letter',
      content: stripMarker(paragraph.runs, paragraph.text, numbered.rest),
      ...change,
    };
  const lettered = matchLetteredLine(paragraph.text);
  if (lettered)
    return {
      indent: 1,
      marker: 'letter',
      content: stripMarker(paragraph.runs, paragraph.text, lettered.rest),
      ...change,
    };
  const bullet = matchBulletLine(paragraph.text);
  if (bullet)
    return {
      indent: 1,
      marker: 'bullet',
      content: stripMarker(paragraph.runs, paragraph.text, bullet.rest),
      ...change,
    };
  if (numberedBlock) {
    return paragraph.role.type === 'list' || paragraph.word.indented ? 'continuation' : 'prose';
  }
  return { indent: 0, marker: 'letter', content: paragraph.runs, ...change };
}

// Whether a paragraph is numbered by Word or opens with a typed list marker.
function isMarked(paragraph: Paragraph): boolean {
  const { text } = paragraph;
  return (
    paragraph.list !== null ||
    matchNumberedLine(text) !== null ||
    matchLetteredLine(text) !== null ||
    matchBulletLine(text) !== null
  );
}

// The runs without the typed marker: its visible characters leave the first runs, with the
// spaces around them (the marker may be split over runs: "1." and " Dat …").
function stripMarker(runs: InlineRun[], text: string, rest: string): InlineRun[] {
  let left = text.slice(0, text.length - rest.length).replace(/\s/g, '').length;
  let trimming = true;
  const out: InlineRun[] = [];
  for (const run of runs) {
    if (!trimming || run.type !== 'text' || isMarker(run)) {
      out.push(run);
      continue;
    }
    let at = 0;
    while (at < run.text.length && (left > 0 || /\s/.test(run.text[at]!))) {
      if (!/\s/.test(run.text[at]!)) left -= 1;
      at += 1;
    }
    if (at < run.text.length) {
      out.push({ ...run, text: run.text.slice(at) });
      trimming = false;
    }
  }
  return out;
}

function readHead(head: Paragraph[]): {
  title: {
    kind: ParsedResolution['kind'];
    status: ParsedResolution['status'];
    title: string;
  } | null;
  preamble: ParsedResolution['preamble'];
  rest: Paragraph[];
} {
  let title: ReturnType<typeof readHead>['title'] = null;
  let preamble: ParsedResolution['preamble'] = null;
  const rest: Paragraph[] = [];
  head.forEach((paragraph, index) => {
    const { text, role } = paragraph;
    if (!title && (role.type === 'title' || index < 5)) {
      const match = matchTitleLine(text);
      if (match || role.type === 'title') {
        title = match
          ? { kind: match.kind, status: match.status, title: match.title }
          : { kind: null, status: null, title: text === UNTITLED_STUK ? '' : text };
        return;
      }
    }
    if (!preamble && (role.type === 'preamble' || index < 8)) {
      const match = matchPreambleLine(text);
      if (match) {
        preamble = match;
        return;
      }
    }
    rest.push(paragraph);
  });
  return { title, preamble, rest };
}

interface FlowList {
  numId: string;
  abstractId: string;
  flow: Extract<ParsedFlow, { items: unknown }>;
}

// The Toelichting's content: headings by style, quotes, Word lists (one list per run of
// paragraphs of one list instance; deeper levels nest in the item above), and paragraphs.
function toFlow(paragraphs: Paragraph[]): ParsedFlow[] {
  const out: ParsedFlow[] = [];
  let list = null as FlowList | null;
  for (const paragraph of paragraphs) {
    const { role, runs } = paragraph;
    if (paragraph.list && paragraph.list.format !== 'none') {
      const type = paragraph.list.format === 'bullet' ? 'bullet_list' : 'ordered_list';
      const entry: ParsedFlow = { type: 'paragraph', content: runs };
      if (paragraph.list.level > 0 && list) {
        const lastItem = list.flow.items[list.flow.items.length - 1]!;
        const nested = lastItem[lastItem.length - 1];
        if (nested && nested.type === type) nested.items.push([entry]);
        else lastItem.push({ type, items: [[entry]] });
        continue;
      }
      // Word counts on through instances of one definition (LibreOffice writes the first item
      // of a list as an instance of its own that restarts, the rest as another).
      const place = paragraph.list;
      let current: FlowList | null = list;
      const continues =
        current !== null &&
        current.flow.type === type &&
        (current.numId === place.numId ||
          (current.abstractId === place.abstractId && !place.restarts));
      if (!current || !continues) {
        current = { numId: place.numId, abstractId: place.abstractId, flow: { type, items: [] } };
        out.push(current.flow);
      }
      current.numId = place.numId;
      current.flow.items.push([entry]);
      list = current;
      continue;
    }
    // An indented paragraph after a list item is a further paragraph of that item.
    const plain = role.type === 'body' || role.type === 'list';
    if (list && plain && (paragraph.word.indented || role.type === 'list')) {
      list.flow.items[list.flow.items.length - 1]!.push({ type: 'paragraph', content: runs });
      continue;
    }
    list = null;
    if (role.type === 'heading' || role.type === 'title' || role.type === 'explanation_heading') {
      const level = role.type === 'heading' && role.level > 1 ? 2 : 1;
      out.push({ type: 'heading', level, content: runs });
    } else if (role.type === 'quote') {
      const last = out[out.length - 1];
      const flow: ParsedFlow = { type: 'paragraph', content: runs };
      if (last?.type === 'blockquote') last.content.push(flow);
      else out.push({ type: 'blockquote', content: [flow] });
    } else {
      out.push({ type: 'paragraph', content: runs });
    }
  }
  return out;
}

function toInlineRuns(
  runs: WordRun[],
  footnotes: ReadonlyMap<string, string>,
  commentIndex: ReadonlyMap<string, number>,
  changes: ChangeNumbering,
): InlineRun[] {
  const out: InlineRun[] = [];
  for (const run of runs) {
    if (run.type === 'comment') {
      const index = commentIndex.get(run.id);
      if (index !== undefined) out.push({ type: 'text', text: commentMarker(run.edge, index) });
      continue;
    }
    const proposals = run.changes.map((change, i) => changes.proposal(change, i > 0));
    const withChanges = proposals.length > 0 ? { changes: proposals } : {};
    if (run.type === 'hard_break') out.push({ type: 'hard_break', ...withChanges });
    else if (run.type === 'footnote') {
      const text = footnotes.get(run.id);
      if (text) out.push({ type: 'footnote', text: stripMarkerCharacters(text), ...withChanges });
    } else {
      const text = stripMarkerCharacters(run.text.replace(/\t/g, ' '));
      if (text === '') continue;
      if (proposals.length === 0 && text.trim() !== '') changes.interrupt();
      out.push({
        type: 'text',
        text,
        ...(run.marks.length > 0 ? { marks: run.marks } : {}),
        ...(run.href ? { href: run.href } : {}),
        ...withChanges,
      });
    }
  }
  return trimRuns(out);
}

// A paragraph's text without leading and trailing spaces (Word keeps them; the editor's
// items and paragraphs do not start with one).
function trimRuns(runs: InlineRun[]): InlineRun[] {
  const texts = runs.filter((run) => run.type === 'text' && !isMarker(run));
  const first = texts[0];
  const last = texts[texts.length - 1];
  return runs.flatMap((run) => {
    if (run.type !== 'text' || (run !== first && run !== last)) return [run];
    let text = run.text;
    if (run === first) text = text.trimStart();
    if (run === last) text = text.trimEnd();
    return text === '' ? [] : [{ ...run, text }];
  });
}

function isMarker(run: InlineRun): boolean {
  return run.type === 'text' && /^[\ufdd0\ufdd1]/.test(run.text);
}

function plainOf(runs: InlineRun[]): string {
  return runs
    .map((run) =>
      run.type === 'text' && !isMarker(run) ? run.text : run.type === 'hard_break' ? ' ' : '',
    )
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
