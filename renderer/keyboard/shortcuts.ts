/**
 * Keyboard shortcuts as the platform writes them, for tooltips and aria-keyshortcuts: the
 * header and the toolbar (components/) and the help page and menu (help/) take them from here,
 * so those two rooms never import each other.
 */
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Mod-Shift-z" → "Ctrl+Shift+Z" (or "⌘⇧Z" on a Mac). */
export function formatShortcut(keys: string): string {
  const parts = keys.split('-');
  const names = parts.map((part) => {
    if (part === 'Mod') return isMac ? '⌘' : 'Ctrl';
    if (part === 'Shift') return isMac ? '⇧' : 'Shift';
    if (part === 'Alt') return isMac ? '⌥' : 'Alt';
    return part.length === 1 ? part.toUpperCase() : part;
  });
  return names.join(isMac ? '' : '+');
}

/** The ARIA form: "Control+Shift+Z". */
export function ariaShortcut(keys: string): string {
  return keys
    .split('-')
    .map((part) =>
      part === 'Mod' ? (isMac ? 'Meta' : 'Control') : part.length === 1 ? part.toUpperCase() : part,
    )
    .join('+');
}
