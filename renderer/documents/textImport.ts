/**
 * Importeren: a file the user picked, read in the window as text and parsed by the same parser
 * as `resolutie import` and a paste. Only text for now (.txt, as Word saves "Tekst zonder
 * opmaak"); a Word file gets the advice to save it as text. The file is checked before it is
 * parsed: its size, that it is text at all, and that it holds something.
 */
import { formatByteSize, MAX_TEXT_BYTES } from '../../shared/api/limits.ts';
import { decodeTextFile } from '../../shared/import/textDecoding.ts';
import { parseResolutionText } from '../../shared/import/parseResolutionText.ts';
import type { ParsedResolution } from '../../shared/model/resolution.ts';

/** Why a file cannot be imported; the message is for the user, in Dutch. */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** A file as it was imported: its name without extension, and the stuk it became. */
export interface ImportedText {
  name: string;
  model: ParsedResolution;
}

/** The file picker's filter. */
export const IMPORT_ACCEPT = '.txt,text/plain';

const WORD = /\.(docx?|docm|dotx?|rtf|odt)$/i;

/** Reads `file` as the text of a stuk; throws an {@link ImportError} that names the file. */
export async function importTextFile(file: File): Promise<ImportedText> {
  const fileName = file.name;
  if (WORD.test(fileName)) {
    throw new ImportError(
      `${fileName}: Word-bestanden kunnen nog niet worden geïmporteerd. Sla het in Word op als "Tekst zonder opmaak (.txt)" en importeer dat bestand.`,
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
