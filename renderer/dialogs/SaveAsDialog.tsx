/**
 * "Opslaan als": a name for the file in the documents folder. A name that exists already is
 * not overwritten silently: the dialog says so and offers to replace it.
 */
import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { Modal } from './Modal.tsx';

export function SaveAsDialog({
  initialName,
  onSave,
  onCancel,
}: {
  initialName: string;
  /** Saves under `name`; rejects with an ApiError the dialog shows. */
  onSave: (name: string, overwrite: boolean) => Promise<void>;
  onCancel: () => void;
}) {
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const [exists, setExists] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (overwrite: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await onSave(name, overwrite);
    } catch (caught) {
      setExists(caught instanceof ApiError && caught.code === 'exists');
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="Opslaan als" onCancel={onCancel}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit(false);
        }}
      >
        <label className="field">
          <span className="field-label">Naam van het document</span>
          <input
            className="text-input"
            value={name}
            autoFocus
            onChange={(event) => {
              setName(event.target.value);
              setExists(false);
              setError(null);
            }}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'save-as-error' : undefined}
          />
        </label>
        {error && (
          <p id="save-as-error" className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          {exists ? (
            <button
              type="button"
              className="button primary"
              disabled={busy}
              onClick={() => void submit(true)}
            >
              Vervangen
            </button>
          ) : (
            <button type="submit" className="button primary" disabled={busy || name.trim() === ''}>
              Opslaan
            </button>
          )}
          <button type="button" className="button" onClick={onCancel}>
            Annuleren
          </button>
        </div>
      </form>
    </Modal>
  );
}
