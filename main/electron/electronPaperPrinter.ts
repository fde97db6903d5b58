/**
 * Printing on paper in the desktop app: the stuk's print page (the PDF's page, with its head and
 * foot as CSS margin boxes, see `shared/print/paperMarginBoxes.ts`) in a hidden window of the
 * print session, and Chromium's `webContents.print` with the system's print dialog. Never the
 * editor window itself: that would print the editing screen.
 *
 * Only types come from 'electron': main.ts makes the window (with the PDF printer's options,
 * so the same session and URL filter apply) and hands it in; tests drive a Chromium page.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { WebContentsPrintOptions } from 'electron';
import { ApiError } from '../../shared/api/errors.ts';
import { PRINT_FOLDER_PREFIX } from './electronPagePrinter.ts';

/** What the paper printer needs of a window: Electron's `BrowserWindow` has all of it. */
export interface PaperPrintWindow {
  webContents: {
    loadFile(filePath: string): Promise<void>;
    executeJavaScript(code: string): Promise<unknown>;
    print(
      options: WebContentsPrintOptions,
      callback: (success: boolean, failureReason: string) => void,
    ): void;
  };
  destroy(): void;
}

/**
 * The print dialog's starting point: the system dialog (never silent), A4 as the style sheet
 * says, backgrounds as in the PDF, and the default margins, which are the style sheet's `@page`
 * margins; the user can still change printer, pages, copies and paper in the dialog.
 */
export const PAPER_PRINT_OPTIONS: WebContentsPrintOptions = {
  silent: false,
  printBackground: true,
  pageSize: 'A4',
  margins: { marginType: 'default' },
};

/** How a print ended: sent to the printer, or cancelled in the dialog by the user. */
export type PaperPrintOutcome = 'printed' | 'cancelled';

/** Chromium's reason when the user closes the dialog without printing. */
const CANCELLED_REASON = 'Print job canceled';

/** Chromium's other reasons, as the user reads them. */
const FAILURE_MESSAGES: Record<string, string> = {
  'Invalid printer settings': 'de printerinstellingen zijn ongeldig. Kies een andere printer.',
  'Print job failed': 'de printer meldde een fout. Controleer de printer en probeer het opnieuw.',
};

/** The Dutch message for a failed print. */
export function describePrintFailure(reason: string): string {
  return `Afdrukken is mislukt: ${FAILURE_MESSAGES[reason] ?? `${reason || 'onbekende fout'}.`}`;
}

/**
 * Prints `html` through the system print dialog in a window `createWindow` makes, and removes
 * the window and the page's temporary file afterwards. Resolves with the outcome; rejects with
 * an `ApiError` with a Dutch message when the print failed.
 */
export async function printOnPaper(
  html: string,
  createWindow: () => PaperPrintWindow,
): Promise<PaperPrintOutcome> {
  // A file rather than a data: URL, like the PDF printer (a long stuk with its fonts is over
  // Chromium's URL limit), in a folder the print session's URL filter lets through.
  const dir = await mkdtemp(path.join(os.tmpdir(), PRINT_FOLDER_PREFIX));
  const file = path.join(dir, 'stuk-1.html');
  let window: PaperPrintWindow | null = null;
  try {
    await writeFile(file, html, 'utf8');
    window = createWindow();
    const { webContents } = window;
    await webContents.loadFile(file);
    await webContents.executeJavaScript('document.fonts.ready.then(() => true)');
    return await new Promise<PaperPrintOutcome>((resolve, reject) => {
      webContents.print(PAPER_PRINT_OPTIONS, (success, reason) => {
        if (success) resolve('printed');
        else if (reason === CANCELLED_REASON) resolve('cancelled');
        else reject(new ApiError('internal', describePrintFailure(reason)));
      });
    });
  } finally {
    window?.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
