/**
 * The toolbar: the usual actions in groups, with Dutch labels, shortcuts in the tooltips and
 * an accessible name on every control. A button is enabled when its command applies where
 * the cursor is, which is asked of the command itself (a dry run without dispatch), and never
 * for a reader in a session, whom a line beside the buttons tells why. A voorsteller's edits are
 * all proposals: "Wijzigingen bijhouden" stays on, and the commands that change attributes
 * (indenting, the sub-items' markers), which cannot be proposals, are off. One row always: the
 * groups that do not fit fold, in FOLD_ORDER, into a "Meer ▾" menu (useFoldedGroups).
 */
import { useEffect, useId, useRef } from 'react';
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
import { READ_ONLY_REASON } from '../editor/nodeviews/readOnly.ts';
import { PROPOSER_REASONS } from '../liveSession/roleReasons.ts';
import type { ProposingReasons } from '../liveSession/roleReasons.ts';
import { MenuButton } from '../controls/MenuButton.tsx';
import { useFoldedGroups } from './useFoldedGroups.ts';
import { CommentIcon } from './CommentIcon.tsx';
import { COMMENT_SHORTCUT } from './useCommentCommand.ts';
import { canInsertReference, REFERENCE_SHORTCUT } from './useReferenceCommand.ts';

/** The dialogs an action opens, which the window holds. */
interface Openers {
  /** "Verwijzing invoegen" (useReferenceCommand). */
  reference?: () => void;
}

interface Action {
  id: string;
  label: string;
  glyph: string;
  shortcut?: string;
  command: (state: EditorState, openers: Openers) => Command | null;
  active?: (state: EditorState) => boolean;
  /**
   * False for a command a voorsteller may not use: one that changes only attributes, which
   * suggestion mode passes as it is (no proposal: suggestionMode.ts, proposeOnly), or one
   * whose proposal the server does not take as only theirs (the Toelichting's headings, lists
   * and quotes, which leave an empty node when taken back, and footnotes).
   */
  proposable?: false;
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

// The reference's picker is the window's dialog; the dry run asks insertReference.
const openReference = (state: EditorState, openers: Openers): Command | null => {
  const open = openers.reference;
  if (!open || !canInsertReference(state)) return null;
  return (_s, dispatch) => {
    if (dispatch) open();
    return true;
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
      {
        id: 'reference',
        label: 'Verwijzing invoegen',
        glyph: 'Verwijzing',
        shortcut: REFERENCE_SHORTCUT,
        command: openReference,
        proposable: false,
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
        proposable: false,
      },
      {
        id: 'outdent',
        label: 'Subpunt opheffen',
        glyph: '← Punt',
        shortcut: 'Shift-Tab',
        command: () => outdentItem,
        proposable: false,
      },
      {
        id: 'letters',
        label: 'Subpunten met letters',
        glyph: 'a, b',
        command: () => setSubitemMarker('letter'),
        proposable: false,
      },
      {
        id: 'bullets',
        label: 'Subpunten als opsomming',
        glyph: '•',
        command: () => setSubitemMarker('bullet'),
        proposable: false,
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
      {
        id: 'heading1',
        label: 'Kop',
        glyph: 'Kop',
        command: () => setHeading(1),
        proposable: false,
      },
      {
        id: 'heading2',
        label: 'Subkop',
        glyph: 'Subkop',
        command: () => setHeading(2),
        proposable: false,
      },
      {
        id: 'paragraph',
        label: 'Gewone alinea',
        glyph: 'Alinea',
        command: () => setParagraph,
        proposable: false,
      },
      {
        id: 'bullet-list',
        label: 'Opsomming',
        glyph: '• Lijst',
        command: () => wrapInBulletList,
        proposable: false,
      },
      {
        id: 'ordered-list',
        label: 'Genummerde lijst',
        glyph: '1. Lijst',
        command: () => wrapInOrderedList,
        proposable: false,
      },
      { id: 'quote', label: 'Citaat', glyph: '“ ”', command: () => wrapInQuote, proposable: false },
      {
        id: 'footnote',
        label: 'Voetnoot invoegen',
        glyph: 'Voetnoot',
        command: askFootnote,
        proposable: false,
      },
    ],
  },
];

/**
 * The order in which groups fold into "Meer ▾" when the toolbar is too narrow for all of them:
 * what does not apply where the cursor is first (the Toelichting's formatting in the blocks,
 * the items' and blocks' commands in the Toelichting), the undo buttons last. "Wijzigingen
 * bijhouden" and "Versies…" never fold: they say in which mode one is writing; nor does
 * "Opmerking", which works in a read-only document too.
 */
const FOLD_ORDER = ['Toelichting', 'Blokken', 'Punten', 'Opmaak', 'Bewerken'];
const FOLD_ORDER_IN_EXPLANATION = ['Punten', 'Blokken', 'Toelichting', 'Opmaak', 'Bewerken'];

/** Whether the cursor is in the Toelichting. */
function isInExplanation(state: EditorState): boolean {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    if ($from.node(depth).type.name === 'explanation') return true;
  }
  return false;
}

/** An action as it applies now: whether it can run, whether it is on, and its tooltip. */
interface ActionState {
  action: Action;
  command: Command | null;
  enabled: boolean;
  active: boolean;
  tip: string;
  /** Off for this user's role (a reader, or a voorsteller and no proposal): the note says why. */
  refused: boolean;
}

function getActionState(
  action: Action,
  state: EditorState | null,
  readOnly: boolean,
  proposing: boolean,
  reasons: ProposingReasons,
  openers: Openers,
): ActionState {
  const refused = proposing && action.proposable === false;
  const command = state && !readOnly && !refused ? action.command(state, openers) : null;
  const shortcut = action.shortcut ? ` (${formatShortcut(action.shortcut)})` : '';
  let tip = `${action.label}${shortcut}`;
  if (readOnly) tip = `${action.label}: ${READ_ONLY_REASON.toLowerCase()}`;
  else if (refused) tip = reasons.action(action.label);
  return {
    action,
    command,
    enabled: !!(state && command && command(state)),
    active: !!(state && action.active?.(state)),
    tip,
    refused: readOnly || refused,
  };
}

export function Toolbar({
  view,
  readOnly = false,
  suggesting = false,
  proposing = false,
  proposingReasons = PROPOSER_REASONS,
  onToggleSuggesting,
  onVersions,
  comment,
  onInsertReference,
}: {
  view: EditorView | null;
  /** A reader in a session: every command that changes the document is off, and says why. */
  readOnly?: boolean;
  /**
   * A voorsteller in a session: suggestion mode stays on, and what cannot be a proposal is off,
   * saying why.
   */
  proposing?: boolean;
  /** What the toolbar says to one who may only propose: a voorsteller, or a member drafting. */
  proposingReasons?: ProposingReasons;
  /** Whether this user's edits are proposals ("Wijzigingen bijhouden"). */
  suggesting?: boolean;
  onToggleSuggesting?: () => void;
  /** Opens "Versies". */
  onVersions?: () => void;
  /** "Opmerking" on the selected text (useCommentCommand); off where the user may not comment. */
  comment?: { start: () => void; enabled: boolean };
  /** Opens "Verwijzing invoegen" (useReferenceCommand). */
  onInsertReference?: () => void;
}) {
  const state = view?.state ?? null;
  const noteId = useId();
  const bar = useRef<HTMLDivElement>(null);
  const folded = useFoldedGroups(
    bar,
    state && isInExplanation(state) ? FOLD_ORDER_IN_EXPLANATION : FOLD_ORDER,
  );
  // Ctrl+Shift+E, as in word processors, turns tracking changes on and off.
  useEffect(() => {
    if (!onToggleSuggesting || readOnly || proposing) return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'e') {
        event.preventDefault();
        onToggleSuggesting();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onToggleSuggesting, readOnly, proposing]);

  const run = ({ command }: ActionState) => {
    if (!view || !command) return;
    command(view.state, view.dispatch, view);
    view.focus();
  };
  const describedBy = readOnly || proposing ? noteId : undefined;
  const groups = GROUPS.map((group) => ({
    ...group,
    states: group.actions.map((action) =>
      getActionState(action, state, readOnly, proposing, proposingReasons, {
        reference: onInsertReference,
      }),
    ),
  }));
  const foldedGroups = groups.filter((group) => folded.has(group.label));
  let trackTip = `Wijzigingen bijhouden (${formatShortcut('Mod-Shift-e')})`;
  if (readOnly) trackTip = `Wijzigingen bijhouden: ${READ_ONLY_REASON.toLowerCase()}`;
  else if (proposing) trackTip = proposingReasons.tracking;

  return (
    <div className="toolbar" role="toolbar" aria-label="Werkbalk" ref={bar}>
      {groups.map((group) => (
        <div
          className="toolbar-group"
          role="group"
          aria-label={group.label}
          key={group.label}
          data-group={group.label}
          hidden={folded.has(group.label)}
        >
          {group.states.map((current) => (
            <button
              key={current.action.id}
              type="button"
              className={`tool tool-${current.action.id}`}
              title={current.tip}
              aria-label={current.action.label}
              aria-describedby={current.refused ? describedBy : undefined}
              aria-keyshortcuts={
                current.action.shortcut ? ariaShortcut(current.action.shortcut) : undefined
              }
              aria-pressed={current.action.active ? current.active : undefined}
              disabled={!current.enabled}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => run(current)}
            >
              {current.action.glyph}
            </button>
          ))}
        </div>
      ))}
      {foldedGroups.length > 0 && (
        <div className="toolbar-group toolbar-more" data-group="more">
          <MenuButton
            label="Meer"
            className="tool"
            menuLabel="Meer opdrachten"
            buttonTitle="Meer opdrachten"
            sections={foldedGroups.map((group) => ({
              label: group.label,
              entries: group.states.map((current) => ({
                id: current.action.id,
                label: current.action.label,
                shortcut: current.action.shortcut,
                disabled: !current.enabled,
                title: current.refused ? current.tip : undefined,
                describedBy: current.refused ? describedBy : undefined,
                checked: current.action.active ? current.active : undefined,
                onSelect: () => run(current),
              })),
            }))}
          />
        </div>
      )}
      <div className="toolbar-end" data-group="end">
        {readOnly && (
          <p className="read-only-note" id={noteId}>
            {READ_ONLY_REASON}
          </p>
        )}
        {/* Short, so a voorsteller's commands keep their room; in full in its tooltip. */}
        {proposing && !readOnly && (
          <p className="read-only-note" id={noteId} title={proposingReasons.reason}>
            {proposingReasons.note}
          </p>
        )}
        {comment && (
          <div className="toolbar-group" role="group" aria-label="Opmerkingen">
            <button
              type="button"
              className="tool tool-comment"
              title={
                comment.enabled
                  ? `Opmerking bij de geselecteerde tekst (${formatShortcut(COMMENT_SHORTCUT)})`
                  : 'Opmerking: opmerkingen maken kan niet met deze uitnodiging'
              }
              aria-keyshortcuts={ariaShortcut(COMMENT_SHORTCUT)}
              disabled={!comment.enabled}
              onMouseDown={(event) => event.preventDefault()}
              onClick={comment.start}
            >
              <CommentIcon />
              <span className="tool-comment-label">Opmerking</span>
            </button>
          </div>
        )}
        {onToggleSuggesting && (
          <div className="toolbar-group" role="group" aria-label="Wijzigingen">
            <button
              type="button"
              className={`tool tool-track${suggesting ? ' tool-track-on' : ''}`}
              title={trackTip}
              aria-describedby={describedBy}
              aria-keyshortcuts={ariaShortcut('Mod-Shift-e')}
              aria-pressed={suggesting}
              disabled={!view || readOnly || proposing || !view.editable}
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
    </div>
  );
}
