/**
 * The conventions of the stukken as the editor and the PDF show them (issue 16, points 4, 11,
 * 12, 13): the kind's adjective agrees with its noun, a wrong date says what is wrong and the
 * preamble and Gegevens show the same stored date, the preamble's colon follows the date
 * directly, a stuk that is no resolution prints no placeholder preamble, and the import reads
 * a motie's questions as headings.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { ARTIFACTS, openEditor, runFileCommand, screenshot } from './editorPage.ts';

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

/** Importeren… with a text file of `text` named `name`; waits until the stuk is open. */
async function importText(page: Page, name: string, text: string | Buffer): Promise<void> {
  await runFileCommand(page, 'Importeren…');
  const dialog = page.getByRole('dialog', { name: 'Importeren' });
  await dialog.getByLabel('Bestand', { exact: true }).setInputFiles({
    name,
    mimeType: 'text/plain',
    buffer: typeof text === 'string' ? Buffer.from(text, 'utf8') : text,
  });
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

test('a letter imported as Toelichting only prints no kind and no placeholder preamble', async ({
  page,
}) => {
  await openEditor(page);
  const letter = readFileSync(
    new URL('../fixtures/seeds/003_098bd7657cceb3f5.txt', import.meta.url),
  );
  await importText(page, 'Brief minister overhedenoverleg.txt', letter);
  await expect(page.locator('.document-page .explanation')).toContainText(
    'Aan de Voorzitter van de Eerste Kamer der Staten-Generaal',
  );

  const download = page.waitForEvent('download');
  await runFileCommand(page, 'Exporteren als PDF');
  const file = await download;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'resolutie-conventions-'));
  const saved = path.join(dir, 'brief.pdf');
  await file.saveAs(saved);

  // Issue 16, point 12: the letter printed "Resolutie" and "De leden bijeen in de ALV van …:".
  const text = execFileSync('pdftotext', ['-l', '1', saved, '-'], { encoding: 'utf8' });
  expect(text).not.toContain('De leden bijeen');
  expect(text).not.toContain('Resolutie');
  expect(text).not.toContain('Toelichting');
  // The header says CONCEPT (an import is a concept until Gegevens says otherwise); the
  // letter has no title, so it is named by its file, as the bundle names it; its headings
  // stay the text's own.
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  expect(lines[0]).toBe('CONCEPT');
  expect(lines[1]).toBe('Brief minister overhedenoverleg');
  expect(text).toMatch(/Aan de Voorzitter van de Eerste Kamer der Staten-?\s*Generaal/);
  expect(text).toContain('Den Haag, 25 april 2025');
  // The first page as an image, to look at.
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    saved,
    path.join(dir, 'page'),
  ]);
  execFileSync('cp', [
    path.join(dir, 'page-1.png'),
    `${ARTIFACTS}conventions-letter-pdf-page-1.png`,
  ]);
});

// A motie as members send it: the indiener under the title, questions as section headings.
const MOTIE = readFileSync(new URL('../fixtures/motie-met-indiener.txt', import.meta.url), 'utf8');

test('a motie imported as text: its indiener goes to Gegevens, its questions are headings', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openEditor(page);
  await importText(page, 'motie-oudewater.txt', MOTIE);
  const explanation = page.locator('.document-page .explanation');
  // Issue 16, point 13.
  await expect(explanation.getByRole('heading', { name: 'Waarom nu?' })).toBeVisible();
  await expect(
    explanation.getByRole('heading', { name: 'Wat vragen wij van het bestuur?' }),
  ).toBeVisible();
  await expect(page.locator('.document-page')).not.toContainText('Ingediend door');
  await expect(metadata(page).getByRole('textbox', { name: 'Indiener' })).toHaveValue(
    'gemeente Oudewater (mede namens de gemeenten Woerden, Montfoort en IJsselstein)',
  );
  await expect(page.getByRole('navigation', { name: 'Overzicht van het stuk' })).toContainText(
    'Waarom nu?',
  );
  await explanation.getByRole('heading', { name: 'Waarom nu?' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'conventions-motie-import');
});
