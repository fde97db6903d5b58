/**
 * "Afdrukvoorbeeld": the host prints the open document once, the dialog shows every page of
 * that PDF as a sharp image, "Exporteren als PDF" downloads those same bytes (no second
 * print), Escape closes, and a host that cannot print says why in the dialog. The pages are
 * read back as pixels: a preview that draws blank sheets fails.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { openEditor, pasteText, runFileCommand, screenshot } from './editorPage.ts';

/** How long a print may take before its pages show (the machine may be busy). */
const PRINT_TIMEOUT = 30_000;

const SEED_001 = readFileSync(
  new URL('../fixtures/seeds/001_92c05f855c935f92.txt', import.meta.url),
  'utf8',
);

// Two device pixels per CSS pixel, as on most laptops: the pages must be drawn at that ratio.
test.use({ deviceScaleFactor: 2 });

/**
 * Console errors (CSP refusals among them) and uncaught exceptions, as they happen. The
 * browser's own request for /favicon.ico (the app has none) is not the page's doing.
 */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    const source = message.location().url;
    if (message.type() === 'error' && !source.endsWith('/favicon.ico')) {
      errors.push(`${message.text()} (${source})`);
    }
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** How many `printPdf` requests the page makes. */
function countPrints(page: Page): { count: number } {
  const prints = { count: 0 };
  page.on('request', (request) => {
    if (request.url().endsWith('/api/printPdf')) prints.count += 1;
  });
  return prints;
}

/** The fraction of an image's pixels that are dark (text) and that are white (paper). */
async function readInk(image: Locator): Promise<{ dark: number; white: number; width: number }> {
  return image.evaluate((element) => {
    const img = element as HTMLImageElement;
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let dark = 0;
    let white = 0;
    for (let i = 0; i < data.length; i += 4) {
      const light = (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
      if (light < 96) dark += 1;
      else if (light > 245) white += 1;
    }
    const pixels = data.length / 4;
    return { dark: dark / pixels, white: white / pixels, width: img.naturalWidth };
  });
}

/** Waits until every page is drawn; returns the page images. */
async function drawnPages(dialog: Locator, count: number): Promise<Locator[]> {
  const pages: Locator[] = [];
  for (let n = 1; n <= count; n++) {
    const image = dialog.getByRole('img', { name: `Pagina ${n} van ${count}` });
    await expect(image).toHaveJSProperty('tagName', 'IMG');
    await expect(image).toHaveJSProperty('complete', true);
    pages.push(image);
  }
  return pages;
}

test('the preview shows the printed pages and exports exactly those bytes', async ({ page }) => {
  const errors = watchErrors(page);
  const prints = countPrints(page);
  await openEditor(page);
  await page.locator('.title-text').click();
  await page.keyboard.type('Motie over de jeugdzorg');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Gemeenten de kosten niet kunnen dragen;');

  await runFileCommand(page, 'Afdrukvoorbeeld');
  const dialog = page.getByRole('dialog', { name: 'Afdrukvoorbeeld' });
  await expect(dialog).toBeVisible();
  // A real print by Chromium: seconds on a busy machine, while the sheet says it is being made.
  await expect(dialog.getByText('1 pagina · A4')).toBeVisible({ timeout: PRINT_TIMEOUT });
  await expect(dialog.getByText('pagina 1 van 1')).toBeVisible();

  const [sheet] = await drawnPages(dialog, 1);
  const ink = await readInk(sheet!);
  // Drawn at the pixel ratio: 640 CSS pixels wide, 1280 image pixels.
  expect(ink.width).toBe(1280);
  expect(await sheet!.evaluate((img) => img.getBoundingClientRect().width)).toBe(640);
  // Paper with text on it: mostly white, some ink (the title, the item, CONCEPT).
  expect(ink.white).toBeGreaterThan(0.8);
  expect(ink.dark).toBeGreaterThan(0.002);

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Exporteren als PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Motie over de jeugdzorg.pdf');
  const saved = path.join(mkdtempSync(path.join(os.tmpdir(), 'resolutie-preview-e2e-')), 'x.pdf');
  await file.saveAs(saved);
  const text = execFileSync('pdftotext', [saved, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Resolutie “Motie over de jeugdzorg”');
  expect(execFileSync('pdfinfo', [saved], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
  // The download is the previewed PDF, not a second print.
  expect(prints.count).toBe(1);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Tekst van het stuk' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('Ctrl+P previews seed 001 page by page', async ({ page }) => {
  const errors = watchErrors(page);
  await openEditor(page);
  await page.locator('li.item').first().click();
  await pasteText(page, SEED_001);

  await page.keyboard.press('ControlOrMeta+p');
  const dialog = page.getByRole('dialog', { name: 'Afdrukvoorbeeld' });
  await expect(dialog.getByText("4 pagina's · A4")).toBeVisible({ timeout: PRINT_TIMEOUT });
  const pages = await drawnPages(dialog, 4);
  for (const sheet of pages) {
    const ink = await readInk(sheet);
    expect(ink.dark).toBeGreaterThan(0.002);
  }
  await expect(dialog.getByText('pagina 4 van 4')).toBeAttached();
  await screenshot(page, 'preview');
  // And where page 1 ends and page 2 begins, with the page number between them.
  await pages[1]!.evaluate((img) => {
    const list = img.closest('[role="region"]')!;
    list.scrollTop += img.getBoundingClientRect().top - list.getBoundingClientRect().top - 260;
  });
  await screenshot(page, 'preview-pages');

  // The page list scrolls with the keyboard: it has focus when the dialog opens.
  await expect(dialog.getByRole('region', { name: "Pagina's" })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(errors).toEqual([]);
});

const root = new URL('../../', import.meta.url).pathname;
const brokenPort = Number(process.env.RESOLUTIE_E2E_PREVIEW_PORT ?? 4783);

/** A host whose "Chromium" is a program that exits at once, so every print fails. */
function startHostThatCannotPrint(): Promise<ChildProcess> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'resolutie-preview-host-'));
  const host = spawn(
    process.execPath,
    [path.join(root, 'main/host/cli.ts'), '--port', String(brokenPort)],
    {
      cwd: root,
      env: {
        ...process.env,
        RESOLUTIE_CHROMIUM: '/bin/false',
        RESOLUTIE_PROFILE_DIR: path.join(scratch, 'profile'),
        RESOLUTIE_DOCUMENTS_DIR: path.join(scratch, 'documenten'),
      },
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  return new Promise((resolve, reject) => {
    host.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(`127.0.0.1:${brokenPort}`)) resolve(host);
    });
    host.once('exit', (code) => reject(new Error(`host stopped (${code})`)));
  });
}

test('a host that cannot print says why in the preview', async ({ browser }) => {
  const host = await startHostThatCannotPrint();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${brokenPort}/`);
    await expect(page.locator('li.item').first()).toBeVisible();
    await runFileCommand(page, 'Afdrukvoorbeeld');
    const dialog = page.getByRole('dialog', { name: 'Afdrukvoorbeeld' });
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText('De PDF kan niet worden gemaakt.');
    await expect(alert).toContainText("Er ging iets mis bij het verzoek 'printPdf'");
    await expect(dialog.getByRole('button', { name: 'Exporteren als PDF' })).toBeDisabled();
    await screenshot(page, 'preview-error');
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await expect(dialog).toBeHidden();
  } finally {
    host.kill();
  }
});
