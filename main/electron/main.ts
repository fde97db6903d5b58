/**
 * The Electron main process: wiring only. Every decision (window options, navigation,
 * permissions, IPC senders, CSP, file serving, menus, launch arguments, the editor windows and
 * their places, spell checking, printing) lives in a plain module beside this one or in
 * `main/web/`, and every API method is answered by the shared `handleRequest`.
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
  type IpcMainEvent,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import { SHELL_CHANNELS } from '../../shared/api/shellBridge.ts';
import { createApiContext } from '../api/context.ts';
import { readSessionNetwork } from '../syncServer/sessionHost.ts';
import {
  getCurrentEnvironment,
  getDocumentsDir,
  getProfileDir,
  hasDocumentsDirVariable,
} from '../services/app/appDirs.ts';
import { getRendererDir } from '../services/app/appRoot.ts';
import { CONTENT_SECURITY_POLICY } from '../web/securityHeaders.ts';
import { APP_SCHEME, createAppProtocolHandler } from './appProtocol.ts';
import { createIpcApiRoutes } from './ipcRouter.ts';
import { decideNavigation, getExternalLink, isAppUrl, isPermissionAllowed } from './security.ts';
import type { IpcSender } from './security.ts';
import { EditorWindows } from './editorWindows.ts';
import { printOnPaper } from './electronPaperPrinter.ts';
import { toElectronMenuTemplate } from './menuWiring.ts';
import { chooseSpellCheckerLanguages } from './spellChecking.ts';
import { getWindowStateFile, WindowStateStore } from './windowStateStore.ts';
import { getRecentDocumentPath } from './documentEvents.ts';
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
// the documents folder is in the system's documents (which knows a folder Windows moved into
// OneDrive), RESOLUTIE_DOCUMENTS_DIR still winning.
const context = createApiContext({
  mode: 'electron',
  appRoot: app.getAppPath(),
  profileDir: getProfileDir(getCurrentEnvironment(), app.getPath('userData')),
  documentsDir: getDocumentsDir(getCurrentEnvironment(), app.getPath('documents')),
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

/**
 * The editor windows: their places, their documents and the window the menu bar acts on (print
 * windows are not among them). Electron is handed in here; the class decides.
 */
const editorWindows = new EditorWindows<BrowserWindow>({
  electron: {
    createWindow: (options) => new BrowserWindow(options),
    fromId: (id) => BrowserWindow.fromId(id),
    getFocusedWindow: () => BrowserWindow.getFocusedWindow(),
    getPrimaryDisplay: () => screen.getPrimaryDisplay(),
    getAllDisplays: () => screen.getAllDisplays(),
    showMessageBox: (options) => void dialog.showMessageBox(options),
    askInWindow: (window, options) => dialog.showMessageBoxSync(window, options),
    setApplicationMenu: (items, clicks) =>
      Menu.setApplicationMenu(Menu.buildFromTemplate(toElectronMenuTemplate(items, clicks))),
    popupMenu: (window, items, clicks) =>
      Menu.buildFromTemplate(toElectronMenuTemplate(items, clicks)).popup({ window }),
    addWordToDictionary: (word) => session.defaultSession.addWordToSpellCheckerDictionary(word),
  },
  placeStore: new WindowStateStore(getWindowStateFile(context.profileDir)),
  preloadPath,
  grantDocument: (filePath) => context.documents.grantPath(filePath),
  platform: process.platform,
  appName: app.name,
  developer: !app.isPackaged,
});

// One editor per profile: the recovery journal assumes it is the only writer of its files. A
// second start hands its documents to the running editor, which opens each in a window of its
// own, or comes to the front when there are none.
const isPrimaryInstance = app.requestSingleInstanceLock();
if (!isPrimaryInstance) app.quit();
app.on('second-instance', (_event, argv, workingDirectory) => {
  editorWindows.receiveSecondStart(argv, workingDirectory);
});

// macOS: a document opened from the Finder or dropped on the Dock icon, also the one that
// starts the app (then before `ready`).
app.on('open-file', (event, filePath) => {
  event.preventDefault();
  if (isPrimaryInstance) editorWindows.receiveOpenFile(filePath);
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
  const writing = editorWindows.pendingPlaceWrite;
  if (!writing) return;
  event.preventDefault();
  void writing.finally(() => app.quit());
});

app.on('window-all-closed', () => {
  // On macOS an app stays active without windows until the user quits it.
  if (process.platform !== 'darwin') app.quit();
});

app.on('activate', () => {
  if (isPrimaryInstance) editorWindows.activate();
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
  ipcMain.on(SHELL_CHANNELS.menuState, (event, payload: unknown) => {
    const windowId = BrowserWindow.fromWebContents(event.sender)?.id ?? null;
    editorWindows.receiveMenuState({ sender: getIpcSender(event), windowId }, payload);
  });

  await editorWindows.launch(process.argv, process.cwd());
});

/** The frame that sent an IPC message, as the security checks need it. */
function getIpcSender(event: IpcMainEvent | IpcMainInvokeEvent): IpcSender | null {
  const frame = event.senderFrame;
  return frame ? { url: frame.url, isTopFrame: frame.parent === null } : null;
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
