/**
 * The PDF of an open document, for "Exporteren als PDF" and the print preview alike: the host
 * prints the document's current state with the one print template, and the bytes go to the
 * user under the document's name. One helper for both, so that what the preview shows and
 * downloads is the same file the export makes.
 */
import { api } from '../api/client.ts';
import type { Node } from 'prosemirror-model';
import { createYDoc, encodeYDoc } from '../../shared/ydoc/yDocument.ts';
import { decodeBase64, encodeBase64 } from '../../shared/format/base64.ts';
import type { OpenDocument } from './OpenDocument.ts';
import { downloadFile } from './downloadFile.ts';

/**
 * The document as the host prints it, its pending changes hidden (accepted) or shown; rejects
 * with the host's (Dutch) reason it cannot.
 */
export async function printDocumentPdf(
  openDocument: OpenDocument,
  changes: 'shown' | 'hidden' = 'hidden',
): Promise<Uint8Array> {
  const name = openDocument.getSnapshot().name;
  const { pdf } = await api.printPdf({
    state: encodeBase64(encodeYDoc(openDocument.ydoc)),
    changes,
    ...(name ? { name } : {}),
  });
  // The contract has checked the base64 already; an empty file would only hide a bug.
  const bytes = decodeBase64(pdf);
  if (!bytes || bytes.length === 0) throw new Error('De host stuurde een lege PDF terug.');
  return bytes;
}

/**
 * A named version of the document, printed as the host prints the document itself, and handed
 * to the user as "<name> – <version>.pdf".
 */
export async function downloadVersionPdf(
  openDocument: OpenDocument,
  version: { name: string; doc: Node },
): Promise<void> {
  const ydoc = createYDoc(version.doc);
  try {
    const { pdf } = await api.printPdf({ state: encodeBase64(encodeYDoc(ydoc)) });
    const bytes = decodeBase64(pdf);
    if (!bytes || bytes.length === 0) throw new Error('De host stuurde een lege PDF terug.');
    const base = getPdfFileName(openDocument).replace(/\.pdf$/, '');
    downloadFile(bytes, `${base} – ${version.name}.pdf`, 'application/pdf');
  } finally {
    ydoc.destroy();
  }
}

/** "Motie over de jeugdzorg.pdf": the file's name, else the title, else "Naamloos". */
export function getPdfFileName(openDocument: OpenDocument): string {
  const name = openDocument.getSnapshot().name ?? (openDocument.title.trim() || 'Naamloos');
  return `${name}.pdf`;
}

/** Hands printed bytes to the user as the document's PDF (the browser's or Electron's download). */
export function downloadPdf(openDocument: OpenDocument, bytes: Uint8Array): void {
  downloadFile(bytes, getPdfFileName(openDocument), 'application/pdf');
}
