/**
 * Named versions through the UI: record one, change the text, compare the version with the
 * current text (differences inline), and restore it: the old text comes back as a proposal,
 * which accepted leaves exactly the version's text, with both versions still listed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openEditor, screenshot, settle } from './editorPage.ts';

const versionsDialog = (page: Page) => page.getByRole('dialog', { name: 'Versies' });

async function recordVersion(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Versies…' }).click();
  const dialog = versionsDialog(page);
  await dialog.getByLabel('Versie vastleggen als').fill(name);
  await dialog.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(dialog.getByRole('status')).toHaveText(`Versie “${name}” is vastgelegd.`);
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
}

test('versions are recorded, compared with the current text and restored', async ({ page }) => {
  await openEditor(page);
  await page.locator('.title-text').click();
  await page.keyboard.type('Jeugdzorg');
  await page.locator('li.item').first().click();
  await settle(page);
  await page.keyboard.type('De kosten stijgen;');
  await recordVersion(page, 'Concept 12 november');

  // The text changes afterwards: a word replaced, a sentence added.
  await page.locator('li.item').first().click();
  await settle(page);
  await page.keyboard.press('End');
  for (let i = 0; i < 'stijgen;'.length; i += 1) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.type('snel;');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Gemeenten dekken de tekorten;');
  await recordVersion(page, 'Geactualiseerd');

  await page.getByRole('button', { name: 'Versies…' }).click();
  const list = versionsDialog(page).getByRole('list', { name: 'Vastgelegde versies' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').first()).toContainText('Geactualiseerd');

  // A version as PDF: its own text, not the current one.
  const download = page.waitForEvent('download');
  await versionsDialog(page).getByRole('button', { name: 'Concept 12 november als PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Jeugdzorg – Concept 12 november.pdf');
  const saved = path.join(mkdtempSync(path.join(os.tmpdir(), 'resolutie-version-')), 'v.pdf');
  await file.saveAs(saved);
  const text = execFileSync('pdftotext', [saved, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('1. De kosten stijgen;');
  expect(text).not.toContain('Gemeenten dekken de tekorten');

  // Compare the first version with the current text.
  await versionsDialog(page)
    .getByRole('button', { name: 'Concept 12 november vergelijken met de huidige tekst' })
    .click();
  const compare = page.getByRole('dialog', { name: /^Vergelijking: Concept 12 november/ });
  await expect(compare.locator('del.change')).toHaveText(['stijgen']);
  await expect(compare.locator('ins.change')).toHaveText(['snel', 'Gemeenten dekken de tekorten;']);
  await screenshot(page, 'versions-compare');
  await compare.getByRole('button', { name: 'Sluiten' }).click();

  // Restore it: a proposal on the user's name; accepted, the version's text is back.
  await page.getByRole('button', { name: 'Versies…' }).click();
  await versionsDialog(page)
    .getByRole('button', { name: 'Concept 12 november herstellen' })
    .click();
  const changes = page.getByRole('region', { name: 'Wijzigingen' });
  await expect(changes.getByRole('listitem').first()).toBeVisible();
  await changes.getByRole('button', { name: 'Alles accepteren' }).click();
  await expect(page.locator('section.clause-block').first().locator('li.item')).toHaveText([
    'De kosten stijgen;',
  ]);
  await page.getByRole('button', { name: 'Versies…' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
});
