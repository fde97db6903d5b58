/**
 * The Word import: a .docx's bytes to the editor's document, its proposals and its comments,
 * or a DocxImportError with a Dutch message. Shared by the command line and the window; it
 * uses neither Node nor Yjs (the comments are written into the document's Yjs state by
 * `shared/comments/importedComments.ts`).
 */
import type { Node } from 'prosemirror-model';
import type { ParsedResolution } from '../../model/resolution.ts';
import { summarizeImport } from '../importSummary.ts';
import { isOleCompoundFile, openDocxPackage } from './docxPackage.ts';
import { looksLikeZip } from './zipArchive.ts';
import { docxToModel } from './docxToModel.ts';
import { buildDocxDocument } from './docxDocument.ts';
import { parseWordDate } from './wordChanges.ts';

export { DocxImportError } from './docxErrors.ts';

/** A Word comment to add to the document: who, when (ms), what, and where its text lies. */
export interface DocxComment {
  author: string;
  time: number;
  text: string;
  from: number;
  to: number;
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
    comments: comments.map(({ author, date, text, from, to }) => ({
      author,
      time: parseWordDate(date, now),
      text,
      from,
      to,
    })),
    proposals: imported.proposals,
    counts: `${summary.counts}, ${formatCount(imported.proposals, 'voorstel', 'voorstellen')}, ${formatCount(comments.length, 'opmerking', 'opmerkingen')}`,
    warning: warnings.length > 0 ? warnings.join(' ') : null,
  };
}

function formatCount(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Whether `bytes` may be a Word file (a zip or an OLE compound file), by their signatures: a
 * text that merely starts with "PK" is not one.
 */
export function looksLikeWordFile(bytes: Uint8Array): boolean {
  return looksLikeZip(bytes) || isOleCompoundFile(bytes);
}
