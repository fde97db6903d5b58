/**
 * The Electron shell itself: the window opens the editor from app://, the page has the API
 * bridge and no Node, and the print preview shows the PDF that the app's own Chromium prints
 * (printToPDF in a hidden window). Needs the Electron binary, which our build machines cannot download;
 * there it skips with the reason printed. The same editor is tested in Chromium by the other
 * specs, and every decision of the shell (window options, navigation, permissions, IPC
 * senders) by the unit tests in main/electron/.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electronBinary.ts';

const appRoot = new URL('../../', import.meta.url).pathname;
const binary = findElectronBinary(appRoot);

/** The app started from this checkout; without the Electron binary, skips with the reason. */
async function launchOrSkip(): Promise<ElectronApplication | null> {
  if (!binary.found) {
    const reason = `Electron-test overgeslagen: ${binary.reason}.`;
    console.log(reason);
    test.skip(true, reason);
    return null;
  }
  return electron.launch({ executablePath: binary.path, args: [appRoot] });
}

test('the desktop window shows the editor, sandboxed, with the API bridge', async () => {
  const app = await launchOrSkip();
  if (!app) return;
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('textbox', { name: 'Tekst van het stuk' })).toBeVisible();
    expect(window.url()).toMatch(/^app:\/\/resolutie\//);
    const page = await window.evaluate(() => ({
      hasBridge: typeof (window as unknown as { resolutieApi?: unknown }).resolutieApi === 'object',
      hasNode: typeof (globalThis as { process?: unknown }).process !== 'undefined',
    }));
    expect(page).toEqual({ hasBridge: true, hasNode: false });
    await expect(window.getByRole('status')).toContainText('Bureaubladapp');
  } finally {
    await app.close();
  }
});

test('the desktop app prints with its own Chromium: the preview shows the pages', async () => {
  const app = await launchOrSkip();
  if (!app) return;
  try {
    const window = await app.firstWindow();
    await window.locator('.title-text').click();
    await window.keyboard.type('Motie over de jeugdzorg');
    await window
      .getByRole('navigation', { name: 'Bestand' })
      .getByRole('button', { name: 'Afdrukvoorbeeld' })
      .click();
    const dialog = window.getByRole('dialog', { name: 'Afdrukvoorbeeld' });
    await expect(dialog).toContainText('1 pagina · A4');
    await expect(dialog.getByRole('img', { name: 'Pagina 1 van 1' })).toHaveJSProperty(
      'tagName',
      'IMG',
    );
  } finally {
    await app.close();
  }
});
