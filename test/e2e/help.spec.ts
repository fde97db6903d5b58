/**
 * Help and "Over Resolutie-editor" in browser mode, as a user reaches them: the Help menu at
 * the right of the header (by mouse and by keyboard), F1, and from one dialog to the other.
 * The About dialog must say the version of package.json; the help page must explain the
 * blocks, numbering, tracked changes, versions, sessions and PDF, with the shortcuts.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openEditor, screenshot } from './editorPage.ts';

const { version } = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string };

const PLATFORM = { linux: 'Linux', darwin: 'macOS', win32: 'Windows' }[process.platform as 'linux'];

test('the Help menu opens About with the version, and the help page from there', async ({
  page,
}) => {
  await openEditor(page);
  const helpButton = page.getByRole('button', { name: 'Help' });
  await expect(helpButton).toHaveAttribute('aria-expanded', 'false');
  await helpButton.click();
  const menu = page.getByRole('menu', { name: 'Help' });
  await expect(menu.getByRole('menuitem')).toHaveText([
    'HelpF1',
    'Voorkeuren…',
    'Over Resolutie-editor',
  ]);
  await menu.getByRole('menuitem', { name: 'Over Resolutie-editor' }).click();
  await expect(menu).toBeHidden();

  const about = page.getByRole('dialog', { name: 'Over Resolutie-editor' });
  await expect(about.getByRole('status')).toHaveText(`Versie ${version}`);
  await expect(about).toContainText(`Browsermodus op ${PLATFORM}`);
  await expect(about).toContainText('EUPL 1.2');
  // The icon is the app's own, served by the page (the CSP allows only its own images).
  const iconLoaded = await about
    .locator('img.about-icon')
    .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
  expect(iconLoaded).toBe(true);
  await screenshot(page, 'help-about');

  await about.getByRole('button', { name: 'Help' }).click();
  await expect(about).toBeHidden();
  const help = page.getByRole('dialog', { name: 'Help bij de Resolutie-editor' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('heading', { level: 3 })).toHaveText([
    'Hoe een stuk is opgebouwd',
    'Overwegingen',
    'Dictum: wat de leden besluiten',
    'Toelichting',
    'Nummering',
    'Wijzigingen bijhouden',
    'Het paneel Wijzigingen',
    'Opmerkingen',
    'Versies',
    'Samen bewerken',
    'Amendementen',
    'PDF en afdrukken',
    'Opslaan en herstellen',
    'Voorkeuren',
    'Sneltoetsen',
  ]);
  await screenshot(page, 'help-page');

  // The contents take the reader to a section; the shortcuts are written for this platform.
  await help
    .getByRole('navigation', { name: 'Inhoud van de help' })
    .getByRole('button', { name: 'Sneltoetsen' })
    .click();
  const shortcuts = help.getByRole('heading', { name: 'Sneltoetsen' });
  await expect(shortcuts).toBeInViewport();
  await expect(shortcuts).toBeFocused();
  await expect(help.getByRole('row', { name: /Wijzigingen bijhouden aan of uit/ })).toContainText(
    'Ctrl+Shift+E',
  );
  await expect(help.getByRole('row', { name: /^Tab / })).toContainText('Subpunt maken');
  await screenshot(page, 'help-shortcuts');

  await help.getByRole('button', { name: 'Over Resolutie-editor' }).click();
  await expect(about).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(about).toBeHidden();
});

test('F1 opens the help, Escape closes it; the Help menu works from the keyboard', async ({
  page,
}) => {
  const editor = await openEditor(page);
  await editor.click();
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: 'Help bij de Resolutie-editor' });
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  const helpButton = page.getByRole('button', { name: 'Help' });
  await helpButton.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'Help' });
  await expect(menu.getByRole('menuitem', { name: 'Help' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Over Resolutie-editor' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(helpButton).toBeFocused();

  // A click elsewhere closes the menu without opening anything.
  await helpButton.click();
  await expect(menu).toBeVisible();
  await page.locator('.page-area').click({ position: { x: 5, y: 5 } });
  await expect(menu).toBeHidden();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Enter on an item opens its dialog.
  await helpButton.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Voorkeuren' })).toBeVisible();
});

test('the page has the app icon as its favicon', async ({ page }) => {
  await openEditor(page);
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toBeTruthy();
  const response = await page.request.get(new URL(href!, page.url()).href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('image/svg+xml');
  expect(await response.text()).toContain('<title>Resolutie-editor</title>');
});

test('a part that cannot be loaded says so in Dutch and leaves the window and document as they were', async ({
  page,
}) => {
  const editor = await openEditor(page);
  const firstItem = page.locator('li.item').first();
  const itemText = await firstItem.innerText();
  // The help's code is loaded when first asked for; the host "goes away" for that one file.
  await page.route(/HelpDialog[^/]*\.js/, (route) => route.abort());
  await page.keyboard.press('F1');
  const failure = page.getByRole('alert').filter({ hasText: 'kon niet worden geladen' });
  await expect(failure).toContainText('Uw document is niet aangetast');
  await expect(editor).toBeVisible();
  await expect(firstItem).toHaveText(itemText);
  await screenshot(page, 'help-load-failed');
  await failure.getByRole('button', { name: 'Sluiten' }).click();
  await expect(failure).toBeHidden();
  await expect(editor).toBeVisible();

  // Once the host answers again, asking again loads it: a failed load is not kept.
  await page.unroute(/HelpDialog[^/]*\.js/);
  await page.keyboard.press('F1');
  await expect(page.getByRole('dialog', { name: 'Help bij de Resolutie-editor' })).toBeVisible();
});
