/**
 * Links in a stuk: a plain click places the cursor (the link text stays editable); Ctrl+click
 * opens the link in a new tab, as in a word processor. (In the desktop app the same request
 * goes to the system browser after main/electron/security.ts getExternalLink checks it.)
 */
import { expect, test } from '@playwright/test';
import { openEditor, settle } from './editorPage.ts';

test('Ctrl+click opens a link; a plain click edits it', async ({ page, context }) => {
  // No network: the opened tab gets an answer from here.
  await context.route('https://vng.nl/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>VNG</title>' }),
  );
  await openEditor(page);
  await page.locator('li.item').first().click();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/html', '<p>Zie <a href="https://vng.nl/ledenbrief">de ledenbrief</a>.</p>');
    data.setData('text/plain', 'Zie de ledenbrief.');
    document.activeElement!.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  await settle(page);
  const link = page.locator('li.item').first().locator('a');
  await expect(link).toHaveAttribute('href', 'https://vng.nl/ledenbrief');

  let opened = 0;
  context.on('page', () => (opened += 1));
  await link.click();
  await settle(page);
  expect(opened).toBe(0);

  const popup = context.waitForEvent('page');
  await link.click({ modifiers: ['ControlOrMeta'] });
  const tab = await popup;
  await tab.waitForLoadState();
  expect(tab.url()).toBe('https://vng.nl/ledenbrief');
  // The editor's page stays where it was, and keeps its text.
  await expect(page.locator('li.item').first()).toHaveText('Zie de ledenbrief.');
});
