/**
 * The editor windows without Electron: fakes of its windows, screens, dialogs and menus
 * (`testing/fakeWindowSystem.ts`) stand where main.ts hands in the real ones, and the test does
 * what the user and the system would: open documents, focus and close windows, quit.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { withLaunchDocument } from '../../shared/api/launchDocument.ts';
import { EMPTY_MENU_STATE, type MenuState } from '../../shared/api/menuState.ts';
import { SHELL_CHANNELS } from '../../shared/api/shellBridge.ts';
import { APP_ENTRY_URL } from './appProtocol.ts';
import type { ContextMenuClick } from './contextMenu.ts';
import { UNSAVED_CLOSE_PROMPT } from './documentEvents.ts';
import { EditorWindows } from './editorWindows.ts';
import type { IpcSender } from './security.ts';
import {
  FakePlaceStore,
  FakeWindowSystem,
  findMenuItem,
  type FakeWindow,
} from './testing/fakeWindowSystem.ts';
import { CASCADE_STEP, type WindowState } from './windowPlacement.ts';

const EXECUTABLE = '/opt/resolutie/resolutie-editor';
const PAGE: IpcSender = { url: APP_ENTRY_URL, isTopFrame: true };

let dir: string;
let docA: string;
let docB: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'editor-windows-'));
  docA = path.join(dir, 'a.resolutie');
  docB = path.join(dir, 'b.resolutie');
  writeFileSync(docA, '');
  writeFileSync(docB, '');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The class on fakes, as main.ts makes it on Electron. */
function setUp(options: { stored?: WindowState | null; platform?: string } = {}) {
  const system = new FakeWindowSystem();
  const store = new FakePlaceStore(options.stored ?? null);
  const granted: string[] = [];
  const reportError = vi.fn();
  const windows = new EditorWindows({
    electron: system,
    placeStore: store,
    preloadPath: '/app/preload.cjs',
    grantDocument: (filePath) => granted.push(filePath),
    platform: options.platform ?? 'linux',
    appName: 'Resolutie-editor',
    developer: false,
    reportError,
  });
  const launch = (...documents: string[]) => windows.launch([EXECUTABLE, ...documents], dir);
  return { system, store, granted, reportError, windows, launch };
}

/** The window `system` opened as number `index` (oldest first). */
function opened(system: FakeWindowSystem, index: number): FakeWindow {
  const window = system.windows[index];
  if (!window) throw new Error(`no window ${index}`);
  return window;
}

const showing = (change: Partial<MenuState> = {}): MenuState => ({
  ...EMPTY_MENU_STATE,
  hasDocument: true,
  editable: true,
  ...change,
});

/** Lets the promises settle that are waiting now (the place store's queue). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('opening windows', () => {
  it('opens the first window where the last one was left, maximized once its page is ready', async () => {
    const stored = { bounds: { x: 200, y: 100, width: 1000, height: 700 }, maximized: true };
    const { system, launch } = setUp({ stored });
    await launch();

    expect(system.windows).toHaveLength(1);
    const window = opened(system, 0);
    expect(window.options).toMatchObject({
      ...stored.bounds,
      show: false,
      webPreferences: { preload: '/app/preload.cjs', sandbox: true, contextIsolation: true },
    });
    expect(window.webContents.loaded).toEqual([APP_ENTRY_URL]);
    // Shown only when the page is ready, so the user never sees an empty frame.
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
    expect(window.maximized).toBe(true);
  });

  it('opens a second window below and right of the first, not on top of it', async () => {
    const stored = { bounds: { x: 200, y: 100, width: 1000, height: 700 }, maximized: false };
    const { system, launch } = setUp({ stored });
    await launch();
    const menu = system.menuBar;
    const newWindow = findMenuItem(menu?.items ?? [], 'newWindow');
    menu?.clicks.action(newWindow.action ?? { kind: 'newWindow' }, undefined);

    expect(system.windows).toHaveLength(2);
    expect(opened(system, 1).getNormalBounds()).toEqual({
      x: 200 + CASCADE_STEP,
      y: 100 + CASCADE_STEP,
      width: 1000,
      height: 700,
    });
    opened(system, 1).emit('ready-to-show');
    expect(opened(system, 1).maximized).toBe(false);
  });

  it('asks before a window with unsaved changes closes, and closes it only when told to', async () => {
    const { system, launch } = setUp();
    await launch();
    const window = opened(system, 0);

    system.answer = 1;
    expect(window.webContents.refuseUnload()).toBe(false);
    system.answer = 0;
    expect(window.webContents.refuseUnload()).toBe(true);
    expect(system.questions).toEqual([
      { window, options: UNSAVED_CLOSE_PROMPT },
      { window, options: UNSAVED_CLOSE_PROMPT },
    ]);
  });

  it('opens a window on macOS’s activate only when there is none, and only after launch', async () => {
    const { system, windows, launch } = setUp();
    windows.activate();
    expect(system.windows).toHaveLength(0);
    await launch();
    windows.activate();
    expect(system.windows).toHaveLength(1);
    opened(system, 0).close();
    windows.activate();
    expect(windows.getWindows()).toEqual([opened(system, 1)]);
  });
});

describe('documents from outside the app', () => {
  it('brings the window that shows a document forward instead of opening it twice', async () => {
    const { system, windows, granted, launch } = setUp();
    await launch(docA);
    const window = opened(system, 0);
    expect(window.webContents.loaded).toEqual([withLaunchDocument(APP_ENTRY_URL, docA)]);

    window.minimized = true;
    system.focus(null);
    windows.receiveOpenFile(docA);
    windows.receiveSecondStart([EXECUTABLE, 'a.resolutie'], dir);

    expect(system.windows).toHaveLength(1);
    expect(window.minimized).toBe(false);
    expect(system.focused).toBe(window);
    // The user chose the file each time, so the API may open and save it.
    expect(granted).toEqual([docA, docA, docA]);
  });

  it('counts a window as showing the document its page reports, after a save under a new name', async () => {
    const { system, windows, launch } = setUp();
    await launch();
    const window = opened(system, 0);
    windows.receiveMenuState({ sender: PAGE, windowId: window.id }, showing({ path: docB }));
    system.focus(null);

    windows.receiveOpenFile(docB);
    expect(system.windows).toHaveLength(1);
    expect(system.focused).toBe(window);
  });

  it('opens the documents asked for before launch once the first windows open, and no empty one', async () => {
    const { system, windows, launch } = setUp();
    windows.receiveOpenFile(docA);
    windows.receiveSecondStart([EXECUTABLE, 'b.resolutie'], dir);
    expect(system.windows).toHaveLength(0);

    await launch();
    expect(system.windows.map((window) => window.webContents.loaded)).toEqual([
      [withLaunchDocument(APP_ENTRY_URL, docA)],
      [withLaunchDocument(APP_ENTRY_URL, docB)],
    ]);
  });

  it('brings the first window forward at a second start without documents, or opens one', async () => {
    const { system, windows, launch } = setUp();
    await launch();
    const first = opened(system, 0);
    system.focus(null);
    windows.receiveSecondStart([EXECUTABLE, '--no-sandbox'], '/elders');
    expect(system.windows).toHaveLength(1);
    expect(system.focused).toBe(first);

    first.close();
    windows.receiveSecondStart([EXECUTABLE], '/elders');
    expect(windows.getWindows()).toEqual([opened(system, 1)]);
    expect(opened(system, 1).webContents.loaded).toEqual([APP_ENTRY_URL]);
  });

  it('reports documents it cannot open, and opens a new document instead at launch', async () => {
    const { system, windows, launch } = setUp();
    await launch('weg.resolutie');
    expect(system.messageBoxes).toHaveLength(1);
    expect(system.messageBoxes[0]).toMatchObject({
      type: 'warning',
      title: 'Document niet geopend',
    });
    expect(system.messageBoxes[0]?.detail).toContain('weg.resolutie');
    expect(opened(system, 0).webContents.loaded).toEqual([APP_ENTRY_URL]);

    windows.receiveOpenFile(path.join(dir, 'notities.txt'));
    expect(system.messageBoxes).toHaveLength(2);
    expect(system.windows).toHaveLength(1);
  });
});

describe('the windows’ place', () => {
  it('writes each closed window’s place one write after the other, and quitting waits for the last', async () => {
    const { system, store, windows, launch } = setUp();
    store.hold = true;
    await launch();
    windows.openWindow();
    const [first, second] = [opened(system, 0), opened(system, 1)];
    first.bounds = { x: 10, y: 20, width: 900, height: 600 };
    second.fullScreen = true;
    expect(windows.pendingPlaceWrite).toBeNull();

    first.close();
    second.close();
    await settle();
    // The second write waits for the first: two writes at once could leave the older place.
    expect(store.started.map((write) => write.state)).toEqual([
      { bounds: first.bounds, maximized: false },
    ]);
    store.started[0]?.finish();
    await settle();
    expect(store.started).toHaveLength(2);

    // What `will-quit` waits for: the last write, after which there is nothing left to wait for.
    const quitWaitsFor = windows.pendingPlaceWrite;
    expect(quitWaitsFor).not.toBeNull();
    store.started[1]?.finish();
    await quitWaitsFor;
    expect(windows.pendingPlaceWrite).toBeNull();
    expect(store.written).toEqual([
      { bounds: first.bounds, maximized: false },
      { bounds: second.bounds, maximized: true },
    ]);
  });

  it('opens the next window where the last one closed, before its place is written', async () => {
    const { system, store, windows, launch } = setUp();
    store.hold = true;
    await launch();
    const first = opened(system, 0);
    first.bounds = { x: 300, y: 150, width: 800, height: 500 };
    first.close();
    windows.openWindow();
    expect(opened(system, 1).getNormalBounds()).toEqual(first.bounds);
  });

  it('reports a place it could not write, and writes the next', async () => {
    const { system, store, windows, reportError, launch } = setUp();
    store.hold = true;
    await launch();
    windows.openWindow();
    opened(system, 0).close();
    await settle();
    store.started[0]?.fail(new Error('schijf vol'));
    opened(system, 1).close();
    await settle();
    expect(reportError).toHaveBeenCalledWith(
      'Vensterpositie niet bewaard',
      new Error('schijf vol'),
    );
    store.started[1]?.finish();
    await windows.pendingPlaceWrite;
    expect(store.written).toEqual([{ bounds: opened(system, 1).bounds, maximized: false }]);
  });
});

describe('the menu bar', () => {
  /** Clicks the menu bar's item `id`, in the window Electron names (usually none). */
  function click(system: FakeWindowSystem, id: string, window?: FakeWindow) {
    const item = findMenuItem(system.menuBar?.items ?? [], id);
    if (!item.command) throw new Error(`${id} sends no command`);
    system.menuBar?.clicks.command(item.command, window);
  }
  const received = (window: FakeWindow) => window.webContents.sent.map((sent) => sent.message);

  it('follows the focused editor window, and the last one focused when none is', async () => {
    const { system, windows, launch } = setUp();
    await launch();
    windows.openWindow();
    const [first, second] = [opened(system, 0), opened(system, 1)];
    first.focus();
    windows.receiveMenuState({ sender: PAGE, windowId: first.id }, showing({ dirty: true }));
    expect(findMenuItem(system.menuBar?.items ?? [], 'save').enabled).toBe(true);

    // Focus goes to another app, then to a print window: the menu still acts on the first.
    system.focus(null);
    click(system, 'save');
    system.focus({ id: 99 });
    windows.updateApplicationMenu();
    click(system, 'save');
    expect(findMenuItem(system.menuBar?.items ?? [], 'save').enabled).toBe(true);
    expect(received(first)).toEqual([{ command: 'save' }, { command: 'save' }]);
    expect(first.webContents.sent[0]?.channel).toBe(SHELL_CHANNELS.menuCommand);
    expect(received(second)).toEqual([]);

    // A window Electron names wins.
    click(system, 'open', second);
    expect(received(second)).toEqual([{ command: 'open' }]);
  });

  it('forgets a closed window: the menu no longer acts on it, and its document opens anew', async () => {
    const { system, windows, launch } = setUp();
    await launch(docA);
    windows.openWindow();
    const [first, second] = [opened(system, 0), opened(system, 1)];
    first.focus();
    windows.receiveMenuState(
      { sender: PAGE, windowId: first.id },
      showing({ path: docA, dirty: true }),
    );

    first.close();
    expect(windows.getWindows()).toEqual([second]);
    expect(findMenuItem(system.menuBar?.items ?? [], 'save').enabled).toBe(false);
    click(system, 'save');
    expect(received(first)).toEqual([]);
    expect(received(second)).toEqual([]);

    windows.receiveOpenFile(docA);
    expect(system.windows).toHaveLength(3);
    expect(opened(system, 2).webContents.loaded).toEqual([withLaunchDocument(APP_ENTRY_URL, docA)]);
  });

  it('ignores a menu state that breaks the schema, or that is not from the app’s own page', async () => {
    const { system, windows, reportError, launch } = setUp();
    await launch();
    const window = opened(system, 0);
    window.focus();
    windows.receiveMenuState({ sender: PAGE, windowId: window.id }, showing({ dirty: true }));
    const builds = system.menuBarBuilds;

    windows.receiveMenuState(
      { sender: PAGE, windowId: window.id },
      { ...showing({ dirty: false }), changeCount: -1 },
    );
    expect(reportError).toHaveBeenCalledWith(
      'Menustatus van het venster genegeerd: voldoet niet aan het schema.',
    );
    for (const sender of [
      { url: 'https://example.org/', isTopFrame: true },
      { url: APP_ENTRY_URL, isTopFrame: false },
      null,
    ]) {
      windows.receiveMenuState({ sender, windowId: window.id }, showing({ dirty: false }));
    }
    expect(system.menuBarBuilds).toBe(builds);
    windows.updateApplicationMenu();
    expect(findMenuItem(system.menuBar?.items ?? [], 'save').enabled).toBe(true);
    expect(reportError).toHaveBeenCalledTimes(1);
  });

  it('does not rebuild the menu for a state that changed nothing, or a window in the background', async () => {
    const { system, windows, launch } = setUp();
    await launch();
    windows.openWindow();
    const [first, second] = [opened(system, 0), opened(system, 1)];
    first.focus();
    windows.receiveMenuState({ sender: PAGE, windowId: first.id }, showing());
    const builds = system.menuBarBuilds;
    windows.receiveMenuState({ sender: PAGE, windowId: first.id }, showing());
    windows.receiveMenuState({ sender: PAGE, windowId: second.id }, showing({ dirty: true }));
    expect(system.menuBarBuilds).toBe(builds);
  });

  it('on macOS shows the document’s file and its unsaved changes in the title bar', async () => {
    for (const platform of ['darwin', 'linux']) {
      const { system, windows, launch } = setUp({ platform });
      await launch();
      const window = opened(system, 0);
      windows.receiveMenuState(
        { sender: PAGE, windowId: window.id },
        showing({ path: docA, dirty: true }),
      );
      expect([window.documentEdited, window.representedFilename]).toEqual(
        platform === 'darwin' ? [true, docA] : [false, ''],
      );
    }
  });
});

describe('the context menu', () => {
  const misspelled: ContextMenuClick = {
    isEditable: true,
    selectionText: '',
    misspelledWord: 'besluitt',
    dictionarySuggestions: ['besluit'],
    editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true },
  };

  it('acts on the window it was opened in, with that window’s change under the pointer', async () => {
    const { system, windows, launch } = setUp();
    await launch();
    windows.openWindow();
    const [first, second] = [opened(system, 0), opened(system, 1)];
    second.focus();
    windows.receiveMenuState(
      { sender: PAGE, windowId: first.id },
      showing({ changeAtPointer: 'w1' }),
    );

    first.webContents.rightClick(misspelled);
    const popup = system.popups[0];
    if (!popup) throw new Error('no context menu');
    expect(popup.window).toBe(first);
    const { clicks, items } = popup;
    const action = (id: string) => {
      const item = findMenuItem(items, id);
      if (item.action) clicks.action(item.action, undefined);
    };
    action('suggestion-0');
    action('addToDictionary');
    const accept = findMenuItem(items, 'acceptChange');
    if (accept.command) clicks.command(accept.command, undefined);

    expect(first.webContents.replaced).toEqual(['besluit']);
    expect(system.dictionary).toEqual(['besluitt']);
    expect(first.webContents.sent.map((sent) => sent.message)).toEqual([
      { command: 'acceptChange', changeId: 'w1' },
    ]);
    expect(second.webContents.replaced).toEqual([]);
    expect(second.webContents.sent).toEqual([]);
  });

  it('shows nothing where there is nothing to offer', async () => {
    const { system, launch } = setUp();
    await launch();
    opened(system, 0).webContents.rightClick({
      ...misspelled,
      isEditable: false,
      misspelledWord: '',
    });
    expect(system.popups).toEqual([]);
  });
});
