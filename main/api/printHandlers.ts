/**
 * The handlers of `printPdf` and `printOnPaper`: the page sends the document's state, the host
 * prints it with the print template and answers the PDF, or sends it to the system's print
 * dialog. The state is read strictly, like a file. The desktop app prints with its own Chromium
 * (`context.startPdfPrinter`, `context.printOnPaper`), the browser-mode host PDFs with a
 * Chromium of this machine, kept warm between PDFs (`warmPrinter.ts`), and paper not at all
 * (the browser's own printing prints the page).
 * Besides the stuk itself, the `form` asks for one of the procedure's stukken
 * (`main/services/pdf/printForms.ts`): an amendment in the standard form, the resolution zoals
 * geamendeerd, or the preadviezen; the procedure is read from the state as strictly as the text.
 * With the preference "PDF/A (archief)" on, the PDF is made PDF/A-2b (pdfArchive.ts).
 */
import type { PrintForm } from '../../shared/api/print.ts';
import type { ChangeDisplay } from '../../shared/print/renderPrintDocument.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { InvalidDocumentError, openDocumentState } from '../../shared/ydoc/yDocument.ts';
import { readPackageIdentity } from '../services/app/appInfo.ts';
import { renderPaperFormPage } from '../services/pdf/paperPrintPage.ts';
import { PrintFormError, preparePrintForm } from '../services/pdf/printForms.ts';
import type { RenderPage } from '../services/pdf/printForms.ts';
import { decodeBase64Field, encodeBase64Field } from './binaryFields.ts';
import type { ApiHandlers } from './handlerTypes.ts';

/** Why paper printing is refused in browser mode. */
export const PAPER_PRINT_UNAVAILABLE =
  'Afdrukken via het afdrukvenster van het systeem kan alleen in de bureaubladapp. Gebruik hier Afdrukvoorbeeld of Exporteren als PDF.';

/** What a request asks to print. */
interface PrintRequest {
  state: string;
  changes?: ChangeDisplay | undefined;
  name?: string | undefined;
  form?: PrintForm | undefined;
}

/**
 * The page the request asks for, from the document in its state, read strictly; a bad state
 * or a form the document cannot give is refused with `failure` first.
 */
function openPrintable(request: PrintRequest, failure: string): RenderPage {
  try {
    const opened = openDocumentState(decodeBase64Field(request.state, 'state'));
    try {
      return preparePrintForm(opened.ydoc, opened.doc, request.form ?? 'stuk', {
        changes: request.changes,
        fallbackName: request.name,
      });
    } finally {
      opened.ydoc.destroy();
    }
  } catch (error) {
    if (error instanceof InvalidDocumentError || error instanceof PrintFormError) {
      throw new ApiError('invalid_request', `${failure} ${error.message}`);
    }
    throw error;
  }
}

/** The handlers of `printPdf` and `printOnPaper`. */
export const printHandlers: Pick<ApiHandlers, 'printPdf' | 'printOnPaper'> = {
  printPdf: async (request, context) => {
    const render = openPrintable(request, 'De PDF kan niet worden gemaakt.');
    // Playwright and pdf-lib load with the first PDF, not with the host.
    const { ChromiumMissingError, printRenderedPdf } =
      await import('../services/pdf/printDocumentPdf.ts');
    const identity = await readPackageIdentity(context.appRoot);
    // Read quietly: what is wrong with the stored preferences is said when they are shown.
    const { preferences } = await context.preferences.read({ quiet: true });
    try {
      const pdf = await printRenderedPdf(render, {
        appRoot: context.appRoot,
        creator: `${identity.name} ${identity.version}`,
        startPrinter: context.startPdfPrinter,
        archival: preferences.pdfArchive,
      });
      return { pdf: encodeBase64Field(pdf) };
    } catch (error) {
      if (error instanceof ChromiumMissingError) throw new ApiError('unavailable', error.message);
      throw error;
    }
  },

  printOnPaper: async (request, context) => {
    if (!context.printOnPaper) throw new ApiError('unavailable', PAPER_PRINT_UNAVAILABLE);
    const render = openPrintable(request, 'Het stuk kan niet worden afgedrukt.');
    const html = await renderPaperFormPage(render, context.appRoot);
    return { outcome: await context.printOnPaper(html) };
  },
};
