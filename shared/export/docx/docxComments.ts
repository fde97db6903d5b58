/**
 * Comments in the Word export: each thread as a Word comment on the text it was made on, its
 * replies as Word replies (comments with the first as parent) on the same range. The threads
 * come in as plain data (the command line reads them with the comment report; export does not
 * read the Yjs document), with the text each was made on as it reads now; the export finds that
 * text in the first text block that holds it. A thread whose text is gone, or that spans
 * blocks, stands as a point at the start of the title, quoting the text it was made on.
 */
import { Paragraph, TextRun } from 'docx';
import type { ICommentOptions } from 'docx';
import type { Node } from 'prosemirror-model';
import { blockReadingText } from './docxRuns.ts';
import type { CommentAnchor } from './docxRuns.ts';
import { wordText } from './wordText.ts';

/** One comment of a thread, as the comment report gives it. */
export interface DocxComment {
  author: string;
  /** When it was written (ms since the epoch). */
  time: number;
  text: string;
  deleted: boolean;
}

/** A thread of comments, as the comment report gives it. */
export interface DocxCommentThread {
  /** The text the thread is on, as it reads now (or the quote it was made on, when gone). */
  text: string;
  textGone: boolean;
  resolved: boolean;
  comments: readonly DocxComment[];
}

/** The threads placed: Word's comments, and the ranges per text block (by position). */
export interface PlacedComments {
  comments: ICommentOptions[];
  /** Position of a text block → the comment ranges in it. */
  anchors: Map<number, CommentAnchor[]>;
}

/**
 * Places `threads` in `doc` (the document as exported): every text block in document order is
 * searched for each thread's text; `titlePos` takes the threads found nowhere.
 */
export function placeComments(
  doc: Node,
  threads: readonly DocxCommentThread[],
  titlePos: number,
): PlacedComments {
  const comments: ICommentOptions[] = [];
  const anchors = new Map<number, CommentAnchor[]>();
  const blocks: { pos: number; text: string }[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    blocks.push({ pos, text: blockReadingText(node, doc) });
    return false;
  });
  let nextId = 0;
  for (const thread of threads) {
    const shown = thread.comments.filter((comment) => !comment.deleted);
    const first = shown[0];
    if (!first) continue;
    const place = thread.textGone ? null : findText(blocks, thread.text);
    const ids: number[] = [];
    shown.forEach((comment, index) => {
      const id = nextId++;
      ids.push(id);
      const lines = wordText(comment.text).split('\n');
      // Where the text is gone, the first comment says what it was made on.
      if (index === 0 && place === null && thread.text.length > 0) {
        const quote = wordText(thread.text);
        lines.unshift(`Bij “${quote}”${thread.textGone ? ' (tekst verwijderd)' : ''}:`);
      }
      comments.push({
        id,
        author: wordText(comment.author),
        initials: initialsOf(wordText(comment.author)),
        date: new Date(comment.time),
        children: lines.map((line) => new Paragraph({ children: [new TextRun(line)] })),
        ...(index > 0 ? { parentId: ids[0] } : {}),
        ...(thread.resolved ? { resolved: true } : {}),
      });
    });
    const range = place ?? { pos: titlePos, start: 0, end: 0 };
    const list = anchors.get(range.pos) ?? [];
    list.push({ ids, start: range.start, end: range.end });
    anchors.set(range.pos, list);
  }
  return { comments, anchors };
}

// The first block holding `text` (its white space matching any white space), and where.
function findText(
  blocks: readonly { pos: number; text: string }[],
  text: string,
): { pos: number; start: number; end: number } | null {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const pattern = new RegExp(
    words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'),
  );
  for (const block of blocks) {
    const match = pattern.exec(block.text);
    if (match) return { pos: block.pos, start: match.index, end: match.index + match[0].length };
  }
  return null;
}

// "Jurist" → "J", "Auteur Twee" → "AT": Word shows initials beside a comment.
function initialsOf(author: string): string {
  return author
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 3)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
}
