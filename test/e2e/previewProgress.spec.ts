/**
 * The print preview while the host prints again: after "Wijzigingen tonen" changes, the old
 * pages go at once, the preview says that new ones are being made, "Exporteren als PDF" waits,
 * and what it exports is what the preview then shows. The host's print is held back here (as a
 * slow machine would hold it) so that the moment in between can be looked at.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { openEditor, screenshot, settle, turnOnTracking } from './editorPage.ts';

test.setTimeout(90_000);

/** The exported PDF's text, as pdftotext reads it. */
async function exportedText(page: Page, preview: Locator): Promise<string> {
  const download = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'Exporteren als PDF' }).click();
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'resolutie-preview-')), 'stuk.pdf');
  await (await download).saveAs(file);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

test('a new setting shows progress, and the export waits for it and holds what is shown', async ({
  page,
}) => {
  await openEditor(page);
  await page.locator('li.item').first().click();
  await page.keyboard.type('De kosten stijgen;');
  await turnOnTracking(page);
  await page.keyboard.type(' snel');
  await settle(page);

  // Every print after the first waits until the test lets it go.
  let prints = 0;
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/printPdf', async (route) => {
    prints += 1;
    if (prints > 1) await held;
    await route.continue();
  });

  await page.keyboard.press('Control+p');
  const preview = page.getByRole('dialog', { name: 'Afdrukvoorbeeld' });
  const page1 = preview.getByRole('img', { name: 'Pagina 1 van 1' });
  await expect(page1).toHaveJSProperty('tagName', 'IMG', { timeout: 30_000 });
  const exportButton = preview.getByRole('button', { name: 'Exporteren als PDF' });
  await expect(exportButton).toBeEnabled();

  await preview.getByRole('checkbox', { name: 'Wijzigingen tonen' }).check();
  // While the host prints: no old page, a sign of work, and nothing to export.
  await expect(preview.getByRole('status')).toHaveText('Voorbeeld wordt gemaakt…');
  await expect(preview.getByRole('region', { name: "Pagina's" })).toHaveAttribute(
    'aria-busy',
    'true',
  );
  await expect(preview.locator('img')).toHaveCount(0);
  await expect(exportButton).toBeDisabled();
  await screenshot(page, 'preview-printing');

  release();
  await expect(page1).toHaveJSProperty('tagName', 'IMG', { timeout: 30_000 });
  const shown = await exportedText(page, preview);
  expect(shown).toContain('Wijzigingen: dubbel onderstreept = toegevoegd');
  expect(shown).toMatch(/De kosten stijgen; snel/);

  await preview.getByRole('checkbox', { name: 'Wijzigingen tonen' }).uncheck();
  await expect(page1).toHaveJSProperty('tagName', 'IMG', { timeout: 30_000 });
  const hidden = await exportedText(page, preview);
  expect(hidden).not.toContain('Wijzigingen:');
  expect(hidden).toContain('De kosten stijgen;');
});
