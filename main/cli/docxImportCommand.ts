/**
 * `resolutie import STUK.docx -o UIT.resolutie`: a Word file to a document, its tracked changes
 * as proposals and its comments as threads. A refused file (shared/import/docx/docxErrors.ts)
 * is one Dutch line and nothing written; the caller has checked the output already.
 */
import type { FileWriter } from '../../shared/ydoc/documentFile.ts';
import { writeDocumentFile } from '../../shared/ydoc/documentFile.ts';
import { createYDoc } from '../../shared/ydoc/yDocument.ts';
import { DocxImportError, importDocx } from '../../shared/import/docx/importDocx.ts';
import { MAX_DOCX_BYTES } from '../../shared/import/docx/zipArchive.ts';
import { addImportedComments } from '../../shared/comments/importedComments.ts';
import { readFileLimited } from '../services/files/readFileLimited.ts';
import { writeFileAtomic } from '../services/files/atomicWrite.ts';
import { CliError } from './cliErrors.ts';
import type { CliOutput } from './commands.ts';

/** The most a Word file may be, read with the file-system limits of every input. */
export { MAX_DOCX_BYTES };

/** Imports the Word file `input` (read already as `bytes`, or read here) into `output`. */
export async function importWordFile(
  input: string,
  output: string,
  writer: FileWriter,
  io: CliOutput,
  bytes?: Uint8Array,
): Promise<void> {
  const data = bytes ?? (await readFileLimited(input, MAX_DOCX_BYTES));
  let imported;
  try {
    imported = importDocx(data);
  } catch (error) {
    if (error instanceof DocxImportError) throw new CliError(error.message);
    throw error;
  }
  const ydoc = createYDoc(imported.doc);
  addImportedComments(ydoc, imported.comments);
  await writeFileAtomic(output, writeDocumentFile(ydoc, writer));
  io.out(`Geïmporteerd naar ${output}: ${imported.counts}.\n`);
  if (imported.warning) io.err(`Let op: ${imported.warning}\n`);
}
