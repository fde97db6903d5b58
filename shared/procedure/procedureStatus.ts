/**
 * The procedure as the bestuur reads it: each indiening's status (derived, never stored), its
 * labels in Dutch, and the overview of a resolution's amendments with their preadvies and
 * besluit, the amendments that change the same text (flagged before the vote) and the places
 * whose text has changed since an amendment was made.
 */
import type { Node } from 'prosemirror-model';
import type { TrackedChange } from '../editor/suggestions/trackedChanges.ts';
import type {
  Advice,
  Outcome,
  ProcedureEntries,
  StoredAdvice,
  StoredDecision,
  SubmissionRecord,
  SubmissionTarget,
  Vote,
} from './procedureRecords.ts';
import { baseTextOf, findItemPlace } from './amendmentPlaces.ts';

/** Where an indiening stands in the procedure. */
export type SubmissionStatus =
  | 'concept'
  | 'ingediend'
  | 'ingetrokken'
  | 'aangehouden'
  | 'aangenomen'
  | 'verworpen'
  | 'overgenomen';

export const STATUS_TEXT: Record<SubmissionStatus, string> = {
  concept: 'Concept',
  ingediend: 'Ingediend',
  ingetrokken: 'Ingetrokken',
  aangehouden: 'Aangehouden',
  aangenomen: 'Aangenomen',
  verworpen: 'Verworpen',
  overgenomen: 'Overgenomen door het bestuur',
};

export const ADVICE_TEXT: Record<Advice, string> = {
  overnemen: 'Overnemen',
  ontraden: 'Ontraden',
  oordeel_alv: 'Oordeel ALV',
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  aangehouden: 'Aangehouden',
  aangenomen: 'Aangenomen',
  verworpen: 'Verworpen',
  overgenomen: 'Overgenomen door het bestuur',
};

/** The status of an indiening with its besluit (or null). A withdrawal stands unless decided. */
export function getSubmissionStatus(
  entry: SubmissionRecord,
  decision: StoredDecision | null,
): SubmissionStatus {
  if (decision && decision.outcome !== 'aangehouden') return decision.outcome;
  if (entry.withdrawn !== null) return 'ingetrokken';
  if (decision) return 'aangehouden';
  return entry.submitted === null ? 'concept' : 'ingediend';
}

/** Whether a status is final: the ALV or the indiener is done with it. */
export function isSettled(status: SubmissionStatus): boolean {
  return status !== 'concept' && status !== 'ingediend' && status !== 'aangehouden';
}

/** "amendement A1 van Utrecht". */
export function describeSubmission(
  entry: Pick<SubmissionRecord, 'kind' | 'number' | 'indiener'>,
): string {
  return `${entry.kind === 'amendement' ? 'Amendement' : 'Motie'} ${entry.number} van ${entry.indiener}`;
}

/** A vote as it reads: "28 voor, 3 tegen, 1 onthouding", "met algemene stemmen", or ''. */
export function formatVote(vote: Vote): string {
  if (vote === null) return '';
  if (vote === 'algemeen') return 'met algemene stemmen';
  const onthoudingen = vote.onthouding === 1 ? 'onthouding' : 'onthoudingen';
  return `${vote.voor} voor, ${vote.tegen} tegen, ${vote.onthouding} ${onthoudingen}`;
}

/** One line of the overview. */
export interface SubmissionRow {
  entry: SubmissionRecord;
  status: SubmissionStatus;
  advice: StoredAdvice | null;
  decision: StoredDecision | null;
  /** Its proposals as the document holds them now (pending ones; [] once decided). */
  changes: TrackedChange[];
  /** Places whose text changed since it was made (or deleted: `gone`). */
  changedPlaces: ChangedPlace[];
  /** Numbers of other open amendments that change the same text. */
  conflicts: string[];
  /**
   * Whether another indiening has the same number: two members who drafted at the same moment
   * each took the next free one. The bestuur gives one another number (renumberSubmission).
   */
  duplicateNumber: boolean;
}

/** A place an amendment was made on whose text is not what it was. */
export interface ChangedPlace {
  place: string;
  /** The text has been changed, or is no longer there. */
  gone: boolean;
}

/** Natural order of numbers: A2 before A10. */
export function compareNumbers(a: string, b: string): number {
  return a[0]!.localeCompare(b[0]!) || Number(a.slice(1)) - Number(b.slice(1));
}

/**
 * The overview of the procedure in a document: every indiening with its status, preadvies,
 * besluit, its proposals among `changes` (the document's pending changes), the places changed
 * since, and the conflicts between open amendments; in the order of their numbers.
 */
export function listSubmissions(
  doc: Node,
  entries: ProcedureEntries,
  changes: readonly TrackedChange[],
  findChanges: (entry: SubmissionRecord) => TrackedChange[],
): SubmissionRow[] {
  const rows: SubmissionRow[] = entries.submissions.map((entry) => {
    const decision = entries.decisions.get(entry.id) ?? null;
    const own = findChanges(entry);
    return {
      entry,
      status: getSubmissionStatus(entry, decision),
      advice: entries.advices.get(entry.id) ?? null,
      decision,
      changes: own,
      changedPlaces:
        entry.submitted !== null
          ? findChangedPlaces(
              doc,
              entry.targets,
              changes,
              isOpen(getSubmissionStatus(entry, decision)),
            )
          : [],
      conflicts: [],
      duplicateNumber: false,
    };
  });
  markConflicts(doc, rows);
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.entry.number, (counts.get(row.entry.number) ?? 0) + 1);
  for (const row of rows) row.duplicateNumber = counts.get(row.entry.number)! > 1;
  return rows.sort((a, b) => compareNumbers(a.entry.number, b.entry.number));
}

/**
 * The places an amendment was made on whose text differs now from what it was then (the item's
 * text before any proposal), or whose proposal is no longer in the document while the
 * amendment still waits for its besluit.
 */
export function findChangedPlaces(
  doc: Node,
  targets: readonly SubmissionTarget[],
  changes: readonly TrackedChange[],
  open = true,
): ChangedPlace[] {
  const found: ChangedPlace[] = [];
  const seen = new Set<string>();
  for (const target of targets) {
    const change = changes.find((candidate) => candidate.id === target.change);
    if (!change) {
      // Decided proposals leave the pending changes; an open amendment's should be there.
      if (open && !seen.has(target.place)) {
        seen.add(target.place);
        found.push({ place: target.place, gone: true });
      }
      continue;
    }
    const item = findItemPlace(doc, change.from + 1);
    if (!item) continue;
    // Named as it stands now: the bestuur may have renumbered the items since.
    const now = baseTextOf(item.item);
    if (now !== target.text && !seen.has(item.place)) {
      seen.add(item.place);
      found.push({ place: item.place, gone: false });
    }
  }
  return found;
}

/** Whether the ALV has still to decide on it. */
export function isOpen(status: SubmissionStatus): boolean {
  return status === 'ingediend' || status === 'aangehouden';
}

/** Open amendments (ingediend or aangehouden) whose proposals stand in the same item. */
function markConflicts(doc: Node, rows: SubmissionRow[]): void {
  const open = rows.filter((row) => isOpen(row.status));
  const itemsOf = new Map<SubmissionRow, Set<number>>();
  for (const row of open) {
    const items = new Set<number>();
    for (const change of row.changes) {
      const item = findItemPlace(doc, change.from + 1);
      items.add(item ? item.itemPos : -1 - change.from);
    }
    itemsOf.set(row, items);
  }
  for (const row of open) {
    for (const other of open) {
      if (other === row) continue;
      const mine = itemsOf.get(row)!;
      if ([...itemsOf.get(other)!].some((pos) => mine.has(pos)))
        row.conflicts.push(other.entry.number);
    }
    row.conflicts.sort(compareNumbers);
  }
}
