/**
 * Electron for `EditorWindows` in plain Node: windows that record what was done to them and
 * emit the events Electron emits (`ready-to-show`, `focus`, `close` then `closed`), a focus the
 * test moves, message boxes, menus and a place store whose writes the test finishes one by one.
 * What a test does to these fakes is what the user or the system does to Electron's windows.
 */
import { EventEmitter } from 'node:events';
import type {
  BrowserWindowConstructorOptions,
  MessageBoxOptions,
  MessageBoxSyncOptions,
} from 'electron';
import type { MenuCommandMessage } from '../../../shared/api/menuCommands.ts';
import type { ContextMenuClick } from '../contextMenu.ts';
import type { WindowPlaceStore } from '../editorWindows.ts';
import type { MenuItemTemplate } from '../menuItems.ts';
import type { Rectangle, WindowState } from '../windowPlacement.ts';
import type {
  EditorPage,
  EditorWindow,
  MenuClicks,
  Screen,
  WindowSystem,
} from '../windowSystem.ts';

/** A window's page: records the address it loaded and the messages and replacements it got. */
export class FakePage extends EventEmitter implements EditorPage {
  readonly loaded: string[] = [];
  readonly sent: { channel: string; message: MenuCommandMessage }[] = [];
  readonly replaced: string[] = [];
  readonly #window: FakeWindow;

  constructor(window: FakeWindow) {
    super();
    this.#window = window;
  }

  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }

  isDestroyed(): boolean {
    return this.#window.isDestroyed();
  }

  send(channel: string, message: MenuCommandMessage): void {
    this.sent.push({ channel, message });
  }

  replaceMisspelling(word: string): void {
    this.replaced.push(word);
  }

  /** The page refuses to unload; true when the main process let the window close anyway. */
  refuseUnload(): boolean {
    let closesAnyway = false;
    this.emit('will-prevent-unload', { preventDefault: () => (closesAnyway = true) });
    return closesAnyway;
  }

  /** A right-click in the page. */
  rightClick(params: ContextMenuClick): void {
    this.emit('context-menu', {}, params);
  }
}

/** An editor window as Electron's `BrowserWindow` behaves for the class. */
export class FakeWindow extends EventEmitter implements EditorWindow {
  readonly id: number;
  readonly options: BrowserWindowConstructorOptions;
  readonly webContents: FakePage;
  bounds: Rectangle;
  maximized = false;
  fullScreen = false;
  minimized = false;
  visible = false;
  documentEdited = false;
  representedFilename = '';
  #destroyed = false;
  readonly #system: FakeWindowSystem;

  constructor(id: number, options: BrowserWindowConstructorOptions, system: FakeWindowSystem) {
    super();
    this.id = id;
    this.options = options;
    this.#system = system;
    this.webContents = new FakePage(this);
    this.bounds = {
      x: options.x ?? 0,
      y: options.y ?? 0,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
  }

  getNormalBounds(): Rectangle {
    return { ...this.bounds };
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isFullScreen(): boolean {
    return this.fullScreen;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.#destroyed;
  }
  maximize(): void {
    this.maximized = true;
  }
  restore(): void {
    this.minimized = false;
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.#system.focus(this);
  }
  setDocumentEdited(edited: boolean): void {
    this.documentEdited = edited;
  }
  setRepresentedFilename(filePath: string): void {
    this.representedFilename = filePath;
  }

  /** The user closes the window: Electron's `close`, then it is gone, then `closed`. */
  close(): void {
    this.emit('close');
    this.#destroyed = true;
    this.#system.forget(this);
    this.emit('closed');
  }
}

/** Electron's windows, screens, dialogs and menus, as the class sees them. */
export class FakeWindowSystem implements WindowSystem<FakeWindow> {
  readonly windows: FakeWindow[] = [];
  screens: Screen[] = [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }];
  /** The focused window of the app: an editor window, another (a print window), or none. */
  focused: { id: number } | null = null;
  readonly messageBoxes: MessageBoxOptions[] = [];
  readonly questions: { window: FakeWindow; options: MessageBoxSyncOptions }[] = [];
  /** The button the user chooses in the next question. */
  answer = 1;
  /** The menu bar as last set, and how often it was. */
  menuBar: { items: MenuItemTemplate[]; clicks: MenuClicks } | null = null;
  menuBarBuilds = 0;
  readonly popups: { window: FakeWindow; items: MenuItemTemplate[]; clicks: MenuClicks }[] = [];
  readonly dictionary: string[] = [];
  #nextId = 1;

  createWindow(options: BrowserWindowConstructorOptions): FakeWindow {
    const window = new FakeWindow(this.#nextId++, options, this);
    this.windows.push(window);
    return window;
  }
  fromId(id: number): FakeWindow | null {
    return this.windows.find((window) => window.id === id && !window.isDestroyed()) ?? null;
  }
  getFocusedWindow(): { id: number } | null {
    return this.focused;
  }
  getPrimaryDisplay(): Screen {
    const primary = this.screens[0];
    if (!primary) throw new Error('no screen');
    return primary;
  }
  getAllDisplays(): Screen[] {
    return this.screens;
  }
  showMessageBox(options: MessageBoxOptions): void {
    this.messageBoxes.push(options);
  }
  askInWindow(window: FakeWindow, options: MessageBoxSyncOptions): number {
    this.questions.push({ window, options });
    return this.answer;
  }
  setApplicationMenu(items: MenuItemTemplate[], clicks: MenuClicks): void {
    this.menuBar = { items, clicks };
    this.menuBarBuilds += 1;
  }
  popupMenu(window: FakeWindow, items: MenuItemTemplate[], clicks: MenuClicks): void {
    this.popups.push({ window, items, clicks });
  }
  addWordToDictionary(word: string): void {
    this.dictionary.push(word);
  }

  /** Focus moves to `window` (Electron emits `focus`), or away from the app's windows. */
  focus(window: FakeWindow | { id: number } | null): void {
    this.focused = window;
    if (window instanceof FakeWindow) window.emit('focus');
  }

  /** A window is gone: it can no longer have the focus. */
  forget(window: FakeWindow): void {
    if (this.focused === window) this.focused = null;
  }
}

/** The menu item with `id` in `items` or their submenus. */
export function findMenuItem(items: readonly MenuItemTemplate[], id: string): MenuItemTemplate {
  const found = searchMenu(items, id);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
}

function searchMenu(items: readonly MenuItemTemplate[], id: string): MenuItemTemplate | null {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = item.submenu ? searchMenu(item.submenu, id) : null;
    if (inner) return inner;
  }
  return null;
}

/** A write of the place store the test has not finished yet. */
interface HeldWrite {
  state: WindowState;
  finish(): void;
  fail(error: Error): void;
}

/**
 * The window-state file: what it holds at start, and every write; with `hold`, each write waits
 * until the test finishes or fails it, so the test sees which writes are under way.
 */
export class FakePlaceStore implements WindowPlaceStore {
  stored: WindowState | null;
  hold = false;
  readonly started: HeldWrite[] = [];
  readonly written: WindowState[] = [];

  constructor(stored: WindowState | null = null) {
    this.stored = stored;
  }

  read(): Promise<WindowState | null> {
    return Promise.resolve(this.stored);
  }

  write(state: WindowState): Promise<void> {
    return new Promise((resolve, reject) => {
      const finish = () => {
        this.written.push(state);
        this.stored = state;
        resolve();
      };
      this.started.push({ state, finish, fail: reject });
      if (!this.hold) finish();
    });
  }
}
