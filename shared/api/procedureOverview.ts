/**
 * The request and response schemas of the two reading methods of the ALV procedure:
 * `readDocument`, a document's state for reading only (an amendment file a member saved in the
 * documents folder, read without putting it among the recent documents), and
 * `listProcedureOverview`, the bestuur's overview per ALV: for every stuk in the documents
 * folder of the same assembly and date, its amendments and its motie as plain rows.
 */
import { z } from 'zod';
import { documentStateSchema, filePathSchema } from './documents.ts';

/** The most documents the overview reads; a folder with more is overviewed in part, and says so. */
export const MAX_OVERVIEW_DOCUMENTS = 200;

/** The most rows (amendments and moties) the overview answers in all. */
export const MAX_OVERVIEW_ROWS = 5000;

/** The request of `readDocument`. */
export const readDocumentRequestSchema = z.strictObject({ path: filePathSchema });

/** What `readDocument` answers. */
export const readDocumentResponseSchema = z.strictObject({
  /** The full path of the file read. */
  path: z.string(),
  /** The file name without `.resolutie`. */
  name: z.string(),
  /** The document's Yjs state in base64, checked as strictly as when it is opened. */
  state: documentStateSchema,
});

/** The longest assembly or date the overview request names. */
const MAX_MATCH_LENGTH = 200;

/**
 * The request of `listProcedureOverview`: the ALV (assembly and date) of the open stuk, or
 * null for every stuk in the folder.
 */
export const listProcedureOverviewRequestSchema = z.strictObject({
  match: z
    .strictObject({
      assembly: z.string().max(MAX_MATCH_LENGTH),
      date: z.string().max(MAX_MATCH_LENGTH),
    })
    .nullable(),
});

/** The status of an indiening, as the procedure names it. */
const statusSchema = z.enum([
  'concept',
  'ingediend',
  'ingetrokken',
  'aangehouden',
  'aangenomen',
  'verworpen',
  'overgenomen',
]);

/** One amendment or motie in the overview, as plain values. */
export const overviewRowSchema = z.strictObject({
  kind: z.enum(['amendement', 'motie']),
  number: z.string(),
  indiener: z.string(),
  coIndieners: z.array(z.string()),
  /** Its subject. */
  title: z.string(),
  status: statusSchema,
  /** The preadvies ("Overnemen", "Ontraden", "Oordeel ALV"), or ''. */
  advice: z.string(),
  /** The besluit with the vote ("Aangenomen, 28 voor, 3 tegen, 1 onthouding"), or ''. */
  outcome: z.string(),
});

/** One stuk in the documents folder, with its amendments or its motie. */
export const overviewDocumentSchema = z.strictObject({
  /** The full path, to pass to `openDocument`. */
  path: z.string(),
  /** The file name without `.resolutie`. */
  name: z.string(),
  /** The stuk's kind ("resolutie", "motie" …) and title line ("Resolutie “…”"). */
  kind: z.string(),
  titleLine: z.string(),
  /** The indiener the stuk's gegevens name, or ''. */
  submitter: z.string(),
  rows: z.array(overviewRowSchema),
});

/** What `listProcedureOverview` answers. */
export const listProcedureOverviewResponseSchema = z.strictObject({
  documents: z.array(overviewDocumentSchema).max(MAX_OVERVIEW_DOCUMENTS),
  /** Files that could not be read, by name, with why (Dutch). */
  unreadable: z.array(z.strictObject({ name: z.string(), problem: z.string() })),
  /** How many matching files were left out beyond MAX_OVERVIEW_DOCUMENTS. */
  leftOut: z.number().int().nonnegative(),
});
