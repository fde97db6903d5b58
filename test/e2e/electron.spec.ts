/**
 * The Electron shell itself: the window opens the editor from app://, the page has the API
 * bridge and no Node. Needs the Electron binary, which our build machines cannot download;
 * there it skips with the reason printed. The same editor is tested in Chromium by the other
 * specs, and every decision of the shell (window options, navigation, permissions, IPC
 * senders) by the unit tests in main/electron/.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electronBinary.ts';

const appRoot = new URL('../../', import.meta.url).pathname;
const binary = findElectronBinary(appRoot);

test('the desktop window shows the editor, sandboxed, with the API bridge', async () => {
  if (!binary.found) {
    const reason = `Electron-test overgeslagen: ${binary.reason}.`;
    console.log(reason);
    test.skip(true, reason);
    return;
  }
  const app = await electron.launch({ executablePath: binary.path, args: [appRoot] });
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
