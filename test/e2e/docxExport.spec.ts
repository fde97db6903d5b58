/**
 * "Exporteren als Word" in the app: the stuk on the page comes out as a .docx download, which
 * LibreOffice (the independent reader) reads back: its title, block headings and the numbers
 * Word gives the items; "Exporteren als Word met wijzigingen" keeps the user's proposal as a
 * tracked change under their name.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { convertManyWithLibreOffice } from '../../main/services/testing/libreOffice.ts';
import { openEditor, screenshot, selectText, turnOnTracking } from './editorPage.ts';

test.setTimeout(120_000);

async function download(page: Page, command: string, dir: string, name: string): Promise<string> {
  const waiting = page.waitForEvent('download');
  // From the Bestand menu, by exact name: one entry's name begins the other's.
  await page
    .getByRole('navigation', { name: 'Bestand' })
    .getByRole('button', { name: 'Bestand', exact: true })
    .click();
  const menu = page.getByRole('menu', { name: 'Bestand' });
  await expect(menu.getByRole('menuitem', { name: command, exact: true })).toBeVisible();
  if (name === 'aanvaard.docx') await screenshot(page, 'docx-export-menu');
  await menu.getByRole('menuitem', { name: command, exact: true }).click();
  const file = await waiting;
  expect(file.suggestedFilename()).toBe('Motie over de jeugdzorg.docx');
  const saved = path.join(dir, name);
  await file.saveAs(saved);
  return saved;
}

test('exports the open document as Word, accepted or with its proposals tracked', async ({
  page,
}) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'resolutie-docx-e2e-'));
  await openEditor(page);
  await page.locator('.title-text').click();
  await page.keyboard.type('Motie over de jeugdzorg');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Gemeenten de kosten niet kunnen dragen;');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Het Rijk moet bijspringen;');

  await turnOnTracking(page, 'Redacteur');
  await selectText(page, 'kosten');
  await page.keyboard.type('uitgaven');
  await expect(page.locator('li.item ins.change')).toHaveText('uitgaven');
  // The proposals are under the user's name: asked now, or set earlier in this host's profile
  // (another test may have named the user first).
  const author = await page.locator('.changes-author-line strong').innerText();
  expect(author).not.toBe('');
  await screenshot(page, 'docx-export-proposal');

  const accepted = await download(page, 'Exporteren als Word', dir, 'aanvaard.docx');
  const tracked = await download(
    page,
    'Exporteren als Word met wijzigingen',
    dir,
    'wijzigingen.docx',
  );

  const [text] = await convertManyWithLibreOffice([accepted], 'txt:Text (encoded):UTF8', dir);
  const [flat] = await convertManyWithLibreOffice([tracked], 'fodt', dir);
  const read = readFileSync(text!, 'utf8').replace(/^\uFEFF/, '');
  expect(read.split('\n')[0]).toBe('Resolutie “Motie over de jeugdzorg”');
  expect(read).toContain(
    'Overwegende dat:\n    1. Gemeenten de uitgaven niet kunnen dragen;\n    2. Het Rijk moet bijspringen;',
  );
  expect(read).not.toContain('kosten');

  const xml = readFileSync(flat!, 'utf8');
  const regions = [
    ...xml.matchAll(
      /<text:changed-region [^>]*>\s*<text:(insertion|deletion)>\s*<office:change-info>\s*<dc:creator>([^<]*)<\/dc:creator>/g,
    ),
  ].map(([, kind, author]) => `${kind} ${author}`);
  expect(regions.sort()).toEqual([`deletion ${author}`, `insertion ${author}`]);
});
