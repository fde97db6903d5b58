/**
 * A stuk printed to PDF: the print template with the embedded fonts, a page printer (the
 * desktop app's own Chromium, or one found on this machine), and the finishing step. One
 * function for the command line, the host and the desktop app.
 */
import type { Node } from 'prosemirror-model';
import { renderPrintDocument } from '../../../shared/print/renderPrintDocument.ts';
import type {
  AmendedMarks,
  ChangeDisplay,
  PrintDocument,
} from '../../../shared/print/renderPrintDocument.ts';
import type { PrintedCommentThread } from '../../../shared/print/renderComments.ts';
import { startSystemChromiumPrinter } from './chromiumPagePrinter.ts';
import type { PagePrinter, StartPagePrinter } from './pagePrinter.ts';
import { finishPdf } from './pdfFinishing.ts';
import { getPrintFontCss } from './printFonts.ts';
import { timePdfPhase } from './pdfTimings.ts';

/** How a PDF is made here. */
export interface PdfJobOptions {
  /** The app's folder, for the fonts. */
  appRoot: string;
  /** The app's name and version, for the document properties. */
  creator: string;
  /** The page printer to use; by default a Chromium of this machine. */
  startPrinter?: StartPagePrinter | undefined;
  /** How pending changes print; hidden (accepted) by default, see `printChanges.ts`. */
  changes?: ChangeDisplay | undefined;
  /** What names a stuk without a title that is no resolution: its file's name. */
  fallbackName?: string | undefined;
  /** Comment threads to print in an appendix "Opmerkingen"; none by default. */
  comments?: readonly PrintedCommentThread[] | undefined;
  /** Print the stuk zoals geamendeerd, with these adopted amendments (`amendedText.ts`). */
  amended?: AmendedMarks | undefined;
  /** Make the PDF PDF/A-2b, for archives (`pdfArchive.ts`). */
  archival?: boolean | undefined;
}

/** The finished PDF of `doc`. */
export async function printDocumentPdf(doc: Node, options: PdfJobOptions): Promise<Uint8Array> {
  return printRenderedPdf(
    (fontCss) =>
      renderPrintDocument(doc, {
        fontCss,
        changes: options.changes,
        fallbackName: options.fallbackName,
        comments: options.comments,
        amended: options.amended,
      }),
    options,
  );
}

/**
 * The finished PDF of a page of another print template (an amendment, the preadviezen):
 * `render` makes it with the embedded fonts' CSS.
 */
export async function printRenderedPdf(
  render: (fontCss: string) => PrintDocument,
  options: Pick<PdfJobOptions, 'appRoot' | 'creator' | 'startPrinter' | 'archival'>,
): Promise<Uint8Array> {
  const { printer, prepared: printDocument } = await prepareWhilePrinterStarts(
    options.startPrinter,
    async () => {
      const fontCss = await timePdfPhase('fonts', () => getPrintFontCss(options.appRoot));
      return timePdfPhase('render', () => render(fontCss));
    },
  );
  try {
    const printed = await printer.print(printDocument);
    return await timePdfPhase('finish', () =>
      finishPdf(
        printed,
        { ...printDocument.metadata, creator: options.creator },
        {
          watermark: printDocument.watermark,
          outlineTitles: printDocument.outlineTitles,
          archival: options.archival,
        },
      ),
    );
  } finally {
    await printer.close();
  }
}

/**
 * Starts the page printer and, meanwhile, `prepare`s what it will print (the fonts read, the
 * page rendered): the launch is the longest wait of a cold print, and neither needs the other.
 * Should `prepare` fail, the printer that started meanwhile is closed, not left running; a
 * printer that cannot start (no Chromium) is said once the page is ready.
 */
export async function prepareWhilePrinterStarts<Prepared>(
  startPrinter: StartPagePrinter | undefined,
  prepare: () => Promise<Prepared>,
): Promise<{ printer: PagePrinter; prepared: Prepared }> {
  const starting = (startPrinter ?? startSystemChromiumPrinter)();
  // Its failure is thrown below; until then it must not count as unhandled.
  starting.catch(() => undefined);
  let prepared: Prepared;
  try {
    prepared = await prepare();
  } catch (error) {
    await starting.then((printer) => printer.close()).catch(() => undefined);
    throw error;
  }
  return { printer: await starting, prepared };
}

export { ChromiumMissingError } from './chromiumPagePrinter.ts';
