/**
 * The desktop app's printer without Electron (which these machines cannot download): its
 * options checked against the shared settings, its URL filter, and the printer itself driving
 * a real Chromium page through the same calls it makes on Electron's window. Its PDF of seed
 * 001 must be the command line's PDF, page for page and word for word.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import type { PrintToPDFOptions } from 'electron';
import { docFromModel } from '../../shared/editor/fromModel.ts';
import { parseResolutionText } from '../../shared/import/parseResolutionText.ts';
import { chromiumArgs, findChromium } from '../services/pdf/chromium.ts';
import { findAppRoot } from '../services/app/appRoot.ts';
import { PDF_SETTINGS } from '../services/pdf/pagePrinter.ts';
import { printDocumentPdf } from '../services/pdf/printDocumentPdf.ts';
import { readPdfInfo, readPdfText } from '../services/pdf/testing/pdfInspection.ts';
import {
  createPrintWindowOptions,
  ElectronPagePrinter,
  getElectronPrintOptions,
  isPrintPageUrl,
  PRINT_PARTITION,
} from './electronPagePrinter.ts';
import type { PrintWindow } from './electronPagePrinter.ts';

const page = { html: '<p>x</p>', headerTemplate: '<div>k</div>', footerTemplate: '<div>v</div>' };

describe('getElectronPrintOptions', () => {
  it('asks printToPDF for what Playwright is asked: A4, tagged, outlined, header and footer', () => {
    expect(getElectronPrintOptions(page)).toEqual({
      pageSize: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<div>k</div>',
      footerTemplate: '<div>v</div>',
      generateTaggedPDF: true,
      generateDocumentOutline: true,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
    });
    expect(PDF_SETTINGS).toMatchObject({ paper: 'A4', tagged: true, outline: true });
  });

  it('prints in a hidden, sandboxed window of its own session', () => {
    const options = createPrintWindowOptions();
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      partition: PRINT_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(options.webPreferences?.preload).toBeUndefined();
  });
});

describe('isPrintPageUrl', () => {
  const tmp = path.join(os.tmpdir());
  const url = (...parts: string[]) => pathToFileURL(path.join(tmp, ...parts)).href;

  it('lets the print window load the pages the printers wrote', () => {
    expect(isPrintPageUrl(url('resolutie-print-abc123', 'stuk-1.html'), tmp)).toBe(true);
    expect(isPrintPageUrl(url('resolutie-print-abc123', 'stuk-12.html'), tmp)).toBe(true);
  });

  it('refuses everything else', () => {
    for (const refused of [
      url('resolutie-print-abc123', 'geheim.txt'),
      url('ander-map', 'stuk-1.html'),
      url('resolutie-print-abc123', 'sub', 'stuk-1.html'),
      url('resolutie-print-abc123', '..', '..', 'etc', 'stuk-1.html'),
      `${url('resolutie-print-abc123', 'stuk-1.html')}?x=1`,
      'https://example.org/stuk-1.html',
      'data:text/html,<p>x</p>',
      'app://resolutie/index.html',
      'file://andere-host/tmp/resolutie-print-a/stuk-1.html',
      'geen url',
    ]) {
      expect(isPrintPageUrl(refused, tmp), refused).toBe(false);
    }
  });
});

describe('ElectronPagePrinter on a real Chromium', () => {
  let browser: Browser;
  let dir: string;
  const folders: string[] = [];

  beforeAll(async () => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error('geen Chromium: npm test installeert er een');
    browser = await chromium.launch({ executablePath, args: chromiumArgs() });
    dir = mkdtempSync(path.join(os.tmpdir(), 'electron-printer-'));
  });

  afterAll(async () => {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // Electron's window, played by a Chromium page: the calls the printer makes, each doing in
  // the page what Electron does in its window. Records which folders the printer used.
  async function createWindow(): Promise<PrintWindow> {
    const tab = await browser.newPage();
    return {
      webContents: {
        loadFile: async (file) => {
          folders.push(path.dirname(file));
          expect(isPrintPageUrl(pathToFileURL(file).href)).toBe(true);
          await tab.goto(pathToFileURL(file).href);
        },
        executeJavaScript: (code) => tab.evaluate(code),
        printToPDF: async (options: PrintToPDFOptions) =>
          tab.pdf({
            format: options.pageSize as 'A4',
            preferCSSPageSize: options.preferCSSPageSize ?? false,
            printBackground: options.printBackground ?? false,
            displayHeaderFooter: options.displayHeaderFooter ?? false,
            headerTemplate: options.headerTemplate ?? '',
            footerTemplate: options.footerTemplate ?? '',
            tagged: options.generateTaggedPDF ?? false,
            outline: options.generateDocumentOutline ?? false,
            margin: { top: '0', bottom: '0', left: '0', right: '0' },
          }),
      },
      destroy: () => void tab.close(),
    };
  }

  it('prints seed 001 as the command line does, and leaves no files behind', async () => {
    const seed = new URL('../../test/fixtures/seeds/001_92c05f855c935f92.txt', import.meta.url);
    const doc = docFromModel(parseResolutionText(readFileSync(seed, 'utf8')));
    const options = { appRoot: findAppRoot(import.meta.dirname), creator: 'Resolutie-editor test' };
    const window = await createWindow();
    const fromApp = await printDocumentPdf(doc, {
      ...options,
      startPrinter: () => ElectronPagePrinter.start(() => window),
    });
    const fromCli = await printDocumentPdf(doc, options);

    const appFile = path.join(dir, 'app.pdf');
    const cliFile = path.join(dir, 'cli.pdf');
    writeFileSync(appFile, fromApp);
    writeFileSync(cliFile, fromCli);
    expect(readPdfInfo(appFile).Pages).toBe(readPdfInfo(cliFile).Pages);
    expect(readPdfInfo(appFile).Tagged).toBe('yes');
    expect(readPdfText(appFile)).toBe(readPdfText(cliFile));
    const layout = (file: string) =>
      execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(layout(appFile)).toBe(layout(cliFile));

    expect(folders).toHaveLength(1);
    expect(existsSync(folders[0]!)).toBe(false);
  }, 60_000);
});
