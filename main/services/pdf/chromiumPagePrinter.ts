/**
 * The page printer of the command line and the browser-mode host: a Chromium of this machine
 * (see `chromium.ts`) driven by Playwright, printing with `page.pdf`.
 */
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_MISSING_MESSAGE, chromiumArgs, findChromium } from './chromium.ts';
import { PDF_SETTINGS } from './pagePrinter.ts';
import { timePdfPhase } from './pdfTimings.ts';
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
  private context: Promise<BrowserContext> | null = null;
  /** A page that printed and is free for the next print (a warm printer prints many). */
  private sparePage: Page | null = null;

  private constructor(browser: Browser) {
    this.browser = browser;
  }

  /** A printer on a Chromium already launched; closing the printer closes it. */
  static fromBrowser(browser: Browser): ChromiumPagePrinter {
    return new ChromiumPagePrinter(browser);
  }

  /** Starts the Chromium at `executablePath`. */
  static async start(executablePath: string): Promise<ChromiumPagePrinter> {
    const browser = await timePdfPhase('chromiumLaunch', () =>
      chromium.launch({ executablePath, args: chromiumArgs() }),
    );
    return new ChromiumPagePrinter(browser);
  }

  async print(printable: PrintablePage): Promise<Uint8Array> {
    const spare = this.sparePage;
    this.sparePage = null;
    const page =
      spare && !spare.isClosed()
        ? spare
        : await timePdfPhase('pageOpen', async () => (await this.getContext()).newPage());
    let printed = false;
    try {
      await timePdfPhase('pageLoad', async () => {
        // The whole document is replaced: nothing of a page printed before stays.
        await page.setContent(printable.html, { waitUntil: 'load' });
        // Runs in the page (a string: this module is typed for Node, not the DOM).
        await page.evaluate('document.fonts.ready.then(() => true)');
      });
      const pdf = await timePdfPhase('pagePdf', () =>
        page.pdf({
          format: PDF_SETTINGS.paper,
          preferCSSPageSize: PDF_SETTINGS.preferCSSPageSize,
          printBackground: PDF_SETTINGS.printBackground,
          displayHeaderFooter: PDF_SETTINGS.displayHeaderFooter,
          headerTemplate: printable.headerTemplate,
          footerTemplate: printable.footerTemplate,
          tagged: PDF_SETTINGS.tagged,
          outline: PDF_SETTINGS.outline,
        }),
      );
      printed = true;
      return new Uint8Array(pdf);
    } finally {
      // Kept for the next print when it printed and no other page is kept (prints at the same
      // time each have their own); opening a page costs a warm printer as much as loading it.
      if (printed && this.sparePage === null) this.sparePage = page;
      else await page.close().catch(() => undefined);
    }
  }

  // One browser context for all its pages, made with the first: a context per page (what
  // `browser.newPage` makes) cost a warm printer more than loading the page. The pages share
  // nothing else: none may use the network, so there is no cache or cookie to share.
  private getContext(): Promise<BrowserContext> {
    this.context ??= this.browser.newContext().then(async (context) => {
      // No network: the template is self-contained (fonts inlined) and must stay so.
      await context.route('**/*', (route) => route.abort());
      return context;
    });
    return this.context;
  }

  /** Whether its Chromium still runs: false once closed, or when it crashed or was killed. */
  isRunning(): boolean {
    return this.browser.isConnected();
  }

  async close(): Promise<void> {
    await timePdfPhase('chromiumClose', () => this.browser.close());
  }
}

/** Starts a printer on the Chromium found on this machine; throws ChromiumMissingError. */
export async function startSystemChromiumPrinter(): Promise<PagePrinter> {
  if (prestarted) {
    const printer = prestarted;
    prestarted = null;
    return printer;
  }
  return launchSystemChromium();
}

/** Starts the Chromium found on this machine; throws ChromiumMissingError. */
export async function launchSystemChromium(): Promise<ChromiumPagePrinter> {
  const executablePath = findChromium();
  if (!executablePath) throw new ChromiumMissingError();
  return ChromiumPagePrinter.start(executablePath);
}

let prestarted: Promise<PagePrinter> | null = null;

/**
 * Starts the system's Chromium now, for the next {@link startSystemChromiumPrinter} to take:
 * the command line calls it first thing for a PDF, so that Chromium starts while the
 * command's modules load and the document is read and rendered. Its failure (no Chromium) is
 * said by the job that takes it, after the input is checked.
 */
export function prestartSystemChromiumPrinter(): void {
  if (prestarted) return;
  prestarted = launchSystemChromium();
  prestarted.catch(() => undefined);
}

/**
 * Whether a prestarted printer is still waiting for a job: after the command, it means none
 * needed it (the input was wrong). Playwright kills the Chromiums it launched when the process
 * exits, so the command line exits without waiting for it to finish starting.
 */
export function hasUnusedPrestart(): boolean {
  return prestarted !== null;
}
