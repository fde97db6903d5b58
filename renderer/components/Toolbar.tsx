/**
 * The toolbar: the usual actions in groups, with Dutch labels, shortcuts in the tooltips and
 * an accessible name on every control. A button is enabled when its command applies where
 * the cursor is, which is asked of the command itself (a dry run without dispatch).
 */
import { useEffect } from 'react';
import type { Command, EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { history } from '../editor/yjsBinding.ts';
import { schema } from '../../shared/editor/schema.ts';
import { addBlock } from '../../shared/editor/commands/blocks.ts';
import { insertItemAfter } from '../../shared/editor/commands/itemKeys.ts';
import {
  indentItem,
  outdentItem,
  setSubitemMarker,
} from '../../shared/editor/commands/indentItems.ts';
import {
  canInsertFootnote,
  canSetLink,
  getLinkAtSelection,
  insertFootnote,
  isMarkActive,
  setLink,
  toggleBold,
  toggleItalic,
  toggleUnderline,
} from '../../shared/editor/commands/inlineContent.ts';
import {
  setHeading,
  setParagraph,
  wrapInBulletList,
  wrapInOrderedList,
  wrapInQuote,
} from '../../shared/editor/commands/explanationBlocks.ts';
import { ariaShortcut, formatShortcut } from '../keyboard/shortcuts.ts';

interface Action {
  id: string;
  label: string;
  glyph: string;
  shortcut?: string;
  command: (state: EditorState) => Command | null;
  active?: (state: EditorState) => boolean;
}

// Link and footnote ask for their text; the dry run (no dispatch) only checks the place.
const askLink = (state: EditorState): Command | null => {
  if (!canSetLink(state)) return null;
  return (s, dispatch) => {
    if (!dispatch) return true;
    const href = window.prompt(
      'Adres van de link (https://…); leeg laten om de link te verwijderen',
      getLinkAtSelection(s) ?? '',
    );
    return href === null ? false : setLink(href)(s, dispatch);
  };
};

const askFootnote = (state: EditorState): Command | null => {
  if (!canInsertFootnote(state)) return null;
  return (s, dispatch) => {
    if (!dispatch) return true;
    const text = window.prompt('Tekst van de voetnoot');
    return text === null ? false : insertFootnote(text)(s, dispatch);
  };
};

const GROUPS: { label: string; actions: Action[] }[] = [
  {
    label: 'Bewerken',
    actions: [
      {
        id: 'undo',
        label: 'Ongedaan maken',
        glyph: '↶',
        shortcut: 'Mod-z',
        command: () => history.undo,
      },
      {
        id: 'redo',
        label: 'Opnieuw',
        glyph: '↷',
        shortcut: 'Mod-Shift-z',
        command: () => history.redo,
      },
    ],
  },
  {
    label: 'Opmaak',
    actions: [
      {
        id: 'bold',
        label: 'Vet',
        glyph: 'B',
        shortcut: 'Mod-b',
        command: () => toggleBold,
        active: (s) => isMarkActive(s, schema.marks.bold),
      },
      {
        id: 'italic',
        label: 'Cursief',
        glyph: 'I',
        shortcut: 'Mod-i',
        command: () => toggleItalic,
        active: (s) => isMarkActive(s, schema.marks.italic),
      },
      {
        id: 'underline',
        label: 'Onderstrepen',
        glyph: 'U',
        shortcut: 'Mod-u',
        command: () => toggleUnderline,
        active: (s) => isMarkActive(s, schema.marks.underline),
      },
      {
        id: 'link',
        label: 'Link',
        glyph: 'Link',
        command: askLink,
        active: (s) => isMarkActive(s, schema.marks.link),
      },
    ],
  },
  {
    label: 'Punten',
    actions: [
      { id: 'add-item', label: 'Punt toevoegen', glyph: '+ Punt', command: () => insertItemAfter },
      {
        id: 'indent',
        label: 'Subpunt maken',
        glyph: '→ Subpunt',
        shortcut: 'Tab',
        command: () => indentItem,
      },
      {
        id: 'outdent',
        label: 'Subpunt opheffen',
        glyph: '← Punt',
        shortcut: 'Shift-Tab',
        command: () => outdentItem,
      },
      {
        id: 'letters',
        label: 'Subpunten met letters',
        glyph: 'a, b',
        command: () => setSubitemMarker('letter'),
      },
      {
        id: 'bullets',
        label: 'Subpunten als opsomming',
        glyph: '•',
        command: () => setSubitemMarker('bullet'),
      },
    ],
  },
  {
    label: 'Blokken',
    actions: [
      {
        id: 'add-recitals',
        label: 'Blok overwegingen toevoegen',
        glyph: '+ Overwegingen',
        command: () => addBlock('recital'),
      },
      {
        id: 'add-operatives',
        label: 'Blok dictum toevoegen',
        glyph: '+ Dictum',
        command: () => addBlock('operative'),
      },
    ],
  },
  {
    label: 'Toelichting',
    actions: [
      { id: 'heading1', label: 'Kop', glyph: 'Kop', command: () => setHeading(1) },
      { id: 'heading2', label: 'Subkop', glyph: 'Subkop', command: () => setHeading(2) },
      { id: 'paragraph', label: 'Gewone alinea', glyph: 'Alinea', command: () => setParagraph },
      { id: 'bullet-list', label: 'Opsomming', glyph: '• Lijst', command: () => wrapInBulletList },
      {
        id: 'ordered-list',
        label: 'Genummerde lijst',
        glyph: '1. Lijst',
        command: () => wrapInOrderedList,
      },
      { id: 'quote', label: 'Citaat', glyph: '“ ”', command: () => wrapInQuote },
      { id: 'footnote', label: 'Voetnoot invoegen', glyph: 'Voetnoot', command: askFootnote },
    ],
  },
];

export function Toolbar({
  view,
  suggesting = false,
  onToggleSuggesting,
  onVersions,
}: {
  view: EditorView | null;
  /** Whether this user's edits are proposals ("Wijzigingen bijhouden"). */
  suggesting?: boolean;
  onToggleSuggesting?: () => void;
  /** Opens "Versies". */
  onVersions?: () => void;
}) {
  const state = view?.state ?? null;
  // Ctrl+Shift+E, as in word processors, turns tracking changes on and off.
  useEffect(() => {
    if (!onToggleSuggesting) return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'e') {
        event.preventDefault();
        onToggleSuggesting();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onToggleSuggesting]);
  return (
    <div className="toolbar" role="toolbar" aria-label="Werkbalk">
      {GROUPS.map((group) => (
        <div className="toolbar-group" role="group" aria-label={group.label} key={group.label}>
          {group.actions.map((action) => {
            const command = state ? action.command(state) : null;
            const enabled = !!(state && command && command(state));
            const active = !!(state && action.active?.(state));
            const tip = action.shortcut
              ? `${action.label} (${formatShortcut(action.shortcut)})`
              : action.label;
            return (
              <button
                key={action.id}
                type="button"
                className={`tool tool-${action.id}`}
                title={tip}
                aria-label={action.label}
                aria-keyshortcuts={action.shortcut ? ariaShortcut(action.shortcut) : undefined}
                aria-pressed={action.active ? active : undefined}
                disabled={!enabled}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  if (!view || !command) return;
                  command(view.state, view.dispatch, view);
                  view.focus();
                }}
              >
                {action.glyph}
              </button>
            );
          })}
        </div>
      ))}
      {onToggleSuggesting && (
        <div className="toolbar-group toolbar-group-end" role="group" aria-label="Wijzigingen">
          <button
            type="button"
            className={`tool tool-track${suggesting ? ' tool-track-on' : ''}`}
            title={`Wijzigingen bijhouden (${formatShortcut('Mod-Shift-e')})`}
            aria-keyshortcuts={ariaShortcut('Mod-Shift-e')}
            aria-pressed={suggesting}
            disabled={!view || !view.editable}
            onMouseDown={(event) => event.preventDefault()}
            onClick={onToggleSuggesting}
          >
            Wijzigingen bijhouden
          </button>
          {onVersions && (
            <button
              type="button"
              className="tool"
              disabled={!view}
              onMouseDown={(event) => event.preventDefault()}
              onClick={onVersions}
            >
              Versies…
            </button>
          )}
        </div>
      )}
    </div>
  );
}
