/**
 * A modal dialog on the native <dialog> element, as WAI-ARIA's dialog pattern asks:
 * - the title names the dialog for screen readers, and the rest of the window is inert;
 * - on open, the focus goes to the control marked `autoFocus`, else to the first field, else
 *   to the first control (see focusFirstControl);
 * - Tab and Shift+Tab cycle through the dialog's controls and never leave it (the browser's
 *   own trap lets the focus out to its address bar);
 * - Escape cancels, as the dialog's "Annuleren" or "Sluiten" does;
 * - on close, the focus returns to what had it before: the button that opened the dialog.
 */
import { useEffect, useId, useInsertionEffect, useLayoutEffect, useRef } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent, ReactNode } from 'react';
import { focusFirstControl, getTabStops, returnFocus } from './focusTrap.ts';

export function Modal({
  title,
  onCancel,
  children,
  wide = false,
  className,
}: {
  title: string;
  onCancel: () => void;
  children: ReactNode;
  wide?: boolean;
  /** An extra class for a dialog with its own layout (the print preview). */
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // What had the focus before the dialog. Read in an insertion effect: after a dialog that this
  // one replaces has given the focus back to its own opener (Versies, then Vergelijking: both
  // return to "Versies…"), and before React focuses this dialog's `autoFocus` control.
  const opener = useRef<Element | null>(null);
  useInsertionEffect(() => {
    opener.current = document.activeElement;
  }, []);
  // Whether the window knows that the dialog closes: it unmounts the dialog, or it heard a
  // cancel that the browser would not let us refuse. A close event without it means the browser
  // closed the dialog on its own, and the window must hear of it.
  const closing = useRef(false);
  const latestCancel = useRef(onCancel);
  useEffect(() => {
    latestCancel.current = onCancel;
  });

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // The dialog mounts open but not yet modal (the `open` attribute below), so that React
    // could focus an `autoFocus` control in it: a control in a closed <dialog> cannot take the
    // focus. showModal then moves the focus to the first control; the chosen one gets it back.
    const active = document.activeElement;
    const autoFocused = active instanceof HTMLElement && dialog.contains(active) ? active : null;
    closing.current = false;
    // Removing the attribute closes the dialog without a close event (close() would fire one).
    if (dialog.open) dialog.removeAttribute('open');
    dialog.showModal();
    if (autoFocused && autoFocused !== dialog) autoFocused.focus();
    else focusFirstControl(dialog);
    return () => {
      closing.current = true;
      dialog.close();
      returnFocus(opener.current);
    };
  }, []);

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
    const stops = getTabStops(event.currentTarget);
    if (stops.length === 0) return;
    const first = stops[0]!;
    const last = stops[stops.length - 1]!;
    const active = document.activeElement;
    const outside = !stops.some((stop) => stop === active);
    if (event.shiftKey && (active === first || outside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || outside)) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      open
      className={`modal${wide ? ' modal-wide' : ''}${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        // Chromium lets a page refuse Escape only once without the user clicking or typing in
        // between; after that the cancel event cannot be refused and the dialog closes anyway.
        if (!event.cancelable) closing.current = true;
        event.preventDefault();
        latestCancel.current();
      }}
      onClose={() => {
        // Closed by the browser without a cancel event (no user activation): the window must
        // still hear that the dialog is gone.
        if (!closing.current) latestCancel.current();
      }}
    >
      <h2 id={titleId} className="modal-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
