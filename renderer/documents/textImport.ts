/**
 * Importeren: a file the user picked, read in the window: a Word file (.docx) by the Word
 * import (docxImport.ts), text (.txt, as Word saves "Tekst zonder opmaak") by the same parser
 * as `resolutie import` and a paste. Other word processors' files get the advice to save them
 * as .docx or text. A text file is checked before it is parsed: its size, that it is text at
 * all, and that it holds something; a file that is a Word file under another name goes to the
 * Word import.
 */
import { formatByteSize, MAX_TEXT_BYTES } from '../../shared/api/limits.ts';
import { decodeTextFile } from '../../shared/import/textDecoding.ts';
import { parseResolutionText } from '../../shared/import/parseResolutionText.ts';
import type { ParsedResolution } from '../../shared/model/resolution.ts';
import { docFromModel } from '../../shared/editor/fromModel.ts';
import { summarizeImport } from '../../shared/import/importSummary.ts';
import { DocxImportError } from '../../shared/import/docx/docxErrors.ts';
import { WORD_FILE_NAME, looksLikeWordFile } from '../../shared/import/docx/wordFileSigns.ts';
import type { ImportedStuk } from './docxImport.ts';

export type { ImportedStuk } from './docxImport.ts';

/** Why a file cannot be imported; the message is for the user, in Dutch. */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** A file as it was imported: its name without extension, and the stuk it became. */
export interface ImportedText {
  name: string;
  model: ParsedResolution;
}

/** The file picker's filter: text and Word documents. */
export const IMPORT_ACCEPT =
  '.txt,text/plain,.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const OTHER_WORD_PROCESSORS = /\.(rtf|odt)$/i;

/**
 * Reads `file` as a stuk, Word or text; throws an {@link ImportError} that names the file.
 */
export async function importFile(file: File): Promise<ImportedStuk> {
  const name = file.name.replace(/\.[^.]*$/, '') || file.name;
  try {
    // A Word file under another name is read as Word too, as the command line does.
    const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
    if (WORD_FILE_NAME.test(file.name) || looksLikeWordFile(head)) {
      // The Word import (zip reader, XML parser) loads when a Word file is opened, not at start.
      const { importWordFile } = await import('./docxImport.ts');
      return await importWordFile(file, name);
    }
    const text = await importTextFile(file);
    const { counts, warning } = summarizeImport(text.model);
    return { name, doc: docFromModel(text.model), comments: [], counts, warning };
  } catch (error) {
    if (error instanceof DocxImportError) throw new ImportError(`${file.name}: ${error.message}`);
    throw error;
  }
}

/** Reads `file` as the text of a stuk; throws an {@link ImportError} that names the file. */
export async function importTextFile(file: File): Promise<ImportedText> {
  const fileName = file.name;
  if (OTHER_WORD_PROCESSORS.test(fileName)) {
    throw new ImportError(
      `${fileName}: dit soort bestand kan niet worden geïmporteerd. Sla het op als Word-document (.docx) of als "Tekst zonder opmaak (.txt)" en importeer dat bestand.`,
    );
  }
  if (file.size > MAX_TEXT_BYTES) {
    throw new ImportError(
      `${fileName}: het bestand is te groot om te importeren (${formatByteSize(file.size)}; ten hoogste ${formatByteSize(MAX_TEXT_BYTES)}).`,
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = decodeTextFile(bytes);
  // Text has no NUL characters; a picture, a PDF or a zip (a .docx renamed) has many.
  if (text.includes('\u0000')) {
    throw new ImportError(
      `${fileName}: dit is geen tekstbestand. Importeer tekst (.txt), bijvoorbeeld zoals Word die opslaat als "Tekst zonder opmaak".`,
    );
  }
  if (text.trim() === '') {
    throw new ImportError(`${fileName}: het bestand is leeg.`);
  }
  return { name: fileName.replace(/\.[^.]*$/, '') || fileName, model: parseResolutionText(text) };
}
