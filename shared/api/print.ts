/**
 * The request and response of `printPdf`: the document's Yjs state in, the printed stuk out,
 * both in base64. The host prints with the one print template, as the command line does.
 */
import { z } from 'zod';
import { MAX_STATE_BYTES } from './limits.ts';
import { base64Schema } from './payloads.ts';
import { documentStateSchema } from './documents.ts';

/** The largest PDF the host sends back; far above a 100-page stuk with its fonts. */
export const MAX_PDF_BYTES = MAX_STATE_BYTES;

/** Ids of the procedure's entries (shared/procedure/procedureRecords.ts). */
const PROCEDURE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * What to print of the document: the stuk itself (`stuk`, the default), the resolution "zoals
 * geamendeerd" with the adopted amendments numbered in the margin (`geamendeerd`), the
 * bestuur's preadviezen on its amendments and moties (`preadviezen`), or one amendment in the
 * standard form (`{ amendement: id }`, the id of its `stuk:` entry in the procedure).
 */
export const printFormSchema = z.union([
  z.enum(['stuk', 'geamendeerd', 'preadviezen']),
  z.strictObject({ amendement: z.string().regex(PROCEDURE_ID) }),
]);

/** What to print of the document (see `printFormSchema`). */
export type PrintForm = z.infer<typeof printFormSchema>;

/**
 * `printPdf`: the document to print, how its pending changes print: `hidden` (the stuk as it
 * reads with all changes accepted; the default) or `shown` (marked, with a legend), and which
 * form (`form`, the stuk by default).
 */
export const printPdfRequestSchema = z.strictObject({
  state: documentStateSchema,
  changes: z.enum(['shown', 'hidden']).optional(),
  /**
   * The document's file name, which names a stuk that is no resolution and has no title (a
   * letter imported as Toelichting only), as the bundle does.
   */
  name: z.string().max(255).optional(),
  form: printFormSchema.optional(),
});

/** `printPdf`: the PDF. */
export const printPdfResponseSchema = z.strictObject({ pdf: base64Schema(MAX_PDF_BYTES) });

/** `printOnPaper`: the document, and how its changes print, as for `printPdf`. */
export const printOnPaperRequestSchema = printPdfRequestSchema;

/** `printOnPaper`: whether the stuk went to the printer or the user cancelled the dialog. */
export const printOnPaperResponseSchema = z.strictObject({
  outcome: z.enum(['printed', 'cancelled']),
});
