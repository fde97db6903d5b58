/**
 * The desktop shell's menu bridge (`window.resolutieShell`), when the page runs in the desktop
 * app; undefined in a browser, where there are no native menus and the toolbar does it all.
 */
import { SHELL_BRIDGE_GLOBAL_NAME, type ShellBridge } from '../../shared/api/shellBridge.ts';

/** The bridge the preload exposed, if any. */
export function findShellBridge(): ShellBridge | undefined {
  return (globalThis as { [SHELL_BRIDGE_GLOBAL_NAME]?: ShellBridge })[SHELL_BRIDGE_GLOBAL_NAME];
}
