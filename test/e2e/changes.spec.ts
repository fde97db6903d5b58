/**
 * Tracked changes in Chromium: with "Wijzigingen bijhouden" on, typing proposes, deleting
 * strikes through, and the changes panel accepts or rejects; in a session, a colleague sees the
 * proposal live, with its author, and accepts it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import {
  openEditor,
  pasteText,
  screenshot,
  selectText,
  textWithoutCursors,
  turnOnTracking,
} from './editorPage.ts';
import { join, setName, startSession } from './support/session.ts';

test.setTimeout(90_000);

const SEED_001 = readFileSync(
  new URL('../fixtures/seeds/001_92c05f855c935f92.txt', import.meta.url),
  'utf8',
);

const panel = (page: Page) => page.getByRole('region', { name: 'Wijzigingen' });

test('with tracking on, edits become proposals that the panel accepts or rejects', async ({
  page,
}) => {
  await openEditor(page);
  await page.locator('li.item').first().click();
  await page.keyboard.type('De kosten stijgen snel;');
  await expect(panel(page)).toContainText('Geen wijzigingen in behandeling.');

  await turnOnTracking(page);
  await expect(page.getByRole('button', { name: 'Wijzigingen bijhouden' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await selectText(page, 'kosten');
  await page.keyboard.type('uitgaven');
  await selectText(page, ' snel');
  await page.keyboard.press('Backspace');

  const item = page.locator('li.item').first();
  await expect(item.locator('del.change')).toHaveText(['kosten', ' snel']);
  await expect(item.locator('ins.change')).toHaveText('uitgaven');
  await expect(panel(page).getByRole('listitem')).toHaveCount(2);
  await expect(panel(page)).toContainText('Geschrapt: kosten');
  await expect(panel(page)).toContainText('Toegevoegd: uitgaven');
  await screenshot(page, 'changes-proposed');

  // Alt+PageDown and "Vorige" go from change to change, selecting each.
  await page.locator('.title-text').click();
  const selected = () => page.evaluate(() => window.getSelection()?.toString() ?? '');
  await page.keyboard.press('Alt+PageDown');
  await expect.poll(selected).toBe('kostenuitgaven');
  await page.keyboard.press('Alt+PageDown');
  await expect.poll(selected).toBe(' snel');
  await panel(page).getByRole('button', { name: '↑ Vorige' }).click();
  await expect.poll(selected).toBe('kostenuitgaven');

  // The print preview can show the changes; the exported PDF then holds both words and the
  // legend, as pdftotext reads it.
  await page.keyboard.press('Control+p');
  const preview = page.getByRole('dialog', { name: 'Afdrukvoorbeeld' });
  const page1 = preview.getByRole('img', { name: 'Pagina 1 van 1' });
  // Each setting is a print of its own (a few seconds each, more on a busy machine): the first
  // is drawn before the setting changes, and the second waits as long as printing takes.
  await expect(page1).toHaveJSProperty('tagName', 'IMG', { timeout: 30_000 });
  await preview.getByRole('checkbox', { name: 'Wijzigingen tonen' }).check();
  await expect(page1).toHaveJSProperty('tagName', 'IMG', { timeout: 30_000 });
  const download = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'Exporteren als PDF' }).click();
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'resolutie-changes-')), 'stuk.pdf');
  await (await download).saveAs(file);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Wijzigingen: dubbel onderstreept = toegevoegd, doorgehaald = geschrapt');
  expect(text).toMatch(/De kosten uitgaven stijgen snel;/);
  await preview.getByRole('button', { name: 'Sluiten' }).click();

  // Accept the replaced word, reject the deletion: clean text, no changes left.
  await panel(page)
    .getByRole('button', { name: /^Accepteren: “kosten” geschrapt/ })
    .click();
  await panel(page)
    .getByRole('button', { name: /^Weigeren: “snel” geschrapt/ })
    .click();
  await expect(item).toHaveText('De uitgaven stijgen snel;');
  await expect(item.locator('ins, del')).toHaveCount(0);
  await expect(panel(page)).toContainText('Geen wijzigingen in behandeling.');
  await expect(page.locator('li.item').first()).toHaveAttribute('data-number', '1.');
});

test('a geactualiseerde resolutie with its changes, for the README', async ({ page }) => {
  await openEditor(page);
  await panel(page).getByRole('button', { name: 'Wijzigen' }).click();
  const preferences = page.getByRole('dialog', { name: 'Voorkeuren' });
  await preferences.getByLabel('Uw naam').fill('Auteur van Wijchen');
  await preferences.getByRole('button', { name: 'Opslaan' }).click();
  await expect(panel(page)).toContainText('op naam van Auteur van Wijchen');
  await page.locator('.title-text').click();
  await pasteText(page, SEED_001);
  await expect(page.locator('li.item')).toHaveCount(12);
  await turnOnTracking(page);
  await selectText(page, 'gezamenlijke agenda voor Nederland');
  await page.keyboard.type('gezamenlijke agenda voor Nederland en zijn inwoners');
  await selectText(page, 'in het volgende overhedenoverleg in februari 2025');
  await page.keyboard.press('Delete');
  await expect(panel(page).getByRole('listitem')).toHaveCount(2);
  await page.locator('li.item').nth(1).scrollIntoViewIfNeeded();
  await screenshot(page, 'changes-seed-001');
});

test('in a session, a colleague sees a proposal live with its author and accepts it', async ({
  page,
  browser,
}) => {
  await openEditor(page);
  await setName(page, 'Auteur van Wijchen');
  await page.locator('li.item').first().click();
  await page.keyboard.type('De kosten stijgen;');
  const invitation = await startSession(page, 'Redacteur');
  const bewerker = await join(browser, invitation, 'Bewerker Joure');
  await expect(bewerker.locator('li.item').first()).toContainText('De kosten stijgen;');

  // Bewerker proposes; Auteur sees it at once, in the page and in the panel, as Bewerker's.
  await turnOnTracking(bewerker);
  await selectText(bewerker, 'kosten');
  await bewerker.keyboard.type('uitgaven');
  const item = page.locator('li.item').first();
  await expect(item.locator('ins.change')).toHaveText('uitgaven');
  await expect(item.locator('del.change')).toHaveText('kosten');
  await expect(item.locator('ins.change')).toHaveAttribute('data-author', 'Bewerker Joure');
  const entry = panel(page).getByRole('listitem').filter({ hasText: 'Bewerker Joure' });
  await expect(entry).toContainText('Toegevoegd: uitgaven');

  // Auteur accepts: both have the clean text.
  await entry.getByRole('button', { name: /^Accepteren/ }).click();
  for (const window of [page, bewerker]) {
    await expect
      .poll(() => textWithoutCursors(window.locator('li.item').first()))
      .toBe('De uitgaven stijgen;');
    await expect(window.locator('li.item').first().locator('ins, del')).toHaveCount(0);
    await expect(panel(window)).toContainText('Geen wijzigingen in behandeling.');
  }
  await bewerker.context().close();
});

test('adding or deleting a whole item is a proposal shown on the item', async ({ page }) => {
  await openEditor(page);
  await page.locator('li.item').first().click();
  await page.keyboard.type('Eerste;');
  await turnOnTracking(page);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Tweede;');
  const items = page.locator('section.clause-block').first().locator('li.item');
  await expect(items.nth(1)).toHaveAttribute('data-change-type', 'insert');
  await expect(items.nth(1)).toHaveAttribute('data-number', '2.');
  const entry = panel(page).getByRole('listitem').filter({ hasText: 'Nieuw punt' });
  await expect(entry).toContainText('Toegevoegd: Tweede;');
  await screenshot(page, 'changes-new-item');

  // Rejected, the item goes with its text; the first one is as it was.
  await entry.getByRole('button', { name: /^Weigeren/ }).click();
  await expect(items).toHaveText(['Eerste;']);
  await expect(panel(page)).toContainText('Geen wijzigingen in behandeling.');
});

test('adding or removing a whole block is a proposal shown on the block', async ({ page }) => {
  await openEditor(page);
  await page.locator('li.item').first().click();
  await page.keyboard.type('De gemeenten dragen de kosten;');
  await turnOnTracking(page);
  const blocks = page.locator('section.clause-block[data-kind="recital"]');

  // A new block: its heading and its item in the author's colour, named so in the panel.
  await page.getByRole('button', { name: 'Blok overwegingen toevoegen', exact: true }).click();
  await page.keyboard.type('Het Rijk betaalt niet mee;');
  await expect(blocks).toHaveCount(2);
  await expect(blocks.nth(1)).toHaveAttribute('data-change-type', 'insert');
  await expect(panel(page).getByRole('listitem').filter({ hasText: 'Nieuw blok' })).toContainText(
    'Toegevoegd: Het Rijk betaalt niet mee;',
  );

  // The existing block removed: it stays, struck through, until the proposal is decided.
  await blocks.first().hover();
  await blocks.first().getByRole('button', { name: 'Blok verwijderen' }).click();
  await expect(blocks).toHaveCount(2);
  await expect(blocks.first()).toHaveAttribute('data-change-type', 'delete');
  await expect(
    panel(page).getByRole('listitem').filter({ hasText: 'Blok geschrapt' }),
  ).toContainText('Geschrapt: De gemeenten dragen de kosten;');
  await screenshot(page, 'changes-blocks');

  // Accepted, the old block goes as a whole and the new one stays, plain.
  await panel(page).getByRole('button', { name: 'Alles accepteren' }).click();
  await expect(blocks).toHaveCount(1);
  await expect(blocks.first()).not.toHaveAttribute('data-change-type', /./);
  await expect(blocks.first().locator('li.item')).toHaveText(['Het Rijk betaalt niet mee;']);
  await expect(panel(page)).toContainText('Geen wijzigingen in behandeling.');
});
