/**
 * The request and response schemas of the document methods: listing, opening and saving
 * `.resolutie` files, and the list of recent documents. A document's content travels as its
 * Yjs state in base64; the host decides which paths it may touch, never the page.
 */
import { z } from 'zod';
import { MAX_STATE_BYTES } from './limits.ts';
import { base64Schema, isoDateTimeSchema } from './payloads.ts';

/** The most paths `listRecent` answers. */
export const MAX_RECENT_DOCUMENTS = 10;

/** The longest path a request may name, in characters: far above what file systems allow. */
export const MAX_PATH_LENGTH = 4096;

/**
 * The longest name `saveDocument` takes before it checks it. The host's own limit is lower
 * (120 characters) and explained in Dutch; this one only keeps absurd input out.
 */
export const MAX_NAME_INPUT_LENGTH = 1000;

/** A path as a request names it: not empty, not absurdly long, without NUL characters. */
export const filePathSchema = z
  .string()
  .min(1)
  .max(MAX_PATH_LENGTH)
  .check((ctx) => {
    // A NUL character ends a path in the operating system; Node refuses it with an exception.
    if (ctx.value.includes('\u0000')) {
      ctx.issues.push({ code: 'invalid_format', format: 'path', input: ctx.value });
    }
  });

/** A Yjs state in base64: the whole document with its history. */
export const documentStateSchema = base64Schema(MAX_STATE_BYTES);

/** One `.resolutie` file in the documents folder. */
export const documentEntrySchema = z.strictObject({
  /** The file name without `.resolutie`. */
  name: z.string(),
  /** The full path, to pass to `openDocument`. */
  path: z.string(),
  /** When the file last changed (ISO, UTC). */
  modifiedAt: isoDateTimeSchema,
  /** The file's size in bytes. */
  sizeBytes: z.number().int().nonnegative(),
  /** The stuk's title; '' when it has none or the file cannot be read. */
  title: z.string(),
  /** Why the file cannot be opened (Dutch, naming the file), or null when it can. */
  problem: z.string().nullable(),
});

/** What `listDocuments` answers: the folder, and its documents newest first. */
export const listDocumentsResponseSchema = z.strictObject({
  folder: z.string(),
  documents: z.array(documentEntrySchema),
});

/** The request of `openDocument`. */
export const openDocumentRequestSchema = z.strictObject({ path: filePathSchema });

/** What `openDocument` answers. */
export const openDocumentResponseSchema = z.strictObject({
  /** The full path of the opened file. */
  path: z.string(),
  /** The file name without `.resolutie`. */
  name: z.string(),
  /** The document's Yjs state in base64. */
  state: documentStateSchema,
  /** When the file was saved (ISO, UTC). */
  savedAt: isoDateTimeSchema,
});

/**
 * The request of `saveDocument`: the state and either `path` (save over a known file) or
 * `name` (save as a new file in the documents folder).
 */
export const saveDocumentRequestSchema = z.strictObject({
  state: documentStateSchema,
  path: filePathSchema.optional(),
  name: z.string().max(MAX_NAME_INPUT_LENGTH).optional(),
  overwrite: z.boolean().optional(),
});

/** What `saveDocument` answers. */
export const saveDocumentResponseSchema = z.strictObject({
  path: z.string(),
  name: z.string(),
  savedAt: isoDateTimeSchema,
});

/** One entry of the recent documents. */
export const recentDocumentSchema = z.strictObject({
  /** The file name without `.resolutie`. */
  name: z.string(),
  path: z.string(),
  /** The document's title when it was last opened or saved, or the file name. */
  title: z.string(),
  /** When it was last opened or saved (ISO, UTC). */
  openedAt: isoDateTimeSchema,
  /** Whether the file is still there. */
  exists: z.boolean(),
});

/** What `listRecent` answers: most recent first. */
export const listRecentResponseSchema = z.strictObject({
  documents: z.array(recentDocumentSchema).max(MAX_RECENT_DOCUMENTS),
});
