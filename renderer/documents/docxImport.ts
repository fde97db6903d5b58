/**
 * Importeren of a Word file in the window: the picked file's bytes read here and handed to the
 * same import as `resolutie import STUK.docx` (shared/import/docx/), so that the window and the
 * command line refuse the same files with the same Dutch sentence and make the same document,
 * its tracked changes as proposals and its comments (added when the document opens, see
 * WindowController.importParsed) as threads.
 */
import type { Node } from 'prosemirror-model';
import { importDocx } from '../../shared/import/docx/importDocx.ts';
import type { DocxComment } from '../../shared/import/docx/importDocx.ts';
import { refuse } from '../../shared/import/docx/docxErrors.ts';
import { MAX_DOCX_BYTES } from '../../shared/import/docx/zipArchive.ts';

/** What the window makes the open document: from a text file or a Word file alike. */
export interface ImportedStuk {
  /** The file's name without extension: the document's name until it is saved. */
  name: string;
  doc: Node;
  /** Comments to add once the document's Yjs state exists (a Word file's). */
  comments: readonly DocxComment[];
  /** What the import made of it, as the summary sentence says it. */
  counts: string;
  warning: string | null;
}

/** Reads `file` as a Word document; throws a DocxImportError (Dutch) when it is refused. */
export async function importWordFile(file: File, name: string): Promise<ImportedStuk> {
  // Checked before reading: a file this large is refused without holding it in memory.
  if (file.size > MAX_DOCX_BYTES) throw refuse.tooLarge('het bestand is meer dan 30 MB');
  const imported = importDocx(new Uint8Array(await file.arrayBuffer()));
  return {
    name,
    doc: imported.doc,
    comments: imported.comments,
    counts: imported.counts,
    warning: imported.warning,
  };
}
