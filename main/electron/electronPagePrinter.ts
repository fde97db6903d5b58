/**
 * The desktop app's page printer: a hidden window of the app's own Chromium prints the page
 * with `webContents.printToPDF`, with the same settings as the command line's Playwright
 * printer (`PDF_SETTINGS`), so both give the same PDF. Only types come from 'electron': the
 * window is made in main.ts and handed in, so this module loads and is tested in plain Node.
 *
 * The page goes through a temporary file rather than a `data:` URL: with its fonts inlined a
 * long stuk runs to megabytes, over Chromium's limit for URLs. The page's own CSP lets it load
 * nothing else, and the window's session refuses every request that is not that file.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import { PDF_SETTINGS } from '../services/pdf/pagePrinter.ts';
import type { PagePrinter, PrintablePage } from '../services/pdf/pagePrinter.ts';

/** The session of print windows: in memory, apart from the editor's (and its CSP). */
export const PRINT_PARTITION = 'resolutie-print';

/** What the printer needs of a window: Electron's `BrowserWindow` has all of it. */
export interface PrintWindow {
  webContents: {
    loadFile(filePath: string): Promise<void>;
    executeJavaScript(code: string): Promise<unknown>;
    printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
  };
  destroy(): void;
}

/**
 * The hidden window's options: never shown, sandboxed, no Node, no preload, its own session.
 * Script stays on only so that the printer can wait for the fonts; the page's CSP forbids
 * scripts of its own.
 */
export function createPrintWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    webPreferences: {
      partition: PRINT_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      images: true,
    },
  };
}

/**
 * `printToPDF`'s options for a page: the shared settings, the page's header and footer, and
 * zero margins as Playwright sends them, so the style sheet's `@page` margins apply in both.
 */
export function getElectronPrintOptions(page: PrintablePage): PrintToPDFOptions {
  return {
    pageSize: PDF_SETTINGS.paper,
    preferCSSPageSize: PDF_SETTINGS.preferCSSPageSize,
    printBackground: PDF_SETTINGS.printBackground,
    displayHeaderFooter: PDF_SETTINGS.displayHeaderFooter,
    headerTemplate: page.headerTemplate,
    footerTemplate: page.footerTemplate,
    generateTaggedPDF: PDF_SETTINGS.tagged,
    generateDocumentOutline: PDF_SETTINGS.outline,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  };
}

/** The prefix of every printer's temporary folder (the paper printer's too). */
export const PRINT_FOLDER_PREFIX = 'resolutie-print-';

/**
 * Whether the print window may load `url`: only a page a printer wrote, a `file:` URL in one
 * of the printers' temporary folders under `tempDir`. Everything else, a font or image from the
 * network, another file: refused (the page's CSP refuses them too).
 */
export function isPrintPageUrl(url: string, tempDir: string = os.tmpdir()): boolean {
  let file: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'file:' || parsed.search !== '' || parsed.host !== '') return false;
    file = fileURLToPath(parsed);
  } catch {
    return false;
  }
  const relative = path.relative(path.resolve(tempDir), file);
  const [folder, name, ...rest] = relative.split(path.sep);
  return (
    rest.length === 0 &&
    folder !== undefined &&
    folder.startsWith(PRINT_FOLDER_PREFIX) &&
    name !== undefined &&
    /^stuk-\d+\.html$/.test(name)
  );
}

/** Prints pages in one hidden window; `close` destroys it and removes the temporary files. */
export class ElectronPagePrinter implements PagePrinter {
  private readonly window: PrintWindow;
  private readonly dir: string;
  private printed = 0;

  private constructor(window: PrintWindow, dir: string) {
    this.window = window;
    this.dir = dir;
  }

  /** A printer on the window `createWindow` makes. */
  static async start(createWindow: () => PrintWindow): Promise<ElectronPagePrinter> {
    const dir = await mkdtemp(path.join(os.tmpdir(), PRINT_FOLDER_PREFIX));
    return new ElectronPagePrinter(createWindow(), dir);
  }

  async print(page: PrintablePage): Promise<Uint8Array> {
    this.printed += 1;
    const file = path.join(this.dir, `stuk-${this.printed}.html`);
    await writeFile(file, page.html, 'utf8');
    try {
      await this.window.webContents.loadFile(file);
      await this.window.webContents.executeJavaScript('document.fonts.ready.then(() => true)');
      const pdf = await this.window.webContents.printToPDF(getElectronPrintOptions(page));
      return new Uint8Array(pdf);
    } finally {
      await rm(file, { force: true });
    }
  }

  async close(): Promise<void> {
    this.window.destroy();
    await rm(this.dir, { recursive: true, force: true });
  }
}
