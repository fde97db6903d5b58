/**
 * "Exporteren als PDF" in the app: the stuk on the page comes out as a PDF download, printed
 * by the host with the one print template, and poppler reads the text back.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openEditor, runFileCommand } from './editorPage.ts';

test('exporting the open document as PDF downloads the printed stuk', async ({ page }) => {
  await openEditor(page);
  await page.locator('.title-text').click();
  await page.keyboard.type('Motie over de jeugdzorg');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Gemeenten de kosten niet kunnen dragen;');

  const download = page.waitForEvent('download');
  await runFileCommand(page, 'Exporteren als PDF');
  const file = await download;
  expect(file.suggestedFilename()).toBe('Motie over de jeugdzorg.pdf');
  const saved = path.join(mkdtempSync(path.join(os.tmpdir(), 'resolutie-pdf-e2e-')), 'stuk.pdf');
  await file.saveAs(saved);

  const text = execFileSync('pdftotext', [saved, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Resolutie “Motie over de jeugdzorg”');
  expect(text).toContain('Overwegende dat: 1. Gemeenten de kosten niet kunnen dragen;');
  expect(text).toContain('CONCEPT');
  expect(execFileSync('pdfinfo', [saved], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
});
