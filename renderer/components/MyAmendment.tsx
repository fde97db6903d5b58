/**
 * "Mijn amendement": the amendment this user is drafting or has submitted, at the top of the
 * amendments panel. While it is a concept: the proposals it gathers (the user's own, made in
 * the text), whether the editor is drafting it (everything typed becomes a proposal) with the
 * way out of that mode and back, the Toelichting (its motivation, kept when the field is
 * left), and "Indienen". Once submitted: outside a session "Amendement opslaan…", which saves
 * the user's copy as the file to send to the secretariat; in a session the bestuur sees it at
 * once. "Intrekken…" withdraws it, its proposals with it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { STATUS_TEXT } from '../../shared/procedure/procedureStatus.ts';
import type { SubmissionRow } from '../../shared/procedure/procedureStatus.ts';
import { excerpt } from './proposalText.ts';

const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
});

/** What the box asks of the panel; each write returns why it was refused, or null. */
export interface MyAmendmentActions {
  saveMotivation: (id: string, motivation: string) => string | null;
  submit: (id: string, motivation: string) => string | null;
  /** Drafting on (the amendment's id) or off (null); absent for a voorsteller, who always drafts. */
  draft?: (id: string | null) => void;
  /** Saves the user's copy as the amendment's file (outside a session). */
  saveFile?: (row: SubmissionRow) => void;
  show: (row: SubmissionRow) => void;
  /** Asks to withdraw it (the dialog asks first). */
  withdraw: (id: string) => void;
}

export function MyAmendment({
  row,
  drafting,
  inSession,
  actions,
}: {
  row: SubmissionRow;
  /** Whether the editor is drafting this amendment (a voorsteller's always is). */
  drafting: boolean;
  inSession: boolean;
  actions: MyAmendmentActions;
}) {
  const headingId = useId();
  const fieldId = useId();
  const hintId = useId();
  const { entry, status } = row;
  const concept = status === 'concept';
  // The field shows the user's text while they write; otherwise the stored motivation.
  const [draftText, setDraftText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const text = draftText ?? entry.motivation;
  const latest = useRef(text);
  useEffect(() => {
    latest.current = text;
  });

  const keep = () => {
    if (draftText === null) return;
    const refused = actions.saveMotivation(entry.id, draftText);
    setProblem(refused);
    if (!refused) {
      setDraftText(null);
      setSaved(draftText.trim() !== entry.motivation);
    }
  };

  return (
    <section className="my-amendment" aria-labelledby={headingId}>
      <h3 className="my-amendment-title" id={headingId}>
        Mijn amendement {entry.number}
        <span className={`amendment-status amendment-status-${status}`}>{STATUS_TEXT[status]}</span>
      </h3>
      <p className="my-amendment-line">
        {entry.indiener}
        {entry.coIndieners.length > 0 && `, met ${entry.coIndieners.join(', ')}`}
        {entry.title && ` · ${entry.title}`}
      </p>
      {concept && (
        <p className="my-amendment-mode" role="status">
          {drafting
            ? 'U stelt dit amendement op: wat u in de tekst wijzigt, wordt een voorstel ervan.'
            : 'U stelt dit amendement nu niet op: wat u wijzigt, hoort er niet bij.'}
        </p>
      )}
      {concept && actions.draft && (
        <button
          type="button"
          className="small-button"
          onClick={() => actions.draft?.(drafting ? null : entry.id)}
        >
          {drafting ? 'Stoppen met opstellen' : 'Verder opstellen'}
        </button>
      )}
      {row.changes.length > 0 ? (
        <ul className="my-amendment-proposals" aria-label="Voorstellen van dit amendement">
          {row.changes.map((change) => (
            <li key={change.id}>
              {change.deleted && (
                <span className="change-text change-text-delete">
                  <span className="change-kind">Geschrapt:</span> {excerpt(change.deleted, 50)}
                </span>
              )}
              {change.inserted && (
                <span className="change-text change-text-insert">
                  <span className="change-kind">Toegevoegd:</span> {excerpt(change.inserted, 50)}
                </span>
              )}
              {!change.deleted && !change.inserted && (
                <span className="change-text">
                  {change.item === 'delete' ? 'Punt geschrapt' : 'Nieuw punt'}
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : (
        concept && (
          <p className="my-amendment-empty">
            Nog geen voorstellen: wijzig de tekst van de resolutie waar u een wijziging voorstelt.
          </p>
        )
      )}
      {row.changes.length > 0 && (
        <button type="button" className="link-button" onClick={() => actions.show(row)}>
          Toon in de tekst
        </button>
      )}
      {concept ? (
        <form
          className="my-amendment-form"
          onSubmit={(event) => {
            event.preventDefault();
            const refused = actions.submit(entry.id, latest.current);
            setProblem(refused);
            if (!refused) setDraftText(null);
          }}
        >
          <label className="field-label" htmlFor={fieldId}>
            Toelichting
          </label>
          <textarea
            id={fieldId}
            className="text-input my-amendment-motivation"
            rows={4}
            value={text}
            aria-describedby={hintId}
            aria-invalid={problem ? 'true' : undefined}
            onChange={(event) => {
              setDraftText(event.target.value);
              setSaved(false);
            }}
            onBlur={keep}
          />
          <p className="field-hint" id={hintId}>
            {saved
              ? 'Toelichting bewaard.'
              : 'Waarom stelt u deze wijziging voor? Een witregel begint een nieuwe alinea.'}
          </p>
          {problem && (
            <p className="form-error" role="alert">
              {problem}
            </p>
          )}
          <div className="my-amendment-actions">
            <button
              type="button"
              className="link-button my-amendment-withdraw"
              onClick={() => actions.withdraw(entry.id)}
            >
              Intrekken…
            </button>
            <button type="submit" className="button primary">
              Indienen
            </button>
          </div>
        </form>
      ) : (
        <>
          {entry.submitted !== null && (
            <p className="my-amendment-line">
              Ingediend op {dateFormat.format(entry.submitted)}.{' '}
              {inSession
                ? 'Het bestuur ziet het in de sessie.'
                : 'Sla het op en stuur het bestand naar het secretariaat.'}
            </p>
          )}
          <div className="my-amendment-actions">
            <button
              type="button"
              className="link-button my-amendment-withdraw"
              onClick={() => actions.withdraw(entry.id)}
            >
              Intrekken…
            </button>
            {!inSession && actions.saveFile && (
              <button
                type="button"
                className="button primary"
                onClick={() => actions.saveFile?.(row)}
              >
                Amendement opslaan…
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
