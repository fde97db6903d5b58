/**
 * The handler of `exportDocx` ("Exporteren als Word"): the page sends the document's state,
 * the host reads it strictly and answers the Word document the command line's `--docx` writes:
 * the stuk's own text (open amendments left out) with its proposals accepted, or every
 * proposal as a tracked change, and the comments as Word comments when asked.
 */
import { ApiError } from '../../shared/api/errors.ts';
import { getCommentReport } from '../../shared/comments/commentReport.ts';
import { toDocx } from '../../shared/export/docx/toDocx.ts';
import { InvalidDocumentError, openDocumentState } from '../../shared/ydoc/yDocument.ts';
import { readStukProcedure } from '../services/pdf/procedureStukken.ts';
import { decodeBase64Field, encodeBase64Field } from './binaryFields.ts';
import type { ApiHandlers } from './handlerTypes.ts';

/** What a refusal opens with. */
const FAILURE = 'Het Word-bestand kan niet worden gemaakt.';

/** The handler of `exportDocx`. */
export const wordExportHandlers: Pick<ApiHandlers, 'exportDocx'> = {
  exportDocx: async (request) => {
    try {
      const { ydoc, doc } = openDocumentState(decodeBase64Field(request.state, 'state'));
      try {
        // As the PDF: the stuk's own text; with the changes shown, every proposal as it stands.
        const text = request.changes === 'shown' ? doc : readStukProcedure(ydoc, doc).text;
        const comments = request.comments ? getCommentReport(ydoc) : undefined;
        const docx = await toDocx(text, { changes: request.changes, comments });
        return { docx: encodeBase64Field(docx) };
      } finally {
        ydoc.destroy();
      }
    } catch (error) {
      if (error instanceof InvalidDocumentError) {
        throw new ApiError('invalid_request', `${FAILURE} ${error.message}`);
      }
      throw error;
    }
  },
};
