/**
 * The bestuur's overview per ALV, as the "ALV-overzicht" dialog shows it: which ALV it is about
 * (the assembly and date of the open stuk, or every stuk when it has no date), and the host's
 * plain rows (`listProcedureOverview`) filtered by status and sorted, per stuk. Kept apart from
 * the dialog so the choices can be tested without a window.
 */
import type { Node } from 'prosemirror-model';
import type { ApiResponse } from '../../shared/api/contract.ts';
import { formatDutchDate } from '../../shared/dates.ts';
import { getMetadata } from '../../shared/editor/queries/getMetadata.ts';
import { getAssemblyName } from '../../shared/model/assembly.ts';
import { STATUS_TEXT, compareNumbers } from '../../shared/procedure/procedureStatus.ts';
import { STATUS_ORDER } from './amendmentOverview.ts';
import type { SortKey, StatusFilter } from './amendmentOverview.ts';

export type ProcedureOverview = ApiResponse<'listProcedureOverview'>;
export type OverviewDocument = ProcedureOverview['documents'][number];
export type OverviewRow = OverviewDocument['rows'][number];

/** The ALV to overview, as the request names it, and how the dialog says it. */
export interface OverviewScope {
  match: { assembly: string; date: string } | null;
  /** "de ALV van 12 juni 2026", or "alle stukken in de documentenmap". */
  description: string;
}

/** The ALV of the open stuk `doc`: its assembly and date, or every stuk when it has no date. */
export function overviewScope(doc: Node): OverviewScope {
  const { assembly, date } = getMetadata(doc);
  if (!date) return { match: null, description: 'alle stukken in de documentenmap' };
  return {
    match: { assembly, date },
    description: `de ${getAssemblyName(assembly)} van ${formatDutchDate(date) ?? date}`,
  };
}

/** Whether the ALV still has to deal with it. */
function isToDecide(row: OverviewRow): boolean {
  return row.status === 'ingediend' || row.status === 'aangehouden';
}

/** Whether `row` is shown under `filter`. */
export function matchesFilter(row: OverviewRow, filter: StatusFilter): boolean {
  if (filter === 'alle') return true;
  if (filter === 'open') return isToDecide(row);
  return row.status === filter;
}

/** The filter's choices: all, the open ones, and each status that occurs in the overview. */
export function overviewStatusChoices(
  documents: readonly OverviewDocument[],
): [StatusFilter, string][] {
  const present = new Set(documents.flatMap((document) => document.rows.map((row) => row.status)));
  return [
    ['alle', 'Alle'],
    ['open', 'Nog te behandelen'],
    ...STATUS_ORDER.filter((status) => present.has(status)).map(
      (status): [StatusFilter, string] => [status, STATUS_TEXT[status]],
    ),
  ];
}

/** `rows` in the order of `key`, by number within the same indiener or status. */
export function sortOverviewRows(rows: readonly OverviewRow[], key: SortKey): OverviewRow[] {
  const byNumber = (a: OverviewRow, b: OverviewRow) => compareNumbers(a.number, b.number);
  const compare = {
    nummer: byNumber,
    indiener: (a: OverviewRow, b: OverviewRow) =>
      a.indiener.localeCompare(b.indiener, 'nl') || byNumber(a, b),
    status: (a: OverviewRow, b: OverviewRow) =>
      STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || byNumber(a, b),
  }[key];
  return [...rows].sort(compare);
}

/** One stuk as the dialog lists it: its rows filtered and sorted. */
export interface ShownDocument {
  document: OverviewDocument;
  rows: OverviewRow[];
}

/**
 * The stukken as the dialog lists them: resolutions first, then moties, each by title; their
 * rows filtered and sorted. With a filter, a stuk without a matching row is left out.
 */
export function arrangeOverview(
  documents: readonly OverviewDocument[],
  filter: StatusFilter,
  sort: SortKey,
): ShownDocument[] {
  const order = (document: OverviewDocument) => (document.kind === 'motie' ? 1 : 0);
  return [...documents]
    .sort(
      (a, b) =>
        order(a) - order(b) ||
        a.titleLine.localeCompare(b.titleLine, 'nl') ||
        a.name.localeCompare(b.name, 'nl'),
    )
    .map((document) => ({
      document,
      rows: sortOverviewRows(
        document.rows.filter((row) => matchesFilter(row, filter)),
        sort,
      ),
    }))
    .filter((shown) => filter === 'alle' || shown.rows.length > 0);
}

/** What the dialog says of the files it could not read, or of those it left out; '' when none. */
export function describeGaps(overview: ProcedureOverview): string {
  const parts: string[] = [];
  if (overview.unreadable.length > 0) {
    const names = overview.unreadable.map((file) => `‘${file.name}’`).join(', ');
    parts.push(
      overview.unreadable.length === 1
        ? `Eén bestand kon niet worden gelezen en ontbreekt: ${names}.`
        : `${overview.unreadable.length} bestanden konden niet worden gelezen en ontbreken: ${names}.`,
    );
  }
  if (overview.leftOut > 0) {
    parts.push(
      `De documentenmap heeft meer stukken dan het overzicht leest; ${overview.leftOut} ${overview.leftOut === 1 ? 'stuk is' : 'stukken zijn'} niet bekeken.`,
    );
  }
  return parts.join(' ');
}
