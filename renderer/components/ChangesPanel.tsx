/**
 * The pending changes: every proposal with its author, time and excerpt, in document order;
 * accept or reject one, all of one author, or all; "Vorige"/"Volgende" (Alt+PageUp/PageDown)
 * jump through them. Above them, text a merge doubled (DoubledTextList). Deciding goes through
 * the editor, so it travels to co-editors and undo like any edit.
 *
 * From the keyboard: Tab reaches each proposal and its "Accepteren"/"Weigeren" (named after
 * the change they decide), ↑ ↓ Home End move between the proposals, and Enter on one puts the
 * cursor on it in the text, with the focus in the editor. A decision made from the keyboard
 * leaves the focus in the list, on the proposal that took the decided one's place, so that a
 * reviewer goes through them one after another; one made with the mouse gives the focus back
 * to the editor, as before.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent, MouseEvent as ReactMouseEvent } from 'react';
import { TextSelection } from 'prosemirror-state';
import type { Command } from 'prosemirror-state';
import { markOwnWithdrawal } from '../../shared/editor/suggestions/suggestionMode.ts';
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
import { targetOfListKey } from '../keyboard/listKeys.ts';
import { excerpt } from './proposalText.ts';

const timeFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

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

/** The proposals' own buttons in the list (not their accept and reject buttons). */
function getSummaries(list: HTMLElement | null): HTMLButtonElement[] {
  return [...(list?.querySelectorAll<HTMLButtonElement>('.change-summary') ?? [])];
}

/** ↑ ↓ Home End from anywhere in a proposal move the focus to another proposal. */
function moveBetweenProposals(event: ReactKeyboardEvent<HTMLOListElement>): void {
  const summaries = getSummaries(event.currentTarget);
  const entry = (event.target as HTMLElement).closest('.change-entry');
  const index = summaries.findIndex((summary) => summary.closest('.change-entry') === entry);
  if (index === -1) return;
  const target = targetOfListKey(event.key, summaries, index);
  if (!target) return;
  event.preventDefault();
  target.focus();
}

export function ChangesPanel({
  view,
  readOnly,
  inSession,
  authorName,
  onPreferences,
  proposing = false,
  nameFromInvitation = false,
  amendmentOf,
}: {
  view: EditorView | null;
  /** A lezer's window: nothing to decide, no proposals of one's own. */
  readOnly: boolean;
  /**
   * Whether the document is in a co-editing session: then a decision never removes an item it
   * empties, since a colleague may be typing in it (see DecisionOptions).
   */
  inSession: boolean;
  /** The name this user's proposals carry. */
  authorName: string;
  onPreferences: () => void;
  /**
   * A voorsteller's window: no decisions, but one's own proposals may be withdrawn ("Intrekken",
   * a rejection of one's own proposal, which the server takes from a voorsteller).
   */
  proposing?: boolean;
  /** The name is the invitation's: it cannot be changed here. */
  nameFromInvitation?: boolean;
  /** The number of the amendment each proposal belongs to (by change id), if any. */
  amendmentOf?: ReadonlyMap<string, string>;
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
  const list = useRef<HTMLOListElement>(null);
  const emptyNote = useRef<HTMLParagraphElement>(null);
  // After a decision from the keyboard: the place in the list that keeps the focus.
  const focusAfterDecision = useRef<number | null>(null);
  useLayoutEffect(() => {
    const index = focusAfterDecision.current;
    if (index === null) return;
    focusAfterDecision.current = null;
    const summaries = getSummaries(list.current);
    (summaries[Math.min(index, summaries.length - 1)] ?? emptyNote.current)?.focus();
  });
  const run = (command: ReturnType<typeof acceptChange>, event?: ReactMouseEvent, index = 0) => {
    if (!view) return;
    // A click from a key (Enter, Space) has no mouse position in it: detail is 0.
    const fromKeyboard = event !== undefined && event.detail === 0;
    command(view.state, view.dispatch);
    if (fromKeyboard) focusAfterDecision.current = index;
    else view.focus();
  };
  const authors = [...new Set(changes.map((change) => change.name))];
  const disabled = readOnly || proposing || !view;
  // One's own proposal, withdrawn whole: a voorsteller's own new item goes with its text.
  const withdrawOwn =
    (id: string): Command =>
    (state, dispatch) =>
      rejectChange(id, { removeEmptied: true })(
        state,
        dispatch && ((tr) => dispatch(markOwnWithdrawal(tr))),
      );

  return (
    <section className="changes" aria-label="Wijzigingen">
      <h2 className="panel-title">
        Wijzigingen{changes.length > 0 && <span className="count"> {changes.length}</span>}
      </h2>
      {!readOnly && (
        <p className="changes-author-line">
          Uw voorstellen staan op naam van <strong>{authorName}</strong>
          {nameFromInvitation ? (
            ', de naam uit uw uitnodiging.'
          ) : (
            <>
              .{' '}
              <button type="button" className="link-button" onClick={onPreferences}>
                Wijzigen
              </button>
            </>
          )}
        </p>
      )}
      <DoubledTextList view={view} disabled={disabled} inSession={inSession} />
      {changes.length === 0 ? (
        <p className="changes-empty" ref={emptyNote} tabIndex={-1}>
          Geen wijzigingen in behandeling.
        </p>
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
              onClick={(event) =>
                run(
                  acceptChanges(() => true, decision),
                  event,
                )
              }
            >
              Alles accepteren
            </button>
            <button
              type="button"
              className="small-button"
              disabled={disabled}
              onClick={(event) =>
                run(
                  rejectChanges(() => true, decision),
                  event,
                )
              }
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
                    onClick={(event) =>
                      run(
                        acceptChanges((change) => change.name === name, decision),
                        event,
                      )
                    }
                  >
                    accepteren
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    disabled={disabled}
                    aria-label={`Alle wijzigingen van ${name} weigeren`}
                    onClick={(event) =>
                      run(
                        rejectChanges((change) => change.name === name, decision),
                        event,
                      )
                    }
                  >
                    weigeren
                  </button>
                </li>
              ))}
            </ul>
          )}
          <ol
            className="changes-list"
            ref={list}
            aria-label="Voorstellen"
            onKeyDown={moveBetweenProposals}
          >
            {changes.map((change, index) => (
              <li key={change.id} className="change-entry">
                <button
                  type="button"
                  className="change-summary"
                  onClick={() => view && goTo(view, change)}
                  aria-label={`Wijziging van ${change.name}${amendmentOf?.has(change.id) ? `, amendement ${amendmentOf.get(change.id)}` : ''}: ${describe(change)}`}
                >
                  <span className="change-meta">
                    <Avatar name={change.name} colour={change.colour} small />
                    <span className="change-author">{change.name}</span>
                    {amendmentOf?.has(change.id) && (
                      <span className="change-amendment" title="Hoort bij dit amendement">
                        {amendmentOf.get(change.id)}
                      </span>
                    )}
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
                {proposing ? (
                  change.name === authorName &&
                  view && (
                    <span className="change-decide">
                      <button
                        type="button"
                        className="small-button reject"
                        aria-label={`Intrekken: ${describe(change)}`}
                        onClick={(event) => run(withdrawOwn(change.id), event, index)}
                      >
                        ✕ Intrekken
                      </button>
                    </span>
                  )
                ) : (
                  <span className="change-decide">
                    <button
                      type="button"
                      className="small-button accept"
                      disabled={disabled}
                      aria-label={`Accepteren: ${describe(change)}`}
                      onClick={(event) => run(acceptChange(change.id, decision), event, index)}
                    >
                      ✓ Accepteren
                    </button>
                    <button
                      type="button"
                      className="small-button reject"
                      disabled={disabled}
                      aria-label={`Weigeren: ${describe(change)}`}
                      onClick={(event) => run(rejectChange(change.id, decision), event, index)}
                    >
                      ✕ Weigeren
                    </button>
                  </span>
                )}
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
