/**
 * The shape of the native menus as plain data: the subset of Electron's
 * `MenuItemConstructorOptions` the app uses, with what an item does as data instead of a
 * `click` function. The templates (`applicationMenu.ts`, `contextMenu.ts`) are built from the
 * document's state in plain Node and tested there; main.ts turns them into Electron menus, with
 * the clicks `editorWindows.ts` decides (the compiler checks that the roles below are Electron's).
 */
import type { MenuCommandMessage } from '../../shared/api/menuCommands.ts';

/** Electron menu roles the app uses: Chromium's or the system's own behaviour. */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'close'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'zoomIn'
  | 'zoomOut'
  | 'resetZoom'
  | 'togglefullscreen'
  | 'toggleDevTools'
  | 'reload'
  | 'minimize'
  | 'zoom'
  | 'front'
  | 'help';

/** What the main process does itself when an item is chosen (rather than the page). */
export type ShellAction =
  | { kind: 'newWindow' }
  /** Replaces the misspelled word under the context menu with this suggestion. */
  | { kind: 'replaceMisspelling'; word: string }
  /** Adds the word to the user's own dictionary, so it is no longer marked. */
  | { kind: 'addToDictionary'; word: string };

/** One item of a native menu. */
export interface MenuItemTemplate {
  /** A stable id, for tests and `Menu.getMenuItemById`. */
  id?: string;
  label?: string;
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox';
  role?: MenuRole;
  accelerator?: string;
  enabled?: boolean;
  checked?: boolean;
  visible?: boolean;
  submenu?: MenuItemTemplate[];
  /** Sent to the page of the window the menu acts on. */
  command?: MenuCommandMessage;
  /** Done by the main process. */
  action?: ShellAction;
}

/** The platforms whose conventions the menus follow; anything else is treated as Linux. */
export type MenuPlatform = 'darwin' | 'win32' | 'linux';

/** The menu platform for `process.platform`. */
export function getMenuPlatform(platform: string): MenuPlatform {
  return platform === 'darwin' || platform === 'win32' ? platform : 'linux';
}

/** A separator line. */
export const SEPARATOR: MenuItemTemplate = { type: 'separator' };

/**
 * `items` without separators at either end or doubled, which the template builders produce
 * when a group they would separate is left out.
 */
export function tidySeparators(items: MenuItemTemplate[]): MenuItemTemplate[] {
  const tidy: MenuItemTemplate[] = [];
  for (const item of items) {
    const isSeparator = item.type === 'separator';
    if (isSeparator && (tidy.length === 0 || tidy[tidy.length - 1]?.type === 'separator')) {
      continue;
    }
    tidy.push(item);
  }
  while (tidy[tidy.length - 1]?.type === 'separator') tidy.pop();
  return tidy;
}
