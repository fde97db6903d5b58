/**
 * "Nieuw": which kind of stuk to start, each from its Dutch template, with the assembly of the
 * user's preferences in the preamble.
 */
import { useState } from 'react';
import { DEFAULT_ASSEMBLY } from '../../shared/api/preferences.ts';
import { usePreferences } from '../preferences/userPreferences.ts';
import { DOCUMENT_KINDS } from '../../shared/model/resolution.ts';
import type { DocumentKind } from '../../shared/model/resolution.ts';
import { KIND_LABELS } from '../../shared/labels.ts';
import { Modal } from './Modal.tsx';

export function NewDocumentDialog({
  onCreate,
  onCancel,
}: {
  onCreate: (kind: DocumentKind) => void;
  onCancel: () => void;
}) {
  const [kind, setKind] = useState<DocumentKind>('resolutie');
  const assembly = usePreferences()?.preferences.defaultAssembly ?? DEFAULT_ASSEMBLY;
  return (
    <Modal title="Nieuw document" onCancel={onCancel}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onCreate(kind);
        }}
      >
        <fieldset className="choice-group">
          <legend className="field-label">Soort stuk</legend>
          {DOCUMENT_KINDS.map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="kind"
                value={value}
                checked={kind === value}
                onChange={() => setKind(value)}
              />
              {KIND_LABELS[value]}
            </label>
          ))}
        </fieldset>
        <p className="field-hint">
          Het stuk begint met ‘De leden bijeen in de {assembly} van …:’. De vergadering van nieuwe
          stukken stelt u in bij Voorkeuren; in het stuk wijzigt u haar bij Gegevens.
        </p>
        <div className="modal-actions">
          <button type="submit" className="button primary" autoFocus>
            Maken
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Annuleren
          </button>
        </div>
      </form>
    </Modal>
  );
}
