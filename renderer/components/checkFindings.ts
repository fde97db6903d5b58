/**
 * The Controle panel's reading of the checks (shared/checks/): what the engine is told beside
 * the document (pending proposals, amendments whose text changed since), a key per finding that
 * survives typing elsewhere, and the finding a stale one became once the document changed.
 *
 * Plain functions of the editor state and the procedure's rows: no React, no DOM.
 */
import type { Node } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import type { CheckContext, Finding } from '../../shared/checks/checkTypes.ts';
import { getMetadata } from '../../shared/editor/queries/getMetadata.ts';
import { getStateChanges } from '../../shared/editor/suggestions/trackedChanges.ts';
import { isOpen } from '../../shared/procedure/procedureStatus.ts';
import type { SubmissionRow } from '../../shared/procedure/procedureStatus.ts';

/** The part of a procedure row the checks read (SubmissionRow has it). */
export type AmendmentRow = Pick<SubmissionRow, 'status' | 'changedPlaces'> & {
  entry: Pick<SubmissionRow['entry'], 'number' | 'kind'>;
};

/**
 * The amendments the ALV has still to decide whose target text changed since they were made,
 * one entry per place, as the checks' context names them.
 */
export function getChangedAmendments(
  rows: readonly AmendmentRow[],
): NonNullable<CheckContext['changedAmendments']> {
  return rows
    .filter((row) => row.entry.kind === 'amendement' && isOpen(row.status))
    .flatMap((row) =>
      row.changedPlaces.map((place) => ({
        number: row.entry.number,
        place: place.place,
        gone: place.gone,
      })),
    );
}

/** What the checks know beside the document in `state`. */
export function getCheckContext(state: EditorState, rows: readonly AmendmentRow[]): CheckContext {
  return {
    pendingProposals: getStateChanges(state).length,
    changedAmendments: getChangedAmendments(rows),
  };
}

/**
 * A string that changes when the amendments' part of the context does: the panel checks again
 * when an amendment is decided or its text changes, not only when the document does.
 */
export function getAmendmentsKey(rows: readonly AmendmentRow[]): string {
  return getChangedAmendments(rows)
    .map((changed) => `${changed.number}\u0000${changed.place}\u0000${changed.gone ? 1 : 0}`)
    .join('\u0001');
}

/**
 * A key per finding for the list: its rule, its place and its number among findings of that
 * rule at that place. Keyed by position, every finding after the cursor would get a new key on
 * each keystroke, and React would rebuild the whole list.
 */
export function getFindingKeys(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const base = `${finding.rule}\u0000${finding.place}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}\u0000${n}`;
  });
}

/**
 * The finding in `fresh` (the checks run on the document as it is now) that `stale` (from an
 * earlier run, its positions maybe moved) stands for: the same rule at the same place saying
 * the same, else the same rule at the same place; null when it is gone.
 */
export function findAgain(stale: Finding, fresh: readonly Finding[]): Finding | null {
  const same = fresh.filter(
    (finding) => finding.rule === stale.rule && finding.place === stale.place,
  );
  if (same.length === 0) return null;
  return same.find((finding) => finding.message === stale.message) ?? same[0]!;
}

/**
 * How many findings an export of `doc` should warn about: those left in a stuk whose status
 * is "definitief"; 0 for a stuk still being drafted, whose findings are work in progress.
 */
export function countExportWarnings(doc: Node, findings: readonly Finding[]): number {
  return getMetadata(doc).status === 'definitief' ? findings.length : 0;
}
