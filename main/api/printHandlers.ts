/**
 * The handlers of `printPdf` and `printOnPaper`: the page sends the document's state, the host
 * prints it with the print template and answers the PDF, or sends it to the system's print
 * dialog. The state is read strictly, like a file. The desktop app prints with its own Chromium
 * (`context.startPdfPrinter`, `context.printOnPaper`), the browser-mode host PDFs with a
 * Chromium of this machine and paper not at all (the browser's own printing prints the page).
 */
import type { Node } from 'prosemirror-model';
import { ApiError } from '../../shared/api/errors.ts';
import { InvalidDocumentError, openDocumentState } from '../../shared/ydoc/yDocument.ts';
import { readPackageIdentity } from '../services/app/appInfo.ts';
import { renderPaperPrintPage } from '../services/pdf/paperPrintPage.ts';
import { decodeBase64Field, encodeBase64Field } from './binaryFields.ts';
import type { ApiHandlers } from './handlerTypes.ts';

/** Why paper printing is refused in browser mode. */
export const PAPER_PRINT_UNAVAILABLE =
  'Afdrukken via het afdrukvenster van het systeem kan alleen in de bureaubladapp. Gebruik hier Afdrukvoorbeeld of Exporteren als PDF.';

/** The document in `state`, read strictly; a bad state is refused with `failure` first. */
function openPrintable(state: string, failure: string): Node {
  try {
    const opened = openDocumentState(decodeBase64Field(state, 'state'));
    opened.ydoc.destroy();
    return opened.doc;
  } catch (error) {
    if (error instanceof InvalidDocumentError) {
      throw new ApiError('invalid_request', `${failure} ${error.message}`);
    }
    throw error;
  }
}

/** The handlers of `printPdf` and `printOnPaper`. */
export const printHandlers: Pick<ApiHandlers, 'printPdf' | 'printOnPaper'> = {
  printPdf: async ({ state, changes, name }, context) => {
    const doc = openPrintable(state, 'De PDF kan niet worden gemaakt.');
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
        fallbackName: name,
      });
      return { pdf: encodeBase64Field(pdf) };
    } catch (error) {
      if (error instanceof ChromiumMissingError) throw new ApiError('unavailable', error.message);
      throw error;
    }
  },

  printOnPaper: async ({ state, changes, name }, context) => {
    if (!context.printOnPaper) throw new ApiError('unavailable', PAPER_PRINT_UNAVAILABLE);
    const doc = openPrintable(state, 'Het stuk kan niet worden afgedrukt.');
    const html = await renderPaperPrintPage(doc, {
      appRoot: context.appRoot,
      changes,
      fallbackName: name,
    });
    return { outcome: await context.printOnPaper(html) };
  },
};
