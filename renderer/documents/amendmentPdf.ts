/**
 * The procedure's stukken from the window, as PDFs: an amendment in the standard form
 * ("Amendement A1 van de gemeente Utrecht op de resolutie …"), the resolution "zoals
 * geamendeerd" and the preadviezen for the ALV. The host prints them from the document's state
 * with the print template's forms (the `form` of printPdf), as it prints the stuk itself; the
 * bytes reach the user as the PDF export's do (pdfExport.ts).
 */
import { api } from '../api/client.ts';
import type { ResolutieApi } from '../api/client.ts';
import type { PrintForm } from '../../shared/api/print.ts';
import { encodeYDoc } from '../../shared/ydoc/yDocument.ts';
import { decodeBase64, encodeBase64 } from '../../shared/format/base64.ts';
import { describeSubmission } from '../../shared/procedure/procedureStatus.ts';
import type { SubmissionRecord } from '../../shared/procedure/procedureRecords.ts';
import type { OpenDocument } from './OpenDocument.ts';
import { downloadFile } from './downloadFile.ts';
import { getPdfFileName } from './pdfExport.ts';

/** Which stuk to print: an amendment, the resolution as amended, or the preadviezen. */
export type ProcedurePdf =
  | { form: 'geamendeerd' }
  | { form: 'preadviezen' }
  | { form: 'amendement'; entry: SubmissionRecord };

/** The request's `form` for `pdf`. */
function requestForm(pdf: ProcedurePdf): PrintForm {
  return pdf.form === 'amendement' ? { amendement: pdf.entry.id } : pdf.form;
}

/**
 * The file name: "Amendement A1 van Utrecht – Ruimte voor woningbouw.pdf", "Ruimte voor
 * woningbouw – zoals geamendeerd.pdf", "Ruimte voor woningbouw – preadviezen.pdf".
 */
export function procedurePdfName(documentName: string, pdf: ProcedurePdf): string {
  const base = documentName.replace(/\.pdf$/i, '');
  if (pdf.form === 'amendement') return `${describeSubmission(pdf.entry)} – ${base}.pdf`;
  return `${base} – ${pdf.form === 'geamendeerd' ? 'zoals geamendeerd' : 'preadviezen'}.pdf`;
}

/**
 * Prints `pdf` of the open document on the host and hands it to the user; rejects with the
 * host's (Dutch) reason it cannot.
 */
export async function downloadProcedurePdf(
  openDocument: OpenDocument,
  pdf: ProcedurePdf,
  host: Pick<ResolutieApi, 'printPdf'> = api,
): Promise<string> {
  const name = openDocument.getSnapshot().name;
  const { pdf: printed } = await host.printPdf({
    state: encodeBase64(encodeYDoc(openDocument.ydoc)),
    form: requestForm(pdf),
    ...(name ? { name } : {}),
  });
  const bytes = decodeBase64(printed);
  if (!bytes || bytes.length === 0) throw new Error('De host stuurde een lege PDF terug.');
  const fileName = procedurePdfName(getPdfFileName(openDocument), pdf);
  downloadFile(bytes, fileName, 'application/pdf');
  return fileName;
}
