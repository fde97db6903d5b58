/**
 * "ALV-overzicht": the bestuur's overview of one ALV, from the Bestand menu's section
 * Amendementen. For every stuk in the documents folder of the same assembly and date as the
 * open one (or all of them when it has no date), each resolution with its amendments and each
 * motie: number, indiener, subject, status, preadvies and besluit, with a filter by status, an
 * order, and "Openen" per stuk. The host reads the files strictly and answers plain rows
 * (`listProcedureOverview`); files it could not read are named.
 */
import { useEffect, useId, useState } from 'react';
import { api } from '../api/client.ts';
import { STATUS_TEXT } from '../../shared/procedure/procedureStatus.ts';
import { SORT_LABELS } from '../documents/amendmentOverview.ts';
import type { SortKey, StatusFilter } from '../documents/amendmentOverview.ts';
import {
  arrangeOverview,
  describeGaps,
  overviewStatusChoices,
} from '../documents/procedureOverview.ts';
import type { OverviewScope, ProcedureOverview } from '../documents/procedureOverview.ts';
import { Modal } from './Modal.tsx';
import '../styles/procedureOverview.css';

export function ProcedureOverviewDialog({
  scope,
  ownPath,
  onOpen,
  onClose,
}: {
  scope: OverviewScope;
  /** The open document's file (its "Openen" is left out), or null. */
  ownPath: string | null;
  /** Opens the stuk at `path` in the window. */
  onOpen: (path: string) => void;
  onClose: () => void;
}) {
  const id = useId();
  const [overview, setOverview] = useState<ProcedureOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<StatusFilter>('alle');
  const [sort, setSort] = useState<SortKey>('nummer');
  // The ALV is the one of the stuk open when the dialog opened.
  const [match] = useState(scope.match);

  useEffect(() => {
    let live = true;
    api
      .listProcedureOverview({ match })
      .then((found) => live && setOverview(found))
      .catch(
        (caught: unknown) =>
          live &&
          setError(
            `Het overzicht kon niet worden gelezen. ${caught instanceof Error ? caught.message : String(caught)}`,
          ),
      );
    return () => {
      live = false;
    };
  }, [match]);

  const choices = overview ? overviewStatusChoices(overview.documents) : [];
  const shownFilter = choices.some(([value]) => value === filter) ? filter : 'alle';
  const shown = overview ? arrangeOverview(overview.documents, shownFilter, sort) : [];
  const gaps = overview ? describeGaps(overview) : '';

  return (
    <Modal title="ALV-overzicht" className="procedure-overview" onCancel={onClose}>
      <p className="modal-text">
        De amendementen en moties van {scope.description}, uit de documentenmap.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!overview && !error && <p className="modal-text">Het overzicht wordt gelezen…</p>}
      {gaps && (
        <p className="overview-gaps" role="note">
          {gaps}
        </p>
      )}
      {overview && overview.documents.length === 0 && (
        <p className="modal-text">Er zijn geen stukken van deze ALV in de documentenmap.</p>
      )}
      {overview && overview.documents.length > 0 && (
        <>
          <div className="amendments-filters overview-filters">
            <div className="amendments-filter">
              <label className="amendments-filter-label" htmlFor={`${id}-status`}>
                Tonen
              </label>
              <select
                id={`${id}-status`}
                value={shownFilter}
                onChange={(event) => setFilter(event.target.value as StatusFilter)}
              >
                {choices.map(([value, text]) => (
                  <option key={value} value={value}>
                    {text}
                  </option>
                ))}
              </select>
            </div>
            <div className="amendments-filter">
              <label className="amendments-filter-label" htmlFor={`${id}-sort`}>
                Sorteren
              </label>
              <select
                id={`${id}-sort`}
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
          {shown.length === 0 && <p className="modal-text">Geen stukken met deze keuze.</p>}
          <div className="overview-stukken">
            {shown.map(({ document, rows }) => (
              <section
                key={document.path}
                className="overview-stuk"
                aria-label={document.titleLine}
              >
                <div className="overview-stuk-heading">
                  <h3>
                    {document.titleLine}
                    {document.submitter && document.kind === 'motie' && (
                      <span className="overview-submitter"> · {document.submitter}</span>
                    )}
                  </h3>
                  {document.path !== ownPath && (
                    <button
                      type="button"
                      className="small-button"
                      aria-label={`Openen: ${document.titleLine}`}
                      onClick={() => onOpen(document.path)}
                    >
                      Openen
                    </button>
                  )}
                </div>
                {rows.length === 0 ? (
                  <p className="overview-none">
                    {document.kind === 'motie'
                      ? 'Deze motie is nog niet ingediend.'
                      : 'Geen amendementen.'}
                  </p>
                ) : (
                  <table className="overview-table">
                    <thead>
                      <tr>
                        <th scope="col">Nr.</th>
                        <th scope="col">Indiener</th>
                        <th scope="col">Onderwerp</th>
                        <th scope="col">Status</th>
                        <th scope="col">Preadvies</th>
                        <th scope="col">Besluit</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((row) => (
                        <tr key={`${row.kind}-${row.number}-${row.indiener}`}>
                          <td>{row.number}</td>
                          <td>
                            {row.indiener}
                            {row.coIndieners.length > 0 && (
                              <span className="overview-co">
                                {' '}
                                (mede: {row.coIndieners.join(', ')})
                              </span>
                            )}
                          </td>
                          <td>{row.title}</td>
                          <td>
                            <span className={`amendment-status amendment-status-${row.status}`}>
                              {STATUS_TEXT[row.status]}
                            </span>
                          </td>
                          <td>{row.advice || '–'}</td>
                          <td>{row.outcome || '–'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </section>
            ))}
          </div>
        </>
      )}
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose}>
          Sluiten
        </button>
      </div>
    </Modal>
  );
}
