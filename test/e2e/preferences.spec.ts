/**
 * Voorkeuren in browser mode, as a user meets them: the defaults, clear Dutch messages for
 * what cannot be stored (nothing is stored then), and what the stored preferences change: the
 * assembly of a new stuk, the folder new documents go to, and how dates are shown. Then a
 * preferences file that is partly damaged: the rest still counts, the status bar says so, and
 * the file stays as it was until the user saves.
 *
 * The host is a process of this spec, with a home folder of its own and no documents folder
 * given at start, as a user's installation runs: a folder given at start would win over the
 * preference.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { screenshot } from './editorPage.ts';

const root = new URL('../../', import.meta.url).pathname;
let scratch: string;
let host: ChildProcess;
let url: string;

const home = () => path.join(scratch, 'home');
const profile = () => path.join(scratch, 'profile');
const preferencesFile = () => path.join(profile(), 'preferences.json');
const standardFolder = () => path.join(home(), 'Documents', 'Resoluties');

test.beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'resolutie-voorkeuren-'));
  mkdirSync(home());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home(),
    RESOLUTIE_PROFILE_DIR: profile(),
    RESOLUTIE_SESSION_HOST: '127.0.0.1',
    RESOLUTIE_SESSION_PORT: '0',
  };
  delete env.RESOLUTIE_DOCUMENTS_DIR;
  delete env.XDG_CONFIG_HOME;
  host = spawn(process.execPath, [path.join(root, 'main/host/cli.ts'), '--port', '0'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  url = await new Promise<string>((resolve, reject) => {
    host.stdout!.on('data', (chunk: Buffer) => {
      const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(chunk.toString());
      if (found) resolve(found[0]);
    });
    host.once('exit', (code) => reject(new Error(`host stopped (${code})`)));
  });
});

test.afterAll(async () => {
  if (host.exitCode === null) {
    const exited = new Promise((resolve) => host.once('exit', resolve));
    host.kill('SIGTERM');
    await exited;
  }
  rmSync(scratch, { recursive: true, force: true });
});

async function openApp(page: Page): Promise<void> {
  await page.goto(url);
  await expect(page.locator('li.item').first()).toBeVisible();
}

/** The Gegevens panel, where the preamble's assembly and date are fields too. */
const metadata = (page: Page) => page.getByRole('complementary', { name: 'Gegevens van het stuk' });

async function openPreferences(page: Page) {
  await page.getByRole('button', { name: 'Help' }).click();
  await page.getByRole('menuitem', { name: 'Voorkeuren…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Voorkeuren' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('preferences: defaults, Dutch messages for bad input, and what they change', async ({
  page,
}) => {
  await openApp(page);
  const dialog = await openPreferences(page);
  const name = dialog.getByLabel('Uw naam');
  const assembly = dialog.getByLabel('Vergadering');
  const folder = dialog.getByLabel('Documentenmap');
  await expect(assembly).toHaveValue('ALV');
  await expect(folder).toHaveValue('');
  await expect(folder).toHaveAttribute('placeholder', standardFolder());
  await expect(dialog.getByRole('radio', { name: /Voluit/ })).toBeChecked();
  const pdfArchive = dialog.getByRole('checkbox', { name: 'PDF/A (archief)' });
  await expect(pdfArchive).not.toBeChecked();

  // Bad input: a message beside each field, the first one focused, nothing stored.
  await name.fill('   ');
  await assembly.fill('');
  await folder.fill('Documenten/Resoluties');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toBeFocused();
  await expect(dialog).toContainText(
    'Vul uw naam in: collega’s zien hem bij uw cursor en uw wijzigingen.',
  );
  await expect(dialog).toContainText('Vul de vergadering in, bijvoorbeeld ‘ALV’ of ‘Najaars ALV’.');
  await expect(folder).toHaveAccessibleDescription(/^Geef de volledige map op/);
  await screenshot(page, 'preferences-errors');
  expect(existsSync(preferencesFile())).toBe(false);

  // A full path to a folder that does not exist: the host says so, beside the field.
  const chosen = path.join(scratch, 'Stukken ALV');
  await name.fill('Auteur van Wijchen');
  await assembly.fill('Najaars ALV');
  await folder.fill(chosen);
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(folder).toHaveAccessibleDescription(
    new RegExp(`^De map ‘${chosen}’ bestaat niet\\. Maak hem eerst aan, of kies een andere map\\.`),
  );
  await expect(folder).toBeFocused();
  expect(existsSync(preferencesFile())).toBe(false);

  // Once the folder exists, everything is stored.
  mkdirSync(chosen);
  await dialog.getByRole('radio', { name: /In cijfers/ }).check();
  await pdfArchive.check();
  await expect(folder).toHaveAttribute('aria-invalid', 'true');
  await folder.fill('');
  await folder.fill(chosen);
  await expect(folder).not.toHaveAttribute('aria-invalid');
  await screenshot(page, 'preferences');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();
  const stored = JSON.parse(readFileSync(preferencesFile(), 'utf8'));
  expect(stored).toMatchObject({
    version: 3,
    preferences: {
      userName: 'Auteur van Wijchen',
      defaultAssembly: 'Najaars ALV',
      documentsDir: chosen,
      dateStyle: 'numeric',
      pdfArchive: true,
    },
  });

  // Dates in figures on the screen; the stuk itself still writes the date out.
  const date = metadata(page).getByLabel('Datum van de vergadering');
  await date.fill('29 november 2024');
  await date.press('Enter');
  await expect(date).toHaveValue('29-11-2024');
  await expect(page.locator('.preamble .date-field')).toHaveValue('vrijdag 29 november 2024');

  // A new stuk starts with the assembly; it is saved in the chosen folder.
  await page
    .getByRole('navigation', { name: 'Bestand' })
    .getByRole('button', { name: 'Nieuw…' })
    .click();
  // The date made the stuk unsaved: first the question, then the choice of kind.
  const unsaved = page.getByRole('dialog', { name: 'Wijzigingen opslaan?' });
  await unsaved.getByRole('button', { name: 'Niet opslaan' }).click();
  const newDialog = page.getByRole('dialog', { name: 'Nieuw document' });
  await expect(newDialog).toContainText('De leden bijeen in de Najaars ALV van …:');
  await newDialog.getByRole('button', { name: 'Maken' }).click();
  await expect(metadata(page).getByLabel('Vergadering', { exact: true })).toHaveValue(
    'Najaars ALV',
  );
  await expect(page.locator('.preamble input').first()).toHaveValue('Najaars ALV');
  await page.locator('.title-text').click();
  await page.keyboard.type('Motie jeugdzorg');
  await page.keyboard.press('Control+s');
  const saveAs = page.getByRole('dialog', { name: 'Opslaan als' });
  await saveAs.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(saveAs).toBeHidden();
  expect(existsSync(path.join(chosen, 'Motie jeugdzorg.resolutie'))).toBe(true);
  expect(existsSync(standardFolder())).toBe(false);

  // Openen lists the chosen folder, with its dates in figures.
  await page
    .getByRole('navigation', { name: 'Bestand' })
    .getByRole('button', { name: 'Openen…' })
    .click();
  const open = page.getByRole('dialog', { name: 'Document openen' });
  await expect(open).toContainText(chosen);
  await expect(open).toContainText(/gewijzigd \d{2}-\d{2}-\d{4} \d{2}:\d{2}/);
  await open.getByRole('button', { name: 'Annuleren' }).click();

  // Another start of the page reads them back.
  await openApp(page);
  const again = await openPreferences(page);
  await expect(again.getByLabel('Uw naam')).toHaveValue('Auteur van Wijchen');
  await expect(again.getByLabel('Documentenmap')).toHaveValue(chosen);
  await expect(again).toContainText(`Nu in gebruik: ${chosen}.`);
  await again.getByRole('button', { name: 'Annuleren' }).click();
});

test('a partly damaged preferences file: the rest counts, the user is told, nothing is overwritten', async ({
  page,
}) => {
  const gone = path.join(scratch, 'netwerkschijf');
  const damaged = JSON.stringify({
    format: 'resolutie-preferences',
    version: 2,
    preferences: {
      userName: 'Bewerker Vught',
      userColour: '#00687a',
      defaultAssembly: 'Voorjaars ALV',
      documentsDir: gone,
      dateStyle: 'kort',
    },
  });
  mkdirSync(profile(), { recursive: true });
  writeFileSync(preferencesFile(), damaged);

  await openApp(page);
  const notice = page.locator('.status-bar').getByRole('status').filter({ hasText: 'voorkeuren' });
  await expect(notice).toContainText(
    'Uw voorkeuren konden niet helemaal worden gelezen; de standaardwaarden gelden.',
  );
  // The valid fields still count: the assembly of the first new stuk.
  await expect(metadata(page).getByLabel('Vergadering', { exact: true })).toHaveValue(
    'Voorjaars ALV',
  );

  await notice.getByRole('button', { name: 'Voorkeuren bekijken' }).click();
  const dialog = page.getByRole('dialog', { name: 'Voorkeuren' });
  await expect(dialog.getByLabel('Uw naam')).toHaveValue('Bewerker Vught');
  await expect(dialog.getByRole('radio', { name: /Voluit/ })).toBeChecked();
  await expect(dialog.getByRole('status')).toContainText(
    'De voorkeur ‘Datums tonen’ was ongeldig of ontbrak; datums voluit geldt tot u de voorkeuren opslaat.',
  );
  await expect(dialog.getByRole('status')).toContainText(
    `De documentenmap uit uw voorkeuren (${gone}) is niet bereikbaar`,
  );
  await screenshot(page, 'preferences-damaged');
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  expect(readFileSync(preferencesFile(), 'utf8')).toBe(damaged);

  // Saving with the folder emptied stores a whole, valid file; the notice goes.
  const again = await openPreferences(page);
  await again.getByLabel('Documentenmap').fill('');
  await again.getByRole('button', { name: 'Opslaan' }).click();
  await expect(again).toBeHidden();
  await expect(notice).toBeHidden();
  expect(JSON.parse(readFileSync(preferencesFile(), 'utf8')).preferences).toEqual({
    userName: 'Bewerker Vught',
    userColour: '#00687a',
    defaultAssembly: 'Voorjaars ALV',
    documentsDir: null,
    dateStyle: 'long',
    pdfArchive: false,
  });
});
