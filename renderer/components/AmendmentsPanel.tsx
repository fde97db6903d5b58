/**
 * "Amendementen": the ALV procedure on the open resolution, first in the right column. At the
 * top the user's own amendment while they draft or have submitted one (MyAmendment), then the
 * warnings the ALV needs before it votes (open amendments that change the same text), the
 * filter (status, indiener) and order (nummer, indiener, status), and every amendment as a
 * card (AmendmentCard). Choosing one highlights its proposals in the text and puts the cursor
 * on the first; they are ordinary tracked changes, which the changes panel marks with the
 * amendment's number.
 *
 * The window reads the procedure (documents/procedureState.ts) with the editor's pending
 * changes at each render, as the changes panel does, and hands the panel its rows. The panel
 * writes the user's own amendment (motivation, submitting) through
 * documents/amendmentActions.ts and asks the window for the dialogs of the rest (making one,
 * adding one from a file, preadvies, besluit, withdrawing).
 *
 * In a motie (the document is one) the panel is the motie's procedure: "Motie indienen…"
 * until it is submitted, then its card with preadvies and besluit, as an amendment's.
 */
import { useId, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import { TextSelection } from 'prosemirror-state';
import type { SubmissionRow } from '../../shared/procedure/procedureStatus.ts';
import type { ProcedureWriter } from '../../shared/procedure/procedureStore.ts';
import {
  SORT_LABELS,
  describeConflicts,
  filterRows,
  findOwnAmendment,
  indienerChoices,
  sortRows,
  statusChoices,
} from '../documents/amendmentOverview.ts';
import type { SortKey, StatusFilter } from '../documents/amendmentOverview.ts';
import { ProcedureError, saveMotivation, submitAmendment } from '../documents/amendmentActions.ts';
import type { DocumentYDoc } from '../documents/OpenDocument.ts';
import type { ProcedureSnapshot } from '../documents/procedureState.ts';
import { getHighlightedChanges, setHighlightedChanges } from '../editor/amendmentHighlight.ts';
import { MenuButton } from '../controls/MenuButton.tsx';
import type { AmendmentDialogRequest, ProcedureRole } from '../dialogs/amendmentRequests.ts';
import type { ProcedurePdf } from '../documents/amendmentPdf.ts';
import { AmendmentCard } from './AmendmentCard.tsx';
import type { AmendmentCardActions } from './AmendmentCard.tsx';
import { MyAmendment } from './MyAmendment.tsx';
import { canSubmitMotion } from '../documents/motionActions.ts';
import '../styles/amendments.css';

/** A write's refusal as the panel says it. */
function failure(error: unknown): string {
  if (error instanceof ProcedureError) return error.message;
  return `Het amendement kon niet worden bewaard. ${error instanceof Error ? error.message : ''}`.trim();
}

/** Highlights `row`'s proposals in the text and puts the cursor on the first (or clears). */
function showInText(view: EditorView, row: SubmissionRow | null): void {
  const ids = row ? row.changes.map((change) => change.id) : [];
  let tr = setHighlightedChanges(view.state.tr, ids);
  const first = row?.changes[0];
  if (first) {
    tr = tr.setSelection(TextSelection.create(tr.doc, first.from, first.to)).scrollIntoView();
  }
  view.dispatch(tr);
  if (first) view.focus();
}

export function AmendmentsPanel({
  view,
  ydoc,
  procedure,
  rows,
  role,
  user,
  isResolution,
  isMotion,
  inSession,
  drafting,
  notice,
  onDraft,
  onRequest,
  onPrint,
  onSaveFile,
  onSubmitted,
}: {
  view: EditorView | null;
  /** The open document's Y.Doc, which the procedure is written to. */
  ydoc: DocumentYDoc | null;
  procedure: ProcedureSnapshot;
  /** The overview of the procedure on the editor's document (amendmentOverview.ts, buildRows). */
  rows: readonly SubmissionRow[];
  role: ProcedureRole;
  /** The name (and colour) this user's amendment is drafted under. */
  user: ProcedureWriter;
  /** Whether the open document is a resolution (amendments are made on resolutions). */
  isResolution: boolean;
  /** Whether the open document is a motie: the panel is then its own procedure. */
  isMotion: boolean;
  inSession: boolean;
  /** The amendment the editor drafts (outside a voorsteller's session), or null. */
  drafting: string | null;
  /** What the last procedure action did, or why it could not (a status line). */
  notice: string | null;
  /** Drafting on (an amendment's id) or off; absent for a voorsteller, who always drafts. */
  onDraft?: (id: string | null) => void;
  onRequest: (request: AmendmentDialogRequest) => void;
  onPrint: (pdf: ProcedurePdf) => void;
  onSaveFile: (row: SubmissionRow) => void;
  /** The user's amendment `id` was submitted (the status line says so). */
  onSubmitted: (id: string) => void;
}) {
  const headingId = useId();
  const filterId = useId();
  const [status, setStatus] = useState<StatusFilter>('alle');
  const [indiener, setIndiener] = useState<string | null>(null);
  const [sort, setSort] = useState<SortKey>('nummer');

  const doc = view?.state.doc ?? null;
  const conflicts = doc ? describeConflicts(doc, rows) : [];
  const mine = role === 'lezer' ? null : findOwnAmendment(rows, user.name);
  const highlighted = view ? getHighlightedChanges(view.state) : new Set<string>();
  const isShown = (row: SubmissionRow) =>
    row.changes.length > 0 && row.changes.every((change) => highlighted.has(change.id));
  const shownStatus =
    status === 'alle' || status === 'open' || rows.some((row) => row.status === status)
      ? status
      : 'alle';
  const shownIndiener =
    indiener !== null && indienerChoices(rows).includes(indiener) ? indiener : null;
  // The concept in "Mijn amendement" is shown there only; the filter comes with a longer list.
  const others = rows.filter((row) => row !== mine || mine.status !== 'concept');
  const filtering = others.length >= 3;
  const listed = sortRows(
    filtering ? filterRows(others, { status: shownStatus, indiener: shownIndiener }) : others,
    sort,
  );
  const canWrite = procedure.problem === null && ydoc !== null && view !== null;

  const write = (action: () => void): string | null => {
    try {
      action();
      return null;
    } catch (error) {
      return failure(error);
    }
  };

  const cardActions: AmendmentCardActions = {
    show: (row) => {
      if (view) showInText(view, isShown(row) ? null : row);
    },
    advise: (id) => onRequest({ type: 'advice', id }),
    decide: (id) => onRequest({ type: 'decision', id }),
    withdraw: (id) => onRequest({ type: 'withdraw', id }),
    print: (row) => onPrint({ form: 'amendement', entry: row.entry }),
  };

  const canMake = isResolution && role !== 'lezer' && canWrite && mine?.status !== 'concept';
  // Adding a member's file is the bestuur's, not while drafting an amendment of one's own.
  const canAdd = role === 'bestuur' && canWrite && isResolution && drafting === null;
  const canSubmit = isMotion && role !== 'lezer' && canWrite && canSubmitMotion(rows);

  return (
    <section className="amendments" aria-labelledby={headingId}>
      <h2 className="panel-title" id={headingId} tabIndex={-1}>
        {isMotion ? 'Motie' : 'Amendementen'}
        {rows.length > 0 && !isMotion && <span className="count"> {rows.length}</span>}
      </h2>
      {procedure.problem && (
        <p className="form-error amendments-problem" role="alert">
          {procedure.problem}
        </p>
      )}
      <p className="amendments-notice" role="status">
        {notice}
      </p>
      {(canMake || canAdd || canSubmit) && (
        <div className="amendments-actions">
          {canSubmit && (
            <button
              type="button"
              className="small-button"
              title="Deze motie indienen voor de ALV"
              onClick={() => onRequest({ type: 'submitMotion' })}
            >
              Motie indienen…
            </button>
          )}
          {canMake && (
            <button
              type="button"
              className="small-button"
              onClick={() => onRequest({ type: 'create' })}
            >
              Amendement maken…
            </button>
          )}
          {canAdd && (
            <button
              type="button"
              className="small-button"
              title="Een amendement toevoegen dat een lid als bestand stuurde"
              onClick={() => onRequest({ type: 'add' })}
            >
              Toevoegen…
            </button>
          )}
        </div>
      )}
      {mine && ydoc && view && (
        <MyAmendment
          row={mine}
          drafting={role === 'voorsteller' || drafting === mine.entry.id}
          inSession={inSession}
          actions={{
            saveMotivation: (id, motivation) =>
              write(() => saveMotivation(ydoc, id, motivation, user)),
            submit: (id, motivation) => {
              const refused = write(() => submitAmendment(ydoc, view, id, motivation, user));
              if (!refused) {
                if (drafting === id) onDraft?.(null);
                onSubmitted(id);
              }
              return refused;
            },
            draft: role === 'voorsteller' ? undefined : onDraft,
            saveFile: inSession ? undefined : onSaveFile,
            show: cardActions.show,
            withdraw: cardActions.withdraw,
          }}
        />
      )}
      {others.length === 0 ? (
        !mine && (
          <p className="amendments-empty">
            {isMotion
              ? 'Deze motie is nog niet ingediend.'
              : isResolution
                ? 'Nog geen amendementen op deze resolutie.'
                : 'Geen amendementen.'}
          </p>
        )
      ) : (
        <>
          {conflicts.length > 0 && (
            <div className="amendments-conflicts" role="note" aria-label="Let op voor de stemming">
              <p className="amendments-conflicts-title">Let op voor de stemming</p>
              <ul>
                {conflicts.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          )}
          {filtering && (
            <div className="amendments-filters">
              <div className="amendments-filter">
                <label className="amendments-filter-label" htmlFor={`${filterId}-status`}>
                  Tonen
                </label>
                <select
                  id={`${filterId}-status`}
                  value={shownStatus}
                  onChange={(event) => setStatus(event.target.value as StatusFilter)}
                >
                  {statusChoices(rows).map(([value, text]) => (
                    <option key={value} value={value}>
                      {text}
                    </option>
                  ))}
                </select>
              </div>
              <div className="amendments-filter">
                <label className="amendments-filter-label" htmlFor={`${filterId}-indiener`}>
                  Indiener
                </label>
                <select
                  id={`${filterId}-indiener`}
                  value={shownIndiener ?? ''}
                  onChange={(event) => setIndiener(event.target.value || null)}
                >
                  <option value="">Alle</option>
                  {indienerChoices(rows).map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="amendments-filter">
                <label className="amendments-filter-label" htmlFor={`${filterId}-sort`}>
                  Sorteren
                </label>
                <select
                  id={`${filterId}-sort`}
                  value={sort}
                  onChange={(event) => setSort(event.target.value as SortKey)}
                >
                  {(Object.keys(SORT_LABELS) as SortKey[]).map((key) => (
                    <option key={key} value={key}>
                      {SORT_LABELS[key]}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          )}
          {listed.length === 0 ? (
            <p className="amendments-empty">Geen amendementen met deze keuze.</p>
          ) : (
            <ol
              className="amendments-list"
              aria-label={isMotion ? 'De motie en haar procedure' : 'Lijst van amendementen'}
            >
              {listed.map((row) => (
                <li key={row.entry.id}>
                  <AmendmentCard
                    row={row}
                    role={role}
                    userName={user.name}
                    selected={isShown(row)}
                    actions={cardActions}
                  />
                </li>
              ))}
            </ol>
          )}
          <div className="amendments-stukken">
            <MenuButton
              label="Stukken"
              className="small-button"
              menuLabel="Stukken van de procedure"
              buttonTitle="De stukken van de procedure als PDF"
              sections={[
                {
                  entries: [
                    ...(isMotion
                      ? []
                      : [
                          {
                            id: 'geamendeerd',
                            label: 'Zoals geamendeerd (PDF)',
                            onSelect: () => onPrint({ form: 'geamendeerd' }),
                          },
                        ]),
                    {
                      id: 'preadviezen',
                      label: 'Preadviezen (PDF)',
                      onSelect: () => onPrint({ form: 'preadviezen' }),
                    },
                  ],
                },
              ]}
            />
          </div>
        </>
      )}
    </section>
  );
}
