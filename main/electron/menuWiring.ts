/**
 * Turns a menu template (plain data, see `menuItems.ts`) into Electron's menu options: every
 * item that sends a command or does a main-process action gets a `click` calling the handler
 * with that data. Only types come from 'electron', so this is tested in Node; the compiler
 * checks that the template's fields are Electron's.
 */
import type { BaseWindow, MenuItemConstructorOptions } from 'electron';
import type { MenuCommandMessage } from '../../shared/api/menuCommands.ts';
import type { MenuItemTemplate, ShellAction } from './menuItems.ts';

/** What a click does; `window` is the window the menu acted on, if Electron knows it. */
export interface MenuClickHandlers {
  command(message: MenuCommandMessage, window: BaseWindow | undefined): void;
  action(action: ShellAction, window: BaseWindow | undefined): void;
}

/** Electron's options for `items`, with their clicks wired to `handlers`. */
export function toElectronMenuTemplate(
  items: readonly MenuItemTemplate[],
  handlers: MenuClickHandlers,
): MenuItemConstructorOptions[] {
  return items.map(({ command, action, submenu, ...options }) => {
    const electron: MenuItemConstructorOptions = { ...options };
    if (submenu) electron.submenu = toElectronMenuTemplate(submenu, handlers);
    if (command) electron.click = (_item, window) => handlers.command(command, window);
    else if (action) electron.click = (_item, window) => handlers.action(action, window);
    return electron;
  });
}
