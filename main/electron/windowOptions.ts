// Only a type comes from 'electron': it is erased when compiled, so this module loads and is
// tested in plain Node, while the compiler still checks the options against Electron's own API.
import type { BrowserWindowConstructorOptions } from 'electron';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE } from './windowPlacement.ts';

/**
 * The window title until the page sets its own: the document's name and whether it has unsaved
 * changes (renderer/components/FileBar.tsx), which Electron shows as the window's title.
 */
export const WINDOW_TITLE = 'Resolutie-editor';

/**
 * Options of the editor window. The renderer runs as a web page with no Node at all: isolated
 * from the preload (contextIsolation), in Chromium's OS sandbox (sandbox), without Node in the
 * page, its workers or frames, with web security on and no `<webview>`. Its only way out is the
 * API the preload exposes.
 */
export function createWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    // The size without a remembered place; editorWindows.ts puts the remembered one over it.
    ...DEFAULT_WINDOW_SIZE,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    // Shown on `ready-to-show`, so the user never sees an empty white frame first.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // A file dropped on the window must not replace the app with that file.
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Chromium's spell checker marks misspelled words in the editor (which sets
      // spellcheck="true" and lang="nl"); main.ts sets the language.
      spellcheck: true,
    },
  };
}
