/**
 * The pending changes: every proposal with its author, time and excerpt, in document order;
 * accept or reject one, all of one author, or all; "Vorige"/"Volgende" (Alt+PageUp/PageDown)
 * jump through them. Above them, text a merge doubled (DoubledTextList). Deciding goes through the editor, so it travels to co-editors and undo
 * like any edit.
 */
import { useEffect } from 'react';
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import {
  acceptChange,
  acceptChanges,
  getStateChanges,
  rejectChange,
  rejectChanges,
} from '../../shared/editor/suggestions/trackedChanges.ts';
import type { TrackedChange } from '../../shared/editor/suggestions/trackedChanges.ts';
import { Avatar } from './Avatar.tsx';
import { DoubledTextList } from './DoubledTextList.tsx';

const timeFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** An excerpt of at most `max` characters, cut at a word. */
function excerpt(text: string, max = 60): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 15))}…`;
}

/** Puts the cursor at the start of `change` and scrolls it into view. */
function goTo(view: EditorView, change: TrackedChange): void {
  const selection = TextSelection.create(view.state.doc, change.from, change.to);
  view.dispatch(view.state.tr.setSelection(selection).scrollIntoView());
  view.focus();
}

/** The change after (or before) the cursor, wrapping around. */
function findNext(view: EditorView, direction: 1 | -1): TrackedChange | null {
  const changes = getStateChanges(view.state);
  if (changes.length === 0) return null;
  const { from, to } = view.state.selection;
  if (direction === 1) return changes.find((change) => change.from > from) ?? changes[0]!;
  return [...changes].reverse().find((change) => change.to < to) ?? changes[changes.length - 1]!;
}

/** Goes to the next (or previous) change; false when there is none. */
export function jumpTo(view: EditorView, direction: 1 | -1): boolean {
  const next = findNext(view, direction);
  if (next) goTo(view, next);
  return next !== null;
}

export function ChangesPanel({
  view,
  readOnly,
  inSession,
  authorName,
  onPreferences,
}: {
  view: EditorView | null;
  readOnly: boolean;
  /**
   * Whether the document is in a co-editing session: then a decision never removes an item it
   * empties, since a colleague may be typing in it (see DecisionOptions).
   */
  inSession: boolean;
  /** The name this user's proposals carry. */
  authorName: string;
  onPreferences: () => void;
}) {
  // Alt+PageDown / Alt+PageUp: the next and previous change, wherever the focus is.
  useEffect(() => {
    if (!view) return;
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || (event.key !== 'PageDown' && event.key !== 'PageUp')) return;
      if (jumpTo(view, event.key === 'PageDown' ? 1 : -1)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [view]);

  const jump = (direction: 1 | -1) => {
    if (view) jumpTo(view, direction);
  };
  const changes = view ? getStateChanges(view.state) : [];
  const decision = { removeEmptied: !inSession };
  const run = (command: ReturnType<typeof acceptChange>) => {
    if (!view) return;
    command(view.state, view.dispatch);
    view.focus();
  };
  const authors = [...new Set(changes.map((change) => change.name))];
  const disabled = readOnly || !view;

  return (
    <section className="changes" aria-label="Wijzigingen">
      <h2 className="panel-title">
        Wijzigingen{changes.length > 0 && <span className="count"> {changes.length}</span>}
      </h2>
      <p className="changes-author-line">
        Uw voorstellen staan op naam van <strong>{authorName}</strong>.{' '}
        <button type="button" className="link-button" onClick={onPreferences}>
          Wijzigen
        </button>
      </p>
      <DoubledTextList view={view} disabled={disabled} inSession={inSession} />
      {changes.length === 0 ? (
        <p className="changes-empty">Geen wijzigingen in behandeling.</p>
      ) : (
        <>
          <div className="changes-actions">
            <button
              type="button"
              className="small-button"
              title="Vorige wijziging (Alt+PageUp)"
              aria-keyshortcuts="Alt+PageUp"
              onClick={() => jump(-1)}
            >
              ↑ Vorige
            </button>
            <button
              type="button"
              className="small-button"
              title="Volgende wijziging (Alt+PageDown)"
              aria-keyshortcuts="Alt+PageDown"
              onClick={() => jump(1)}
            >
              ↓ Volgende
            </button>
          </div>
          <div className="changes-actions">
            <button
              type="button"
              className="small-button"
              disabled={disabled}
              onClick={() => run(acceptChanges(() => true, decision))}
            >
              Alles accepteren
            </button>
            <button
              type="button"
              className="small-button"
              disabled={disabled}
              onClick={() => run(rejectChanges(() => true, decision))}
            >
              Alles weigeren
            </button>
          </div>
          {authors.length > 1 && (
            <ul className="changes-authors" aria-label="Per auteur">
              {authors.map((name) => (
                <li key={name}>
                  <span className="changes-author-name">{name}</span>
                  <button
                    type="button"
                    className="link-button"
                    disabled={disabled}
                    aria-label={`Alle wijzigingen van ${name} accepteren`}
                    onClick={() => run(acceptChanges((change) => change.name === name, decision))}
                  >
                    accepteren
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    disabled={disabled}
                    aria-label={`Alle wijzigingen van ${name} weigeren`}
                    onClick={() => run(rejectChanges((change) => change.name === name, decision))}
                  >
                    weigeren
                  </button>
                </li>
              ))}
            </ul>
          )}
          <ol className="changes-list">
            {changes.map((change) => (
              <li key={change.id} className="change-entry">
                <button
                  type="button"
                  className="change-summary"
                  onClick={() => view && goTo(view, change)}
                  aria-label={`Wijziging van ${change.name}: ${describe(change)}`}
                >
                  <span className="change-meta">
                    <Avatar name={change.name} colour={change.colour} small />
                    <span className="change-author">{change.name}</span>
                    <time className="change-time" dateTime={new Date(change.time).toISOString()}>
                      {timeFormat.format(change.time)}
                    </time>
                  </span>
                  {change.item && <span className="change-item-kind">{kindOf(change)}</span>}
                  {change.deleted && (
                    <span className="change-text change-text-delete">
                      <span className="change-kind">Geschrapt:</span> {excerpt(change.deleted)}
                    </span>
                  )}
                  {change.inserted && (
                    <span className="change-text change-text-insert">
                      <span className="change-kind">Toegevoegd:</span> {excerpt(change.inserted)}
                    </span>
                  )}
                </button>
                <span className="change-decide">
                  <button
                    type="button"
                    className="small-button accept"
                    disabled={disabled}
                    aria-label={`Accepteren: ${describe(change)}`}
                    onClick={() => run(acceptChange(change.id, decision))}
                  >
                    ✓ Accepteren
                  </button>
                  <button
                    type="button"
                    className="small-button reject"
                    disabled={disabled}
                    aria-label={`Weigeren: ${describe(change)}`}
                    onClick={() => run(rejectChange(change.id, decision))}
                  >
                    ✕ Weigeren
                  </button>
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function describe(change: TrackedChange): string {
  const parts: string[] = [];
  if (change.item) parts.push(kindOf(change).toLowerCase());
  if (change.deleted) parts.push(`“${excerpt(change.deleted, 40)}” geschrapt`);
  if (change.inserted) parts.push(`“${excerpt(change.inserted, 40)}” toegevoegd`);
  return parts.join(', ');
}

/** What a proposal on whole items or a whole block is, as the panel names it. */
function kindOf(change: TrackedChange): string {
  if (change.block) return change.block === 'insert' ? 'Nieuw blok' : 'Blok geschrapt';
  return change.item === 'insert' ? 'Nieuw punt' : 'Punt geschrapt';
}
