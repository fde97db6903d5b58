/**
 * "Preadvies": the bestuur's advice to the ALV on an amendment (overnemen, ontraden, oordeel
 * aan de ALV) with its motivering. Recording it again replaces it, until the ALV decided. A
 * refusal of the procedure store (a withdrawn amendment, a decided one) is said here and
 * nothing changes.
 */
import { useState } from 'react';
import { ADVICES, MAX_REASONING_LENGTH } from '../../shared/procedure/procedureRecords.ts';
import type { Advice, StoredAdvice } from '../../shared/procedure/procedureRecords.ts';
import { ADVICE_TEXT } from '../../shared/procedure/procedureStatus.ts';
import { Modal } from './Modal.tsx';

/** What each advice means for the ALV, beside its choice. */
const ADVICE_HINTS: Record<Advice, string> = {
  overnemen: 'het bestuur raadt de ALV aan het amendement aan te nemen',
  ontraden: 'het bestuur raadt de ALV aan het amendement te verwerpen',
  oordeel_alv: 'het bestuur laat het oordeel aan de ALV',
};

export function AdviceDialog({
  label,
  subject,
  current,
  onRecord,
  onCancel,
}: {
  /** "Amendement A1 van Utrecht". */
  label: string;
  subject: string;
  /** The preadvies recorded before, if any. */
  current: StoredAdvice | null;
  /** Records it; returns why it was refused, or null. */
  onRecord: (advice: Advice, reasoning: string) => string | null;
  onCancel: () => void;
}) {
  const [advice, setAdvice] = useState<Advice | null>(current?.advice ?? null);
  const [reasoning, setReasoning] = useState(current?.reasoning ?? '');
  const [error, setError] = useState<string | null>(null);

  return (
    <Modal
      title={`Preadvies bij ${label.replace(/^(Amendement|Motie)/, (word) => word.toLowerCase())}`}
      onCancel={onCancel}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!advice) {
            setError('Kies het advies van het bestuur.');
            return;
          }
          setError(onRecord(advice, reasoning));
        }}
      >
        {subject && <p className="modal-text amendment-dialog-subject">{subject}</p>}
        <fieldset className="choice-group">
          <legend className="field-label">Advies van het bestuur</legend>
          {ADVICES.map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="advice"
                value={value}
                checked={advice === value}
                autoFocus={value === (current?.advice ?? ADVICES[0])}
                onChange={() => {
                  setAdvice(value);
                  setError(null);
                }}
              />
              <span>
                <strong>{ADVICE_TEXT[value]}</strong>{' '}
                <span className="choice-example">{ADVICE_HINTS[value]}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <label className="field amendment-dialog-field">
          <span className="field-label">Motivering</span>
          <textarea
            className="text-input"
            rows={5}
            maxLength={MAX_REASONING_LENGTH}
            value={reasoning}
            onChange={(event) => {
              setReasoning(event.target.value);
              setError(null);
            }}
          />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="submit" className="button primary">
            Preadvies vastleggen
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Annuleren
          </button>
        </div>
      </form>
    </Modal>
  );
}
