/**
 * A modal dialog on the native <dialog> element: the browser traps focus, Escape cancels, and
 * the title names the dialog for screen readers.
 */
import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

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
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`modal${wide ? ' modal-wide' : ''}${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="modal-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
