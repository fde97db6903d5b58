/**
 * Doubled text in the changes panel: text that a merge of simultaneous edits put in the
 * document twice (two co-editors splitting one item or moving one block at once). Each is a
 * proposal to remove the doubled copy: "Verwijderen" removes it for everyone, "Behouden" keeps
 * both and stops asking. Found by doubledTextPlugin; nothing is written until someone decides.
 */
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { doubledTextKey } from '../editor/merges/doubledTextPlugin.ts';
import type { DoubledText } from '../editor/merges/findDoubledText.ts';
import { keepDoubledText, removeDoubledText } from '../editor/merges/decideDoubledText.ts';

/** An excerpt of at most `max` characters. */
function excerpt(text: string, max = 60): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}

function goTo(view: EditorView, doubled: DoubledText): void {
  const selection = TextSelection.create(view.state.doc, doubled.from, doubled.to);
  view.dispatch(view.state.tr.setSelection(selection).scrollIntoView());
  view.focus();
}

export function DoubledTextList({
  view,
  disabled,
  inSession,
}: {
  view: EditorView | null;
  disabled: boolean;
  /** In a session a doubled item keeps its (emptied) place: a colleague may be typing in it. */
  inSession: boolean;
}) {
  const state = view ? doubledTextKey.getState(view.state) : undefined;
  const found = state?.found ?? [];
  if (!view || !state || found.length === 0) return null;
  const remove = (list: DoubledText[]) => {
    removeDoubledText(state.ydoc, list, { removeItems: !inSession });
    view.focus();
  };
  const keep = (doubled: DoubledText) => {
    keepDoubledText(state.ydoc, doubled);
    view.focus();
  };
  const label = (doubled: DoubledText) => `“${excerpt(doubled.text, 40) || 'leeg punt'}”`;

  return (
    <section className="doubled" aria-label="Dubbel na samenvoegen">
      <h3 className="doubled-title">
        Dubbel na samenvoegen <span className="count">{found.length}</span>
      </h3>
      <p className="doubled-explanation">
        Door gelijktijdige bewerkingen staat deze tekst twee keer in het document. Verwijder de
        dubbele tekst of behoud hem.
      </p>
      {found.length > 1 && (
        <div className="changes-actions">
          <button
            type="button"
            className="small-button"
            disabled={disabled}
            onClick={() => remove(found)}
          >
            Alles verwijderen
          </button>
        </div>
      )}
      <ol className="changes-list">
        {found.map((doubled) => (
          <li key={doubled.id} className="change-entry doubled-entry">
            <button
              type="button"
              className="change-summary"
              onClick={() => goTo(view, doubled)}
              aria-label={`Dubbele tekst ${label(doubled)}`}
            >
              <span className="change-item-kind">
                {doubled.item ? 'Dubbel punt' : 'Dubbele tekst'}
              </span>
              <span className="change-text doubled-text-excerpt">
                {excerpt(doubled.text) || 'leeg punt'}
              </span>
            </button>
            <span className="change-decide">
              <button
                type="button"
                className="small-button accept"
                disabled={disabled}
                aria-label={`Dubbele tekst verwijderen: ${label(doubled)}`}
                onClick={() => remove([doubled])}
              >
                Verwijderen
              </button>
              <button
                type="button"
                className="small-button"
                disabled={disabled}
                aria-label={`Dubbele tekst behouden: ${label(doubled)}`}
                onClick={() => keep(doubled)}
              >
                Behouden
              </button>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
