/**
 * The request and response of `exportDocx`: the document's Yjs state in, the stuk as a Word
 * document out, both in base64. The host reads the state as strictly as for `printPdf` and
 * writes what `resolutie export --docx` writes.
 */
import { z } from 'zod';
import { MAX_STATE_BYTES } from './limits.ts';
import { base64Schema } from './payloads.ts';
import { documentStateSchema } from './documents.ts';

/** The largest Word file the host sends back; the text compresses well below its state. */
export const MAX_DOCX_BYTES = MAX_STATE_BYTES;

/**
 * `exportDocx`: the document, how its pending proposals go into the file (`hidden`: accepted,
 * the default; `shown`: as Word's tracked changes) and whether its comments go along as Word
 * comments.
 */
export const exportDocxRequestSchema = z.strictObject({
  state: documentStateSchema,
  changes: z.enum(['shown', 'hidden']).optional(),
  comments: z.boolean().optional(),
});

/** `exportDocx`: the .docx file. */
export const exportDocxResponseSchema = z.strictObject({ docx: base64Schema(MAX_DOCX_BYTES) });
