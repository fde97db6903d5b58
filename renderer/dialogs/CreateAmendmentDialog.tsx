/**
 * "Amendement maken": a member starts an amendment on the open resolution. The dialog asks who
 * submits it (the gemeente, and any co-indieners) and its subject; the amendment is made under
 * the user's name as a concept, and from then on what they change in the text becomes its
 * proposals, until they submit it. A refusal of the procedure store is said here and nothing
 * is made.
 */
import { useId, useState } from 'react';
import type { SubmissionFields } from '../../shared/procedure/procedureStore.ts';
import { Modal } from './Modal.tsx';

/** "Zwolle, Tilburg; Enschede" → the names, one per gemeente. */
export function splitGemeenten(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

export function CreateAmendmentDialog({
  resolution,
  authorName,
  voorsteller,
  onCreate,
  onCancel,
}: {
  /** The resolution's title line ("Resolutie “…”"). */
  resolution: string;
  /** The name the amendment and its proposals carry. */
  authorName: string;
  /** A voorsteller in a session (their edits are proposals anyway). */
  voorsteller: boolean;
  /** Makes the amendment; returns why it was refused, or null. */
  onCreate: (fields: SubmissionFields) => string | null;
  onCancel: () => void;
}) {
  const id = useId();
  const [indiener, setIndiener] = useState('');
  const [coIndieners, setCoIndieners] = useState('');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    if (indiener.trim() === '') {
      setError('Vul de gemeente in die het amendement indient.');
      return;
    }
    setError(
      onCreate({
        indiener,
        coIndieners: splitGemeenten(coIndieners),
        title,
        motivation: '',
      }),
    );
  };

  return (
    <Modal title="Amendement maken" onCancel={onCancel}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <p className="modal-text">
          Een amendement op {resolution}. Het staat op uw naam, <strong>{authorName}</strong>.
        </p>
        <label className="field">
          <span className="field-label">Gemeente (indiener)</span>
          <input
            className="text-input"
            value={indiener}
            autoFocus
            autoComplete="off"
            aria-invalid={error && indiener.trim() === '' ? 'true' : undefined}
            onChange={(event) => {
              setIndiener(event.target.value);
              setError(null);
            }}
          />
        </label>
        <label className="field">
          <span className="field-label">Mede-indieners (niet verplicht)</span>
          <input
            className="text-input"
            value={coIndieners}
            autoComplete="off"
            aria-describedby={`${id}-co`}
            onChange={(event) => {
              setCoIndieners(event.target.value);
              setError(null);
            }}
          />
          <span className="field-hint" id={`${id}-co`}>
            Gemeenten, gescheiden door komma’s.
          </span>
        </label>
        <label className="field">
          <span className="field-label">Onderwerp</span>
          <input
            className="text-input"
            value={title}
            autoComplete="off"
            aria-describedby={`${id}-title`}
            onChange={(event) => {
              setTitle(event.target.value);
              setError(null);
            }}
          />
          <span className="field-hint" id={`${id}-title`}>
            In een paar woorden: waar gaat het amendement over?
          </span>
        </label>
        <p className="field-hint">
          {voorsteller
            ? 'Uw voorstellen in de tekst horen bij dit amendement tot u het indient. Daarna schrijft u de toelichting en dient u het in.'
            : 'Daarna wordt alles wat u in de tekst wijzigt een voorstel van dit amendement, tot u het indient of stopt met opstellen. Schrijf de toelichting in het paneel Amendementen.'}
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="submit" className="button primary">
            Amendement maken
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Annuleren
          </button>
        </div>
      </form>
    </Modal>
  );
}
