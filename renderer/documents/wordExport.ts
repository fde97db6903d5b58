/**
 * "Exporteren als Word": the host writes the open document as a Word file, as the command
 * line's `--docx` does, and the bytes go to the user under the document's name. Two ways: the
 * stuk as it reads (proposals accepted, like the PDF), or with its proposals as Word's tracked
 * changes and its comments as Word comments, for colleagues who review in Word.
 */
import { api } from '../api/client.ts';
import { encodeYDoc } from '../../shared/ydoc/yDocument.ts';
import { decodeBase64, encodeBase64 } from '../../shared/format/base64.ts';
import type { OpenDocument } from './OpenDocument.ts';
import { downloadFile } from './downloadFile.ts';

/** The media type of a .docx file. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** How the Word file holds the pending proposals: accepted, or as tracked changes. */
export type WordChanges = 'hidden' | 'shown';

/** "Motie over de jeugdzorg.docx": the file's name, else the title, else "Naamloos". */
export function getWordFileName(openDocument: OpenDocument): string {
  const name = openDocument.getSnapshot().name ?? (openDocument.title.trim() || 'Naamloos');
  return `${name}.docx`;
}

/**
 * The open document as a Word file from the host, handed to the user; with `shown`, its
 * proposals as tracked changes and its comments along. Rejects with the host's (Dutch) reason.
 */
export async function downloadWord(
  openDocument: OpenDocument,
  changes: WordChanges,
): Promise<void> {
  const { docx } = await api.exportDocx({
    state: encodeBase64(encodeYDoc(openDocument.ydoc)),
    changes,
    comments: changes === 'shown',
  });
  // The contract has checked the base64 already; an empty file would only hide a bug.
  const bytes = decodeBase64(docx);
  if (!bytes || bytes.length === 0) throw new Error('De host stuurde een leeg Word-bestand terug.');
  downloadFile(bytes, getWordFileName(openDocument), DOCX_TYPE);
}
