/**
 * "Besluit": what the ALV did with an amendment. Aangehouden (put off; decided later), or its
 * outcome: aangenomen or verworpen with the vote (voor, tegen, onthouding, or "met algemene
 * stemmen"), or overgenomen door het bestuur. The dialog says what the outcome does to the
 * text before it is recorded (adopted: its proposals become the text; rejected: they go) and
 * that a besluit is recorded once. A refusal of the procedure store (a vote that does not fit
 * the outcome, an outcome recorded before) is said here and nothing changes.
 */
import { useId, useState } from 'react';
import { OUTCOMES } from '../../shared/procedure/procedureRecords.ts';
import type { Outcome, Vote } from '../../shared/procedure/procedureRecords.ts';
import { OUTCOME_LABELS } from '../../shared/procedure/procedureStatus.ts';
import { readVote } from '../documents/amendmentOverview.ts';
import type { VoteFields } from '../documents/amendmentOverview.ts';
import { Modal } from './Modal.tsx';

/** The outcomes in the order the ALV meets them. */
const CHOICES: readonly Outcome[] = ['aangenomen', 'verworpen', 'overgenomen', 'aangehouden'];

/** What the outcome does to the amendment's proposals (`count` of them). */
function effectOf(outcome: Outcome, count: number): string {
  const them = count === 1 ? 'het voorstel' : `de ${count} voorstellen`;
  if (count === 0 && outcome !== 'aangehouden') {
    return 'Het amendement heeft geen voorstellen meer in de tekst; alleen het besluit wordt vastgelegd.';
  }
  switch (outcome) {
    case 'aangenomen':
    case 'overgenomen':
      return `De tekst verandert: ${them} van het amendement ${count === 1 ? 'wordt' : 'worden'} aanvaard.`;
    case 'verworpen':
      return `De tekst blijft: ${them} van het amendement ${count === 1 ? 'wordt' : 'worden'} geweigerd.`;
    case 'aangehouden':
      return 'De voorstellen blijven staan; het besluit volgt later.';
  }
}

export function DecisionDialog({
  label,
  subject,
  proposals,
  motion = false,
  onRecord,
  onCancel,
}: {
  /** "Amendement A1 van Utrecht". */
  label: string;
  subject: string;
  /** How many proposals of the amendment stand in the text. */
  proposals: number;
  /** A motie: it has no proposals, and its besluit changes no text. */
  motion?: boolean;
  /** Records it; returns why it was refused, or null. */
  onRecord: (outcome: Outcome, vote: Vote) => string | null;
  onCancel: () => void;
}) {
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [fields, setFields] = useState<VoteFields>({
    unanimous: false,
    voor: '',
    tegen: '',
    onthouding: '',
  });
  const [error, setError] = useState<string | null>(null);
  const voting = outcome === 'aangenomen' || outcome === 'verworpen';
  const set = (changes: Partial<VoteFields>) => {
    setFields((now) => ({ ...now, ...changes }));
    setError(null);
  };

  const submit = () => {
    if (!outcome) {
      setError('Kies het besluit van de ALV.');
      return;
    }
    let vote: Vote = null;
    if (voting) {
      const read = readVote(fields);
      if ('problem' in read) {
        setError(read.problem);
        return;
      }
      vote = read.vote;
    }
    setError(onRecord(outcome, vote));
  };

  const countField = (key: 'voor' | 'tegen' | 'onthouding', text: string) => (
    <label className="vote-count">
      <span className="field-label">{text}</span>
      <input
        className="text-input"
        inputMode="numeric"
        value={fields[key]}
        disabled={fields.unanimous}
        onChange={(event) => set({ [key]: event.target.value })}
      />
    </label>
  );

  return (
    <Modal
      title={`Besluit over ${label.replace(/^(Amendement|Motie)/, (word) => word.toLowerCase())}`}
      onCancel={onCancel}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {subject && <p className="modal-text amendment-dialog-subject">{subject}</p>}
        <fieldset className="choice-group">
          <legend className="field-label">Besluit van de ALV</legend>
          {CHOICES.filter((value) => OUTCOMES.includes(value)).map((value, index) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="outcome"
                value={value}
                checked={outcome === value}
                autoFocus={index === 0}
                onChange={() => {
                  setOutcome(value);
                  setError(null);
                }}
              />
              {OUTCOME_LABELS[value]}
            </label>
          ))}
        </fieldset>
        {voting && (
          <fieldset className="choice-group vote-group" aria-describedby={`${id}-vote`}>
            <legend className="field-label">Stemming</legend>
            <label className="choice">
              <input
                type="checkbox"
                checked={fields.unanimous}
                onChange={(event) => set({ unanimous: event.target.checked })}
              />
              Met algemene stemmen
            </label>
            <div className="vote-counts">
              {countField('voor', 'Voor')}
              {countField('tegen', 'Tegen')}
              {countField('onthouding', 'Onthouding')}
            </div>
            <span className="field-hint" id={`${id}-vote`}>
              Het aantal stemmen, of met algemene stemmen.
            </span>
          </fieldset>
        )}
        {outcome && (!motion || outcome === 'aangehouden') && (
          <p className="amendment-effect">
            {motion ? 'Het besluit volgt later.' : effectOf(outcome, proposals)}
          </p>
        )}
        <p className="field-hint">
          Een besluit wordt één keer vastgelegd en kan daarna niet meer worden gewijzigd of ongedaan
          gemaakt; aanhouden kan wel, tot het besluit valt.
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="submit" className="button primary">
            Besluit vastleggen
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Annuleren
          </button>
        </div>
      </form>
    </Modal>
  );
}
