/**
 * The desktop shell's second bridge, beside the API: the page reports its document's state for
 * the native menus, and hears the commands those menus send. Unlike the API it is not a
 * request with an answer, and it exists only in Electron (in a browser there is no native
 * menu and the toolbar does it all), so it is a bridge of its own, `window.resolutieShell`.
 * The preload (which may load no module) spells the channels out; a test compares them.
 */
import type { MenuCommandMessage } from './menuCommands.ts';
import type { MenuState } from './menuState.ts';

/** What the preload exposes on `window.resolutieShell`. */
export interface ShellBridge {
  /** Tells the main process the document's state; it validates it and updates the menus. */
  setMenuState(state: MenuState): void;
  /**
   * Calls `listener` with every message a native menu sends to this window (unchecked: the
   * page validates it). Returns the function that stops listening.
   */
  onMenuCommand(listener: (message: unknown) => void): () => void;
}

/** The global name under which the preload exposes the {@link ShellBridge}. */
export const SHELL_BRIDGE_GLOBAL_NAME = 'resolutieShell';

/** The IPC channels of the shell bridge: page → main, and main → page. */
export const SHELL_CHANNELS = {
  menuState: 'shell:menuState',
  menuCommand: 'shell:menuCommand',
} as const;

/** Re-exported for the page, which reads the message through the schema. */
export type { MenuCommandMessage, MenuState };
