/**
 * Opening and importing as a secretary does: a motie a gemeente sent as text becomes a stuk
 * through Importeren…; files that cannot be imported or opened say why, naming the file; the
 * Openen list marks the files it cannot open; and every document opens at its top.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openEditor, readBlocks, runFileCommand, screenshot, settle } from './editorPage.ts';
import { writeTestDocument } from './support/documentFiles.ts';

const documentsDir = process.env.RESOLUTIE_E2E_DOCUMENTS_DIR!;
const SEED = new URL('../fixtures/seeds/001_92c05f855c935f92.txt', import.meta.url);

const unique = (base: string) => `${base}-${Date.now().toString(36)}`;

/** Importeren… with `file` chosen in the dialog; returns the dialog. */
async function importFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await runFileCommand(page, 'Importeren…');
  const dialog = page.getByRole('dialog', { name: 'Importeren' });
  await dialog.getByLabel('Bestand', { exact: true }).setInputFiles(file);
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  return dialog;
}

/** How far the document page is scrolled. */
const scrollTop = (page: Page) =>
  page.getByRole('main', { name: 'Document' }).evaluate((main) => main.scrollTop);

test('Importeren… turns a resolution sent as text into a stuk, unsaved, named after the file', async ({
  page,
}) => {
  await openEditor(page);
  const dialog = await importFile(page, {
    name: 'resolutie-kabinet.txt',
    mimeType: 'text/plain',
    buffer: readFileSync(SEED),
  });
  await expect(dialog).toHaveCount(0);
  const blocks = await readBlocks(page);
  expect(blocks.map((block) => block.heading)).toEqual(['Overwegende dat:', 'Spreekt uit:']);
  expect(blocks[0]!.items.length).toBeGreaterThan(5);
  expect(blocks[0]!.items[0]).toMatch(/^1\. Gemeenten - mede in het licht/);
  await expect(page.getByRole('banner')).toContainText('resolutie-kabinet');
  await expect(page.getByRole('banner')).toContainText('Nog niet opgeslagen');
  await expect(
    page.getByText(/^Geïmporteerd uit resolutie-kabinet: \d+ overwegingen/),
  ).toBeVisible();
  await screenshot(page, 'import-seed');

  // Opslaan offers the file's name.
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('dialog', { name: 'Opslaan als' }).getByRole('textbox')).toHaveValue(
    'resolutie-kabinet',
  );
});

test('a Word file, a picture and an empty file are refused with the reason, and nothing changes', async ({
  page,
}) => {
  await openEditor(page);
  await page.locator('li.item').first().click();
  await page.keyboard.type('Blijft staan;');
  await settle(page);
  const cases = [
    {
      file: {
        name: 'motie.docx',
        mimeType: 'application/octet-stream',
        buffer: Buffer.from('PK\u0003\u0004'),
      },
      says: 'motie.docx: Het Word-bestand is beschadigd of onvolledig (het einde van het zip-archief ontbreekt).',
    },
    {
      file: {
        name: 'foto.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      },
      says: 'foto.txt: dit is geen tekstbestand.',
    },
    {
      file: { name: 'leeg.txt', mimeType: 'text/plain', buffer: Buffer.from('  \n\n ') },
      says: 'leeg.txt: het bestand is leeg.',
    },
  ];
  for (const { file, says } of cases) {
    await runFileCommand(page, 'Importeren…');
    // The document has unsaved text: Importeren asks first; the user keeps it open.
    await page
      .getByRole('dialog', { name: 'Wijzigingen opslaan?' })
      .getByRole('button', { name: 'Niet opslaan' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Importeren' });
    await dialog.getByLabel('Bestand', { exact: true }).setInputFiles(file);
    await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText(says);
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await expect(page.locator('li.item').first()).toHaveText('Blijft staan;');
  }
});

test('Openen marks the files it cannot open, and the refusal names the file', async ({ page }) => {
  mkdirSync(documentsDir, { recursive: true });
  const good = unique('Goed');
  const letter = unique('Brief');
  writeTestDocument(path.join(documentsDir, `${good}.resolutie`), 'Resolutie over woningbouw');
  writeFileSync(path.join(documentsDir, `${letter}.resolutie`), 'Geachte leden,\n\nHierbij…');
  await openEditor(page);
  await page.keyboard.press('Control+o');
  const open = page.getByRole('dialog', { name: 'Document openen' });
  const folder = open.getByRole('region', { name: 'Documentenmap' });
  const goodEntry = folder.getByRole('button', { name: new RegExp(good) });
  const letterEntry = folder.getByRole('button', { name: new RegExp(letter) });
  await expect(goodEntry).toContainText('Resolutie over woningbouw');
  await expect(goodEntry).not.toContainText('Kan niet worden geopend');
  await expect(letterEntry).toContainText(
    'Kan niet worden geopend: dit is geen resolutie-bestand.',
  );
  await expect(letterEntry).toHaveAccessibleDescription(/dit is geen resolutie-bestand/);
  await screenshot(page, 'open-marked');
  await letterEntry.click();
  await expect(open.getByRole('alert')).toContainText(
    `‘${letter}.resolutie’: Dit is geen resolutie-bestand. Open een bestand dat met de Resolutie-editor is opgeslagen (.resolutie); tekst leest u in met Importeren…`,
  );
  await goodEntry.click();
  await expect(open).toHaveCount(0);
  await expect(page.locator('h1').first()).toContainText('Resolutie over woningbouw');
});

test('every document opens at its top: another one opened, and after Sluiten', async ({ page }) => {
  const first = unique('Lang-een');
  const second = unique('Lang-twee');
  await openEditor(page);
  // Two long documents: the seed, imported twice and saved under their names.
  for (const name of [first, second]) {
    // The first is saved by then: nothing asks about unsaved changes.
    await importFile(page, {
      name: `${name}.txt`,
      mimeType: 'text/plain',
      buffer: readFileSync(SEED),
    });
    await expect(page.getByRole('dialog', { name: 'Importeren' })).toHaveCount(0);
    await page.keyboard.press('Control+s');
    const saveAs = page.getByRole('dialog', { name: 'Opslaan als' });
    await expect(saveAs.getByRole('textbox')).toHaveValue(name);
    await saveAs.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect(saveAs).toHaveCount(0);
  }
  const scrollDown = async () => {
    await page.getByRole('main', { name: 'Document' }).evaluate((main) => main.scrollTo(0, 4000));
    expect(await scrollTop(page)).toBeGreaterThan(1000);
  };

  await scrollDown();
  await page.keyboard.press('Control+o');
  await page
    .getByRole('dialog', { name: 'Document openen' })
    .getByRole('region', { name: 'Documentenmap' })
    .getByRole('button', { name: new RegExp(first) })
    .click();
  await expect(page.getByRole('banner')).toContainText(first);
  expect(await scrollTop(page)).toBe(0);

  await scrollDown();
  await runFileCommand(page, 'Sluiten');
  await expect(page.locator('li.item')).toHaveCount(2);
  expect(await scrollTop(page)).toBe(0);
});
