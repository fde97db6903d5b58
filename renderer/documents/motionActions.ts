/**
 * A motie "vreemd aan de orde" in the window: a document whose kind is motie is itself the
 * motie, and its procedure is its own `stuk:` entry (kind 'motie', number M1 …) in the
 * document's procedure map. "Motie indienen" makes that entry and submits it at once: a motie
 * has no proposals in a text and no separate motivation (its own Toelichting says why), so
 * there is no concept to draft. Preadvies, besluit and withdrawing then work as for an
 * amendment (amendmentActions.ts), without any decision on the text.
 */
import type { Node } from 'prosemirror-model';
import { getMetadata } from '../../shared/editor/queries/getMetadata.ts';
import type { SubmissionRow } from '../../shared/procedure/procedureStatus.ts';
import { MAX_TITLE_LENGTH } from '../../shared/procedure/procedureRecords.ts';
import { createSubmission, submitSubmission } from '../../shared/procedure/procedureStore.ts';
import type { ProcedureWriter } from '../../shared/procedure/procedureStore.ts';
import type { DocumentYDoc } from './OpenDocument.ts';

/** Who submits the motie: the gemeente and its co-indieners. */
export interface MotionFields {
  indiener: string;
  coIndieners: readonly string[];
}

/** Whether `doc` is a motie (its gegevens say so). */
export function isMotionDocument(doc: Node): boolean {
  return getMetadata(doc).kind === 'motie';
}

/**
 * The gemeente the motie's gegevens name as indiener, to fill in, as the procedure names it
 * ("gemeente Oudewater (mede namens …)" → "Oudewater"): '' when none is set, or when it is the
 * bestuur (a motie comes from members).
 */
export function suggestedIndiener(doc: Node): string {
  const submitter = (getMetadata(doc).submitter ?? '')
    .replace(/\(.*$/s, '')
    .replace(/^\s*gemeente\s+/i, '')
    .trim();
  return submitter.toLowerCase() === 'bestuur' ? '' : submitter;
}

/**
 * The motie's own row among the document's rows: the one not withdrawn, else the last one
 * withdrawn (a withdrawn motie may be submitted again), or null before it is submitted.
 */
export function findMotionRow(rows: readonly SubmissionRow[]): SubmissionRow | null {
  const moties = rows.filter((row) => row.entry.kind === 'motie');
  const standing = moties.find((row) => row.status !== 'ingetrokken');
  if (standing) return standing;
  const withdrawn = [...moties].sort((a, b) => (b.entry.withdrawn ?? 0) - (a.entry.withdrawn ?? 0));
  return withdrawn[0] ?? null;
}

/** Whether the motie can be submitted now: it has no entry yet, or its last was withdrawn. */
export function canSubmitMotion(rows: readonly SubmissionRow[]): boolean {
  const row = findMotionRow(rows);
  return row === null || row.status === 'ingetrokken';
}

/**
 * Submits the motie `doc` is (the document `ydoc` holds) by `fields.indiener`: its entry,
 * named by the stuk's title, made and submitted in one go. Returns its id. Throws a
 * ProcedureError (Dutch) when the store refuses what is filled in; nothing is then written.
 */
export function submitMotion(
  ydoc: DocumentYDoc,
  doc: Node,
  fields: MotionFields,
  writer: ProcedureWriter,
): string {
  const title = getMetadata(doc).title.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_LENGTH);
  const id = createSubmission(
    ydoc,
    doc,
    'motie',
    { indiener: fields.indiener, coIndieners: fields.coIndieners, title, motivation: '' },
    writer,
  );
  // A fresh motie of the writer's own, with nothing to fix: submitting it cannot be refused.
  submitSubmission(ydoc, doc, [], id, writer);
  return id;
}
