/**
 * The Toelichting as a drafter writes it: a heading, paragraphs, a bulleted list, a quote,
 * bold text, a link and a footnote, all from the keyboard and the toolbar.
 */
import { expect, test } from '@playwright/test';
import { openEditor, readOutline, screenshot, settle } from './editorPage.ts';

test('writing the Toelichting with headings, lists, a quote, a link and a footnote', async ({
  page,
}) => {
  await openEditor(page);
  const toolbar = page.getByRole('toolbar', { name: 'Werkbalk' });
  const body = page.locator('.explanation-body');

  await body.locator('p').first().click();
  await page.keyboard.type('Achtergrond');
  await toolbar.getByRole('button', { name: 'Kop', exact: true }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Het bestuur verwijst naar de brief van het kabinet.');

  // Select "brief" and link it; the toolbar asks for the address.
  page.once('dialog', (dialog) => void dialog.accept('https://vng.nl/brief'));
  await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 'brief van het kabinet'.length; i++)
    await page.keyboard.press('Shift+ArrowLeft');
  await toolbar.getByRole('button', { name: 'Link' }).click();
  await expect(body.locator('a[href="https://vng.nl/brief"]')).toHaveText('brief van het kabinet');

  // A footnote at the end of the paragraph.
  await page.keyboard.press('End');
  page.once('dialog', (dialog) => void dialog.accept('Kamerbrief van 21 november 2024.'));
  await toolbar.getByRole('button', { name: 'Voetnoot invoegen' }).click();
  const note = body.locator('sup.footnote-ref');
  await expect(note).toHaveText('1');
  await expect(note).toHaveAttribute('aria-label', 'Voetnoot 1: Kamerbrief van 21 november 2024.');
  await expect(page.getByRole('complementary', { name: 'Voetnoten' }).locator('li')).toHaveText([
    'Kamerbrief van 21 november 2024.',
  ]);

  // A bulleted list of two points, then a bold word.
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await toolbar.getByRole('button', { name: 'Opsomming', exact: true }).click();
  await page.keyboard.type('wonen');
  await page.keyboard.press('Enter');
  await page.keyboard.type('zorg');
  await expect(body.locator('ul > li')).toHaveText(['wonen', 'zorg']);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('Samen');
  await page.keyboard.press('Control+b');
  await page.keyboard.type(' staan we sterk.');
  await expect(body.locator('p strong')).toHaveText('Samen');
  await toolbar.getByRole('button', { name: 'Citaat' }).click();
  await expect(body.locator('blockquote')).toContainText('Samen staan we sterk.');

  await settle(page);
  expect(await readOutline(page)).toContain('Achtergrond');
  await expect(body.locator('h3')).toHaveText('Achtergrond');
  await body.scrollIntoViewIfNeeded();
  await screenshot(page, 'editor-explanation');
});
