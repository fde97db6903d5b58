/**
 * Printing on paper without Electron: the paper printer drives a real Chromium page through
 * the calls it makes on Electron's hidden window, and the "printer" is Chromium's own PDF
 * output with no header or footer of its own, as a print dialog's printer gets the page. What
 * comes out must read like the PDF export: same pages, "pagina N van M", the title, CONCEPT.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import type { WebContentsPrintOptions } from 'electron';
import { ApiError } from '../../shared/api/errors.ts';
import { docFromModel } from '../../shared/editor/fromModel.ts';
import { parseResolutionText } from '../../shared/import/parseResolutionText.ts';
import { chromiumArgs, findChromium } from '../services/pdf/chromium.ts';
import { findAppRoot } from '../services/app/appRoot.ts';
import { renderPaperPrintPage } from '../services/pdf/paperPrintPage.ts';
import { printDocumentPdf } from '../services/pdf/printDocumentPdf.ts';
import { readPdfInfo, readPdfText } from '../services/pdf/testing/pdfInspection.ts';
import { isPrintPageUrl } from './electronPagePrinter.ts';
import {
  describePrintFailure,
  PAPER_PRINT_OPTIONS,
  printOnPaper,
  type PaperPrintWindow,
} from './electronPaperPrinter.ts';

const appRoot = findAppRoot(import.meta.dirname);
const seed = new URL('../../test/fixtures/seeds/001_92c05f855c935f92.txt', import.meta.url);
const doc = docFromModel(parseResolutionText(readFileSync(seed, 'utf8')));

describe('the paper print options', () => {
  it('show the system dialog, on A4, with the style sheet’s margins and backgrounds', () => {
    expect(PAPER_PRINT_OPTIONS).toEqual({
      silent: false,
      printBackground: true,
      pageSize: 'A4',
      margins: { marginType: 'default' },
    });
  });

  it('explain a failure in Dutch', () => {
    expect(describePrintFailure('Print job failed')).toBe(
      'Afdrukken is mislukt: de printer meldde een fout. Controleer de printer en probeer het opnieuw.',
    );
    expect(describePrintFailure('Iets nieuws')).toBe('Afdrukken is mislukt: Iets nieuws.');
    expect(describePrintFailure('')).toBe('Afdrukken is mislukt: onbekende fout.');
  });
});

/** What the played window saw: the files it loaded, the print options, the printed bytes. */
interface PrintRecord {
  files: string[];
  options: WebContentsPrintOptions[];
  pdf?: Uint8Array;
  destroyed?: boolean;
}

describe('printOnPaper on a real Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error('geen Chromium: npm test installeert er een');
    browser = await chromium.launch({ executablePath, args: chromiumArgs() });
    dir = mkdtempSync(path.join(os.tmpdir(), 'paper-printer-'));
  });

  afterAll(async () => {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Electron's hidden window, played by a Chromium page; `print` ends as `outcome` says. */
  async function createWindow(
    outcome: { success: boolean; reason: string },
    record: PrintRecord,
  ): Promise<PaperPrintWindow> {
    const tab = await browser.newPage();
    return {
      webContents: {
        loadFile: async (file) => {
          record.files.push(file);
          expect(isPrintPageUrl(pathToFileURL(file).href)).toBe(true);
          await tab.goto(pathToFileURL(file).href);
        },
        executeJavaScript: (code) => tab.evaluate(code),
        print: (options, callback) => {
          record.options.push(options);
          // What the printer receives: the page alone, Chromium adding nothing of its own.
          void tab
            .pdf({
              format: 'A4',
              preferCSSPageSize: true,
              printBackground: options.printBackground ?? false,
              margin: { top: '0', bottom: '0', left: '0', right: '0' },
            })
            .then((pdf) => {
              record.pdf = new Uint8Array(pdf);
              callback(outcome.success, outcome.reason);
            });
        },
      },
      destroy: () => {
        record.destroyed = true;
        void tab.close();
      },
    };
  }

  it('prints seed 001 with the PDF’s pages, title, page numbers and CONCEPT', async () => {
    const record: PrintRecord = { files: [], options: [] };
    const window = await createWindow({ success: true, reason: '' }, record);
    const html = await renderPaperPrintPage(doc, { appRoot });
    expect(await printOnPaper(html, () => window)).toBe('printed');
    expect(record.options).toEqual([PAPER_PRINT_OPTIONS]);

    const paperFile = path.join(dir, 'papier.pdf');
    writeFileSync(paperFile, record.pdf!);
    const pdfFile = path.join(dir, 'export.pdf');
    writeFileSync(pdfFile, await printDocumentPdf(doc, { appRoot, creator: 'test' }));

    const pages = Number(readPdfInfo(pdfFile).Pages);
    expect(Number(readPdfInfo(paperFile).Pages)).toBe(pages);
    for (let page = 1; page <= pages; page++) {
      const text = readPdfText(paperFile, page);
      expect(text).toContain(`pagina ${page} van ${pages}`);
      expect(text).toContain('Geactualiseerde resolutie “VNG-inzet richting nieuwe kabinet”');
      // Seed 001 is geactualiseerd, so not final: CONCEPT heads every page, as in the PDF.
      expect(text.trimStart().startsWith('CONCEPT')).toBe(true);
    }
    // The stuk itself, not the editing screen.
    expect(readPdfText(paperFile)).toContain('Overwegende dat:');

    expect(record.destroyed).toBe(true);
    expect(record.files).toHaveLength(1);
    expect(existsSync(path.dirname(record.files[0]!))).toBe(false);
  }, 60_000);

  it('answers cancelled when the user closes the dialog, and cleans up', async () => {
    const record: PrintRecord = { files: [], options: [] };
    const window = await createWindow({ success: false, reason: 'Print job canceled' }, record);
    expect(await printOnPaper('<!doctype html><title>x</title><p>x</p>', () => window)).toBe(
      'cancelled',
    );
    expect(record.destroyed).toBe(true);
    expect(existsSync(path.dirname(record.files[0]!))).toBe(false);
  }, 30_000);

  it('rejects a failed print with the Dutch reason, and cleans up', async () => {
    const record: PrintRecord = { files: [], options: [] };
    const window = await createWindow(
      { success: false, reason: 'Invalid printer settings' },
      record,
    );
    const printing = printOnPaper('<!doctype html><title>x</title><p>x</p>', () => window);
    await expect(printing).rejects.toBeInstanceOf(ApiError);
    await expect(printing).rejects.toThrow(
      'Afdrukken is mislukt: de printerinstellingen zijn ongeldig. Kies een andere printer.',
    );
    expect(record.destroyed).toBe(true);
    expect(existsSync(path.dirname(record.files[0]!))).toBe(false);
  }, 30_000);
});
