/**
 * What the desktop shell does that also exists in browser mode: a window opened for a file
 * (the launch address the desktop app gives a window per document) shows that document, and
 * says why when it cannot; the editor asks for Dutch spell checking; and paper printing, which
 * needs the desktop app's print dialog, is refused with a Dutch reason. The native menus exist
 * only in Electron (electron.spec.ts); here the page has no shell bridge and the toolbar and
 * header do it all. Each menu decision is tested in Node (main/electron/*.test.ts).
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { encodeBase64 } from '../../shared/format/base64.ts';
import { API_VERSION } from '../../shared/api/contract.ts';
import { API_VERSION_HEADER } from '../../shared/api/transportNames.ts';
import { createStateWithTitle } from '../../main/services/testing/yjsDocuments.ts';
import { openEditor, screenshot } from './editorPage.ts';
import { writeTestDocument } from './support/documentFiles.ts';

const documentsDir = process.env.RESOLUTIE_E2E_DOCUMENTS_DIR!;
const unique = (stem: string) => `${stem}-${Date.now().toString(36)}`;

test('a window opened for a file shows that document, and its address forgets it', async ({
  page,
}) => {
  const name = unique('Motie jeugdzorg');
  const file = writeTestDocument(
    path.join(documentsDir, `${name}.resolutie`),
    'Motie over de jeugdzorg',
  );
  await page.goto(`/?document=${encodeURIComponent(file)}`);
  await expect(page.locator('.title-text')).toHaveText('Motie over de jeugdzorg');
  await expect(page).toHaveTitle(`${name} – Resolutie-editor`);
  await expect(page.locator('.doc-state')).toContainText('Opgeslagen');
  // No recovery offer or blank document came in between: the file is what the window shows.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(new URL(page.url()).search).toBe('');
  await screenshot(page, 'desktop-launch-document');
});

test('a window opened for a file it cannot open says why and starts a new document', async ({
  page,
}) => {
  const missing = path.join(documentsDir, `${unique('weg')}.resolutie`);
  await page.goto(`/?document=${encodeURIComponent(missing)}`);
  const notice = page.locator('.status-bar').getByRole('alert');
  await expect(notice).toHaveText(`Het bestand ‘${path.basename(missing)}’ bestaat niet.`);
  await expect(page).toHaveTitle('Naamloos – Resolutie-editor');
  await expect(page.locator('li.item').first()).toBeVisible();

  // A file outside the documents folder that the user never chose is refused as well.
  await page.goto(`/?document=${encodeURIComponent('/etc/passwd.resolutie')}`);
  await expect(notice).toContainText('Geen toegang tot ‘passwd.resolutie’');
  await expect(page).toHaveTitle('Naamloos – Resolutie-editor');
});

test('the editor asks for Dutch spell checking', async ({ page }) => {
  const editor = await openEditor(page);
  await expect(editor).toHaveAttribute('spellcheck', 'true');
  await expect(editor).toHaveAttribute('lang', 'nl');
});

test('in a browser there are no native menus, and paper printing is refused in Dutch', async ({
  page,
}) => {
  await openEditor(page);
  expect(await page.evaluate(() => 'resolutieShell' in window)).toBe(false);
  // The toolbar and header carry what the menus carry in the desktop app.
  await page.getByRole('button', { name: 'Bestand', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Afdrukvoorbeeld' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Wijzigingen bijhouden' })).toBeVisible();

  const state = encodeBase64(createStateWithTitle('Motie'));
  const answer = await page.evaluate(
    async ({ state, header, version }) => {
      const response = await fetch('./api/printOnPaper', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [header]: String(version) },
        body: JSON.stringify({ state }),
      });
      return (await response.json()) as unknown;
    },
    { state, header: API_VERSION_HEADER, version: API_VERSION },
  );
  expect(answer).toEqual({
    ok: false,
    error: {
      code: 'unavailable',
      message:
        'Afdrukken via het afdrukvenster van het systeem kan alleen in de bureaubladapp. Gebruik hier Afdrukvoorbeeld of Exporteren als PDF.',
    },
  });
});
