/**
 * The amendments panel's reading of the procedure (shared/procedure/procedureStatus.ts): the
 * rows of the overview with each amendment's proposals among the editor's pending changes, the
 * filter and the order the user chose, the conflicts said in words ("A1 en A3 wijzigen dezelfde
 * tekst"), which amendment a proposal belongs to (for the changes panel), the user's own
 * amendment, a vote as typed in the Besluit dialog, and the name an amendment's file gets.
 *
 * Plain functions of the document, the entries and the changes: no editor, no Yjs, no React.
 */
import type { Node } from 'prosemirror-model';
import type { TrackedChange } from '../../shared/editor/suggestions/trackedChanges.ts';
import type { ProcedureEntries, Vote } from '../../shared/procedure/procedureRecords.ts';
import { findSubmissionChanges } from '../../shared/procedure/procedureStore.ts';
import {
  STATUS_TEXT,
  compareNumbers,
  listSubmissions,
} from '../../shared/procedure/procedureStatus.ts';
import type {
  ChangedPlace,
  SubmissionRow,
  SubmissionStatus,
} from '../../shared/procedure/procedureStatus.ts';
import { findItemPlace } from '../../shared/procedure/amendmentPlaces.ts';

/** The overview of `entries` on `doc`, whose pending changes are `changes`, by number. */
export function buildRows(
  doc: Node,
  entries: ProcedureEntries,
  changes: readonly TrackedChange[],
): SubmissionRow[] {
  return listSubmissions(doc, entries, changes, (entry) =>
    findSubmissionChanges(entry, entries.submissions, changes),
  );
}

/** Which rows the panel shows: all, the open ones (still to be decided), or one status. */
export type StatusFilter = 'alle' | 'open' | SubmissionStatus;

/** The order of the list. */
export type SortKey = 'nummer' | 'indiener' | 'status';

export const SORT_LABELS: Record<SortKey, string> = {
  nummer: 'Nummer',
  indiener: 'Indiener',
  status: 'Status',
};

/** The statuses in the order of the procedure, as the filter and the sort by status use it. */
export const STATUS_ORDER: readonly SubmissionStatus[] = [
  'concept',
  'ingediend',
  'aangehouden',
  'aangenomen',
  'overgenomen',
  'verworpen',
  'ingetrokken',
];

/** The filter's choices with their labels: all, open, then each status that occurs in `rows`. */
export function statusChoices(rows: readonly SubmissionRow[]): [StatusFilter, string][] {
  const present = new Set(rows.map((row) => row.status));
  return [
    ['alle', 'Alle'],
    ['open', 'Nog te behandelen'],
    ...STATUS_ORDER.filter((status) => present.has(status)).map(
      (status): [StatusFilter, string] => [status, STATUS_TEXT[status]],
    ),
  ];
}

/** The indieners of `rows` (each gemeente once, co-indieners included), in alphabetical order. */
export function indienerChoices(rows: readonly SubmissionRow[]): string[] {
  const names = new Set(rows.flatMap((row) => [row.entry.indiener, ...row.entry.coIndieners]));
  return [...names].sort((a, b) => a.localeCompare(b, 'nl'));
}

/** Whether the ALV has still to deal with it: ingediend or aangehouden. */
function isToDecide(status: SubmissionStatus): boolean {
  return status === 'ingediend' || status === 'aangehouden';
}

/** The rows the filter lets through; `indiener` null for every gemeente. */
export function filterRows(
  rows: readonly SubmissionRow[],
  filter: { status: StatusFilter; indiener: string | null },
): SubmissionRow[] {
  return rows.filter((row) => {
    if (filter.status === 'open' && !isToDecide(row.status)) return false;
    if (filter.status !== 'open' && filter.status !== 'alle' && row.status !== filter.status) {
      return false;
    }
    const { indiener, coIndieners } = row.entry;
    if (filter.indiener === null) return true;
    return indiener === filter.indiener || coIndieners.includes(filter.indiener);
  });
}

/** The rows in the chosen order; ties by number. */
export function sortRows(rows: readonly SubmissionRow[], key: SortKey): SubmissionRow[] {
  const byNumber = (a: SubmissionRow, b: SubmissionRow) =>
    compareNumbers(a.entry.number, b.entry.number);
  const compare = {
    nummer: byNumber,
    indiener: (a: SubmissionRow, b: SubmissionRow) =>
      a.entry.indiener.localeCompare(b.entry.indiener, 'nl') || byNumber(a, b),
    status: (a: SubmissionRow, b: SubmissionRow) =>
      STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || byNumber(a, b),
  }[key];
  return [...rows].sort(compare);
}

/** "A1 en A3", "A1, A2 en A4". */
export function joinNumbers(numbers: readonly string[]): string {
  if (numbers.length <= 1) return numbers.join('');
  return `${numbers.slice(0, -1).join(', ')} en ${numbers[numbers.length - 1]}`;
}

/**
 * The conflicts between open amendments, in words, one line per place that more than one of
 * them changes: "A1 en A3 wijzigen dezelfde tekst (punt 3 onder ‘Spreekt uit’)". The ALV votes
 * on them knowing that adopting one may change the text the other is about.
 */
export function describeConflicts(doc: Node, rows: readonly SubmissionRow[]): string[] {
  const byPlace = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.conflicts.length === 0) continue;
    for (const change of row.changes) {
      const place = findItemPlace(doc, change.from + 1);
      if (!place) continue;
      const key = `${place.itemPos}\u0000${place.place}`;
      const numbers = byPlace.get(key) ?? new Set<string>();
      numbers.add(row.entry.number);
      byPlace.set(key, numbers);
    }
  }
  const lines: string[] = [];
  for (const [key, numbers] of byPlace) {
    if (numbers.size < 2) continue;
    const place = key.slice(key.indexOf('\u0000') + 1);
    const sorted = [...numbers].sort(compareNumbers);
    lines.push(`${joinNumbers(sorted)} wijzigen dezelfde tekst (${place}).`);
  }
  // Open amendments on the same item with no place (outside the clauses) still conflict.
  if (lines.length === 0) {
    const pairs = new Set<string>();
    for (const row of rows) {
      for (const other of row.conflicts) {
        const pair = [row.entry.number, other].sort(compareNumbers);
        pairs.add(pair.join('\u0000'));
      }
    }
    for (const pair of pairs)
      lines.push(`${joinNumbers(pair.split('\u0000'))} wijzigen dezelfde tekst.`);
  }
  return lines;
}

/** "punt 3 onder ‘Spreekt uit’; punt 1 onder ‘Overwegende dat’ (niet meer in de tekst)". */
export function describeChangedPlaces(places: readonly ChangedPlace[]): string {
  return places
    .map((place) => (place.gone ? `${place.place} (niet meer in de tekst)` : place.place))
    .join('; ');
}

/** For each pending proposal that belongs to an amendment, that amendment's number. */
export function amendmentNumbersByChange(rows: readonly SubmissionRow[]): Map<string, string> {
  const numbers = new Map<string, string>();
  for (const row of rows) {
    if (row.entry.kind !== 'amendement' || row.status === 'ingetrokken') continue;
    for (const change of row.changes) numbers.set(change.id, row.entry.number);
  }
  return numbers;
}

/**
 * The amendment `name` is working on: their concept (the one that gathers their proposals,
 * the oldest), else the one they submitted last that the ALV has still to deal with; null when
 * there is none.
 */
export function findOwnAmendment(
  rows: readonly SubmissionRow[],
  name: string,
): SubmissionRow | null {
  const own = rows.filter((row) => row.entry.kind === 'amendement' && row.entry.author === name);
  const concepts = own
    .filter((row) => row.status === 'concept')
    .sort((a, b) => a.entry.created - b.entry.created || a.entry.id.localeCompare(b.entry.id));
  if (concepts.length > 0) return concepts[0]!;
  const open = own
    .filter((row) => isToDecide(row.status))
    .sort((a, b) => (b.entry.submitted ?? 0) - (a.entry.submitted ?? 0));
  return open[0] ?? null;
}

/** Characters a file name in the documents folder may not hold (the host's rule). */
const NOT_IN_NAME = /[<>:"|?*/\\]/g;
const MAX_NAME = 120;

/** Whether `char` is a control character, which no file name holds. */
function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/**
 * The name an amendment's file is suggested under: "Amendement Utrecht op Ruimte voor
 * woningbouw", without characters a file name cannot hold and at most 120 characters.
 */
export function amendmentFileName(indiener: string, resolutionTitle: string | null): string {
  const title = resolutionTitle?.trim() ? ` op ${resolutionTitle.trim()}` : '';
  let name = [...`Amendement ${indiener}${title}`.replace(NOT_IN_NAME, ' ')]
    .map((char) => (isControl(char) ? ' ' : char))
    .join('');
  name = name
    .replace(/\.{2,}/g, '.')
    .replace(/\s+/g, ' ')
    .trim();
  if ([...name].length > MAX_NAME) name = [...name].slice(0, MAX_NAME).join('').trimEnd();
  // The host refuses a name that ends in a dot (Windows would drop it).
  return name.replace(/[\s.]+$/, '');
}

/** What the Besluit dialog's vote fields hold. */
export interface VoteFields {
  unanimous: boolean;
  voor: string;
  tegen: string;
  onthouding: string;
}

/**
 * The vote the fields give, or a Dutch message saying what is wrong with them. Empty counts are
 * 0 (an ALV without abstentions); a count is a whole number of at most nine digits.
 */
export function readVote(fields: VoteFields): { vote: Vote } | { problem: string } {
  if (fields.unanimous) return { vote: 'algemeen' };
  const counts: number[] = [];
  for (const [label, text] of [
    ['voor', fields.voor],
    ['tegen', fields.tegen],
    ['onthouding', fields.onthouding],
  ] as const) {
    const trimmed = text.trim();
    if (trimmed === '') {
      counts.push(0);
      continue;
    }
    if (!/^\d{1,9}$/.test(trimmed)) {
      return { problem: `Vul bij “${label}” een heel getal in (0 of meer).` };
    }
    counts.push(Number(trimmed));
  }
  const [voor, tegen, onthouding] = counts as [number, number, number];
  if (voor + tegen + onthouding === 0) {
    return {
      problem: 'Vul de stemmen in (voor, tegen, onthouding), of kies “Met algemene stemmen”.',
    };
  }
  return { vote: { voor, tegen, onthouding } };
}
