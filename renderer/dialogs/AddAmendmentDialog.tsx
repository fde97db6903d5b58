/**
 * "Amendement toevoegen": the secretariat adds an amendment a member sent as a file. The file
 * is chosen from the documents folder, picked from the computer or dropped (on this dialog or
 * on the window); documents/amendmentImport.ts reads and checks it against the open resolution.
 * A refusal is said here and nothing changes; a number that is taken is offered another one
 * ("Toevoegen als A4"); once added, the dialog says what came in and which places of the text
 * have changed since the amendment was made.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import type { ResolutieApi } from '../api/client.ts';
import { describeSubmission } from '../../shared/procedure/procedureStatus.ts';
import {
  AmendmentNumberError,
  addAmendments,
  readAmendmentState,
  sourceName,
} from '../documents/amendmentImport.ts';
import type { AddedAmendments, AmendmentSource } from '../documents/amendmentImport.ts';
import { describeChangedPlaces } from '../documents/amendmentOverview.ts';
import type { DocumentYDoc } from '../documents/OpenDocument.ts';
import { formatMomentInStyle } from '../../shared/dates.ts';
import { useDateStyle } from '../preferences/userPreferences.ts';
import { Modal } from './Modal.tsx';
import '../styles/openDialog.css';

type Listing = Awaited<ReturnType<ResolutieApi['listDocuments']>>;

/** Where the dialog is: choosing, a number to choose, done. */
type Step =
  | { step: 'choose' }
  | {
      step: 'number';
      source: AmendmentSource;
      state: Uint8Array;
      error: AmendmentNumberError;
      numbers: Record<string, string>;
    }
  | { step: 'done'; source: AmendmentSource; added: AddedAmendments };

/** "2 voorstellen". */
function proposals(count: number): string {
  return count === 1 ? '1 voorstel' : `${count} voorstellen`;
}

export function AddAmendmentDialog({
  ydoc,
  ownPath,
  dropped,
  onAdded,
  onClose,
}: {
  /** The open resolution's Y.Doc, which the amendment is added to. */
  ydoc: DocumentYDoc;
  /** The open resolution's own file (left out of the list), if it has one. */
  ownPath: string | null;
  /** A file dropped on the window, added at once. */
  dropped?: File;
  /** Hears what was added (the panel's status line). */
  onAdded: (summary: string) => void;
  onClose: () => void;
}) {
  const id = useId();
  const [listing, setListing] = useState<Listing | null>(null);
  const [step, setStep] = useState<Step>({ step: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [number, setNumber] = useState('');
  const dateStyle = useDateStyle();

  useEffect(() => {
    let live = true;
    api
      .listDocuments()
      .then((found) => live && setListing(found))
      .catch((caught: unknown) => live && setError(messageOf(caught)));
    return () => {
      live = false;
    };
  }, []);

  const tryAdd = (
    source: AmendmentSource,
    state: Uint8Array,
    numbers: Record<string, string>,
  ): void => {
    try {
      const added = addAmendments(ydoc, state, numbers);
      setStep({ step: 'done', source, added });
      setError(null);
      onAdded(
        `Toegevoegd: ${added.submissions.map((entry) => describeSubmission(entry)).join(', ')}.`,
      );
    } catch (caught) {
      if (caught instanceof AmendmentNumberError) {
        setStep({ step: 'number', source, state, error: caught, numbers });
        setNumber(caught.suggested);
        setError(null);
        return;
      }
      setError(messageOf(caught));
    }
  };

  const add = async (source: AmendmentSource) => {
    setBusy(true);
    setError(null);
    try {
      tryAdd(source, await readAmendmentState(source, api), {});
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  // A file dropped on the window is added as soon as the dialog opens.
  const droppedOnce = useRef(false);
  useEffect(() => {
    if (!dropped || droppedOnce.current) return;
    droppedOnce.current = true;
    void add({ kind: 'file', file: dropped });
  });

  if (step.step === 'done') {
    return (
      <Modal title="Amendement toegevoegd" onCancel={onClose}>
        <p className="modal-text">Uit {sourceName(step.source)}:</p>
        <ul className="added-amendments">
          {step.added.submissions.map((entry) => {
            const changed = step.added.changedPlaces.get(entry.id) ?? [];
            return (
              <li key={entry.id}>
                <strong>{describeSubmission(entry)}</strong>
                {entry.coIndieners.length > 0 && `, met ${entry.coIndieners.join(', ')}`}
                {entry.title && ` — ${entry.title}`}
                <span className="added-amendment-line">
                  {proposals(entry.changes.length)} in de tekst, op naam van {entry.author}.
                </span>
                <span className="added-amendment-line">
                  {changed.length > 0
                    ? `Sinds dit amendement werd gemaakt is gewijzigd: ${describeChangedPlaces(changed)}.`
                    : 'De tekst waarop het is gemaakt, is sindsdien niet gewijzigd.'}
                </span>
              </li>
            );
          })}
        </ul>
        <div className="modal-actions">
          <button type="button" className="button primary" autoFocus onClick={onClose}>
            Sluiten
          </button>
        </div>
      </Modal>
    );
  }

  if (step.step === 'number') {
    const wanted = number.trim().toUpperCase();
    return (
      <Modal title="Ander nummer kiezen" onCancel={onClose}>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            tryAdd(step.source, step.state, { ...step.numbers, [step.error.id]: wanted });
          }}
        >
          <p className="modal-text" id={`${id}-why`}>
            {step.error.message}
          </p>
          <label className="field">
            <span className="field-label">Nummer</span>
            <input
              className="text-input amendment-number-input"
              value={number}
              autoFocus
              autoComplete="off"
              aria-describedby={`${id}-why`}
              aria-invalid={error ? 'true' : undefined}
              onChange={(event) => {
                setNumber(event.target.value);
                setError(null);
              }}
            />
          </label>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <p className="field-hint">Er is nog niets toegevoegd.</p>
          <div className="modal-actions">
            <button type="submit" className="button primary" disabled={wanted === ''}>
              Toevoegen als {wanted || '…'}
            </button>
            <button type="button" className="button" onClick={onClose}>
              Annuleren
            </button>
          </div>
        </form>
      </Modal>
    );
  }

  const files = (listing?.documents ?? []).filter(
    (doc) => doc.path !== ownPath && doc.problem === null,
  );
  return (
    <Modal title="Amendement toevoegen" onCancel={onClose} wide>
      <div
        className="amendment-drop"
        onDragOver={(event) => event.preventDefault()}
        onDrop={(event) => {
          event.preventDefault();
          const file = event.dataTransfer.files[0];
          if (file) void add({ kind: 'file', file });
        }}
      >
        <p className="modal-text">
          Kies het bestand dat het lid met het amendement stuurde: de .resolutie-kopie van deze
          resolutie waarin het amendement is ingediend. Het amendement komt met zijn voorstellen in
          de tekst; verder verandert er niets.
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {busy && (
          <p className="field-hint" role="status">
            Het bestand wordt gecontroleerd…
          </p>
        )}
        <section aria-label="Documentenmap">
          <h3 className="list-heading">In de documentenmap</h3>
          {listing && files.length === 0 && (
            <p className="empty-note">Er staan geen andere documenten in deze map.</p>
          )}
          <ul className="file-list">
            {files.map((doc, index) => (
              <li key={doc.path}>
                <button
                  type="button"
                  className="file-button"
                  autoFocus={index === 0}
                  disabled={busy}
                  onClick={() => void add({ kind: 'path', path: doc.path, name: doc.name })}
                >
                  <span className="file-name">{doc.name}</span>
                  <span className="file-detail">
                    {doc.title ? `${doc.title} · ` : ''}gewijzigd{' '}
                    {formatMomentInStyle(new Date(doc.modifiedAt), dateStyle)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
        <div className="field amendment-file-field">
          <span className="field-label">Of een bestand van deze computer</span>
          {/* The browser's own file button speaks the browser's language; this one Dutch. */}
          <label className={`button file-choose${busy ? ' file-choose-busy' : ''}`}>
            Bestand kiezen…
            <input
              className="file-choose-input"
              type="file"
              accept=".resolutie"
              disabled={busy}
              aria-describedby={`${id}-drop`}
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void add({ kind: 'file', file });
              }}
            />
          </label>
          <span className="field-hint" id={`${id}-drop`}>
            U kunt het bestand ook op dit venster slepen.
          </span>
        </div>
      </div>
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose}>
          Annuleren
        </button>
      </div>
    </Modal>
  );
}

function messageOf(caught: unknown): string {
  return caught instanceof Error ? caught.message : String(caught);
}
