/**
 * "Importeren": a stuk read from a Word or text file (a motie a gemeente sent by e-mail, a
 * draft typed elsewhere). The user picks or drops the file; what is wrong with it is said here and nothing
 * changes; a good file becomes the open document, unsaved, for the user to check and save.
 */
import { useId, useState } from 'react';
import { IMPORT_ACCEPT, importFile } from '../documents/textImport.ts';
import type { ImportedStuk } from '../documents/textImport.ts';
import { Modal } from './Modal.tsx';

export function ImportDialog({
  onImport,
  onCancel,
}: {
  /** Makes the imported stuk the open document. */
  onImport: (imported: ImportedStuk) => Promise<void>;
  onCancel: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hintId = useId();

  const submit = async () => {
    if (!file) return;
    setError(null);
    setBusy(true);
    try {
      await onImport(await importFile(file));
    } catch (caught) {
      // An ImportError (what is wrong with the file) is an Error too.
      setError(caught instanceof Error ? caught.message : String(caught));
      setBusy(false);
    }
  };

  return (
    <Modal title="Importeren" onCancel={onCancel}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        onDragOver={(event) => event.preventDefault()}
        onDrop={(event) => {
          event.preventDefault();
          const dropped = event.dataTransfer.files[0];
          if (dropped) {
            setFile(dropped);
            setError(null);
          }
        }}
      >
        <p className="field-hint" id={hintId}>
          Lees een stuk in uit een Word-document (.docx) of een tekstbestand (.txt), bijvoorbeeld
          een motie die een gemeente per e-mail stuurde. De opbouw wordt herkend: de titel, ‘De
          leden bijeen in …’, ‘Overwegende dat:’ en ‘Spreekt uit:’ met hun genummerde punten, en de
          Toelichting. Uit Word komen ook de bijgehouden wijzigingen mee, als voorstellen, en de
          opmerkingen.
        </p>
        <label className="field-label" htmlFor={`${hintId}-file`}>
          Bestand
        </label>
        <input
          id={`${hintId}-file`}
          className="file-input"
          type="file"
          accept={IMPORT_ACCEPT}
          aria-describedby={hintId}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setError(null);
          }}
        />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <p className="field-hint">
          Het geïmporteerde stuk opent als nieuw document, nog niet opgeslagen. Het stuk dat nu open
          is, blijft zoals het is opgeslagen.
        </p>
        <div className="modal-actions">
          <button type="submit" className="button primary" disabled={!file || busy}>
            {busy ? 'Bezig met importeren…' : 'Importeren'}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Annuleren
          </button>
        </div>
      </form>
    </Modal>
  );
}
