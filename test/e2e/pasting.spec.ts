/**
 * Pasting from elsewhere as a secretary does it: a web page or a Word document with pictures,
 * a table, a script and a list. A paste never removes text without bringing its replacement,
 * and the page says what could not be pasted.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openEditor, readBlocks, screenshot, settle } from './editorPage.ts';

/** Pastes what a copy from another program puts on the clipboard. */
async function paste(page: Page, clipboard: { html?: string; text?: string }): Promise<void> {
  await page.evaluate(({ html, text }) => {
    const data = new DataTransfer();
    if (html) data.setData('text/html', html);
    if (text) data.setData('text/plain', text);
    document.activeElement!.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, clipboard);
  await settle(page);
}

/** A resolution with a recital and an operative item, typed in. */
async function typeResolution(page: Page): Promise<void> {
  await page.locator('li.item').first().click();
  await page.keyboard.type('de gemeenten de Omgevingswet uitvoeren;');
  await page.locator('li.item').nth(1).click();
  await page.keyboard.type('het bestuur in te stemmen met de aanpak.');
}

const notice = (page: Page) => page.locator('main').getByRole('alert');
const message = (page: Page) => notice(page).locator('span');

test('a paste of only a picture, a script and an empty table leaves the selected text', async ({
  page,
}) => {
  await openEditor(page);
  await typeResolution(page);
  await page.locator('li.item').first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await paste(page, {
    html: '<img src="logo.png" alt="logo"><script>window.__ran = 1</script><table><tr><td></td></tr></table>',
  });
  expect((await readBlocks(page))[0]!.items).toEqual([
    '1. de gemeenten de Omgevingswet uitvoeren;',
  ]);
  await expect(message(page)).toHaveText(
    /Er is niets geplakt: het klembord bevat een afbeelding en een script en geen tekst die in het stuk past\. De tekst van het stuk is ongewijzigd\./,
  );
  expect(await page.evaluate(() => (window as { __ran?: number }).__ran ?? null)).toBeNull();
  await screenshot(page, 'paste-nothing');
  await notice(page).getByRole('button', { name: 'Melding sluiten' }).click();
  await expect(notice(page)).toHaveCount(0);
});

test('pasting only block headings over the whole document keeps the document', async ({ page }) => {
  await openEditor(page);
  await typeResolution(page);
  await page.keyboard.press('Control+a');
  await paste(page, {
    html: '<h2>Overwegende dat:</h2><h2>Overwegende dat:</h2><img src="x.png"><h2>Spreekt uit:</h2>',
    text: 'Overwegende dat:\nOverwegende dat:\n\nSpreekt uit:',
  });
  const blocks = await readBlocks(page);
  expect(blocks.flatMap((block) => block.items)).toEqual([
    '1. de gemeenten de Omgevingswet uitvoeren;',
    '1. het bestuur in te stemmen met de aanpak.',
  ]);
  await expect(message(page)).toContainText(
    'Er is niets geplakt: de geplakte tekst bevat alleen kopjes van blokken',
  );
});

test('a web page with a picture, a table, a script and a list: the text comes, the rest is named', async ({
  page,
}) => {
  await openEditor(page);
  await page.locator('.explanation p').first().click();
  await paste(page, {
    html:
      '<h1>Woningbouw</h1><h1>Woningbouw</h1><p>De cijfers per regio:</p>' +
      '<img src="grafiek.png"><img src="kaart.png"><script>window.__ran = 2</script>' +
      '<table><tr><th>Regio</th><th>Woningen</th></tr><tr><td>Noord</td><td>1.200</td></tr></table>' +
      '<ul><li>eerste punt</li><li>tweede punt</li></ul>',
  });
  const explanation = page.locator('.explanation');
  await expect(explanation).toContainText('De cijfers per regio:');
  // The table's cells stay apart: a line per row, its cells separated by a tab.
  await expect(explanation).toContainText('Regio\tWoningen');
  await expect(explanation).toContainText('Noord\t1.200');
  await expect(explanation.locator('li')).toHaveText(['eerste punt', 'tweede punt']);
  await expect(message(page)).toHaveText(
    'Niet geplakt: twee afbeeldingen en een script. De tabel is als tekst geplakt, een regel per rij.',
  );
  expect(await page.evaluate(() => (window as { __ran?: number }).__ran ?? null)).toBeNull();
  await screenshot(page, 'paste-left-out');
});

test('an ordinary paste says nothing', async ({ page }) => {
  await openEditor(page);
  await page.locator('li.item').first().click();
  await paste(page, { html: '<p>de <b>gemeenten</b> bouwen</p>', text: 'de gemeenten bouwen' });
  await expect(page.locator('li.item').first()).toHaveText('de gemeenten bouwen');
  await expect(notice(page)).toHaveCount(0);
});
