/**
 * The header: the app's name, the document's name with its saved state, and the file
 * commands with their shortcuts (Ctrl/⌘+N, O, S, Shift+S, P): all of them in the "Bestand ▾"
 * menu, the everyday three (Nieuw, Openen, Opslaan) also as buttons beside it while the window
 * is wide enough (app.css hides them on a narrow window, where the menu carries them). A
 * browser keeps Ctrl+N (and Ctrl+W) for itself; in the desktop app they reach the page.
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
import { MenuButton } from '../controls/MenuButton.tsx';
import type { MenuSection } from '../controls/MenuButton.tsx';

const timeFormat = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit' });

/** The document's name as the title bar and header show it. */
export function getDocumentName(snapshot: DocumentSnapshot): string {
  return snapshot.name ?? 'Naamloos';
}

/**
 * What a reader in a session sees instead of the saved state: the colleagues' edits arrive in
 * the reader's copy, and "Nog niet opgeslagen" would say the reader had changed something.
 */
const READER_STATE = 'Alleen lezen';
const READER_STATE_TIP =
  'U leest mee in de sessie; de uitnodiger bewaart het stuk. Met Opslaan als… bewaart u een eigen kopie.';

function describeState(snapshot: DocumentSnapshot, joined: boolean): string {
  if (snapshot.journal === 'failing') {
    return `Herstelbestand niet bijgewerkt: ${snapshot.journalMessage ?? 'de host antwoordt niet'}`;
  }
  if (snapshot.dirty) return snapshot.path ? 'Niet-opgeslagen wijzigingen' : 'Nog niet opgeslagen';
  if (snapshot.savedAt) return `Opgeslagen om ${timeFormat.format(new Date(snapshot.savedAt))}`;
  if (snapshot.path) return 'Opgeslagen';
  // A document joined in a session is the host's, not new: this window holds a copy of it.
  return joined ? 'Kopie uit de sessie' : 'Nieuw document';
}

/** A file command: its label and shortcut as the header and the Bestand menu show them. */
interface FileCommand {
  id: keyof FileCommands;
  label: string;
  shortcut?: string;
  /** Shown as a button beside the menu while the header has room (the everyday three). */
  primary?: boolean;
}

/**
 * The Bestand menu, in the order of a word processor's File menu. Every command is in it; the
 * primary ones are also buttons beside it. A new command is one line here.
 */
const FILE_COMMANDS: FileCommand[] = [
  { id: 'newDocument', label: 'Nieuw…', shortcut: 'Mod-n', primary: true },
  { id: 'open', label: 'Openen…', shortcut: 'Mod-o', primary: true },
  { id: 'importDocument', label: 'Importeren…' },
  { id: 'save', label: 'Opslaan', shortcut: 'Mod-s', primary: true },
  { id: 'saveAs', label: 'Opslaan als…', shortcut: 'Mod-Shift-s' },
  { id: 'printPreview', label: 'Afdrukvoorbeeld', shortcut: 'Mod-p' },
  { id: 'exportPdf', label: 'Exporteren als PDF' },
  { id: 'exportWord', label: 'Exporteren als Word' },
  { id: 'exportWordChanges', label: 'Exporteren als Word met wijzigingen' },
  { id: 'close', label: 'Sluiten' },
];

export function FileBar({
  snapshot,
  commands,
  children,
  helpMenu,
  reading = false,
  joined = false,
  moreSections = [],
}: {
  snapshot: DocumentSnapshot;
  commands: FileCommands;
  /** More controls before the file commands (co-editing). */
  children?: ReactNode;
  /** The Help menu, at the right end (help/ renders it; the header only places it). */
  helpMenu?: ReactNode;
  /** A reader in a session: the header shows no unsaved state (see READER_STATE). */
  reading?: boolean;
  /** The document was joined in a session (another computer hosts it). */
  joined?: boolean;
  /** More sections of the Bestand menu, after the file commands (the amendments). */
  moreSections?: MenuSection[];
}) {
  const name = getDocumentName(snapshot);
  // A failing journal is still said: the reader's copy is not being kept either.
  const state =
    reading && snapshot.journal !== 'failing' ? READER_STATE : describeState(snapshot, joined);
  const dirty = snapshot.dirty && !reading;

  useEffect(() => {
    document.title = `${dirty ? '● ' : ''}${name} – Resolutie-editor`;
  }, [name, dirty]);

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
      {/* The name and its state, one above the other; a long name ends in an ellipsis and
          shows in full in its tooltip (and in the window's title). */}
      <div className="doc-heading">
        <span className="doc-name">
          <span className="doc-file-name" title={name}>
            {name}
          </span>
          {dirty && (
            <span className="dirty-mark" aria-label="niet opgeslagen" title="Niet opgeslagen">
              ●
            </span>
          )}
        </span>
        <span
          className={`doc-state${snapshot.journal === 'failing' ? ' doc-state-warning' : ''}`}
          role="status"
          title={reading ? READER_STATE_TIP : state}
        >
          {state}
        </span>
      </div>
      {children}
      <nav className="file-commands" aria-label="Bestand">
        {FILE_COMMANDS.filter((command) => command.primary).map((command) => (
          <button
            key={command.id}
            type="button"
            className="header-button file-primary"
            title={
              command.shortcut
                ? `${command.label} (${formatShortcut(command.shortcut)})`
                : command.label
            }
            aria-keyshortcuts={command.shortcut ? ariaShortcut(command.shortcut) : undefined}
            onClick={() => commands[command.id]()}
          >
            {command.label}
          </button>
        ))}
        <MenuButton
          label="Bestand"
          align="end"
          buttonTitle="Alle bestandsopdrachten"
          sections={[
            {
              entries: FILE_COMMANDS.map((command) => ({
                id: command.id,
                label: command.label,
                shortcut: command.shortcut,
                onSelect: () => commands[command.id](),
              })),
            },
            ...moreSections,
          ]}
        />
      </nav>
      {helpMenu}
    </header>
  );
}
