/**
 * The inline content of an item, paragraph or heading as Word runs: text with bold, italic and
 * underline, links as hyperlinks, hard breaks as line breaks, footnotes as references to Word
 * footnotes, cross-references as their target's label in a hyperlink to the target's bookmark
 * (`docxBookmarks.ts`; a broken one as its text alone), comments as ranges around the text they were made on, and, when changes are
 * shown, proposals as Word's tracked changes (`w:ins`/`w:del` with author and date): the text
 * of a proposal as the mark says, or the whole text of an item or block proposed as a whole.
 */
import type { Mark, Node } from 'prosemirror-model';
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  ExternalHyperlink,
  FootnoteReferenceRun,
  InsertedTextRun,
  InternalHyperlink,
  Paragraph,
  TextRun,
} from 'docx';
import type { IRunOptions, ParagraphChild } from 'docx';
import { findDeletion, findPendingInsertion } from '../../editor/suggestions/changeMarks.ts';
import type { ChangeAttrs, ItemChange } from '../../editor/suggestions/changeMarks.ts';
import { isSafeLinkHref } from '../../editor/queries/isSafeLinkHref.ts';
import { BROKEN_REFERENCE_TEXT, findReferenceTarget } from '../../editor/queries/getReferences.ts';
import type { DocxBookmarks } from './docxBookmarks.ts';
import { wordText } from './wordText.ts';

/** A tracked change as Word writes it: which kind, by whom, when. */
export interface RunChange {
  type: 'insert' | 'delete';
  author: string;
  /** ISO 8601, as Word's `w:date`. */
  date: string;
}

/** A comment's range in a text block, in offsets of `blockReadingText`. */
export interface CommentAnchor {
  /** Word comment ids that share this range (a thread and its replies). */
  ids: readonly number[];
  start: number;
  end: number;
}

/** What the runs of one document share: ids, footnotes, whether changes are shown. */
export interface RunContext {
  changesShown: boolean;
  /** A new id for a tracked change (unique in the document). */
  nextRevision: () => number;
  /** Registers a footnote with its text and returns its id. */
  addFootnote: (text: string) => number;
  /** The document as exported, and the bookmarks its references link to. */
  bookmarks: DocxBookmarks;
}

/** The tracked change a proposal on a whole item or block makes of its text. */
export function wholeChange(change: ItemChange | null): RunChange | null {
  return change ? changeOf(change, change.type) : null;
}

function changeOf(attrs: ChangeAttrs, type: RunChange['type']): RunChange {
  return { type, author: wordText(attrs.name), date: new Date(attrs.time).toISOString() };
}

/**
 * The text of a text block as comments are matched against it: text as it is, a hard break as
 * a line break, a footnote as " [its text] " (as the comment report quotes one), a
 * cross-reference as what it reads in `doc`.
 */
export function blockReadingText(block: Node, doc: Node): string {
  let text = '';
  block.forEach((child) => (text += readingPiece(child, doc)));
  return text;
}

function readingPiece(child: Node, doc: Node): string {
  if (child.isText) return child.text ?? '';
  if (child.type.name === 'hard_break') return '\n';
  if (child.type.name === 'footnote') return ` [${String(child.attrs.text)}] `;
  if (child.type.name === 'reference') return referenceLabel(child, doc) ?? BROKEN_REFERENCE_TEXT;
  return child.textContent;
}

// What a reference reads as: its target's label, or null when the target is gone.
function referenceLabel(child: Node, doc: Node): string | null {
  return findReferenceTarget(doc, child.attrs.target as string)?.label ?? null;
}

/**
 * The runs of `block`'s inline content. `whole` is the change of the item or block it stands
 * in (its text proposed as a whole), when changes are shown; `anchors` the comments on it.
 */
export function inlineRuns(
  block: Node,
  context: RunContext,
  whole: RunChange | null = null,
  anchors: readonly CommentAnchor[] = [],
): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const comments = new CommentRanges(anchors);
  // Adjacent nodes with one link target form one hyperlink, as in the other exports.
  let link: { href: string; children: ParagraphChild[] } | null = null;
  const closeLink = () => {
    if (link) out.push(new ExternalHyperlink({ link: link.href, children: link.children }));
    link = null;
  };
  let offset = 0;
  block.forEach((child) => {
    const href = linkOf(child);
    if (link && link.href !== href) closeLink();
    if (href !== null && !link) link = { href, children: [] };
    const target = link ? link.children : out;
    const change = context.changesShown ? (changeOfMarks(child.marks) ?? whole) : null;
    if (child.isText) {
      const text = child.text ?? '';
      // Comment boundaries inside the text split it.
      let at = 0;
      for (const cut of comments.cutsWithin(offset, offset + text.length)) {
        target.push(...comments.at(offset + at));
        if (cut - offset > at) {
          target.push(textRun(text.slice(at, cut - offset), child.marks, change, context, !!href));
        }
        at = cut - offset;
      }
      target.push(...comments.at(offset + at));
      if (text.length > at) {
        target.push(textRun(text.slice(at), child.marks, change, context, !!href));
      }
    } else {
      target.push(...comments.at(offset));
      if (child.type.name === 'hard_break') {
        target.push(changedRun({ break: 1 }, change, context));
      } else if (child.type.name === 'footnote') {
        target.push(new FootnoteReferenceRun(context.addFootnote(String(child.attrs.text))));
      } else if (child.type.name === 'reference') {
        target.push(referenceRun(child, child.marks, change, context, !!href));
      } else if (child.textContent.length > 0) {
        target.push(textRun(child.textContent, child.marks, change, context, !!href));
      }
    }
    offset += readingPiece(child, context.bookmarks.doc).length;
  });
  closeLink();
  out.push(...comments.at(offset), ...comments.rest());
  return out;
}

/**
 * A cross-reference: its target's label, in a hyperlink to the target's bookmark, looking like
 * the text around it (as in the PDF); a broken one, or one inside a web link (a hyperlink
 * cannot hold another), as text alone.
 */
function referenceRun(
  child: Node,
  marks: readonly Mark[],
  change: RunChange | null,
  context: RunContext,
  inLink: boolean,
): ParagraphChild {
  const target = child.attrs.target as string;
  const label = referenceLabel(child, context.bookmarks.doc);
  if (label === null) return textRun(BROKEN_REFERENCE_TEXT, marks, change, context, inLink);
  const run = textRun(label, marks, change, context, inLink);
  const anchor = context.bookmarks.nameOf(target);
  return inLink || anchor === null ? run : new InternalHyperlink({ anchor, children: [run] });
}

/** A footnote's text as the paragraph of a Word footnote. */
export function footnoteParagraph(text: string): Paragraph {
  const lines = wordText(text).split('\n');
  return new Paragraph({
    children: lines.map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : 0 })),
  });
}

// A link's target, when it is one the editor would follow; an unsafe one is text alone.
function linkOf(child: Node): string | null {
  const mark = child.marks.find((candidate) => candidate.type.name === 'link');
  const href = mark ? String(mark.attrs.href) : null;
  return href !== null && isSafeLinkHref(href) ? href : null;
}

// The proposal a text's own marks make of it, when changes are shown: a deletion that applies
// to it wins (deleted is what a reader must see), else a pending insertion.
function changeOfMarks(marks: readonly Mark[]): RunChange | null {
  const deletion = findDeletion(marks);
  if (deletion) return changeOf(deletion.attrs as ChangeAttrs, 'delete');
  const insertion = findPendingInsertion(marks);
  if (insertion) return changeOf(insertion.attrs as ChangeAttrs, 'insert');
  return null;
}

function textRun(
  text: string,
  marks: readonly Mark[],
  change: RunChange | null,
  context: RunContext,
  inLink: boolean,
): ParagraphChild {
  const names = new Set(marks.map((mark) => mark.type.name));
  const options: IRunOptions = {
    text: wordText(text),
    ...(names.has('bold') ? { bold: true } : {}),
    ...(names.has('italic') ? { italics: true } : {}),
    ...(names.has('underline') || inLink ? { underline: {} } : {}),
    ...(inLink ? { style: 'Hyperlink' } : {}),
  };
  return changedRun(options, change, context);
}

// A run as it is, or inside Word's `w:ins`/`w:del` with the change's author and date.
function changedRun(
  options: IRunOptions,
  change: RunChange | null,
  context: RunContext,
): ParagraphChild {
  if (!change) return new TextRun(options);
  const revision = { id: context.nextRevision(), author: change.author, date: change.date };
  return change.type === 'insert'
    ? new InsertedTextRun({ ...options, ...revision })
    : new DeletedTextRun({ ...options, ...revision });
}

// The comment ranges of one block, opened and closed as the runs pass their offsets. A range
// whose end falls inside a footnote closes after it: a footnote is one piece.
class CommentRanges {
  private readonly pending: CommentAnchor[];
  private readonly started: CommentAnchor[] = [];

  constructor(anchors: readonly CommentAnchor[]) {
    this.pending = [...anchors].sort((a, b) => a.start - b.start);
  }

  /** Offsets strictly inside `from`–`to` where a range starts or ends. */
  cutsWithin(from: number, to: number): number[] {
    const cuts = new Set<number>();
    for (const anchor of [...this.pending, ...this.started]) {
      for (const point of [anchor.start, anchor.end])
        if (point > from && point < to) cuts.add(point);
    }
    return [...cuts].sort((a, b) => a - b);
  }

  /** The range ends and starts due at `offset`: ends first, then starts. */
  at(offset: number): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const anchor of [...this.started]) {
      if (anchor.end <= offset) out.push(...this.end(anchor));
    }
    while (this.pending[0] && this.pending[0].start <= offset) {
      const anchor = this.pending.shift() as CommentAnchor;
      for (const id of anchor.ids) out.push(new CommentRangeStart(id));
      this.started.push(anchor);
      if (anchor.end <= offset) out.push(...this.end(anchor));
    }
    return out;
  }

  /** Every range still open, closed at the block's end (and any never reached, started there). */
  rest(): ParagraphChild[] {
    return this.at(Number.MAX_SAFE_INTEGER);
  }

  private end(anchor: CommentAnchor): ParagraphChild[] {
    this.started.splice(this.started.indexOf(anchor), 1);
    return anchor.ids.flatMap((id) => [
      new CommentRangeEnd(id),
      new TextRun({ children: [new CommentReference(id)] }),
    ]);
  }
}
