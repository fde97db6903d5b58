/**
 * What prints a page of the print template to PDF. Two printers do it with the same Chromium
 * settings: Electron's `printToPDF` in the desktop app (`main/electron/electronPagePrinter.ts`)
 * and Playwright's `page.pdf` on a Chromium of this machine for the command line and the
 * browser-mode host (`chromiumPagePrinter.ts`). Everything after Chromium (properties, the
 * CONCEPT mark) is the same code for both (`pdfFinishing.ts`), so both give the same PDF.
 */
import type { PrintDocument } from '../../../shared/print/renderPrintDocument.ts';

/** What Chromium prints: the page and its header and footer templates. */
export type PrintablePage = Pick<PrintDocument, 'html' | 'headerTemplate' | 'footerTemplate'>;

/** A printer, started once for one or more pages (a bundle prints several). */
export interface PagePrinter {
  /** Chromium's PDF of the page, before finishing: tagged, outlined, with header and footer. */
  print(page: PrintablePage): Promise<Uint8Array>;
  /** Stops the printer; it prints nothing more. */
  close(): Promise<void>;
}

/** Starts a printer. */
export type StartPagePrinter = () => Promise<PagePrinter>;

/**
 * The settings both printers give Chromium: the page size comes from the style sheet's
 * `@page` rule (A4 when it says nothing), backgrounds print, the header and footer templates
 * are used, and the PDF is tagged and has an outline from the headings.
 */
export const PDF_SETTINGS = {
  paper: 'A4',
  preferCSSPageSize: true,
  printBackground: true,
  displayHeaderFooter: true,
  tagged: true,
  outline: true,
} as const;
