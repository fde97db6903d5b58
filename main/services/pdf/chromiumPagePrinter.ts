/**
 * Prints a document to PDF with a Chromium driven by Playwright: the print template's HTML
 * in a page, the footer with page numbers, tagged and with an outline, then the document
 * properties. The app's Electron shell prints the same template with printToPDF.
 */
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import type { PrintDocument } from '../../../shared/print/renderPrintDocument.ts';
import { chromiumArgs } from '../chromium.ts';
import { finishPdf } from './pdfFinishing.ts';

/** A running Chromium for one or more prints (a bundle prints many with one browser). */
export class PdfPrinter {
  private readonly browser: Browser;
  private readonly creator: string;

  private constructor(browser: Browser, creator: string) {
    this.browser = browser;
    this.creator = creator;
  }

  /** Starts the Chromium at `executablePath`. */
  static async start(executablePath: string, creator: string): Promise<PdfPrinter> {
    const browser = await chromium.launch({ executablePath, args: chromiumArgs() });
    return new PdfPrinter(browser, creator);
  }

  /** The PDF of one print document. */
  async print(printDocument: PrintDocument): Promise<Uint8Array> {
    const page = await this.browser.newPage();
    try {
      // No network: the template is self-contained (fonts inlined) and must stay so.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(printDocument.html, { waitUntil: 'load' });
      // Runs in the page (a string: this module is typed for Node, not the DOM).
      await page.evaluate('document.fonts.ready.then(() => true)');
      const pdf = await page.pdf({
        format: 'A4',
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: printDocument.headerTemplate,
        footerTemplate: printDocument.footerTemplate,
        tagged: true,
        outline: true,
      });
      return await finishPdf(
        new Uint8Array(pdf),
        { ...printDocument.metadata, creator: this.creator },
        { watermark: printDocument.watermark },
      );
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
