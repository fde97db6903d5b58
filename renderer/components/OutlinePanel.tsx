/**
 * The outline beside the editor: every block with its heading and item count, then the
 * Toelichting's headings. Clicking one (or Enter on it) puts the cursor there, scrolls it into
 * view and gives the editor the focus. From the keyboard, Tab reaches the entries and the
 * arrow keys (Home, End) move between them.
 */
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { getOutline } from '../../shared/editor/queries/getOutline.ts';
import type { OutlineEntry } from '../../shared/editor/queries/getOutline.ts';
import {
  EXPLANATION_HEADING,
  OPERATIVE_HEADING_LABELS,
  RECITAL_HEADING_LABELS,
  formatItemCount,
} from '../../shared/labels.ts';
import type { OperativeHeading, RecitalHeading } from '../../shared/model/resolution.ts';
import { targetOfListKey } from '../keyboard/listKeys.ts';

function entryLabel(entry: OutlineEntry): string {
  if (entry.type === 'explanation') return EXPLANATION_HEADING;
  if (entry.type === 'heading') return entry.text || '(kop zonder tekst)';
  return entry.kind === 'recital'
    ? RECITAL_HEADING_LABELS[entry.heading as RecitalHeading]
    : OPERATIVE_HEADING_LABELS[entry.heading as OperativeHeading];
}

function goTo(view: EditorView, entry: OutlineEntry): void {
  const inside = Math.min(entry.pos + 2, view.state.doc.content.size);
  const selection = TextSelection.near(view.state.doc.resolve(inside));
  view.dispatch(view.state.tr.setSelection(selection));
  const dom = view.nodeDOM(entry.pos);
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'start', behavior: 'smooth' });
  view.focus();
}

/**
 * A key per entry that stays the same while the user types: the entry's kind and its number
 * among the entries of that kind. Keyed by position, every entry after the cursor got a new
 * key on each keystroke, and React removed and rebuilt all of them (the typing benchmark's
 * profile showed this as most of the panels' time per keystroke in a long document).
 */
function entryKeys(entries: readonly OutlineEntry[]): string[] {
  const seen = new Map<string, number>();
  return entries.map((entry) => {
    const n = seen.get(entry.type) ?? 0;
    seen.set(entry.type, n + 1);
    return `${entry.type}-${n}`;
  });
}

/** ↑ ↓ Home End move the focus between the outline's entries. */
function moveFocus(event: ReactKeyboardEvent<HTMLUListElement>): void {
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (index === -1) return;
  const target = targetOfListKey(event.key, buttons, index);
  if (!target) return;
  event.preventDefault();
  target.focus();
}

export function OutlinePanel({ view }: { view: EditorView | null }) {
  const entries = view ? getOutline(view.state.doc) : [];
  const keys = entryKeys(entries);
  return (
    <nav className="outline" aria-label="Overzicht van het stuk">
      <h2 className="panel-title">Overzicht</h2>
      <ul onKeyDown={moveFocus}>
        {entries.map((entry, i) => (
          <li
            key={keys[i]}
            className={`outline-${entry.type}${entry.type === 'heading' ? ` level-${entry.level}` : ''}`}
          >
            <button type="button" onClick={() => view && goTo(view, entry)}>
              <span className="outline-label">{entryLabel(entry)}</span>
              {entry.type === 'block' && (
                <span className="outline-count">
                  {formatItemCount(entry.kind, entry.itemCount)}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
