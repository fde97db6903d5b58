/**
 * The Word import: a .docx's bytes to the editor's document, its proposals and its comments,
 * or a DocxImportError with a Dutch message. Shared by the command line and the window; it
 * uses neither Node nor Yjs (the comments are written into the document's Yjs state by
 * `shared/comments/importedComments.ts`).
 */
import type { Node } from 'prosemirror-model';
import type { ParsedResolution } from '../../model/resolution.ts';
import { summarizeImport } from '../importSummary.ts';
import { openDocxPackage } from './docxPackage.ts';
import { docxToModel } from './docxToModel.ts';
import { buildDocxDocument, type PlacedComment } from './docxDocument.ts';
import { parseWordDate } from './wordChanges.ts';

export { DocxImportError } from './docxErrors.ts';

/**
 * A Word comment to add to the document: who, when (ms), what, and where its text lies; an
 * answer names the comment it answers (its index in the list, always an earlier one), and the
 * first comment of a thread whether Word marked it done.
 */
export interface DocxComment {
  author: string;
  time: number;
  text: string;
  from: number;
  to: number;
  replyTo: number | null;
  resolved: boolean;
}

/** What a Word file became. */
export interface DocxImport {
  doc: Node;
  model: ParsedResolution;
  comments: DocxComment[];
  proposals: number;
  /** The summary line's counts and warning, as the text import says them. */
  counts: string;
  warning: string | null;
}

/** Reads the .docx in `bytes`; `now` is the time of changes and comments Word gave none. */
export function importDocx(bytes: Uint8Array, now: number = Date.now()): DocxImport {
  const imported = docxToModel(openDocxPackage(bytes), now);
  const { doc, comments } = buildDocxDocument(imported);
  const summary = summarizeImport(imported.model);
  const warnings = [
    summary.warning,
    imported.truncated ? 'het document is te lang; het einde is weggelaten.' : null,
  ].filter((warning): warning is string => warning !== null);
  return {
    doc,
    model: imported.model,
    comments: toDocxComments(comments, now),
    proposals: imported.proposals,
    counts: `${summary.counts}, ${formatCount(imported.proposals, 'voorstel', 'voorstellen')}, ${formatCount(comments.length, 'opmerking', 'opmerkingen')}`,
    warning: warnings.length > 0 ? warnings.join(' ') : null,
  };
}

// Answers point at the first comment of their thread; one whose thread is unknown (or comes
// later in the file) stands as a thread of its own.
function toDocxComments(comments: readonly PlacedComment[], now: number): DocxComment[] {
  const index = new Map<string, number>();
  return comments.map((comment, at) => {
    index.set(comment.id, at);
    let replyTo: number | null = null;
    for (let parent = comment.parent, step = 0; parent !== null && step < 20; step++) {
      const found = index.get(parent);
      if (found === undefined) break;
      replyTo = found;
      parent = comments[found]!.parent;
    }
    return {
      author: comment.author,
      time: parseWordDate(comment.date, now),
      text: comment.text,
      from: comment.from,
      to: comment.to,
      replyTo,
      resolved: comment.done,
    };
  });
}

function formatCount(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
