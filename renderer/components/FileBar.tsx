/**
 * The header: the app's name, the document's name with its saved state, and the file
 * commands with their shortcuts (Ctrl/⌘+N, O, S, Shift+S, P). A browser keeps Ctrl+N (and
 * Ctrl+W) for itself; in the desktop app they reach the page.
 *
 * Ctrl/⌘+P opens the Afdrukvoorbeeld. Browsers let a page take that key (word processors in
 * the browser do the same), and what the browser itself would print is the editing screen,
 * never what anyone wants here: the preview shows the stuk as it will be printed.
 */
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import type { DocumentSnapshot } from '../documents/OpenDocument.ts';
import type { FileCommands } from '../window/WindowController.ts';
import { ariaShortcut, formatShortcut } from '../keyboard/shortcuts.ts';

const timeFormat = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit' });

/** The document's name as the title bar and header show it. */
export function getDocumentName(snapshot: DocumentSnapshot): string {
  return snapshot.name ?? 'Naamloos';
}

function describeState(snapshot: DocumentSnapshot): string {
  if (snapshot.journal === 'failing') {
    return `Herstelbestand niet bijgewerkt: ${snapshot.journalMessage ?? 'de host antwoordt niet'}`;
  }
  if (snapshot.dirty) return snapshot.path ? 'Niet-opgeslagen wijzigingen' : 'Nog niet opgeslagen';
  if (snapshot.savedAt) return `Opgeslagen om ${timeFormat.format(new Date(snapshot.savedAt))}`;
  return snapshot.path ? 'Opgeslagen' : 'Nieuw document';
}

const BUTTONS: { id: keyof FileCommands; label: string; shortcut?: string }[] = [
  { id: 'newDocument', label: 'Nieuw…', shortcut: 'Mod-n' },
  { id: 'open', label: 'Openen…', shortcut: 'Mod-o' },
  { id: 'importDocument', label: 'Importeren…' },
  { id: 'save', label: 'Opslaan', shortcut: 'Mod-s' },
  { id: 'saveAs', label: 'Opslaan als…', shortcut: 'Mod-Shift-s' },
  { id: 'printPreview', label: 'Afdrukvoorbeeld', shortcut: 'Mod-p' },
  { id: 'exportPdf', label: 'Exporteren als PDF' },
  { id: 'close', label: 'Sluiten' },
];

export function FileBar({
  snapshot,
  commands,
  children,
  helpMenu,
}: {
  snapshot: DocumentSnapshot;
  commands: FileCommands;
  /** More controls before the file commands (co-editing). */
  children?: ReactNode;
  /** The Help menu, at the right end (help/ renders it; the header only places it). */
  helpMenu?: ReactNode;
}) {
  const name = getDocumentName(snapshot);

  useEffect(() => {
    document.title = `${snapshot.dirty ? '● ' : ''}${name} – Resolutie-editor`;
  }, [name, snapshot.dirty]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const command =
        key === 's'
          ? event.shiftKey
            ? commands.saveAs
            : commands.save
          : key === 'o' && !event.shiftKey
            ? commands.open
            : key === 'p' && !event.shiftKey
              ? commands.printPreview
              : null;
      if (!command) return;
      event.preventDefault();
      command();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [commands]);

  return (
    <header className="app-header">
      <span className="app-name">Resolutie-editor</span>
      <span className="doc-name">
        <span className="doc-file-name">{name}</span>
        {snapshot.dirty && (
          <span className="dirty-mark" aria-label="niet opgeslagen" title="Niet opgeslagen">
            ●
          </span>
        )}
      </span>
      <span
        className={`doc-state${snapshot.journal === 'failing' ? ' doc-state-warning' : ''}`}
        role="status"
      >
        {describeState(snapshot)}
      </span>
      {children}
      <nav className="file-commands" aria-label="Bestand">
        {BUTTONS.map((button) => (
          <button
            key={button.id}
            type="button"
            className="header-button"
            title={
              button.shortcut
                ? `${button.label} (${formatShortcut(button.shortcut)})`
                : button.label
            }
            aria-keyshortcuts={button.shortcut ? ariaShortcut(button.shortcut) : undefined}
            onClick={() => commands[button.id]()}
          >
            {button.label}
          </button>
        ))}
      </nav>
      {helpMenu}
    </header>
  );
}
