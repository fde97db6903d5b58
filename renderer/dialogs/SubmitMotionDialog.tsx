/**
 * "Motie indienen": the open document is a motie "vreemd aan de orde", and this dialog submits
 * it to the ALV. It asks who submits it (the gemeente, filled in from the stuk's gegevens when
 * they name one, and any co-indieners); the motie is submitted at once under the stuk's own
 * title, as M1 (or the next number). A refusal of the procedure store is said here and nothing
 * is written.
 */
import { useId, useState } from 'react';
import type { MotionFields } from '../documents/motionActions.ts';
import { splitGemeenten } from './CreateAmendmentDialog.tsx';
import { Modal } from './Modal.tsx';

export function SubmitMotionDialog({
  motion,
  indiener: suggested,
  authorName,
  onSubmit,
  onCancel,
}: {
  /** The motie's title line ("Motie “…”"). */
  motion: string;
  /** The gemeente to fill in ('' when the gegevens name none). */
  indiener: string;
  /** The name the motie is submitted under. */
  authorName: string;
  /** Submits it; returns why it was refused, or null. */
  onSubmit: (fields: MotionFields) => string | null;
  onCancel: () => void;
}) {
  const id = useId();
  const [indiener, setIndiener] = useState(suggested);
  const [coIndieners, setCoIndieners] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    if (indiener.trim() === '') {
      setError('Vul de gemeente in die de motie indient.');
      return;
    }
    setError(onSubmit({ indiener, coIndieners: splitGemeenten(coIndieners) }));
  };

  return (
    <Modal title="Motie indienen" onCancel={onCancel}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <p className="modal-text">
          {motion} wordt ingediend voor de ALV, op uw naam, <strong>{authorName}</strong>. Het
          bestuur geeft er daarna een preadvies over.
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
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="submit" className="button primary">
            Motie indienen
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Annuleren
          </button>
        </div>
      </form>
    </Modal>
  );
}
