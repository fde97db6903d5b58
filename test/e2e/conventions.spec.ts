/**
 * The conventions of the stukken as the editor and the PDF show them (issue 16, points 4, 11,
 * 12): the kind's adjective agrees with its noun, a wrong date says what is wrong and the
 * preamble and Gegevens show the same stored date, the preamble's colon follows the date
 * directly, and a stuk that is no resolution prints no placeholder preamble.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openEditor, screenshot } from './editorPage.ts';

const metadata = (page: Page) => page.getByRole('complementary', { name: 'Gegevens van het stuk' });

test('a wrong date in the preamble says what is wrong, and preamble and Gegevens agree', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openEditor(page);
  const preamble = page.locator('.document-page .preamble');
  const preambleDate = preamble.getByRole('textbox', { name: 'Datum van de vergadering' });
  const panelDate = metadata(page).getByRole('textbox', { name: 'Datum van de vergadering' });

  await preambleDate.fill('29 november 2024');
  await preambleDate.press('Enter');
  await expect(panelDate).toHaveValue('vrijdag 29 november 2024');

  // Issue 16, point 11: a generic "Onbekende datum" and two different dates on screen.
  await preambleDate.fill('31 februari 2025');
  await preambleDate.press('Enter');
  await expect(preamble.getByRole('alert')).toHaveText(
    '„31 februari 2025” bestaat niet: februari heeft in 2025 28 dagen. De datum blijft vrijdag 29 november 2024.',
  );
  await expect(preambleDate).toHaveValue('vrijdag 29 november 2024');
  await expect(panelDate).toHaveValue('vrijdag 29 november 2024');
  await expect(preambleDate).toHaveAttribute(
    'aria-describedby',
    (await preamble.getByRole('alert').getAttribute('id'))!,
  );
  await screenshot(page, 'conventions-preamble-date-error');

  // The message goes once the date changes, here through Gegevens.
  await panelDate.fill('28-02-2025');
  await panelDate.press('Enter');
  await expect(preambleDate).toHaveValue('vrijdag 28 februari 2025');
  await expect(preamble.locator('.field-error')).toBeEmpty();
});

test('the preamble reads "van … :" without a space before the colon', async ({ page }) => {
  await openEditor(page);
  const preamble = page.locator('.document-page .preamble');
  for (const value of ['', '29 november 2024']) {
    const date = preamble.getByRole('textbox', { name: 'Datum van de vergadering' });
    await date.fill(value);
    await date.press('Enter');
    // The gap between the date's last glyph and the colon, measured on screen: the colon
    // follows the text at once, as in the PDF, where it is one run of text.
    const gap = await preamble.evaluate((p) => {
      const input = p.querySelector<HTMLInputElement>('.date-field')!;
      const context = document.createElement('canvas').getContext('2d')!;
      const style = getComputedStyle(input);
      context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = input.value || input.placeholder;
      const box = input.getBoundingClientRect();
      const textEnd =
        box.left +
        parseFloat(style.paddingLeft) +
        parseFloat(style.borderLeftWidth) +
        context.measureText(text).width;
      const colon = document.createRange();
      const colonNode = input.nextSibling!;
      colon.setStart(colonNode, 0);
      colon.setEnd(colonNode, 1);
      return colon.getBoundingClientRect().left - textEnd;
    });
    expect(gap, `gap before the colon with "${value}"`).toBeLessThanOrEqual(2);
  }
  await screenshot(page, 'conventions-preamble-colon');
});

test('an updated amendement reads "Geactualiseerd amendement"', async ({ page }) => {
  await openEditor(page);
  await metadata(page).getByRole('combobox', { name: 'Soort' }).selectOption('amendement');
  await metadata(page).getByRole('combobox', { name: 'Status' }).selectOption('geactualiseerd');
  // Issue 16, point 4: "Geactualiseerde amendement".
  await expect(
    page.getByRole('combobox', { name: 'Soort stuk' }).locator('option:checked'),
  ).toHaveText('Geactualiseerd amendement');
  await metadata(page).getByRole('combobox', { name: 'Soort' }).selectOption('motie');
  await expect(
    page.getByRole('combobox', { name: 'Soort stuk' }).locator('option:checked'),
  ).toHaveText('Geactualiseerde motie');
});
