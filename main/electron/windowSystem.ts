/**
 * Electron as `EditorWindows` sees it: a window, its page, the screens, message boxes, menus
 * and the spell checker's dictionary, each cut down to what the class calls. Electron's own
 * objects fit these shapes (the compiler checks it where main.ts hands them in), and the tests
 * hand in fakes, so the window logic runs in plain Node. Only types come from 'electron'.
 */
import type {
  BrowserWindowConstructorOptions,
  MessageBoxOptions,
  MessageBoxSyncOptions,
} from 'electron';
import type { MenuCommandMessage } from '../../shared/api/menuCommands.ts';
import type { ContextMenuClick } from './contextMenu.ts';
import type { MenuItemTemplate, ShellAction } from './menuItems.ts';
import type { Rectangle } from './windowPlacement.ts';

/** What the editor windows need of a window: Electron's `BrowserWindow` has all of it. */
export interface EditorWindow {
  readonly id: number;
  readonly webContents: EditorPage;
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  isFullScreen(): boolean;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  maximize(): void;
  restore(): void;
  show(): void;
  focus(): void;
  /** macOS: the dot in the close button. */
  setDocumentEdited(edited: boolean): void;
  /** macOS: the file's icon in the title bar. */
  setRepresentedFilename(filePath: string): void;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'focus', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
}

/** What the editor windows need of a window's page (Electron's `WebContents`). */
export interface EditorPage {
  loadURL(url: string): Promise<void>;
  isDestroyed(): boolean;
  send(channel: string, message: MenuCommandMessage): void;
  replaceMisspelling(word: string): void;
  on(event: 'will-prevent-unload', listener: (event: { preventDefault(): void }) => void): unknown;
  on(event: 'context-menu', listener: (event: unknown, params: ContextMenuClick) => void): unknown;
}

/** A screen as the placement needs it (Electron's `Display`). */
export interface Screen {
  id: number;
  workArea: Rectangle;
}

/** What a menu's items do when clicked; `window` is the one Electron names, if any. */
export interface MenuClicks {
  command(message: MenuCommandMessage, window: { id: number } | undefined): void;
  action(action: ShellAction, window: { id: number } | undefined): void;
}

/**
 * Electron as the editor windows use it, made by main.ts of `BrowserWindow`, `screen`,
 * `dialog`, `Menu` and the default session. `W` is the window type, so main.ts gets its
 * `BrowserWindow`s back.
 */
export interface WindowSystem<W extends EditorWindow> {
  createWindow(options: BrowserWindowConstructorOptions): W;
  /** The open window with `id`, or null. */
  fromId(id: number): W | null;
  /** The app's focused window, an editor window or not; null when the app has no focus. */
  getFocusedWindow(): { id: number } | null;
  getPrimaryDisplay(): Screen;
  getAllDisplays(): Screen[];
  /** Shows a message box and goes on without waiting for it. */
  showMessageBox(options: MessageBoxOptions): void;
  /** Asks in a message box on `window` and waits: the index of the button chosen. */
  askInWindow(window: W, options: MessageBoxSyncOptions): number;
  /** Makes `items` (wired to `clicks` by `toElectronMenuTemplate`) the menu bar. */
  setApplicationMenu(items: MenuItemTemplate[], clicks: MenuClicks): void;
  /** Shows `items` as a context menu on `window`. */
  popupMenu(window: W, items: MenuItemTemplate[], clicks: MenuClicks): void;
  /** Adds a word to the spell checker's dictionary of the editor's session. */
  addWordToDictionary(word: string): void;
}
