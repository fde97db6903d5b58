/**
 * The Electron main process: wiring only. Every decision (window options, navigation,
 * permissions, IPC senders, CSP, file serving) lives in a plain module beside this one or in
 * `main/web/`, and every API method is answered by the shared `handleRequest`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, type WebContents } from 'electron';
import { createApiContext } from '../api/context.ts';
import { readSessionNetwork } from '../services/sessionHost.ts';
import { getCurrentEnvironment, getDocumentsDir, getProfileDir } from '../services/appDirs.ts';
import { getRendererDir } from '../services/appRoot.ts';
import { CONTENT_SECURITY_POLICY } from '../web/securityHeaders.ts';
import { APP_ENTRY_URL, APP_SCHEME, createAppProtocolHandler } from './appProtocol.ts';
import { createIpcApiRoutes } from './ipcRouter.ts';
import { decideNavigation, isPermissionAllowed } from './security.ts';
import { createWindowOptions } from './windowOptions.ts';
import { getRecentDocumentPath, UNSAVED_CLOSE_PROMPT } from './documentEvents.ts';
import { printOnPaper } from './electronPaperPrinter.ts';
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
  sessionNetwork: readSessionNetwork(process.env),
  // PDFs come from the app's own Chromium: a hidden window per export.
  startPdfPrinter: () =>
    ElectronPagePrinter.start(() => new BrowserWindow(createPrintWindowOptions())),
  // "Afdrukken…": the print page in a hidden window of the same kind, the system's dialog.
  printOnPaper: (html) => printOnPaper(html, () => new BrowserWindow(createPrintWindowOptions())),
});

// One editor per profile: the recovery journal assumes it is the only writer of its files. A
// second start hands over to the running editor, which comes to the front.
const isPrimaryInstance = app.requestSingleInstanceLock();
if (!isPrimaryInstance) app.quit();
app.on('second-instance', () => {
  const [window] = BrowserWindow.getAllWindows();
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.focus();
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

app.on('window-all-closed', () => {
  // On macOS an app stays active without windows until the user quits it.
  if (process.platform !== 'darwin') app.quit();
});

app.on('activate', () => {
  if (isPrimaryInstance && BrowserWindow.getAllWindows().length === 0) openEditorWindow();
});

void app.whenReady().then(() => {
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

  // The print windows' session loads the page a printer wrote, and nothing else.
  const printSession = session.fromPartition(PRINT_PARTITION);
  printSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isPrintPageUrl(details.url) });
  });
  printSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

  for (const route of createIpcApiRoutes(context)) {
    ipcMain.handle(route.channel, async (event, payload: unknown) => {
      const frame = event.senderFrame;
      const sender = frame ? { url: frame.url, isTopFrame: frame.parent === null } : null;
      const result = await route.handle(sender, payload);
      const recent = getRecentDocumentPath(route.method, result);
      if (recent) app.addRecentDocument(recent);
      return result;
    });
  }

  openEditorWindow();
});

function openEditorWindow(): void {
  const window = new BrowserWindow(createWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  // The page refuses to unload while it has unsaved changes; ask the user natively.
  window.webContents.on('will-prevent-unload', (event) => {
    if (dialog.showMessageBoxSync(window, UNSAVED_CLOSE_PROMPT) === 0) event.preventDefault();
  });
  void window.loadURL(APP_ENTRY_URL);
}

/** Applies to every web contents, including any a bug or an attack might create. */
function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (decideNavigation(event.url) === 'deny') event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (decideNavigation(event.url) === 'deny') event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
