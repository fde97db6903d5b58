/**
 * A list of the Controle panel's findings (ChecksPanel.tsx): each a card with its place and why,
 * which goes to the place when clicked, and its buttons (the fix, "Negeren" or "Niet meer
 * negeren"). ↑ ↓ Home End move between the findings from anywhere in a card.
 *
 * A run of the checks makes every finding anew, though most say what they said before: a card
 * renders again only when its finding says something else, so that a run on a long stuk does
 * not redraw hundreds of cards. A very long list shows its first LIST_LIMIT findings until the
 * user asks for all of them.
 */
import { memo, useState } from 'react';
import type {
  KeyboardEvent as ReactKeyboardEvent,
  MouseEvent as ReactMouseEvent,
  Ref,
} from 'react';
import type { Finding } from '../../shared/checks/checkTypes.ts';
import { targetOfListKey } from '../keyboard/listKeys.ts';
import { getFindingKeys } from './checkFindings.ts';

/** How many findings a list shows before "Alle … bevindingen tonen". */
export const LIST_LIMIT = 100;

/** What a finding's buttons do; `index` is its place in its list. */
export interface FindingActions {
  goTo: (finding: Finding) => void;
  fix?: (finding: Finding, event: ReactMouseEvent, index: number) => void;
  ignore?: (finding: Finding, event: ReactMouseEvent, index: number) => void;
  unignore?: (finding: Finding, event: ReactMouseEvent, index: number) => void;
}

/** The findings' own buttons in `list` (not their fix and ignore buttons). */
export function getSummaries(list: HTMLElement | null): HTMLButtonElement[] {
  return [...(list?.querySelectorAll<HTMLButtonElement>('.check-summary') ?? [])];
}

/** ↑ ↓ Home End from anywhere in a finding move the focus to another finding. */
function moveBetweenFindings(event: ReactKeyboardEvent<HTMLOListElement>): void {
  const summaries = getSummaries(event.currentTarget);
  const entry = (event.target as HTMLElement).closest('.check-entry');
  const index = summaries.findIndex((summary) => summary.closest('.check-entry') === entry);
  if (index === -1) return;
  const target = targetOfListKey(event.key, summaries, index);
  if (!target) return;
  event.preventDefault();
  target.focus();
}

interface CardProps {
  finding: Finding;
  index: number;
  actions: FindingActions;
}

/**
 * Whether a card would show the same: its finding's positions may have moved, but the actions
 * find the finding again in the current run before they act (ChecksPanel's `refresh`).
 */
function showsTheSame(before: CardProps, after: CardProps): boolean {
  const a = before.finding;
  const b = after.finding;
  return (
    before.index === after.index &&
    before.actions === after.actions &&
    a.rule === b.rule &&
    a.place === b.place &&
    a.message === b.message &&
    a.fix?.label === b.fix?.label
  );
}

const FindingCard = memo(function FindingCard({ finding, index, actions }: CardProps) {
  const { place, message, fix } = finding;
  return (
    <li className="check-entry">
      <button
        type="button"
        className="check-summary"
        aria-label={`Ga naar ${place}: ${message}`}
        onClick={() => actions.goTo(finding)}
      >
        <span className="check-place">{place}</span>
        <span className="check-message">{message}</span>
      </button>
      {(actions.unignore || actions.ignore || (actions.fix && fix)) && (
        <span className="check-actions">
          {actions.fix && fix && (
            <button
              type="button"
              className="small-button check-fix"
              aria-label={`${fix.label} (${place})`}
              onClick={(event) => actions.fix!(finding, event, index)}
            >
              {fix.label}
            </button>
          )}
          {actions.ignore && (
            <button
              type="button"
              className="small-button"
              aria-label={`Negeren: ${place}, ${message}`}
              onClick={(event) => actions.ignore!(finding, event, index)}
            >
              Negeren
            </button>
          )}
          {actions.unignore && (
            <button
              type="button"
              className="small-button"
              aria-label={`Niet meer negeren: ${place}, ${message}`}
              onClick={(event) => actions.unignore!(finding, event, index)}
            >
              Niet meer negeren
            </button>
          )}
        </span>
      )}
    </li>
  );
}, showsTheSame);

export function FindingList({
  findings,
  label,
  actions,
  listRef,
}: {
  findings: readonly Finding[];
  label: string;
  actions: FindingActions;
  listRef?: Ref<HTMLOListElement>;
}) {
  // "Alle … bevindingen tonen" holds while the list is on screen.
  const [showAll, setShowAll] = useState(false);
  const long = findings.length > LIST_LIMIT;
  const shown = long && !showAll ? findings.slice(0, LIST_LIMIT) : findings;
  const keys = getFindingKeys(shown);
  return (
    <>
      <ol className="checks-list" aria-label={label} ref={listRef} onKeyDown={moveBetweenFindings}>
        {shown.map((finding, index) => (
          <FindingCard key={keys[index]} finding={finding} index={index} actions={actions} />
        ))}
      </ol>
      {long && !showAll && (
        <button type="button" className="small-button checks-more" onClick={() => setShowAll(true)}>
          Alle {findings.length} bevindingen tonen
        </button>
      )}
    </>
  );
}
