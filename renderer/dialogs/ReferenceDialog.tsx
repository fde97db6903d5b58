/**
 * "Verwijzing invoegen": every element a cross-reference can point to, grouped as the stuk is
 * (the overwegingen, each block of the dictum, the Toelichting's headings), each with its label
 * and the start of its text. The filter takes a number ("3"), a number and a letter ("1b"), a
 * label ("punt 3") or words of the text. ↑ ↓ choose, Enter or a click inserts the reference at
 * the cursor, which then follows every renumbering (insertReference).
 *
 * A combobox with a listbox (WAI-ARIA): the focus stays in the filter, the chosen option is its
 * active descendant.
 */
import { useId, useMemo, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import type { EditorView } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { getReferenceTargets } from '../../shared/editor/queries/getReferences.ts';
import type { ReferenceTarget } from '../../shared/editor/queries/getReferences.ts';
import { matchesReferenceFilter } from '../editor/referenceMatch.ts';
import { insertReferenceInView } from '../editor/referenceInsert.ts';
import { shortenText } from '../editor/referenceText.ts';
import { Modal } from './Modal.tsx';
import '../styles/referenceDialog.css';

interface Group {
  label: string;
  key: string;
  targets: ReferenceTarget[];
}

/**
 * The targets `shown` in groups: Overwegingen, each block of the dictum named by its heading
 * (from `all`, since a filter may leave the block itself out), the Toelichting.
 */
function groupTargets(doc: Node, all: ReferenceTarget[], shown: ReferenceTarget[]): Group[] {
  const headings = new Map<number, string>();
  for (const target of all) if (target.kind === 'block') headings.set(target.pos, target.text);
  const groups: Group[] = [];
  let key: string | null = null;
  for (const target of shown) {
    const $pos = doc.resolve(target.pos);
    const section = $pos.node(1).type.name;
    let label = 'Toelichting';
    let groupKey = section;
    if (section === 'recitals') label = 'Overwegingen';
    else if (section === 'operatives') {
      // The block: the target itself, or the block around an item.
      const block = target.kind === 'block' ? target.pos : $pos.before(2);
      label = `Dictum: ${headings.get(block) ?? ''}`;
      groupKey = `operatives-${block}`;
    }
    if (groupKey !== key) {
      groups.push({ label, key: groupKey, targets: [] });
      key = groupKey;
    }
    groups.at(-1)!.targets.push(target);
  }
  return groups;
}

function optionText(target: ReferenceTarget): string {
  if (target.kind === 'block') return 'het hele blok';
  if (target.kind === 'heading') return '';
  return target.text ? shortenText(target.text, 90) : '(nog zonder tekst)';
}

export function ReferenceDialog({ view, onClose }: { view: EditorView; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const hintId = useId();
  const doc = view.state.doc;
  const targets = useMemo(() => getReferenceTargets(doc), [doc]);
  const shown = useMemo(
    () => targets.filter((target) => matchesReferenceFilter(target, query)),
    [targets, query],
  );
  const groups = useMemo(() => groupTargets(doc, targets, shown), [doc, targets, shown]);
  const current = Math.min(active, shown.length - 1);
  const optionId = (index: number) => `${listId}-option-${index}`;

  const insert = (target: ReferenceTarget | undefined) => {
    if (!target) return;
    // Refused where a reference cannot stand; the toolbar asks the same before opening.
    const done = insertReferenceInView(view, target.pos);
    // Closed now, not at React's next render: while the dialog is open the editor is inert and
    // cannot take the focus, and after it closes the browser would put the caret where the
    // editor's DOM selection last was (ProseMirror writes its own 20 ms after a focus), so that
    // the next keys typed could land there.
    flushSync(onClose);
    if (done) view.focus();
  };

  const move = (index: number) => {
    const next = Math.max(0, Math.min(shown.length - 1, index));
    setActive(next);
    document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' });
  };

  const onKeyDown = (event: ReactKeyboardEvent<HTMLInputElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(current + 1),
      ArrowUp: () => move(current - 1),
      PageDown: () => move(current + 8),
      PageUp: () => move(current - 8),
      Enter: () => insert(shown[current]),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const indexOf = new Map(shown.map((target, at) => [target, at]));
  return (
    <Modal title="Verwijzing invoegen" onCancel={onClose} wide className="reference-modal">
      <label className="field-label" htmlFor={`${listId}-filter`}>
        Zoeken op nummer of tekst
      </label>
      <input
        id={`${listId}-filter`}
        className="text-input reference-filter"
        type="search"
        autoFocus
        autoComplete="off"
        placeholder="Bijvoorbeeld 3, 1b of een woord uit de tekst"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-describedby={hintId}
        aria-activedescendant={current >= 0 ? optionId(current) : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <p className="field-hint" id={hintId}>
        Kies met ↑ ↓ en Enter. De verwijzing toont steeds het huidige nummer.
      </p>
      <div className="reference-list" id={listId} role="listbox" aria-label="Onderdelen">
        {groups.map((group) => (
          <div role="group" aria-label={group.label} key={group.key}>
            <div className="reference-group" aria-hidden="true">
              {group.label}
            </div>
            {group.targets.map((target) => {
              const at = indexOf.get(target)!;
              const text = optionText(target);
              return (
                <div
                  key={target.pos}
                  id={optionId(at)}
                  role="option"
                  aria-selected={at === current}
                  className={`reference-option reference-option-${target.kind}`}
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseMove={() => at !== current && setActive(at)}
                  onClick={() => insert(target)}
                >
                  <span className="reference-option-label">{target.label}</span>
                  {text && <span className="reference-option-text">{text}</span>}
                  {target.proposedForDeletion && (
                    <span className="reference-option-note">voorgesteld om te schrappen</span>
                  )}
                </div>
              );
            })}
          </div>
        ))}
        {shown.length === 0 && (
          <p className="reference-empty" role="status">
            {targets.length === 0
              ? 'Het stuk heeft nog geen punten of kopjes om naar te verwijzen.'
              : 'Niets gevonden. Zoek op een nummer, zoals 3 of 1b, of op een woord uit de tekst.'}
          </p>
        )}
      </div>
      <div className="modal-actions">
        <button
          type="button"
          className="button primary"
          disabled={current < 0}
          onClick={() => insert(shown[current])}
        >
          Invoegen
        </button>
        <button type="button" className="button" onClick={onClose}>
          Annuleren
        </button>
      </div>
    </Modal>
  );
}
