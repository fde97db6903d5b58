/**
 * The handler of `printPdf`: the page sends the document's state, the host prints it with
 * the print template and answers the PDF. The state is read strictly, like a file. The desktop
 * app prints with its own Chromium (`context.startPdfPrinter`), the browser-mode host with a
 * Chromium of this machine.
 */
import { ApiError } from '../../shared/api/errors.ts';
import { InvalidDocumentError, openDocumentState } from '../../shared/collab/yDocument.ts';
import { readPackageIdentity } from '../services/appInfo.ts';
import { decodeBase64Field, encodeBase64Field } from './binaryFields.ts';
import type { ApiHandlers } from './handlerTypes.ts';

/** The handler of `printPdf`. */
export const printHandlers: Pick<ApiHandlers, 'printPdf'> = {
  printPdf: async ({ state, changes }, context) => {
    let doc;
    try {
      const opened = openDocumentState(decodeBase64Field(state, 'state'));
      opened.ydoc.destroy();
      doc = opened.doc;
    } catch (error) {
      if (error instanceof InvalidDocumentError) {
        throw new ApiError('invalid_request', `De PDF kan niet worden gemaakt. ${error.message}`);
      }
      throw error;
    }
    // Playwright and pdf-lib load with the first PDF, not with the host.
    const { ChromiumMissingError, printDocumentPdf } =
      await import('../services/pdf/printDocumentPdf.ts');
    const identity = await readPackageIdentity(context.appRoot);
    try {
      const pdf = await printDocumentPdf(doc, {
        appRoot: context.appRoot,
        creator: `${identity.name} ${identity.version}`,
        startPrinter: context.startPdfPrinter,
        changes,
      });
      return { pdf: encodeBase64Field(pdf) };
    } catch (error) {
      if (error instanceof ChromiumMissingError) throw new ApiError('unavailable', error.message);
      throw error;
    }
  },
};
