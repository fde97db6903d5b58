/**
 * One amendment (or motie) in the amendments panel: its number and indiener with the
 * co-indieners, its subject and status, its proposals, the bestuur's preadvies, the ALV's
 * besluit with the vote, the places changed since it was made and the other open amendments on
 * the same text. Choosing it shows its proposals in the text (highlighted, the first one
 * selected). The bestuur records preadvies and besluit from here and withdraws on the
 * indiener's behalf; the indiener withdraws their own; everyone prints it.
 */
import { useId } from 'react';
import {
  ADVICE_TEXT,
  STATUS_TEXT,
  formatVote,
  isOpen,
} from '../../shared/procedure/procedureStatus.ts';
import type { SubmissionRow, SubmissionStatus } from '../../shared/procedure/procedureStatus.ts';
import { MenuButton } from '../controls/MenuButton.tsx';
import type { MenuEntry } from '../controls/MenuButton.tsx';
import { describeChangedPlaces, joinNumbers } from '../documents/amendmentOverview.ts';
import type { ProcedureRole } from '../dialogs/amendmentRequests.ts';

/** What a card's controls ask of the panel. */
export interface AmendmentCardActions {
  show: (row: SubmissionRow) => void;
  advise: (id: string) => void;
  decide: (id: string) => void;
  withdraw: (id: string) => void;
  print: (row: SubmissionRow) => void;
}

/** The badge: the status in a word or two (the besluit line says it in full). */
const BADGE_TEXT: Record<SubmissionStatus, string> = { ...STATUS_TEXT, overgenomen: 'Overgenomen' };

/**
 * Its proposals: "2 voorstellen" while they wait; once decided, what became of them ("1
 * voorstel, in de tekst opgenomen").
 */
function countProposals(row: SubmissionRow): string {
  if (row.entry.kind !== 'amendement') return 'Motie vreemd aan de orde';
  const { status } = row;
  const fixed = row.entry.changes.length;
  const count = status === 'concept' || fixed === 0 ? row.changes.length : fixed;
  const proposals = count === 1 ? '1 voorstel' : `${count} voorstellen`;
  if (count === 0) return status === 'concept' ? 'Nog geen voorstellen' : 'Geen voorstellen';
  if (status === 'aangenomen' || status === 'overgenomen')
    return `${proposals}, in de tekst opgenomen`;
  if (status === 'verworpen' || status === 'ingetrokken') return `${proposals}, niet in de tekst`;
  if (row.changes.length < count) return `${proposals}, ${row.changes.length} nog in de tekst`;
  return proposals;
}

export function AmendmentCard({
  row,
  role,
  userName,
  selected,
  actions,
}: {
  row: SubmissionRow;
  role: ProcedureRole;
  userName: string;
  /** Whether its proposals are the ones highlighted in the text. */
  selected: boolean;
  actions: AmendmentCardActions;
}) {
  const titleId = useId();
  const { entry, status, advice, decision } = row;
  const label = `${entry.kind === 'amendement' ? 'Amendement' : 'Motie'} ${entry.number}`;
  const open = isOpen(status);
  const settled = status !== 'concept' && !open;
  const bestuur = role === 'bestuur';
  const own = entry.author === userName && role !== 'lezer';
  const vote = decision ? formatVote(decision.vote) : '';
  const menu: MenuEntry[] = [];
  if ((bestuur || own) && !settled) {
    menu.push({
      id: 'withdraw',
      label: bestuur && !own ? 'Intrekken namens de indiener…' : 'Intrekken…',
      onSelect: () => actions.withdraw(entry.id),
    });
  }
  menu.push({
    id: 'print',
    label: 'Afdrukken als PDF',
    disabled: entry.kind !== 'amendement' || status === 'concept',
    title:
      status === 'concept' ? 'Een amendement wordt afgedrukt zodra het is ingediend.' : undefined,
    onSelect: () => actions.print(row),
  });

  return (
    <article
      className={`amendment-card amendment-${status}${selected ? ' amendment-card-selected' : ''}`}
      aria-labelledby={titleId}
    >
      <button
        type="button"
        className="amendment-summary"
        aria-pressed={selected}
        title={row.changes.length > 0 ? 'Toon de voorstellen in de tekst' : undefined}
        onClick={() => actions.show(row)}
      >
        <span className="amendment-heading">
          <span className="amendment-number" id={titleId}>
            {label} <span className="amendment-indiener">{entry.indiener}</span>
          </span>
          <span className={`amendment-status amendment-status-${status}`}>
            {BADGE_TEXT[status]}
          </span>
        </span>
        {entry.coIndieners.length > 0 && (
          <span className="amendment-line amendment-co">
            Mede-indieners: {entry.coIndieners.join(', ')}
          </span>
        )}
        {entry.title && <span className="amendment-subject">{entry.title}</span>}
        <span className="amendment-line amendment-proposals">{countProposals(row)}</span>
      </button>
      <dl className="amendment-facts">
        {advice && (
          <div>
            <dt>Preadvies</dt>
            <dd>
              {ADVICE_TEXT[advice.advice]}
              {advice.reasoning && (
                <span className="amendment-reasoning" title={advice.reasoning}>
                  {advice.reasoning}
                </span>
              )}
            </dd>
          </div>
        )}
        {decision && (
          <div>
            <dt>Besluit</dt>
            <dd>
              {decision.outcome === 'aangehouden' ? 'Aangehouden' : STATUS_TEXT[status]}
              {vote && `, ${vote}`}
            </dd>
          </div>
        )}
      </dl>
      {row.changedPlaces.length > 0 && (
        <p className="amendment-warning">
          <span className="amendment-warning-mark" aria-hidden="true">
            !
          </span>
          <span>Gewijzigd sinds: {describeChangedPlaces(row.changedPlaces)}</span>
        </p>
      )}
      {row.conflicts.length > 0 && (
        <p className="amendment-warning">
          <span className="amendment-warning-mark" aria-hidden="true">
            !
          </span>
          <span>Wijzigt dezelfde tekst als {joinNumbers(row.conflicts)}</span>
        </p>
      )}
      <div className="amendment-actions">
        {/* A motie the secretariat submitted for a gemeente is still the bestuur's to advise. */}
        {bestuur && open && (!own || entry.kind === 'motie') && (
          <>
            <button
              type="button"
              className="small-button"
              aria-label={`Preadvies bij ${label}`}
              onClick={() => actions.advise(entry.id)}
            >
              Preadvies…
            </button>
            <button
              type="button"
              className="small-button"
              aria-label={`Besluit over ${label}`}
              onClick={() => actions.decide(entry.id)}
            >
              Besluit…
            </button>
          </>
        )}
        <MenuButton
          label="Meer"
          className="small-button"
          menuLabel={`${label}: meer`}
          buttonTitle={`Meer bij ${label}`}
          buttonLabel={`Meer bij ${label}`}
          sections={[{ entries: menu }]}
        />
      </div>
    </article>
  );
}
