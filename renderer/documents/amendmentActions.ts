/**
 * What the window does with an amendment, on the open document's Y.Doc (the procedure map,
 * through shared/procedure/procedureStore.ts) and in the editor (its proposals, through the
 * tracked-changes commands): a member makes one, writes its motivation and submits it; the
 * bestuur records a preadvies and the besluit; the indiener or the bestuur withdraws it.
 *
 * A besluit changes the text as well: "aangenomen" and "overgenomen" accept the amendment's
 * proposals, "verworpen" rejects them, and so does withdrawing. The record is written first:
 * when the store refuses it (a ProcedureError, with its Dutch message), nothing changes. The
 * decision on the text follows at once and is not undone by Ctrl+Z: a besluit is recorded once
 * and the procedure's entries are never removed (the sync server refuses it), so undoing the
 * text alone would leave an adopted amendment with its proposals pending again.
 */
import type { EditorState, Transaction } from 'prosemirror-state';
import {
  acceptChanges,
  getStateChanges,
  rejectChanges,
} from '../../shared/editor/suggestions/trackedChanges.ts';
import type { TrackedChange } from '../../shared/editor/suggestions/trackedChanges.ts';
import { markOwnWithdrawal } from '../../shared/editor/suggestions/suggestionMode.ts';
import { readProcedureEntries } from '../../shared/procedure/procedureRecords.ts';
import type { Advice, Outcome, Vote } from '../../shared/procedure/procedureRecords.ts';
import {
  ProcedureError,
  createSubmission,
  findSubmissionChanges,
  recordAdvice,
  recordDecision,
  submitSubmission,
  updateSubmission,
  withdrawSubmission,
} from '../../shared/procedure/procedureStore.ts';
import type { ProcedureWriter, SubmissionFields } from '../../shared/procedure/procedureStore.ts';
import type { DocumentYDoc } from './OpenDocument.ts';

export { ProcedureError };

/** The part of the editor the actions use (an EditorView is one). */
export interface AmendmentEditor {
  readonly state: EditorState;
  dispatch(tr: Transaction): void;
}

/** The proposals amendment `id` holds among the editor's pending changes. */
export function findAmendmentChanges(
  ydoc: DocumentYDoc,
  state: EditorState,
  id: string,
): TrackedChange[] {
  const { submissions } = readProcedureEntries(ydoc);
  const entry = submissions.find((candidate) => candidate.id === id);
  return entry ? findSubmissionChanges(entry, submissions, getStateChanges(state)) : [];
}

/** Makes a new amendment (concept) by `writer` on the editor's resolution; returns its id. */
export function createAmendment(
  ydoc: DocumentYDoc,
  editor: AmendmentEditor,
  fields: SubmissionFields,
  writer: ProcedureWriter,
): string {
  return createSubmission(ydoc, editor.state.doc, 'amendement', fields, writer);
}

/** Keeps the motivation (Toelichting) of the writer's amendment `id`, when it changed. */
export function saveMotivation(
  ydoc: DocumentYDoc,
  id: string,
  motivation: string,
  writer: ProcedureWriter,
): void {
  const entry = readProcedureEntries(ydoc).submissions.find((candidate) => candidate.id === id);
  if (!entry) throw new ProcedureError('Dit amendement bestaat niet (meer) in dit stuk.');
  if (entry.motivation === motivation.replace(/\r\n?/g, '\n').trim()) return;
  updateSubmission(ydoc, id, { ...entry, motivation }, writer);
}

/** Submits amendment `id` with `motivation`: its proposals in the editor are fixed in it. */
export function submitAmendment(
  ydoc: DocumentYDoc,
  editor: AmendmentEditor,
  id: string,
  motivation: string,
  writer: ProcedureWriter,
): void {
  saveMotivation(ydoc, id, motivation, writer);
  submitSubmission(ydoc, editor.state.doc, getStateChanges(editor.state), id, writer);
}

/** Records the bestuur's preadvies on amendment `id`. */
export function adviseAmendment(
  ydoc: DocumentYDoc,
  id: string,
  advice: Advice,
  reasoning: string,
  writer: ProcedureWriter,
): void {
  recordAdvice(ydoc, id, advice, reasoning, writer);
}

/** What a besluit or a withdrawal did to the text. */
export interface TextDecision {
  /** How many of the amendment's proposals were accepted, and how many rejected. */
  accepted: number;
  rejected: number;
}

/**
 * Records the besluit on amendment `id` and decides its proposals in the text: accepted when
 * it is aangenomen or overgenomen, rejected when it is verworpen; aangehouden leaves them.
 * `inSession`: a decision then never removes an item it empties (a colleague may be typing in
 * it), as the changes panel does.
 */
export function decideAmendment(
  ydoc: DocumentYDoc,
  editor: AmendmentEditor,
  id: string,
  outcome: Outcome,
  vote: Vote,
  writer: ProcedureWriter,
  inSession: boolean,
): TextDecision {
  const ids = new Set(findAmendmentChanges(ydoc, editor.state, id).map((change) => change.id));
  recordDecision(ydoc, id, outcome, vote, writer);
  if (outcome === 'aangehouden' || ids.size === 0) return { accepted: 0, rejected: 0 };
  const options = { removeEmptied: !inSession };
  const filter = (change: { id: string }) => ids.has(change.id);
  const accept = outcome === 'aangenomen' || outcome === 'overgenomen';
  const command = accept ? acceptChanges(filter, options) : rejectChanges(filter, options);
  command(editor.state, (tr) => editor.dispatch(outsideUndo(tr)));
  return accept ? { accepted: ids.size, rejected: 0 } : { accepted: 0, rejected: ids.size };
}

/**
 * Withdraws amendment `id` and takes its proposals out of the text. By its author (their own
 * proposals, withdrawn whole, as "Intrekken" in the changes panel does; the one decision a
 * voorsteller's editor lets through), or by the bestuur on the indiener's behalf (`onBehalf`).
 */
export function withdrawAmendment(
  ydoc: DocumentYDoc,
  editor: AmendmentEditor,
  id: string,
  writer: ProcedureWriter,
  options: { onBehalf: boolean; inSession: boolean },
): TextDecision {
  const ids = new Set(findAmendmentChanges(ydoc, editor.state, id).map((change) => change.id));
  withdrawSubmission(ydoc, id, writer, { onBehalf: options.onBehalf });
  if (ids.size === 0) return { accepted: 0, rejected: 0 };
  const filter = (change: { id: string }) => ids.has(change.id);
  if (options.onBehalf) {
    rejectChanges(filter, { removeEmptied: !options.inSession })(editor.state, (tr) =>
      editor.dispatch(outsideUndo(tr)),
    );
  } else {
    rejectChanges(filter, { removeEmptied: true })(editor.state, (tr) =>
      editor.dispatch(outsideUndo(markOwnWithdrawal(tr))),
    );
  }
  return { accepted: 0, rejected: ids.size };
}

/** A decision that goes with a record of the procedure: Ctrl+Z does not take it back alone. */
function outsideUndo(tr: Transaction): Transaction {
  return tr.setMeta('addToHistory', false);
}
