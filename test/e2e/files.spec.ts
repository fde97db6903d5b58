/**
 * Files as a user handles them in browser mode: Save (which asks a name the first time), the
 * unsaved marker in the header and the title bar, Close with the unsaved-changes question,
 * Open from the recent list and from the documents folder, Save as over an existing name, and
 * a damaged file that is refused without harm.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openEditor, runFileCommand, screenshot, settle } from './editorPage.ts';

const documentsDir = process.env.RESOLUTIE_E2E_DOCUMENTS_DIR!;
const unique = (stem: string) => `${stem}-${Date.now().toString(36)}`;

const fileCommand = runFileCommand;

test('save, see unsaved changes, close with the question, and open again', async ({ page }) => {
  const name = unique('inzet-kabinet');
  await openEditor(page);
  await expect(page).toHaveTitle('Naamloos – Resolutie-editor');
  await page.locator('.title-text').click();
  await page.keyboard.type('Inzet richting het kabinet');
  await expect(page).toHaveTitle('● Naamloos – Resolutie-editor');

  // Ctrl+S on a new document asks for a name.
  await page.keyboard.press('Control+s');
  const saveAs = page.getByRole('dialog', { name: 'Opslaan als' });
  await expect(saveAs.getByRole('textbox', { name: 'Naam van het document' })).toHaveValue(
    'Inzet richting het kabinet',
  );
  await saveAs.getByRole('textbox', { name: 'Naam van het document' }).fill(name);
  await saveAs.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(saveAs).toBeHidden();
  await expect(page).toHaveTitle(`${name} – Resolutie-editor`);
  await expect(page.locator('.doc-state')).toContainText('Opgeslagen om');
  const saved = JSON.parse(readFileSync(path.join(documentsDir, `${name}.resolutie`), 'utf8'));
  expect(saved.format).toBe('resolutie');
  expect(saved.metadata.title).toBe('Inzet richting het kabinet');

  // More typing: unsaved again; Close asks, Cancel keeps everything.
  await page.locator('li.item').first().click();
  await page.keyboard.type('Gemeenten willen;');
  await expect(page).toHaveTitle(`● ${name} – Resolutie-editor`);
  await fileCommand(page, 'Sluiten');
  const question = page.getByRole('dialog', { name: 'Wijzigingen opslaan?' });
  await expect(question).toContainText(name);
  await question.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.locator('li.item').first()).toHaveText('Gemeenten willen;');

  // Close without saving: a new, empty document.
  await fileCommand(page, 'Sluiten');
  await question.getByRole('button', { name: 'Niet opslaan' }).click();
  await expect(page).toHaveTitle('Naamloos – Resolutie-editor');
  await expect(page.locator('.title-text')).toHaveText('');

  // Open it again from the recent list: the saved text, not the discarded edit.
  await page.keyboard.press('Control+o');
  const open = page.getByRole('dialog', { name: 'Document openen' });
  const recent = open.getByRole('region', { name: 'Recente documenten' });
  await expect(recent.getByRole('button').first()).toContainText('Inzet richting het kabinet');
  await screenshot(page, 'files-open-dialog');
  await recent.getByRole('button').first().click();
  await expect(open).toBeHidden();
  await expect(page.locator('.title-text')).toHaveText('Inzet richting het kabinet');
  await expect(page.locator('li.item').first()).toHaveText('');
  await expect(page).toHaveTitle(`${name} – Resolutie-editor`);
});

test('save with the question on close, and save as over an existing name', async ({ page }) => {
  const first = unique('motie-a');
  await openEditor(page);
  await page.locator('.title-text').click();
  await page.keyboard.type('Eerste motie');
  await fileCommand(page, 'Sluiten');
  await page
    .getByRole('dialog', { name: 'Wijzigingen opslaan?' })
    .getByRole('button', { name: 'Opslaan', exact: true })
    .click();
  // Never saved: saving asks the name first, then the close goes on.
  const saveAs = page.getByRole('dialog', { name: 'Opslaan als' });
  await saveAs.getByRole('textbox').fill(first);
  await saveAs.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page).toHaveTitle('Naamloos – Resolutie-editor');

  // A second document saved as the same name: the dialog says so and offers to replace.
  await page.locator('.title-text').click();
  await page.keyboard.type('Tweede motie');
  await fileCommand(page, 'Opslaan als…');
  await saveAs.getByRole('textbox').fill(first);
  await saveAs.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(saveAs.getByRole('alert')).toContainText('Er bestaat al een document');
  await expect(
    JSON.parse(readFileSync(path.join(documentsDir, `${first}.resolutie`), 'utf8')).metadata.title,
  ).toBe('Eerste motie');
  await saveAs.getByRole('button', { name: 'Vervangen' }).click();
  await expect(saveAs).toBeHidden();
  await expect(
    JSON.parse(readFileSync(path.join(documentsDir, `${first}.resolutie`), 'utf8')).metadata.title,
  ).toBe('Tweede motie');
});

test('a damaged file in the folder is refused with a clear message, and nothing changes', async ({
  page,
}) => {
  mkdirSync(documentsDir, { recursive: true });
  const broken = unique('kapot');
  writeFileSync(
    path.join(documentsDir, `${broken}.resolutie`),
    '{"format": "resolutie", "formatVersion": 1, "yjs": {"enc',
  );
  await openEditor(page);
  await page.locator('li.item').first().click();
  await page.keyboard.type('Blijft staan;');
  await settle(page);
  // New document has unsaved text: Open first asks; we discard, then pick the broken file.
  await page.keyboard.press('Control+o');
  await page
    .getByRole('dialog', { name: 'Wijzigingen opslaan?' })
    .getByRole('button', { name: 'Annuleren' })
    .click();
  await fileCommand(page, 'Nieuw…');
  await page
    .getByRole('dialog', { name: 'Wijzigingen opslaan?' })
    .getByRole('button', { name: 'Niet opslaan' })
    .click();
  const fresh = page.getByRole('dialog', { name: 'Nieuw document' });
  await fresh.getByRole('radio', { name: 'Motie' }).check();
  await fresh.getByRole('button', { name: 'Maken' }).click();
  await expect(page.getByRole('combobox', { name: 'Soort stuk' })).toHaveValue('motie');
  await page.locator('li.item').first().click();
  await page.keyboard.type('Ook dit blijft;');

  await page.keyboard.press('Control+o');
  await page
    .getByRole('dialog', { name: 'Wijzigingen opslaan?' })
    .getByRole('button', { name: 'Niet opslaan' })
    .click();
  const open = page.getByRole('dialog', { name: 'Document openen' });
  await open
    .getByRole('region', { name: 'Documentenmap' })
    .getByRole('button', { name: new RegExp(broken) })
    .click();
  await expect(open.getByRole('alert')).toContainText('beschadigd of onvolledig');
  await expect(open).toBeVisible();
  await open.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.locator('li.item').first()).toHaveText('Ook dit blijft;');
  expect(readFileSync(path.join(documentsDir, `${broken}.resolutie`), 'utf8')).toContain(
    '"yjs": {"enc',
  );
});

test('the metadata panel edits kind, assembly, date, indiener, status and version label', async ({
  page,
}) => {
  await openEditor(page);
  const panel = page.getByRole('complementary', { name: 'Gegevens van het stuk' });
  await panel.getByRole('textbox', { name: 'Vergadering', exact: true }).fill('Najaars ALV');
  await panel.getByRole('textbox', { name: 'Vergadering', exact: true }).press('Enter');
  await panel.getByRole('textbox', { name: 'Datum van de vergadering' }).fill('29-11-2024');
  await panel.getByRole('textbox', { name: 'Datum van de vergadering' }).press('Enter');
  await expect(
    page.locator('.document-page').getByRole('textbox', { name: 'Vergadering', exact: true }),
  ).toHaveValue('Najaars ALV');
  await expect(
    page.locator('.document-page').getByRole('textbox', { name: 'Datum van de vergadering' }),
  ).toHaveValue('vrijdag 29 november 2024');
  await panel.getByRole('textbox', { name: 'Datum van de vergadering' }).fill('31 februari 2024');
  await panel.getByRole('textbox', { name: 'Datum van de vergadering' }).press('Enter');
  await expect(panel.getByRole('alert')).toContainText(
    '„31 februari 2024” bestaat niet: februari heeft in 2024 29 dagen.',
  );
  await panel.getByRole('textbox', { name: 'Indiener' }).fill('Gemeente Oudewater');
  await panel.getByRole('textbox', { name: 'Indiener' }).press('Tab');
  await panel.getByRole('combobox', { name: 'Status' }).selectOption('geactualiseerd');
  await panel.getByRole('combobox', { name: 'Soort' }).selectOption('motie');
  await panel.getByRole('textbox', { name: 'Versielabel' }).fill('Concept 12 november');
  await panel.getByRole('textbox', { name: 'Versielabel' }).press('Enter');
  await expect(page.getByRole('combobox', { name: 'Soort stuk' })).toHaveValue('motie');
  await expect(
    page.getByRole('combobox', { name: 'Soort stuk' }).locator('option:checked'),
  ).toHaveText('Geactualiseerde motie');
  const doc = (await page.evaluate(() => window.resolutieDocument!())) as {
    content: { attrs?: Record<string, unknown> }[];
  };
  expect(doc.content[0]!.attrs).toMatchObject({
    kind: 'motie',
    status: 'geactualiseerd',
    submitter: 'Gemeente Oudewater',
    versionLabel: 'Concept 12 november',
  });
  expect(doc.content[1]!.attrs).toEqual({
    assembly: 'Najaars ALV',
    date: '2024-11-29',
    ignoredChecks: '',
  });
  await screenshot(page, 'files-metadata-panel');
});
