/**
 * The page printer of the command line and the browser-mode host: a Chromium of this machine
 * (see `chromium.ts`) driven by Playwright, printing with `page.pdf`.
 */
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { CHROMIUM_MISSING_MESSAGE, chromiumArgs, findChromium } from './chromium.ts';
import { PDF_SETTINGS } from './pagePrinter.ts';
import type { PagePrinter, PrintablePage } from './pagePrinter.ts';

/** No Chromium on this machine; the message says how to get one. */
export class ChromiumMissingError extends Error {
  override name = 'ChromiumMissingError';
  constructor() {
    super(CHROMIUM_MISSING_MESSAGE);
  }
}

/** A running Chromium that prints pages. */
export class ChromiumPagePrinter implements PagePrinter {
  private readonly browser: Browser;

  private constructor(browser: Browser) {
    this.browser = browser;
  }

  /** Starts the Chromium at `executablePath`. */
  static async start(executablePath: string): Promise<ChromiumPagePrinter> {
    const browser = await chromium.launch({ executablePath, args: chromiumArgs() });
    return new ChromiumPagePrinter(browser);
  }

  async print(printable: PrintablePage): Promise<Uint8Array> {
    const page = await this.browser.newPage();
    try {
      // No network: the template is self-contained (fonts inlined) and must stay so.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(printable.html, { waitUntil: 'load' });
      // Runs in the page (a string: this module is typed for Node, not the DOM).
      await page.evaluate('document.fonts.ready.then(() => true)');
      const pdf = await page.pdf({
        format: PDF_SETTINGS.paper,
        preferCSSPageSize: PDF_SETTINGS.preferCSSPageSize,
        printBackground: PDF_SETTINGS.printBackground,
        displayHeaderFooter: PDF_SETTINGS.displayHeaderFooter,
        headerTemplate: printable.headerTemplate,
        footerTemplate: printable.footerTemplate,
        tagged: PDF_SETTINGS.tagged,
        outline: PDF_SETTINGS.outline,
      });
      return new Uint8Array(pdf);
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** Starts a printer on the Chromium found on this machine; throws ChromiumMissingError. */
export async function startSystemChromiumPrinter(): Promise<PagePrinter> {
  const executablePath = findChromium();
  if (!executablePath) throw new ChromiumMissingError();
  return ChromiumPagePrinter.start(executablePath);
}
