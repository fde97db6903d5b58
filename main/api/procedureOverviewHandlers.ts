/**
 * The handlers of the procedure's reading methods: `readDocument` (a file's state for reading
 * only, without adding it to the recent documents: an amendment file a member saved) and
 * `listProcedureOverview` (the bestuur's overview per ALV). The overview reads every stuk in
 * the documents folder strictly, as opening would, up to MAX_OVERVIEW_DOCUMENTS of them, keeps
 * those of the asked assembly and date, and answers each one's amendments and motie as plain
 * rows; a file that cannot be read is named with why, never fails the whole overview.
 */
import type { z } from 'zod';
import { FileFormatError } from '../../shared/format/formatErrors.ts';
import { getMetadata } from '../../shared/editor/queries/getMetadata.ts';
import { formatTitleLine, getMetadataText } from '../../shared/editor/queries/getMetadataText.ts';
import { readProcedureEntries } from '../../shared/procedure/procedureRecords.ts';
import {
  ADVICE_TEXT,
  STATUS_TEXT,
  formatVote,
  listSubmissions,
} from '../../shared/procedure/procedureStatus.ts';
import type { SubmissionRow } from '../../shared/procedure/procedureStatus.ts';
import { MAX_OVERVIEW_DOCUMENTS, MAX_OVERVIEW_ROWS } from '../../shared/api/procedureOverview.ts';
import type {
  overviewDocumentSchema,
  overviewRowSchema,
} from '../../shared/api/procedureOverview.ts';
import { readYDoc } from '../../shared/ydoc/yDocument.ts';
import { encodeYDoc } from '../../shared/ydoc/yDocument.ts';
import { FileReadError } from '../services/files/fileErrors.ts';
import { encodeBase64Field } from './binaryFields.ts';
import type { ApiHandlers } from './handlerTypes.ts';

type OverviewRow = z.output<typeof overviewRowSchema>;
type OverviewDocument = z.output<typeof overviewDocumentSchema>;

/** A row of the procedure as plain values. */
function toOverviewRow(row: SubmissionRow): OverviewRow {
  const { entry, status, advice, decision } = row;
  const vote = decision ? formatVote(decision.vote) : '';
  return {
    kind: entry.kind,
    number: entry.number,
    indiener: entry.indiener,
    coIndieners: [...entry.coIndieners],
    title: entry.title,
    status,
    advice: advice ? ADVICE_TEXT[advice.advice] : '',
    outcome: decision ? `${STATUS_TEXT[status]}${vote ? `, ${vote}` : ''}` : '',
  };
}

/** The handlers of `readDocument` and `listProcedureOverview`. */
export const procedureOverviewHandlers: Pick<
  ApiHandlers,
  'readDocument' | 'listProcedureOverview'
> = {
  readDocument: async ({ path }, context) => {
    const read = await context.documents.read(path);
    try {
      return {
        path: read.path,
        name: read.name,
        state: encodeBase64Field(encodeYDoc(read.opened.ydoc)),
      };
    } finally {
      read.opened.ydoc.destroy();
    }
  },

  listProcedureOverview: async ({ match }, context) => {
    const { documents: files } = await context.documents.listDocuments();
    const documents: OverviewDocument[] = [];
    const unreadable: { name: string; problem: string }[] = [];
    const readable = files.filter((file) => {
      if (file.problem !== null) unreadable.push({ name: file.name, problem: file.problem });
      return file.problem === null;
    });
    let rowCount = 0;
    for (const file of readable.slice(0, MAX_OVERVIEW_DOCUMENTS)) {
      let read;
      try {
        read = await context.documents.read(file.path);
      } catch (error) {
        if (!(error instanceof FileFormatError || error instanceof FileReadError)) throw error;
        unreadable.push({ name: file.name, problem: error.message });
        continue;
      }
      try {
        const { ydoc } = read.opened;
        const doc = readYDoc(ydoc);
        const metadata = getMetadata(doc);
        if (
          match &&
          (metadata.assembly !== match.assembly || (metadata.date ?? '') !== match.date)
        ) {
          continue;
        }
        // Read from the file, not an editor: no pending proposals are looked at.
        const rows = listSubmissions(doc, readProcedureEntries(ydoc), [], () => [])
          .slice(0, Math.max(0, MAX_OVERVIEW_ROWS - rowCount))
          .map(toOverviewRow);
        rowCount += rows.length;
        documents.push({
          path: read.path,
          name: read.name,
          kind: metadata.kind,
          titleLine: formatTitleLine(getMetadataText(doc)),
          submitter: metadata.submitter ?? '',
          rows,
        });
      } finally {
        read.opened.ydoc.destroy();
      }
    }
    return {
      documents,
      unreadable,
      leftOut: Math.max(0, readable.length - MAX_OVERVIEW_DOCUMENTS),
    };
  },
};
