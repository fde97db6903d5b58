/**
 * A reader in a session is read-only everywhere, not only in the text (issue 16, point 2): the
 * Gegevens fields only show, every toolbar command and every control in the page (the kind and
 * heading choosers, the preamble's fields, "+ Blok … toevoegen") is disabled, a line says why,
 * and the reader's window never claims unsaved changes while the host's edits come in.
 *
 * Fault guarded: "In a reader's window the Gegevens fields (Titel, Status, …) are editable and
 * the toolbar (B/I/U, + Punt, + Overwegingen, + Dictum, Voetnoot, undo) is enabled; the
 * reader's screen shows the new values and '● Nog niet opgeslagen' while nothing reaches
 * anyone."
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openEditor, readDocument, screenshot, settle, textWithoutCursors } from './editorPage.ts';
import { join, setName, startSession } from './support/session.ts';

test.setTimeout(120_000);
test.use({ viewport: { width: 1280, height: 800 } });

const REASON = 'Alleen lezen: u bent als lezer uitgenodigd';

/** The reader's header must never say the document has unsaved changes. */
async function expectNothingUnsaved(reader: Page): Promise<void> {
  await expect(reader.locator('.doc-state')).toHaveText('Alleen lezen');
  await expect(reader.locator('.doc-state')).not.toHaveText(/Nog niet opgeslagen|Niet-opgeslagen/);
  await expect(reader.locator('.dirty-mark')).toHaveCount(0);
  expect(await reader.title()).not.toMatch(/^●/);
}

test('a reader can change nothing, sees why, and never has unsaved changes', async ({
  page,
  browser,
}) => {
  await openEditor(page);
  await setName(page, 'Collega Sneek');
  await page.locator('.title-text').click();
  await page.keyboard.type('Resolutie gemeentefonds');
  await page.locator('li.item').first().click();
  await page.keyboard.type('De kosten stijgen;');
  const invitation = await startSession(page, 'Lezer');
  const reader = await join(browser, invitation, 'Lezer Leiden');
  await reader.setViewportSize({ width: 1280, height: 800 });
  await expect(reader.getByRole('status').filter({ hasText: 'Live · alleen lezen' })).toBeVisible();
  await expect
    .poll(() => textWithoutCursors(reader.locator('.title-text')))
    .toBe('Resolutie gemeentefonds');
  const before = JSON.stringify(await readDocument(reader));
  await expectNothingUnsaved(reader);

  // The line that says why, beside the toolbar and above the fields.
  const toolbar = reader.getByRole('toolbar', { name: 'Werkbalk' });
  const details = reader.getByRole('complementary', { name: 'Gegevens van het stuk' });
  await expect(toolbar.getByText(REASON)).toBeVisible();
  await expect(details.getByText(REASON)).toBeVisible();

  // Gegevens: every field shows its value and cannot be changed; each names the reason.
  for (const label of [
    'Titel',
    'Vergadering',
    'Datum van de vergadering',
    'Indiener',
    'Versielabel',
  ]) {
    const field = details.getByLabel(label, { exact: true });
    await expect(field).not.toBeEditable();
    await expect(field).toHaveAccessibleDescription(REASON);
  }
  await expect(details.getByLabel('Titel', { exact: true })).toHaveValue('Resolutie gemeentefonds');
  for (const label of ['Soort', 'Status']) {
    const chooser = details.getByRole('combobox', { name: label, exact: true });
    await expect(chooser).toBeDisabled();
    await expect(chooser).toHaveAccessibleDescription(REASON);
  }
  // Typing into a field as a user would changes nothing.
  await details.getByLabel('Titel', { exact: true }).click();
  await reader.keyboard.press('End');
  await reader.keyboard.type(' gewijzigd');
  await reader.keyboard.press('Enter');
  await details.getByLabel('Indiener', { exact: true }).click();
  await reader.keyboard.type('Gemeente Utrecht');
  await reader.keyboard.press('Tab');
  await expect(details.getByLabel('Titel', { exact: true })).toHaveValue('Resolutie gemeentefonds');
  await expect(details.getByLabel('Indiener', { exact: true })).toHaveValue('');

  // The toolbar: every command that changes the document is off and says why; Versies… (to
  // look at versions) stays.
  await reader.locator('li.item').first().click();
  await settle(reader);
  const buttons = toolbar.getByRole('button');
  const names: string[] = [];
  for (const button of await buttons.all()) {
    if (!(await button.isVisible())) continue;
    const name = (await button.getAttribute('aria-label')) ?? (await button.innerText()).trim();
    names.push(name);
    if (name === 'Versies…' || name.startsWith('Meer')) continue;
    await expect(button, name).toBeDisabled();
    // A comment is no change of the document: its button says why with its own reason (this
    // lezer's invitation does not allow comments).
    if (name === 'Opmerking') {
      await expect(button).toHaveAttribute('title', /opmerkingen maken kan niet/);
      continue;
    }
    await expect(button, name).toHaveAttribute('title', /alleen lezen/i);
    await expect(button, name).toHaveAccessibleDescription(REASON);
  }
  expect(names).toEqual(
    expect.arrayContaining([
      'Ongedaan maken',
      'Vet',
      'Cursief',
      'Onderstrepen',
      'Wijzigingen bijhouden',
    ]),
  );
  // What folded into "Meer ▾" is off in the menu too.
  const moreButton = toolbar.getByRole('button', { name: 'Meer', exact: true });
  if (await moreButton.isVisible()) {
    await moreButton.click();
    const menu = reader.getByRole('menu', { name: 'Meer opdrachten' });
    const items = menu.getByRole('menuitem');
    expect(await items.count()).toBeGreaterThan(0);
    for (const item of await items.all()) {
      await expect(item).toHaveAttribute('aria-disabled', 'true');
    }
    // Choosing one (Enter on the first, which has the focus) does nothing and keeps the menu.
    await reader.keyboard.press('Enter');
    await expect(menu).toBeVisible();
    await reader.keyboard.press('Escape');
    await expect(moreButton).toBeFocused();
  }
  // Shortcuts in the text change nothing either.
  await reader.locator('li.item').first().click();
  for (const keys of ['Control+b', 'Enter', 'Control+z', 'Tab', 'Control+Shift+e']) {
    await reader.keyboard.press(keys);
  }
  await reader.keyboard.type('x');

  // The page's own controls: choosers, the preamble's fields, adding and moving blocks.
  const pageControls = reader.locator(
    '.document-page :is(.kind-select, .heading-select, .inline-field, .add-block:not([hidden]), .icon-button)',
  );
  expect(await pageControls.count()).toBeGreaterThanOrEqual(6);
  for (const control of await pageControls.all()) {
    await expect(control).toBeDisabled();
    await expect(control).toHaveAttribute('title', REASON);
  }
  await screenshot(reader, 'reader-read-only');

  // Nothing of all that changed the reader's document or reached the host.
  expect(JSON.stringify(await readDocument(reader))).toBe(before);
  await expectNothingUnsaved(reader);
  await expect(
    page
      .getByRole('complementary', { name: 'Gegevens van het stuk' })
      .getByLabel('Indiener', { exact: true }),
  ).toHaveValue('');

  // The host's edits arrive; the reader's window still has nothing to save.
  await page.locator('li.item').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' en blijven stijgen');
  await page
    .getByRole('complementary', { name: 'Gegevens van het stuk' })
    .getByLabel('Indiener', { exact: true })
    .fill('Gemeente Utrecht');
  await page.keyboard.press('Enter');
  await expect(details.getByLabel('Indiener', { exact: true })).toHaveValue('Gemeente Utrecht');
  await expect(reader.locator('li.item').first()).toContainText('en blijven stijgen');
  await expectNothingUnsaved(reader);
  await reader.context().close();
});
