/**
 * A menu button as the WAI-ARIA Authoring Practices describe it, for the header's "Bestand ▾"
 * and "Sessie ▾" and the toolbar's "Meer ▾": a button with aria-haspopup and aria-expanded
 * that opens a list of role=menu. Enter, Space and ArrowDown open it on the first item,
 * ArrowUp on the last; in the list the arrow keys, Home and End move, a letter jumps to the
 * next item starting with it, Escape closes it and gives the focus back to the button, and
 * Tab or a click elsewhere closes it. Shortcuts are shown beside the items and given as
 * aria-keyshortcuts. An item that does not apply stays in the list, aria-disabled, so the
 * user sees that it exists and (through its title) why it cannot be chosen.
 */
import { Fragment, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent, ReactNode } from 'react';
import { ariaShortcut, formatShortcut } from '../keyboard/shortcuts.ts';

/** One entry of a menu. */
export interface MenuEntry {
  id: string;
  label: string;
  /** In the keymap's notation ("Mod-Shift-s"). */
  shortcut?: string;
  disabled?: boolean;
  /** Why the entry is disabled, or what it does: its tooltip. */
  title?: string;
  /** For a toggle: whether it is on (a menuitemcheckbox). */
  checked?: boolean;
  /** The id of an element that describes the entry (why it is disabled, say). */
  describedBy?: string;
  onSelect: () => void;
}

/** A run of entries under an optional heading; sections are separated by a line. */
export interface MenuSection {
  label?: string;
  entries: MenuEntry[];
}

export function MenuButton({
  label,
  sections,
  className = 'header-button',
  align = 'start',
  menuLabel,
  buttonTitle,
  buttonLabel,
}: {
  /** The button's visible text; the ▾ follows it. */
  label: string;
  sections: MenuSection[];
  className?: string;
  /** Which edge of the button the list lines up with. */
  align?: 'start' | 'end';
  /** The menu's accessible name; the button's label by default. */
  menuLabel?: string;
  buttonTitle?: string;
  /** The button's accessible name when its visible text is not enough ("Meer" on a card). */
  buttonLabel?: string;
}) {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[data-menu-item]') ?? [])];

  // The list stays in the window: taller than the room below the button, it scrolls inside
  // itself (a laptop at 200 % zoom has 400 css pixels of height); wider than the room beside
  // it, it lines up with the button's other edge.
  useLayoutEffect(() => {
    const list = menu.current;
    if (!open || !list) return;
    const box = list.getBoundingClientRect();
    list.style.maxHeight = `${Math.max(120, window.innerHeight - box.top - 8)}px`;
    if (box.right > window.innerWidth) list.classList.replace('menu-list-start', 'menu-list-end');
    else if (box.left < 0) list.classList.replace('menu-list-end', 'menu-list-start');
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const list = items();
    (open === 'first' ? list[0] : list[list.length - 1])?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const choose = (entry: MenuEntry) => {
    if (entry.disabled) return;
    close(true);
    entry.onSelect();
  };

  const onMenuKey = (event: ReactKeyboardEvent) => {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    const focusAt = (at: number) => list[(at + list.length) % list.length]?.focus();
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      focusAt(index + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      focusAt(event.key === 'Home' ? 0 : list.length - 1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      setOpen(false);
    } else if (event.key.length === 1 && /\S/.test(event.key) && !event.ctrlKey && !event.metaKey) {
      // Type-ahead: the next item whose label starts with the letter.
      const letter = event.key.toLocaleLowerCase('nl');
      const starts = (item: HTMLElement) =>
        (item.dataset.menuLabel ?? '')
          .toLocaleLowerCase('nl')
          .replace(/^\W+/, '')
          .startsWith(letter);
      const next = [...list.slice(index + 1), ...list.slice(0, index + 1)].find(starts);
      next?.focus();
    }
  };

  return (
    <div className="menu-button">
      <button
        ref={button}
        type="button"
        className={className}
        title={buttonTitle}
        aria-label={buttonLabel}
        aria-haspopup="menu"
        aria-expanded={open !== false}
        aria-controls={open ? menuId : undefined}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => setOpen((now) => (now ? false : 'first'))}
        onKeyDown={(event) => {
          if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !open) {
            event.preventDefault();
            setOpen(event.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul
          ref={menu}
          id={menuId}
          className={`menu-list menu-list-${align}`}
          role="menu"
          aria-label={menuLabel ?? label}
          onKeyDown={onMenuKey}
        >
          {sections.map((section, at) => (
            <Fragment key={section.label ?? at}>
              {at > 0 && <li role="separator" className="menu-separator" />}
              {section.label && (
                <li role="presentation" className="menu-section-label" aria-hidden="true">
                  {section.label}
                </li>
              )}
              {section.entries.map((entry) => (
                <li key={entry.id} role="none">
                  <MenuItem entry={entry} onChoose={choose} />
                </li>
              ))}
            </Fragment>
          ))}
        </ul>
      )}
    </div>
  );
}

function MenuItem({
  entry,
  onChoose,
}: {
  entry: MenuEntry;
  onChoose: (entry: MenuEntry) => void;
}): ReactNode {
  const toggle = entry.checked !== undefined;
  return (
    <button
      type="button"
      role={toggle ? 'menuitemcheckbox' : 'menuitem'}
      aria-checked={toggle ? entry.checked : undefined}
      aria-disabled={entry.disabled || undefined}
      aria-describedby={entry.describedBy}
      aria-keyshortcuts={entry.shortcut ? ariaShortcut(entry.shortcut) : undefined}
      title={entry.title}
      tabIndex={-1}
      className="menu-item"
      data-menu-item=""
      data-menu-label={entry.label}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => onChoose(entry)}
    >
      <span className="menu-item-check" aria-hidden="true">
        {toggle && entry.checked ? '✓' : ''}
      </span>
      <span className="menu-item-label">{entry.label}</span>
      {entry.shortcut && (
        <kbd className="menu-item-key" aria-hidden="true">
          {formatShortcut(entry.shortcut)}
        </kbd>
      )}
    </button>
  );
}
