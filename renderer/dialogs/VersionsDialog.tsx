/**
 * "Versies": record the document as it stands under a name, see the versions (newest first),
 * compare any two (or one with the current text), and restore one, which proposes the old text
 * as a change the user can then accept, so the history in between stays.
 */
import { useState } from 'react';
import { MAX_VERSION_NAME_LENGTH } from '../../shared/ydoc/versions.ts';
import type { VersionInfo } from '../../shared/ydoc/versions.ts';
import { formatMomentInStyle } from '../../shared/dates.ts';
import { useDateStyle } from '../preferences/userPreferences.ts';
import { CURRENT } from '../window/versionComparison.ts';
import { Modal } from './Modal.tsx';

export function VersionsDialog({
  versions,
  suggestedName,
  readOnly,
  onRecord,
  onCompare,
  onRestore,
  onExportPdf,
  onClose,
}: {
  versions: VersionInfo[];
  /** A name to start from: the document's version label, or today's date. */
  suggestedName: string;
  readOnly: boolean;
  onRecord: (name: string) => void;
  /** Compares `from` with `to` (version ids, or CURRENT). */
  onCompare: (from: string, to: string) => void;
  onRestore: (id: string) => void;
  /** Exports version `id` as a PDF. */
  onExportPdf: (id: string) => void;
  onClose: () => void;
}) {
  const [name, setName] = useState(suggestedName);
  const dateStyle = useDateStyle();
  const [recorded, setRecorded] = useState<string | null>(null);
  const newestFirst = [...versions].reverse();
  const [from, setFrom] = useState(newestFirst[0]?.id ?? CURRENT);
  const [to, setTo] = useState(CURRENT);
  const options = [
    { id: CURRENT, label: 'Huidige tekst' },
    ...newestFirst.map((version) => ({ id: version.id, label: version.name })),
  ];

  return (
    <Modal title="Versies" onCancel={onClose} wide>
      <form
        className="version-record"
        onSubmit={(event) => {
          event.preventDefault();
          if (!name.trim()) return;
          onRecord(name.trim());
          setRecorded(name.trim());
        }}
      >
        <label className="field">
          <span className="field-label">Versie vastleggen als</span>
          <span className="inline-form">
            <input
              className="text-input"
              value={name}
              maxLength={MAX_VERSION_NAME_LENGTH}
              onChange={(event) => {
                setName(event.target.value);
                setRecorded(null);
              }}
            />
            <button type="submit" className="button primary" disabled={readOnly || !name.trim()}>
              Vastleggen
            </button>
          </span>
        </label>
        {recorded && (
          <p className="modal-text" role="status">
            Versie “{recorded}” is vastgelegd.
          </p>
        )}
      </form>

      {versions.length === 0 ? (
        <p className="modal-text muted">Er zijn nog geen versies vastgelegd.</p>
      ) : (
        <>
          <ul className="version-list" aria-label="Vastgelegde versies">
            {newestFirst.map((version) => (
              <li key={version.id} className="version-entry">
                <span className="version-name">{version.name}</span>
                <span className="version-meta">
                  {formatMomentInStyle(new Date(version.createdAt), dateStyle)} · {version.author}
                </span>
                <span className="version-actions">
                  <button
                    type="button"
                    className="small-button"
                    onClick={() => onCompare(version.id, CURRENT)}
                    aria-label={`${version.name} vergelijken met de huidige tekst`}
                  >
                    Vergelijken
                  </button>
                  <button
                    type="button"
                    className="small-button"
                    onClick={() => onExportPdf(version.id)}
                    aria-label={`${version.name} als PDF`}
                  >
                    PDF
                  </button>
                  <button
                    type="button"
                    className="small-button"
                    disabled={readOnly}
                    onClick={() => onRestore(version.id)}
                    aria-label={`${version.name} herstellen`}
                  >
                    Herstellen
                  </button>
                </span>
              </li>
            ))}
          </ul>
          <fieldset className="field version-compare">
            <legend className="field-label">Twee versies vergelijken</legend>
            <span className="inline-form">
              <select
                className="text-input"
                aria-label="Van"
                value={from}
                onChange={(event) => setFrom(event.target.value)}
              >
                {options.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.label}
                  </option>
                ))}
              </select>
              <span aria-hidden="true">→</span>
              <select
                className="text-input"
                aria-label="Naar"
                value={to}
                onChange={(event) => setTo(event.target.value)}
              >
                {options.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.label}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="button"
                disabled={from === to}
                onClick={() => onCompare(from, to)}
              >
                Vergelijken
              </button>
            </span>
          </fieldset>
        </>
      )}
      <p className="modal-text muted">
        Herstellen stelt de tekst van die versie voor als wijziging op uw naam; accepteer hem in het
        paneel Wijzigingen. Tussenliggende versies blijven bewaard.
      </p>
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose}>
          Sluiten
        </button>
      </div>
    </Modal>
  );
}
