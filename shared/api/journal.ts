/**
 * The request and response schemas of the recovery journal: the renderer streams every Yjs
 * update of an open document to the host, so that after a crash nothing typed is lost.
 */
import { z } from 'zod';
import { filePathSchema, documentStateSchema } from './documents.ts';
import { MAX_UPDATE_BYTES } from './limits.ts';
import { base64Schema, isoDateTimeSchema } from './payloads.ts';

/** The longest title a journal keeps, in characters. */
export const MAX_JOURNAL_TITLE_LENGTH = 2000;

/** A UUID version 4 in lower case, as `crypto.randomUUID()` makes it. */
const UUID_V4_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Whether `text` is a document id: a lower-case UUID version 4. */
export function isDocumentId(text: string): boolean {
  return UUID_V4_PATTERN.test(text);
}

/**
 * The id of an open document, made by the renderer with `crypto.randomUUID()` when it creates
 * or opens a document. Lower case only: the host names files after it, and on a file system
 * that ignores case two spellings would share one journal.
 */
export const documentIdSchema = z.string().check((ctx) => {
  if (!isDocumentId(ctx.value)) {
    ctx.issues.push({ code: 'invalid_format', format: 'uuid', input: ctx.value });
  }
});

/** A title as the journal keeps it, to show in the recovery list. */
const journalTitleSchema = z.string().max(MAX_JOURNAL_TITLE_LENGTH);

/** The invitation of the session a document is in (to rejoin after a crash), or null. */
const journalSessionSchema = z.string().max(4096).nullable();

/** The file a document belongs to, or null for one that was never saved. */
const journalPathSchema = filePathSchema.nullable();

/** A response without content. */
export const emptyResponseSchema = z.strictObject({});

/** The request of `journalReset`: the journal becomes this full state, marked clean. */
export const journalResetRequestSchema = z.strictObject({
  documentId: documentIdSchema,
  state: documentStateSchema,
  path: journalPathSchema.optional(),
  title: journalTitleSchema.optional(),
  session: journalSessionSchema.optional(),
});

/** The request of `journalAppend`: one Yjs update, appended durably. */
export const journalAppendRequestSchema = z.strictObject({
  documentId: documentIdSchema,
  update: base64Schema(MAX_UPDATE_BYTES),
  title: journalTitleSchema.optional(),
  path: journalPathSchema.optional(),
  session: journalSessionSchema.optional(),
});

/** What `journalAppend` answers: how many records the journal holds now. */
export const journalAppendResponseSchema = z.strictObject({
  records: z.number().int().positive(),
});

/** The request of the journal methods that only name a document. */
export const documentIdRequestSchema = z.strictObject({ documentId: documentIdSchema });

/** A document whose journal holds edits made after its last save. */
export const recoverableDocumentSchema = z.strictObject({
  documentId: documentIdSchema,
  title: z.string(),
  path: z.string().nullable(),
  session: z.string().nullable(),
  /** When it was last changed (ISO, UTC). */
  changedAt: isoDateTimeSchema,
});

/** What `listRecoverable` answers: newest first. */
export const listRecoverableResponseSchema = z.strictObject({
  documents: z.array(recoverableDocumentSchema),
});

/** What `recoverDocument` answers: the document as its journal holds it. */
export const recoverDocumentResponseSchema = z.strictObject({
  documentId: documentIdSchema,
  state: documentStateSchema,
  path: z.string().nullable(),
  title: z.string(),
  session: z.string().nullable(),
});
