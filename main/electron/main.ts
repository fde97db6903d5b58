/**
 * The Electron main process: wiring only. Every decision (window options, navigation,
 * permissions, IPC senders, CSP, file serving, menus, launch arguments, window placement,
 * spell checking, printing) lives in a plain module beside this one or in `main/web/`, and
 * every API method is answered by the shared `handleRequest`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  shell,
  type BaseWindow,
  type ContextMenuParams,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import { withLaunchDocument } from '../../shared/api/launchDocument.ts';
import type { MenuCommandMessage } from '../../shared/api/menuCommands.ts';
import { SHELL_CHANNELS } from '../../shared/api/shellBridge.ts';
import { createApiContext } from '../api/context.ts';
import { readSessionNetwork } from '../collab/sessionHost.ts';
import {
  getCurrentEnvironment,
  getDocumentsDir,
  getProfileDir,
  hasDocumentsDirVariable,
} from '../services/appDirs.ts';
import { getRendererDir } from '../services/appRoot.ts';
import { CONTENT_SECURITY_POLICY } from '../web/securityHeaders.ts';
import { APP_ENTRY_URL, APP_SCHEME, createAppProtocolHandler } from './appProtocol.ts';
import { createIpcApiRoutes } from './ipcRouter.ts';
import {
  decideNavigation,
  getExternalLink,
  isAppUrl,
  isPermissionAllowed,
  isTrustedSender,
} from './security.ts';
import type { IpcSender } from './security.ts';
import { createWindowOptions } from './windowOptions.ts';
import { buildApplicationMenu } from './applicationMenu.ts';
import { buildContextMenu } from './contextMenu.ts';
import { DocumentWindows } from './documentWindows.ts';
import { printOnPaper } from './electronPaperPrinter.ts';
import {
  checkLaunchDocument,
  createLaunchProblemMessage,
  findLaunchDocuments,
} from './launchArguments.ts';
import { getMenuPlatform, type ShellAction } from './menuItems.ts';
import { toElectronMenuTemplate, type MenuClickHandlers } from './menuWiring.ts';
import { chooseSpellCheckerLanguages, getDictionaryWord } from './spellChecking.ts';
import { placeWindow, type WindowState } from './windowPlacement.ts';
import { getWindowStateFile, WindowStateStore } from './windowStateStore.ts';
import { getRecentDocumentPath, UNSAVED_CLOSE_PROMPT } from './documentEvents.ts';
import {
  createPrintWindowOptions,
  ElectronPagePrinter,
  isPrintPageUrl,
  PRINT_PARTITION,
} from './electronPagePrinter.ts';

// Must happen before `ready`: makes app:// a standard, secure origin, so it gets its own
// origin, may use fetch and is treated like https by the page's security checks.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: {
      standard: true,
      secure: true,
      supportFetchAPI: true,
      corsEnabled: true,
      codeCache: true,
    },
  },
]);
// Every renderer sandboxed, including any that a window option might forget.
app.enableSandbox();

const preloadPath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'preload.cjs');
// The profile is Electron's own userData folder (RESOLUTIE_PROFILE_DIR still wins, for tests);
// the documents folder is the same as in browser mode.
const context = createApiContext({
  mode: 'electron',
  appRoot: app.getAppPath(),
  profileDir: getProfileDir(getCurrentEnvironment(), app.getPath('userData')),
  documentsDir: getDocumentsDir(),
  // RESOLUTIE_DOCUMENTS_DIR chooses the folder for this start and wins over the preference,
  // as in browser mode.
  documentsDirFixed: hasDocumentsDirVariable(),
  sessionNetwork: readSessionNetwork(process.env),
  // PDFs come from the app's own Chromium: a hidden window per export.
  startPdfPrinter: () =>
    ElectronPagePrinter.start(() => new BrowserWindow(createPrintWindowOptions())),
  // "Afdrukken…": the print page in a hidden window of the same kind, the system's dialog.
  printOnPaper: (html) => printOnPaper(html, () => new BrowserWindow(createPrintWindowOptions())),
});

/** The editor windows and the state each page reported (print windows are not in it). */
const windows = new DocumentWindows();
const windowStates = new WindowStateStore(getWindowStateFile(context.profileDir));
/** Where the last editor window was left; read once at start, updated when one closes. */
let rememberedWindow: WindowState | null = null;
/** The write of the window state under way, if any (see `rememberWindow`). */
let windowStateWrite: Promise<void> | null = null;
/** The editor window the menu bar acts on: the focused one, or the last one that was. */
let menuWindowId: number | null = null;
/**
 * Documents asked for before the first windows opened: macOS sends `open-file` before `ready`,
 * and a second start can come while this one is still starting.
 */
const openFilesBeforeLaunch: string[] = [];
/** Whether the first windows are open (until then, documents to open wait in the list above). */
let launched = false;
// Read while Electron starts, so the first window knows its place when it opens.
const rememberedLoading = windowStates.read();

// One editor per profile: the recovery journal assumes it is the only writer of its files. A
// second start hands its documents to the running editor, which opens each in a window of its
// own, or comes to the front when there are none.
const isPrimaryInstance = app.requestSingleInstanceLock();
if (!isPrimaryInstance) app.quit();
app.on('second-instance', (_event, argv, workingDirectory) => {
  if (!launched) {
    openFilesBeforeLaunch.push(...findLaunchDocuments(argv, { cwd: workingDirectory }).documents);
    return;
  }
  if (openLaunchDocuments(argv, workingDirectory)) return;
  const window = getEditorWindows()[0];
  if (window) focusWindow(window);
  else openEditorWindow();
});

// macOS: a document opened from the Finder or dropped on the Dock icon, also the one that
// starts the app (then before `ready`).
app.on('open-file', (event, filePath) => {
  event.preventDefault();
  if (!isPrimaryInstance) return;
  if (launched) openDocumentPath(filePath);
  else openFilesBeforeLaunch.push(filePath);
});

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

// Hosted sessions store their documents and disconnect colleagues before the app goes.
let sessionsClosed = false;
app.on('before-quit', (event) => {
  if (sessionsClosed) return;
  event.preventDefault();
  void context.sessions.close().finally(() => {
    sessionsClosed = true;
    app.quit();
  });
});

// The last windows close while the app quits; their place must reach the disk first.
app.on('will-quit', (event) => {
  if (!windowStateWrite) return;
  event.preventDefault();
  void windowStateWrite.finally(() => app.quit());
});

app.on('window-all-closed', () => {
  // On macOS an app stays active without windows until the user quits it.
  if (process.platform !== 'darwin') app.quit();
});

app.on('activate', () => {
  if (isPrimaryInstance && launched && getEditorWindows().length === 0) openEditorWindow();
});

void app.whenReady().then(async () => {
  // A second instance only quits; it must not open a window or answer requests meanwhile.
  if (!isPrimaryInstance) return;
  protocol.handle(APP_SCHEME, createAppProtocolHandler(getRendererDir(context.appRoot)));

  const ses = session.defaultSession;
  // The protocol handler already sends the CSP; this also covers anything else the session
  // loads, so no response reaches a page without it.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  // Dutch spell checking (Windows, Linux; macOS uses the system's checker and languages).
  const spellingLanguages = chooseSpellCheckerLanguages(
    process.platform,
    ses.availableSpellCheckerLanguages,
  );
  if (spellingLanguages) ses.setSpellCheckerLanguages(spellingLanguages);

  // The print windows' session loads the page a printer wrote, and nothing else.
  const printSession = session.fromPartition(PRINT_PARTITION);
  printSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isPrintPageUrl(details.url) });
  });
  printSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

  for (const route of createIpcApiRoutes(context)) {
    ipcMain.handle(route.channel, async (event, payload: unknown) => {
      const result = await route.handle(getIpcSender(event), payload);
      const recent = getRecentDocumentPath(route.method, result);
      if (recent) app.addRecentDocument(recent);
      return result;
    });
  }
  ipcMain.on(SHELL_CHANNELS.menuState, receiveMenuState);

  updateApplicationMenu();
  rememberedWindow = await rememberedLoading;

  // The documents this start was asked to open (command line, Finder), else a new document.
  launched = true;
  openLaunchDocuments(process.argv, process.cwd());
  for (const filePath of openFilesBeforeLaunch.splice(0)) openDocumentPath(filePath);
  if (getEditorWindows().length === 0) openEditorWindow();
});

/** Opens an editor window: on a new document, or on the document at `documentPath`. */
function openEditorWindow(documentPath: string | null = null): BrowserWindow {
  const placement = placeWindow(rememberedWindow, {
    workAreas: getWorkAreas(),
    occupied: getEditorWindows().map((open) => open.getNormalBounds()),
  });
  const window = new BrowserWindow({
    ...createWindowOptions(preloadPath),
    ...placement.bounds,
  });
  const { id } = window;
  windows.add(id, documentPath);
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  window.on('focus', () => updateApplicationMenu());
  // Remembered at every close, so the next window opens where this one was.
  window.on('close', () => {
    rememberWindow({
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized() || window.isFullScreen(),
    });
  });
  window.on('closed', () => {
    windows.remove(id);
    updateApplicationMenu();
  });
  // The page refuses to unload while it has unsaved changes; ask the user natively.
  window.webContents.on('will-prevent-unload', (event) => {
    if (dialog.showMessageBoxSync(window, UNSAVED_CLOSE_PROMPT) === 0) event.preventDefault();
  });
  window.webContents.on('context-menu', (_event, params) => showContextMenu(window, params));
  void window.loadURL(
    documentPath ? withLaunchDocument(APP_ENTRY_URL, documentPath) : APP_ENTRY_URL,
  );
  return window;
}

/** Keeps `state` for the next window and writes it, after any write still under way. */
function rememberWindow(state: WindowState): void {
  rememberedWindow = state;
  const previous = windowStateWrite ?? Promise.resolve();
  const writing = previous
    .then(() => windowStates.write(state))
    .catch((error: unknown) => console.error('Vensterpositie niet bewaard', error));
  windowStateWrite = writing;
  // Runs before `will-quit`'s own wait on the same write, so a quit after it finds none.
  void writing.finally(() => {
    if (windowStateWrite === writing) windowStateWrite = null;
  });
}

/**
 * Opens the documents `argv` names (with relative paths against `cwd`) and reports those it
 * cannot; true when there was at least one to open.
 */
function openLaunchDocuments(argv: readonly string[], cwd: string): boolean {
  const { documents, problems } = findLaunchDocuments(argv, { cwd });
  for (const documentPath of documents) openDocumentPath(documentPath);
  if (problems.length > 0) void dialog.showMessageBox(createLaunchProblemMessage(problems));
  return documents.length > 0;
}

/**
 * Opens a document the user chose outside the app (file manager, command line): its window
 * comes forward if one shows it already, otherwise it opens in a new window. The user chose
 * the file, so the API may open and save it from now on, wherever it is.
 */
function openDocumentPath(filePath: string): void {
  const checked = checkLaunchDocument(filePath);
  if ('problem' in checked) {
    void dialog.showMessageBox(createLaunchProblemMessage([checked.problem]));
    return;
  }
  context.documents.grantPath(checked.document);
  const shownIn = windows.findByPath(checked.document);
  const existing = shownIn === null ? null : BrowserWindow.fromId(shownIn);
  if (existing) focusWindow(existing);
  else openEditorWindow(checked.document);
}

/** The open editor windows, oldest first. */
function getEditorWindows(): BrowserWindow[] {
  return windows
    .ids()
    .map((id) => BrowserWindow.fromId(id))
    .filter((window): window is BrowserWindow => window !== null && !window.isDestroyed());
}

function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/** The screens' work areas, the main screen first. */
function getWorkAreas() {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  return [primary, ...others].map((display) => display.workArea);
}

/** The frame that sent an IPC message, as the security checks need it. */
function getIpcSender(event: IpcMainEvent | IpcMainInvokeEvent): IpcSender | null {
  const frame = event.senderFrame;
  return frame ? { url: frame.url, isTopFrame: frame.parent === null } : null;
}

/** A page reports its document's state: checked, kept per window, shown in the menus. */
function receiveMenuState(event: IpcMainEvent, payload: unknown): void {
  if (!isTrustedSender(getIpcSender(event))) return;
  const window = BrowserWindow.fromWebContents(event.sender);
  if (!window) return;
  const outcome = windows.report(window.id, payload);
  if (outcome === 'invalid') {
    console.error('Menustatus van het venster genegeerd: voldoet niet aan het schema.');
    return;
  }
  if (outcome === 'unchanged') return;
  const state = windows.getState(window.id);
  if (process.platform === 'darwin') {
    // The dot in the close button and the file's icon in the title bar.
    window.setDocumentEdited(state.dirty);
    window.setRepresentedFilename(state.path ?? '');
  }
  if (window.id === menuWindowId || BrowserWindow.getFocusedWindow()?.id === window.id) {
    updateApplicationMenu();
  }
}

/** Builds the menu bar for the focused editor window's state. */
function updateApplicationMenu(): void {
  const focused = BrowserWindow.getFocusedWindow();
  if (focused && windows.has(focused.id)) menuWindowId = focused.id;
  if (menuWindowId !== null && !windows.has(menuWindowId)) menuWindowId = null;
  const template = buildApplicationMenu({
    platform: getMenuPlatform(process.platform),
    appName: app.name,
    state: windows.getState(menuWindowId),
    developer: !app.isPackaged,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(toElectronMenuTemplate(template, menuClicks)));
}

/** What the menu bar's items do. */
const menuClicks: MenuClickHandlers = {
  command: (message, window) => {
    const target = findMenuTarget(window);
    if (target) sendMenuCommand(target.webContents, message);
  },
  action: (action, window) => runShellAction(action, findMenuTarget(window)),
};

/** The editor window a menu bar click acts on: the one Electron names, else the last focused. */
function findMenuTarget(window: BaseWindow | undefined): BrowserWindow | null {
  const id = window && windows.has(window.id) ? window.id : menuWindowId;
  const target = id === null ? null : BrowserWindow.fromId(id);
  return target && !target.isDestroyed() ? target : null;
}

function sendMenuCommand(contents: WebContents, message: MenuCommandMessage): void {
  if (!contents.isDestroyed()) contents.send(SHELL_CHANNELS.menuCommand, message);
}

/** A main-process action from a menu, on the window it was chosen in (if any). */
function runShellAction(action: ShellAction, window: BrowserWindow | null): void {
  switch (action.kind) {
    case 'newWindow':
      openEditorWindow();
      return;
    case 'replaceMisspelling':
      window?.webContents.replaceMisspelling(action.word);
      return;
    case 'addToDictionary': {
      const word = getDictionaryWord(action.word);
      if (word) session.defaultSession.addWordToSpellCheckerDictionary(word);
      return;
    }
  }
}

/** The editor's context menu at a right-click, from Chromium's report and the page's state. */
function showContextMenu(window: BrowserWindow, params: ContextMenuParams): void {
  const state = windows.getState(window.id);
  const template = buildContextMenu({
    click: params,
    changeAtPointer: state.changeAtPointer,
    documentEditable: state.hasDocument && state.editable,
  });
  if (template.length === 0) return;
  const handlers: MenuClickHandlers = {
    command: (message) => sendMenuCommand(window.webContents, message),
    action: (action) => runShellAction(action, window),
  };
  Menu.buildFromTemplate(toElectronMenuTemplate(template, handlers)).popup({ window });
}

/** Applies to every web contents, including any a bug or an attack might create. */
function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (decideNavigation(event.url) === 'allow') return;
    event.preventDefault();
    openInSystemBrowser(contents, event.url);
  });
  contents.on('will-redirect', (event) => {
    if (decideNavigation(event.url) === 'deny') event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openInSystemBrowser(contents, url);
    return { action: 'deny' };
  });
}

/**
 * Opens a link in the system browser when the app's own page asked for it and the address
 * passes getExternalLink; anything else opens nothing. Never inside the app.
 */
function openInSystemBrowser(contents: WebContents, url: string): void {
  const link = getExternalLink(url);
  if (link && isAppUrl(contents.getURL())) void shell.openExternal(link);
}
