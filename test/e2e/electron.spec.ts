/**
 * The Electron shell itself: the window opens the editor from app://, the page has the API
 * bridge and no Node, and the print preview shows the PDF that the app's own Chromium prints
 * (printToPDF in a hidden window); the Dutch menu bar follows the document; documents named on
 * the command line (or by a second start) open each in a window of their own; the window's
 * place is remembered; Dutch spell checking is on. Needs the Electron binary, which our build
 * machines cannot download; there it skips with the reason printed. The same editor is tested
 * in Chromium by the other specs (desktop.spec.ts: the launch address, spell checking), and
 * every decision of the shell (window options, navigation, permissions, IPC senders, menus,
 * launch arguments, window placement) by the unit tests in main/electron/.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electronBinary.ts';
import { writeTestDocument } from './support/documentFiles.ts';
import { runFileCommand } from './editorPage.ts';

const appRoot = new URL('../../', import.meta.url).pathname;
const binary = findElectronBinary(appRoot);

/** Where a launched app keeps its profile and documents: fresh folders, never the user's. */
interface AppFolders {
  profile: string;
  documents: string;
}

function createAppFolders(): AppFolders {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'resolutie-electron-'));
  return { profile: path.join(scratch, 'profiel'), documents: path.join(scratch, 'documenten') };
}

function appEnvironment(folders: AppFolders): Record<string, string> {
  return {
    ...(process.env as Record<string, string>),
    RESOLUTIE_PROFILE_DIR: folders.profile,
    RESOLUTIE_DOCUMENTS_DIR: folders.documents,
  };
}

/**
 * The app started from this checkout, with `args` after the app's folder and, when given, its
 * own profile and documents folders; without the Electron binary, skips with the reason.
 */
async function launchOrSkip(
  options: { args?: string[]; folders?: AppFolders } = {},
): Promise<ElectronApplication | null> {
  if (!binary.found) {
    const reason = `Electron-test overgeslagen: ${binary.reason}.`;
    console.log(reason);
    test.skip(true, reason);
    return null;
  }
  return electron.launch({
    executablePath: binary.path,
    args: [appRoot, ...(options.args ?? [])],
    ...(options.folders ? { env: appEnvironment(options.folders) } : {}),
  });
}

/** The editor windows' titles (document title lines), once `count` windows show a document. */
async function readWindowTitles(app: ElectronApplication, count: number): Promise<string[]> {
  await expect.poll(() => app.windows().length).toBe(count);
  const titles: string[] = [];
  for (const window of app.windows()) {
    await expect(window.locator('li.item').first()).toBeVisible();
    titles.push((await window.locator('.title-text').textContent()) ?? '');
  }
  return titles.sort();
}

/** Whether the menu bar's item `id` is enabled, or null when there is no such item. */
function isMenuItemEnabled(app: ElectronApplication, id: string): Promise<boolean | null> {
  return app.evaluate(
    ({ Menu }, itemId) => Menu.getApplicationMenu()?.getMenuItemById(itemId)?.enabled ?? null,
    id,
  );
}

/** Chooses the menu bar's item `id` for the first window, as a click in the menu does. */
async function chooseMenuItem(app: ElectronApplication, id: string): Promise<void> {
  await app.evaluate(({ BrowserWindow, Menu }, itemId) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById(itemId);
    if (!item) throw new Error(`geen menu-item ${itemId}`);
    item.click(
      undefined,
      BrowserWindow.getAllWindows().find((window) => window.isVisible()),
    );
  }, id);
}

async function typeTitle(window: Page, title: string): Promise<void> {
  await window.locator('.title-text').click();
  await window.keyboard.type(title);
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
    await runFileCommand(window, 'Afdrukvoorbeeld');
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

test('the Dutch menu bar follows the document and runs the window’s commands', async () => {
  const app = await launchOrSkip({ folders: createAppFolders() });
  if (!app) return;
  try {
    const window = await app.firstWindow();
    await expect(window.locator('li.item').first()).toBeVisible();
    const labels = await app.evaluate(({ Menu }) =>
      (Menu.getApplicationMenu()?.items ?? []).map((item) => item.label),
    );
    for (const label of ['Bestand', 'Bewerken', 'Beeld', 'Document', 'Sessie', 'Help']) {
      expect(labels).toContain(label);
    }
    expect(labels.indexOf('Bestand')).toBeLessThan(labels.indexOf('Help'));

    // Nothing to save or undo in a new document; typing changes both.
    await expect.poll(() => isMenuItemEnabled(app, 'save')).toBe(false);
    await expect.poll(() => isMenuItemEnabled(app, 'undo')).toBe(false);
    await typeTitle(window, 'Motie over de jeugdzorg');
    await expect.poll(() => isMenuItemEnabled(app, 'save')).toBe(true);
    await expect.poll(() => isMenuItemEnabled(app, 'undo')).toBe(true);
    await expect.poll(() => isMenuItemEnabled(app, 'acceptChange')).toBe(false);

    // Document › Wijzigingen bijhouden is the toolbar's button, and shows its state as a check.
    await chooseMenuItem(app, 'toggleSuggesting');
    await expect(window.getByRole('button', { name: 'Wijzigingen bijhouden' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect
      .poll(() =>
        app.evaluate(
          ({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('toggleSuggesting')?.checked,
        ),
      )
      .toBe(true);
    // A proposal under the cursor can be accepted from the menu.
    await window.keyboard.type(' en het onderwijs');
    await expect.poll(() => isMenuItemEnabled(app, 'acceptChange')).toBe(true);
    await chooseMenuItem(app, 'acceptChange');
    await expect(window.getByRole('region', { name: 'Wijzigingen' })).toContainText(
      'Geen wijzigingen in behandeling.',
    );
    await expect.poll(() => isMenuItemEnabled(app, 'acceptChange')).toBe(false);
    await expect(window.locator('.title-text')).toHaveText(
      'Motie over de jeugdzorg en het onderwijs',
    );

    // Bestand › Opslaan as, the header's Save: the first time it asks for a name.
    await chooseMenuItem(app, 'save');
    await expect(window.getByRole('dialog', { name: 'Opslaan als' })).toBeVisible();
  } finally {
    await app.close();
  }
});

test('Dutch spell checking is on', async () => {
  const app = await launchOrSkip({ folders: createAppFolders() });
  if (!app) return;
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('textbox', { name: 'Tekst van het stuk' })).toHaveAttribute(
      'spellcheck',
      'true',
    );
    const spelling = await app.evaluate(({ session }) => ({
      platform: process.platform,
      languages: session.defaultSession.getSpellCheckerLanguages(),
    }));
    // macOS uses the system's checker, which follows the user's languages.
    if (spelling.platform !== 'darwin') {
      expect(spelling.languages.some((language) => language.startsWith('nl'))).toBe(true);
    }
  } finally {
    await app.close();
  }
});

test('documents on the command line open each in a window of its own', async () => {
  const folders = createAppFolders();
  // Outside the documents folder: the file manager may hand the app any file.
  const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'resolutie-elders-'));
  const motie = writeTestDocument(
    path.join(elsewhere, 'Motie jeugdzorg.resolutie'),
    'Motie jeugdzorg',
  );
  const resolutie = writeTestDocument(
    path.join(elsewhere, 'Resolutie wonen.resolutie'),
    'Resolutie wonen',
  );
  const app = await launchOrSkip({ folders, args: [motie, resolutie] });
  if (!app) return;
  try {
    expect(await readWindowTitles(app, 2)).toEqual(['Motie jeugdzorg', 'Resolutie wonen']);
    for (const window of app.windows()) {
      expect(new URL(window.url()).search).toBe('');
      await expect(window.locator('.doc-state')).toContainText('Opgeslagen');
    }

    // A second start (the file manager again) hands its document to this one: a third window,
    // with the relative path read against the second start's working folder.
    const third = writeTestDocument(path.join(elsewhere, 'Amendement.resolutie'), 'Amendement');
    const second = spawn(binary.found ? binary.path : '', [appRoot, path.basename(third)], {
      cwd: elsewhere,
      env: appEnvironment(folders),
      stdio: 'ignore',
    });
    const exitCode = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(exitCode).toBe(0);
    expect(await readWindowTitles(app, 3)).toEqual([
      'Amendement',
      'Motie jeugdzorg',
      'Resolutie wonen',
    ]);

    // The same file again only brings its window forward.
    const again = spawn(binary.found ? binary.path : '', [appRoot, motie], {
      env: appEnvironment(folders),
      stdio: 'ignore',
    });
    await new Promise((resolve) => again.on('exit', resolve));
    expect(await readWindowTitles(app, 3)).toHaveLength(3);
  } finally {
    await app.close();
  }
});

test('Nieuw venster opens another window, and the window’s place is remembered', async () => {
  const folders = createAppFolders();
  const app = await launchOrSkip({ folders });
  if (!app) return;
  const bounds = { x: 60, y: 70, width: 900, height: 640 };
  try {
    await app.firstWindow();
    await chooseMenuItem(app, 'newWindow');
    await expect.poll(() => app.windows().length).toBe(2);
    await app.evaluate(({ BrowserWindow }, wanted) => {
      for (const window of BrowserWindow.getAllWindows()) window.setBounds(wanted);
    }, bounds);
  } finally {
    await app.close();
  }
  const stateFile = path.join(folders.profile, 'window-state.json');
  expect(existsSync(stateFile)).toBe(true);
  expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toMatchObject({ bounds, maximized: false });

  const again = await launchOrSkip({ folders });
  if (!again) return;
  try {
    await again.firstWindow();
    const reopened = await again.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]!.getNormalBounds(),
    );
    expect(reopened).toEqual(bounds);
  } finally {
    await again.close();
  }
});
