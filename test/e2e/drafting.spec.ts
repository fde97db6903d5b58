/**
 * A drafter types a resolution with the keyboard: title, items, Enter to go on, Enter on an
 * empty item to leave the block, a sub-item with Tab, undo and redo.
 */
import { expect, test } from '@playwright/test';
import { openEditor, readBlocks, readOutline, screenshot, settle } from './editorPage.ts';

test('a new document starts from the Dutch template', async ({ page }) => {
  await openEditor(page);
  await expect(page.getByRole('combobox', { name: 'Soort stuk' })).toHaveValue('resolutie');
  await expect(page.locator('.preamble')).toContainText('De leden bijeen in de');
  await expect(
    page.locator('.document-page').getByRole('textbox', { name: 'Vergadering', exact: true }),
  ).toHaveValue('ALV');
  expect(await readBlocks(page)).toEqual([
    { heading: 'Overwegende dat:', items: ['1.'] },
    { heading: 'Spreekt uit:', items: ['1.'] },
  ]);
  await expect(page.locator('.explanation-heading')).toHaveText('Toelichting');
  expect(await readOutline(page)).toEqual([
    'Overwegende dat: 1 overweging',
    'Spreekt uit: 1 punt',
    'Toelichting',
  ]);
  await screenshot(page, 'editor-new-document');
});

test('typing a resolution, adding and renumbering items, a sub-item, undo and redo', async ({
  page,
}) => {
  const editor = await openEditor(page);
  await page.locator('.title-text').click();
  await page.keyboard.type('Inzet richting het nieuwe kabinet');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Gemeenten een stap naar voren willen zetten;');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Het rijk de kosten vergoedt;');
  await page.keyboard.press('Enter');
  // Enter on the empty third item leaves the recitals for "Spreekt uit".
  await page.keyboard.press('Enter');
  await page.keyboard.type('Dat het uitgangspunt van kracht blijft.');

  expect(await readBlocks(page)).toEqual([
    {
      heading: 'Overwegende dat:',
      items: ['1. Gemeenten een stap naar voren willen zetten;', '2. Het rijk de kosten vergoedt;'],
    },
    { heading: 'Spreekt uit:', items: ['1. Dat het uitgangspunt van kracht blijft.'] },
  ]);
  await expect(page.locator('.title-text')).toHaveText('Inzet richting het nieuwe kabinet');

  // Insert an item between 1 and 2: the old 2 becomes 3.
  await page.getByText('Gemeenten een stap naar voren willen zetten;').click();
  await settle(page);
  await page.keyboard.press('End');
  await settle(page);
  await page.keyboard.press('Enter');
  await page.keyboard.type('Gemeenten krachtig zijn;');
  expect((await readBlocks(page))[0]!.items).toEqual([
    '1. Gemeenten een stap naar voren willen zetten;',
    '2. Gemeenten krachtig zijn;',
    '3. Het rijk de kosten vergoedt;',
  ]);
  await expect(page.getByRole('button', { name: /Overwegende dat: 3 overwegingen/ })).toBeVisible();

  // Tab nests it under item 1 as "a."; the rest renumbers at once.
  await page.keyboard.press('Tab');
  expect((await readBlocks(page))[0]!.items).toEqual([
    '1. Gemeenten een stap naar voren willen zetten;',
    'a. Gemeenten krachtig zijn;',
    '2. Het rijk de kosten vergoedt;',
  ]);
  await screenshot(page, 'editor-typed-resolution');
  await page.keyboard.press('Shift+Tab');
  expect((await readBlocks(page))[0]!.items[1]).toBe('2. Gemeenten krachtig zijn;');

  // Backspace at the start of an item joins it with the one before.
  await page.keyboard.press('Home');
  await settle(page);
  await page.keyboard.press('Backspace');
  expect((await readBlocks(page))[0]!.items).toEqual([
    '1. Gemeenten een stap naar voren willen zetten;Gemeenten krachtig zijn;',
    '2. Het rijk de kosten vergoedt;',
  ]);

  // Undo brings the item back; redo joins again. Undo goes through Yjs (y-prosemirror).
  await page.keyboard.press('Control+z');
  expect((await readBlocks(page))[0]!.items).toHaveLength(3);
  await page.keyboard.press('Control+Shift+z');
  expect((await readBlocks(page))[0]!.items).toHaveLength(2);
  await expect(editor).toBeFocused();
});

test('typing over a selection of the whole document keeps every block and heading', async ({
  page,
}) => {
  await openEditor(page);
  await page.locator('li.item').first().click();
  await page.keyboard.type('Eerste overweging;');
  await page.locator('li.item').nth(1).click();
  await page.keyboard.type('Eerste punt.');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('x');
  const blocks = await readBlocks(page);
  expect(blocks.map((b) => b.heading)).toEqual(['Overwegende dat:', 'Spreekt uit:']);
  expect(blocks.flatMap((b) => b.items).join('|')).not.toContain('Eerste');
  await expect(page.locator('.preamble')).toContainText('De leden bijeen in de');
  await expect(page.locator('.explanation-heading')).toHaveText('Toelichting');
});
