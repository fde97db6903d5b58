/**
 * "Help" at the right of the header: a small menu with the help page (F1), the preferences and
 * "Over Resolutie-editor", as the other menus of the window are (controls/MenuButton.tsx: the
 * arrow keys move through the items, Escape closes the menu and gives the focus back to the
 * button, and a dialog opened from it returns the focus there).
 */
import type { AppDialog } from '../window/windowDialogs.ts';
import { MenuButton } from '../controls/MenuButton.tsx';
import '../styles/help.css';

const ITEMS: { dialog: AppDialog; label: string; shortcut?: string }[] = [
  { dialog: 'help', label: 'Help', shortcut: 'F1' },
  { dialog: 'preferences', label: 'Voorkeuren…' },
  { dialog: 'about', label: 'Over Resolutie-editor' },
];

export function HelpMenu({ onOpen }: { onOpen: (dialog: AppDialog) => void }) {
  return (
    <MenuButton
      label="Help"
      align="end"
      sections={[
        {
          entries: ITEMS.map((item) => ({
            id: item.dialog,
            label: item.label,
            ...(item.shortcut ? { shortcut: item.shortcut } : {}),
            onSelect: () => onOpen(item.dialog),
          })),
        },
      ]}
    />
  );
}
