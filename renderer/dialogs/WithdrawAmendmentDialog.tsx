/**
 * "Intrekken": the indiener withdraws their amendment, or the bestuur records that the
 * indiener did (on their behalf). Its proposals leave the text. The dialog asks first, since
 * a withdrawal is not taken back; a refusal of the procedure store is said here and nothing
 * changes.
 */
import { useState } from 'react';
import { Modal } from './Modal.tsx';

export function WithdrawAmendmentDialog({
  label,
  proposals,
  onBehalf,
  onWithdraw,
  onCancel,
}: {
  /** "Amendement A1 van Utrecht". */
  label: string;
  /** How many of its proposals stand in the text. */
  proposals: number;
  /** The bestuur withdraws it on the indiener's behalf. */
  onBehalf: boolean;
  /** Withdraws it; returns why it was refused, or null. */
  onWithdraw: () => string | null;
  onCancel: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const them =
    proposals === 0
      ? 'Het heeft geen voorstellen in de tekst.'
      : proposals === 1
        ? 'Het voorstel ervan wordt uit de tekst gehaald.'
        : `De ${proposals} voorstellen ervan worden uit de tekst gehaald.`;
  return (
    <Modal title={`${label} intrekken`} onCancel={onCancel}>
      <p className="modal-text">
        {onBehalf
          ? `U legt vast dat de indiener ${label.replace(/^Amendement/, 'amendement')} intrekt.`
          : `U trekt ${label.replace(/^Amendement/, 'amendement')} in.`}{' '}
        {them} Intrekken kan niet ongedaan worden gemaakt.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" className="button primary" onClick={() => setError(onWithdraw())}>
          Intrekken
        </button>
        <button type="button" className="button" autoFocus onClick={onCancel}>
          Annuleren
        </button>
      </div>
    </Modal>
  );
}
