/**
 * "Afdrukken…" in the desktop app: the document's current state goes to the host, which prints
 * the PDF's print page through the system's print dialog (never the editing screen). Resolves
 * when the dialog is done; rejects with the host's Dutch reason when printing failed.
 */
import { api } from '../api/client.ts';
import { encodeYDoc } from '../../shared/ydoc/yDocument.ts';
import { encodeBase64 } from '../../shared/format/base64.ts';
import type { OpenDocument } from './OpenDocument.ts';

/** Prints the document on paper; answers whether it was printed or the user cancelled. */
export async function printDocumentOnPaper(
  openDocument: OpenDocument,
  changes: 'shown' | 'hidden' = 'hidden',
): Promise<'printed' | 'cancelled'> {
  const name = openDocument.getSnapshot().name;
  const { outcome } = await api.printOnPaper({
    state: encodeBase64(encodeYDoc(openDocument.ydoc)),
    changes,
    ...(name ? { name } : {}),
  });
  return outcome;
}
