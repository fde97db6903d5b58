/**
 * "Help" at the right of the header: a small menu with the help page (F1), the preferences and
 * "Over Resolutie-editor". A menu button as WAI-ARIA describes it: the arrow keys move
 * through the items, Escape closes the menu and gives the focus back to the button, and a
 * click elsewhere closes it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { AppDialog } from '../window/windowDialogs.ts';
import { ariaShortcut, formatShortcut } from '../keyboard/shortcuts.ts';
import '../styles/help.css';

const ITEMS: { dialog: AppDialog; label: string; shortcut?: string }[] = [
  { dialog: 'help', label: 'Help', shortcut: 'F1' },
  { dialog: 'preferences', label: 'Voorkeuren…' },
  { dialog: 'about', label: 'Over Resolutie-editor' },
];

export function HelpMenu({ onOpen }: { onOpen: (dialog: AppDialog) => void }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const choose = (dialog: AppDialog) => {
    setOpen(false);
    // The dialog returns the focus to what had it when it opened: the menu's button.
    button.current?.focus();
    onOpen(dialog);
  };

  const onMenuKey = (event: ReactKeyboardEvent) => {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      list[(index + step + list.length) % list.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      list[event.key === 'Home' ? 0 : list.length - 1]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <div className="help-menu">
      <button
        ref={button}
        type="button"
        className="header-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((now) => !now)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        Help <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul
          ref={menu}
          id={menuId}
          className="help-menu-list"
          role="menu"
          aria-label="Help"
          onKeyDown={onMenuKey}
        >
          {ITEMS.map((item) => (
            <li key={item.dialog} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="help-menu-item"
                aria-keyshortcuts={item.shortcut ? ariaShortcut(item.shortcut) : undefined}
                onClick={() => choose(item.dialog)}
              >
                <span>{item.label}</span>
                {item.shortcut && (
                  <kbd className="help-menu-key">{formatShortcut(item.shortcut)}</kbd>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
