/**
 * The desktop app's editor windows: which are open, where a new one goes, which one the menu
 * bar acts on and which documents they show. A new window opens where the user left the last
 * one (`windowPlacement.ts`), not on top of another, and shows when its page is ready; a window
 * with unsaved changes asks before it closes; a closing window's place is written
 * (`windowStateStore.ts`) one write after the other, so that quitting can wait for the last. A
 * document opened from outside the app comes forward in the window that shows it already (two
 * windows saving one file would overwrite each other's work); documents asked for while the app
 * starts wait until the first windows open.
 *
 * Electron comes in through {@link WindowSystem} (`windowSystem.ts`), which main.ts makes, and
 * main.ts wires the app's events to the methods here, so this class runs and is tested in
 * plain Node.
 */
import { withLaunchDocument } from '../../shared/api/launchDocument.ts';
import type { MenuCommandMessage } from '../../shared/api/menuCommands.ts';
import { SHELL_CHANNELS } from '../../shared/api/shellBridge.ts';
import { APP_ENTRY_URL } from './appProtocol.ts';
import { buildApplicationMenu } from './applicationMenu.ts';
import { buildContextMenu, type ContextMenuClick } from './contextMenu.ts';
import { UNSAVED_CLOSE_PROMPT } from './documentEvents.ts';
import { DocumentWindows } from './documentWindows.ts';
import {
  checkLaunchDocument,
  createLaunchProblemMessage,
  findLaunchDocuments,
} from './launchArguments.ts';
import { getMenuPlatform, type ShellAction } from './menuItems.ts';
import { isTrustedSender, type IpcSender } from './security.ts';
import { getDictionaryWord } from './spellChecking.ts';
import { createWindowOptions } from './windowOptions.ts';
import { placeWindow, type Rectangle, type WindowState } from './windowPlacement.ts';
import type { EditorWindow, MenuClicks, WindowSystem } from './windowSystem.ts';

/** Where the last closed window's place is kept (a `WindowStateStore`). */
export interface WindowPlaceStore {
  read(): Promise<WindowState | null>;
  write(state: WindowState): Promise<void>;
}

/** Options of {@link EditorWindows}. */
export interface EditorWindowsOptions<W extends EditorWindow> {
  electron: WindowSystem<W>;
  placeStore: WindowPlaceStore;
  /** The preload script of every editor window. */
  preloadPath: string;
  /** Lets the API open and save a document the user chose outside the app. */
  grantDocument(filePath: string): void;
  /** `process.platform`: the menus' conventions, macOS's title bar, how paths compare. */
  platform: string;
  appName: string;
  /** Whether the menus offer the developer's items (an app that is not packaged). */
  developer: boolean;
  reportError?: (message: string, error?: unknown) => void;
}

/** The editor windows of one running app. */
export class EditorWindows<W extends EditorWindow> {
  readonly #electron: WindowSystem<W>;
  readonly #options: EditorWindowsOptions<W>;
  readonly #reportError: (message: string, error?: unknown) => void;
  /** The editor windows and the state each page reported (print windows are not in it). */
  readonly #documents: DocumentWindows;
  /** Where the last editor window was left; read once at start, updated when one closes. */
  #remembered: WindowState | null = null;
  readonly #rememberedLoading: Promise<WindowState | null>;
  /** The write of a window's place under way, if any (see `#rememberPlace`). */
  #placeWrite: Promise<void> | null = null;
  /** The editor window the menu bar acts on: the focused one, or the last one that was. */
  #menuWindowId: number | null = null;
  /**
   * Documents asked for before the first windows opened: macOS sends `open-file` before
   * `ready`, and a second start can come while this one is still starting.
   */
  readonly #waiting: string[] = [];
  /** Whether the first windows are open (until then, documents to open wait in `#waiting`). */
  #launched = false;
  /** What the menu bar's items do. */
  readonly #menuBarClicks: MenuClicks = {
    command: (message, window) => {
      const target = this.#findMenuTarget(window);
      if (target) sendMenuCommand(target, message);
    },
    action: (action, window) => this.#runShellAction(action, this.#findMenuTarget(window)),
  };

  constructor(options: EditorWindowsOptions<W>) {
    this.#electron = options.electron;
    this.#options = options;
    this.#reportError = options.reportError ?? console.error;
    this.#documents = new DocumentWindows(options.platform);
    // Read while Electron starts, so the first window knows its place when it opens.
    this.#rememberedLoading = options.placeStore.read();
  }

  /** The write of a closed window's place under way, if any: quitting waits for it. */
  get pendingPlaceWrite(): Promise<void> | null {
    return this.#placeWrite;
  }

  /**
   * Opens the first windows, once Electron is ready: the menu bar, then the documents this
   * start was asked to open (command line, Finder) and those that came meanwhile, else a new
   * document.
   */
  async launch(argv: readonly string[], cwd: string): Promise<void> {
    this.updateApplicationMenu();
    this.#remembered = await this.#rememberedLoading;
    this.#launched = true;
    this.#openLaunchDocuments(argv, cwd);
    for (const filePath of this.#waiting.splice(0)) this.openDocument(filePath);
    if (this.getWindows().length === 0) this.openWindow();
  }

  /**
   * A second start handed over its arguments: its documents open (each in its own window, or
   * forward in the one showing it); without any, this app comes to the front.
   */
  receiveSecondStart(argv: readonly string[], cwd: string): void {
    if (!this.#launched) {
      // Problems are not reported yet: the arguments are checked again when they open.
      this.#waiting.push(...findLaunchDocuments(argv, { cwd }).documents);
      return;
    }
    if (this.#openLaunchDocuments(argv, cwd)) return;
    const window = this.getWindows()[0];
    if (window) focusWindow(window);
    else this.openWindow();
  }

  /** macOS's `open-file`: a document from the Finder or the Dock, possibly before launch. */
  receiveOpenFile(filePath: string): void {
    if (this.#launched) this.openDocument(filePath);
    else this.#waiting.push(filePath);
  }

  /** macOS's `activate` (a click on the Dock icon): a window when there is none. */
  activate(): void {
    if (this.#launched && this.getWindows().length === 0) this.openWindow();
  }

  /** The open editor windows, oldest first. */
  getWindows(): W[] {
    return this.#documents
      .ids()
      .map((id) => this.#electron.fromId(id))
      .filter((window): window is W => window !== null && !window.isDestroyed());
  }

  /** Opens an editor window: on a new document, or on the document at `documentPath`. */
  openWindow(documentPath: string | null = null): W {
    const placement = placeWindow(this.#remembered, {
      workAreas: this.#getWorkAreas(),
      occupied: this.getWindows().map((open) => open.getNormalBounds()),
    });
    const window = this.#electron.createWindow({
      ...createWindowOptions(this.#options.preloadPath),
      ...placement.bounds,
    });
    const { id } = window;
    this.#documents.add(id, documentPath);
    window.once('ready-to-show', () => {
      if (placement.maximized) window.maximize();
      window.show();
    });
    window.on('focus', () => this.updateApplicationMenu());
    // Remembered at every close, so the next window opens where this one was.
    window.on('close', () => {
      this.#rememberPlace({
        bounds: window.getNormalBounds(),
        maximized: window.isMaximized() || window.isFullScreen(),
      });
    });
    window.on('closed', () => {
      this.#documents.remove(id);
      this.updateApplicationMenu();
    });
    // The page refuses to unload while it has unsaved changes; ask the user natively.
    window.webContents.on('will-prevent-unload', (event) => {
      if (this.#electron.askInWindow(window, UNSAVED_CLOSE_PROMPT) === 0) event.preventDefault();
    });
    window.webContents.on('context-menu', (_event, params) =>
      this.#showContextMenu(window, params),
    );
    void window.webContents.loadURL(
      documentPath ? withLaunchDocument(APP_ENTRY_URL, documentPath) : APP_ENTRY_URL,
    );
    return window;
  }

  /**
   * Opens a document the user chose outside the app (file manager, command line): its window
   * comes forward if one shows it already, otherwise it opens in a new window. The user chose
   * the file, so the API may open and save it from now on, wherever it is.
   */
  openDocument(filePath: string): void {
    const checked = checkLaunchDocument(filePath);
    if ('problem' in checked) {
      this.#electron.showMessageBox(createLaunchProblemMessage([checked.problem]));
      return;
    }
    this.#options.grantDocument(checked.document);
    const shownIn = this.#documents.findByPath(checked.document);
    const existing = shownIn === null ? null : this.#electron.fromId(shownIn);
    if (existing) focusWindow(existing);
    else this.openWindow(checked.document);
  }

  /**
   * A page reports its document's state: taken only from the app's own top frame, checked,
   * kept per window, shown in the menus.
   */
  receiveMenuState(from: { sender: IpcSender | null; windowId: number | null }, payload: unknown) {
    if (!isTrustedSender(from.sender) || from.windowId === null) return;
    const id = from.windowId;
    const outcome = this.#documents.report(id, payload);
    if (outcome === 'invalid') {
      this.#reportError('Menustatus van het venster genegeerd: voldoet niet aan het schema.');
      return;
    }
    if (outcome === 'unchanged') return;
    const window = this.#electron.fromId(id);
    if (window && this.#options.platform === 'darwin') {
      const state = this.#documents.getState(id);
      window.setDocumentEdited(state.dirty);
      window.setRepresentedFilename(state.path ?? '');
    }
    if (id === this.#menuWindowId || this.#electron.getFocusedWindow()?.id === id) {
      this.updateApplicationMenu();
    }
  }

  /** Builds the menu bar for the state of the focused editor window, or the last one focused. */
  updateApplicationMenu(): void {
    const focused = this.#electron.getFocusedWindow();
    if (focused && this.#documents.has(focused.id)) this.#menuWindowId = focused.id;
    if (this.#menuWindowId !== null && !this.#documents.has(this.#menuWindowId)) {
      this.#menuWindowId = null;
    }
    const items = buildApplicationMenu({
      platform: getMenuPlatform(this.#options.platform),
      appName: this.#options.appName,
      state: this.#documents.getState(this.#menuWindowId),
      developer: this.#options.developer,
    });
    this.#electron.setApplicationMenu(items, this.#menuBarClicks);
  }

  /** Keeps `state` for the next window and writes it, after any write still under way. */
  #rememberPlace(state: WindowState): void {
    this.#remembered = state;
    const previous = this.#placeWrite ?? Promise.resolve();
    const writing = previous
      .then(() => this.#options.placeStore.write(state))
      .catch((error: unknown) => this.#reportError('Vensterpositie niet bewaard', error));
    this.#placeWrite = writing;
    // Runs before a quit's own wait on the same write, so a quit after it finds none.
    void writing.finally(() => {
      if (this.#placeWrite === writing) this.#placeWrite = null;
    });
  }

  /**
   * Opens the documents `argv` names (with relative paths against `cwd`) and reports those it
   * cannot; true when there was at least one to open.
   */
  #openLaunchDocuments(argv: readonly string[], cwd: string): boolean {
    const { documents, problems } = findLaunchDocuments(argv, { cwd });
    for (const documentPath of documents) this.openDocument(documentPath);
    if (problems.length > 0) this.#electron.showMessageBox(createLaunchProblemMessage(problems));
    return documents.length > 0;
  }

  /** The screens' work areas, the main screen first (where a window without a place goes). */
  #getWorkAreas(): Rectangle[] {
    const primary = this.#electron.getPrimaryDisplay();
    const others = this.#electron.getAllDisplays().filter((display) => display.id !== primary.id);
    return [primary, ...others].map((display) => display.workArea);
  }

  /** The editor window a menu bar click acts on: the one Electron names, else the last focused. */
  #findMenuTarget(window: { id: number } | undefined): W | null {
    const id = window && this.#documents.has(window.id) ? window.id : this.#menuWindowId;
    const target = id === null ? null : this.#electron.fromId(id);
    return target && !target.isDestroyed() ? target : null;
  }

  /** A main-process action from a menu, on the window it was chosen in (if any). */
  #runShellAction(action: ShellAction, window: W | null): void {
    switch (action.kind) {
      case 'newWindow':
        this.openWindow();
        return;
      case 'replaceMisspelling':
        window?.webContents.replaceMisspelling(action.word);
        return;
      case 'addToDictionary': {
        const word = getDictionaryWord(action.word);
        if (word) this.#electron.addWordToDictionary(word);
        return;
      }
    }
  }

  /** The editor's context menu at a right-click, from Chromium's report and the page's state. */
  #showContextMenu(window: W, params: ContextMenuClick): void {
    const state = this.#documents.getState(window.id);
    const items = buildContextMenu({
      click: params,
      changeAtPointer: state.changeAtPointer,
      documentEditable: state.hasDocument && state.editable,
      canComment: state.hasDocument && state.canCommentAtPointer,
    });
    if (items.length === 0) return;
    this.#electron.popupMenu(window, items, {
      command: (message) => sendMenuCommand(window, message),
      action: (action) => this.#runShellAction(action, window),
    });
  }
}

/** Brings `window` to the front, out of the taskbar if it was minimized. */
function focusWindow(window: EditorWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function sendMenuCommand(window: EditorWindow, message: MenuCommandMessage): void {
  if (!window.webContents.isDestroyed()) {
    window.webContents.send(SHELL_CHANNELS.menuCommand, message);
  }
}
