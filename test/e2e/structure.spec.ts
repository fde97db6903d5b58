/**
 * Blocks as a user manages them (add, retitle, move, remove), pasting seed 001, the outline,
 * and the accessible names of every control.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
  openEditor,
  pasteText,
  readBlocks,
  readDocument,
  readOutline,
  screenshot,
} from './editorPage.ts';

const SEED_001 = readFileSync(
  new URL('../fixtures/seeds/001_92c05f855c935f92.txt', import.meta.url),
  'utf8',
);

test('pasting seed 001 gives 6 recitals, 6 operative clauses and the Toelichting', async ({
  page,
}) => {
  await openEditor(page);
  await page.locator('li.item').first().click();
  await pasteText(page, SEED_001);

  const blocks = await readBlocks(page);
  expect(blocks.map((b) => b.heading)).toEqual(['Overwegende dat:', 'Spreekt uit:']);
  expect(blocks[0]!.items.map((i) => i.split(' ')[0])).toEqual([
    '1.',
    '2.',
    '3.',
    '4.',
    '5.',
    '6.',
  ]);
  expect(blocks[1]!.items.map((i) => i.split(' ')[0])).toEqual([
    '1.',
    '2.',
    '3.',
    '4.',
    '5.',
    '6.',
  ]);
  expect(blocks[0]!.items[0]).toMatch(/^1\. Gemeenten - mede in het licht van/);
  expect(blocks[1]!.items[2]).toContain('op de thema’s bestaanszekerheid, wonen');
  expect(blocks[1]!.items[5]).toMatch(/^6\. Dat indien de omstandigheden .* voorjaar van 2025\.$/);

  await expect(page.locator('.title-text')).toHaveText('VNG-inzet richting nieuwe kabinet');
  await expect(page.getByRole('combobox', { name: 'Soort stuk' })).toHaveValue('resolutie');
  await expect(
    page.locator('.document-page').getByRole('textbox', { name: 'Vergadering', exact: true }),
  ).toHaveValue('Najaars ALV');
  await expect(
    page.locator('.document-page').getByRole('textbox', { name: 'Datum van de vergadering' }),
  ).toHaveValue('vrijdag 29 november 2024');

  const outline = await readOutline(page);
  expect(outline.slice(0, 3)).toEqual([
    'Overwegende dat: 6 overwegingen',
    'Spreekt uit: 6 punten',
    'Toelichting',
  ]);
  for (const heading of ['Informele ledenpeiling', 'Overhedenoverleg', 'Agenda op voorwaarden']) {
    expect(outline).toContain(heading);
  }
  await page.evaluate(() => document.querySelector('.page-area')!.scrollTo(0, 0));
  await screenshot(page, 'editor-seed-001');

  // Clicking a Toelichting heading in the outline brings it into view with the cursor in it.
  await page
    .getByRole('navigation', { name: 'Overzicht van het stuk' })
    .getByRole('button', { name: 'Agenda op voorwaarden' })
    .click();
  const target = page.locator('.explanation-body h3, .explanation-body h4', {
    hasText: 'Agenda op voorwaarden',
  });
  await expect(target).toBeInViewport();
  const cursorIn = await page.evaluate(() => window.getSelection()?.anchorNode?.textContent ?? '');
  expect(cursorIn).toContain('Agenda op voorwaarden');

  const doc = await readDocument(page);
  expect(doc.content.map((n) => n.type)).toEqual([
    'title',
    'preamble',
    'recitals',
    'operatives',
    'explanation',
  ]);
});

test('adding, retitling, moving and removing blocks', async ({ page }) => {
  await openEditor(page);
  await page.locator('li.item').first().click();
  await page.keyboard.type('Eerste overweging;');

  await page.getByRole('button', { name: 'Blok overwegingen toevoegen' }).first().click();
  await page.keyboard.type('Iets dat wij constateren;');
  const second = page.locator('section.clause-block').nth(1);
  await second
    .getByRole('combobox', { name: 'Kop van het blok' })
    .selectOption({ label: 'Constaterende dat:' });
  expect((await readBlocks(page)).map((b) => b.heading)).toEqual([
    'Overwegende dat:',
    'Constaterende dat:',
    'Spreekt uit:',
  ]);

  // Move "Constaterende dat:" above "Overwegende dat:"; numbering restarts per block.
  await second.hover();
  await second.getByRole('button', { name: 'Blok omhoog' }).click();
  expect(await readBlocks(page)).toEqual([
    { heading: 'Constaterende dat:', items: ['1. Iets dat wij constateren;'] },
    { heading: 'Overwegende dat:', items: ['1. Eerste overweging;'] },
    { heading: 'Spreekt uit:', items: ['1.'] },
  ]);

  // The only operative block offers no remove button; a second one can be removed.
  const operative = page.locator('section.clause-block[data-kind="operative"]');
  await expect(operative.getByRole('button', { name: 'Blok verwijderen' })).toBeHidden();
  await page.getByRole('button', { name: 'Blok dictum toevoegen' }).first().click();
  await operative
    .nth(1)
    .getByRole('combobox', { name: 'Kop van het blok' })
    .selectOption({ label: 'Roept op:' });
  await operative.nth(1).hover();
  await operative.nth(1).getByRole('button', { name: 'Blok verwijderen' }).click();
  expect((await readBlocks(page)).map((b) => b.heading)).toEqual([
    'Constaterende dat:',
    'Overwegende dat:',
    'Spreekt uit:',
  ]);
  await screenshot(page, 'editor-blocks');
});

test('every control has an accessible name, and the editor too', async ({ page }) => {
  await openEditor(page);
  // A control's name: aria-label, aria-labelledby, a <label> around or for it, or a button's text.
  const unnamed = await page
    .locator('button, select, input, [role="textbox"]')
    .evaluateAll((elements) =>
      elements
        .filter((el) => {
          const text = (value: string | null | undefined) => (value ?? '').trim() !== '';
          if (text(el.getAttribute('aria-label'))) return false;
          const labelledBy = el.getAttribute('aria-labelledby');
          if (labelledBy && text(document.getElementById(labelledBy)?.textContent)) return false;
          const labels = (el as HTMLInputElement).labels;
          if (labels && [...labels].some((label) => text(label.textContent))) return false;
          return !(el.tagName === 'BUTTON' && text((el as HTMLElement).innerText));
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
  expect(unnamed).toEqual([]);
  const toolbar = page.getByRole('toolbar', { name: 'Werkbalk' });
  await expect(toolbar.getByRole('button', { name: 'Vet' })).toHaveAttribute(
    'title',
    'Vet (Ctrl+B)',
  );
  await expect(toolbar.getByRole('button', { name: 'Ongedaan maken' })).toHaveAttribute(
    'aria-keyshortcuts',
    'Control+Z',
  );
});
