/**
 * The stukken of the ALV's procedure, read for print: a resolution's amendments in the standard
 * form, its text "zoals geamendeerd" and the rows of the preadviezen overview. Print does not
 * know the procedure (shared/print may not import it), so this reads the resolution's Yjs
 * document (shared/procedure) and gives print plain text, its labels in Dutch. The command line
 * and the host's print handler both print through it.
 */
import type * as Y from 'yjs';
import type { Node } from 'prosemirror-model';
import { getTrackedChanges } from '../../../shared/editor/suggestions/trackedChanges.ts';
import { EditorState } from 'prosemirror-state';
import { getAcceptedDoc } from '../../../shared/editor/suggestions/acceptedDoc.ts';
import { rejectChanges } from '../../../shared/editor/suggestions/trackedChanges.ts';
import {
  formatTitleLine,
  getMetadataText,
} from '../../../shared/editor/queries/getMetadataText.ts';
import type { MetadataText } from '../../../shared/editor/queries/getMetadataText.ts';
import { readProcedureEntries } from '../../../shared/procedure/procedureRecords.ts';
import type { SubmissionTarget } from '../../../shared/procedure/procedureRecords.ts';
import { findSubmissionChanges } from '../../../shared/procedure/procedureStore.ts';
import {
  ADVICE_TEXT,
  OUTCOME_LABELS,
  STATUS_TEXT,
  formatVote,
  listSubmissions,
} from '../../../shared/procedure/procedureStatus.ts';
import type { SubmissionRow } from '../../../shared/procedure/procedureStatus.ts';
import { describeAmendmentChanges } from '../../../shared/procedure/amendmentInstructions.ts';
import { joinAnd } from '../../../shared/sentences.ts';
import { findItemPlace } from '../../../shared/procedure/amendmentPlaces.ts';
import type { PrintedAmendment } from '../../../shared/print/renderAmendment.ts';
import type { AmendedMarks } from '../../../shared/print/amendedText.ts';
import type {
  PreadviesRow,
  PreadviesSection,
  PreadviezenOptions,
} from '../../../shared/print/renderPreadviezen.ts';

/** A stuk with its procedure, read once. */
export interface StukProcedure {
  /** The document as it stands (its pending proposals in it). */
  doc: Node;
  /**
   * The stuk's own text: the document without the pending proposals of amendments the ALV has
   * not adopted (concepts, submitted, aangehouden, verworpen or withdrawn ones whose proposals
   * are still there). What the stuk prints, exports and shows as, with its other pending
   * changes accepted as ever: an amendment is not the bestuur's text until the ALV adopts it,
   * and prints on its own pages in the standard form. Proposals of adopted amendments stay, to
   * be accepted with the rest.
   */
  text: Node;
  /** Its metadata as its own text reads with its pending changes accepted. */
  metadata: MetadataText;
  /** Every indiening, with status, preadvies and besluit, in number order. */
  rows: SubmissionRow[];
}

/** The procedure of the stuk in `ydoc` (`doc`, as read from it); throws InvalidDocumentError. */
export function readStukProcedure(ydoc: Y.Doc, doc: Node): StukProcedure {
  const entries = readProcedureEntries(ydoc);
  const changes = getTrackedChanges(doc);
  const rows = listSubmissions(doc, entries, changes, (entry) =>
    findSubmissionChanges(entry, entries.submissions, changes),
  );
  const text = leaveOutOpenAmendments(doc, rows);
  return { doc, text, metadata: getMetadataText(getAcceptedDoc(text)), rows };
}

function leaveOutOpenAmendments(doc: Node, rows: readonly SubmissionRow[]): Node {
  const ids = new Set<string>();
  for (const row of rows) {
    if (row.entry.kind !== 'amendement') continue;
    if (row.status === 'aangenomen' || row.status === 'overgenomen') continue;
    for (const change of row.changes) ids.add(change.id);
  }
  if (ids.size === 0) return doc;
  let text = doc;
  rejectChanges((change) => ids.has(change.id), { removeEmptied: true })(
    EditorState.create({ doc }),
    (tr) => (text = tr.doc),
  );
  return text;
}

/** The amendment of `procedure` with `number` (A1, any case) or id, or null. */
export function findAmendment(procedure: StukProcedure, key: string): SubmissionRow | null {
  const wanted = key.trim();
  return (
    procedure.rows.find(
      (row) =>
        row.entry.kind === 'amendement' &&
        (row.entry.id === wanted || row.entry.number === wanted.toUpperCase()),
    ) ?? null
  );
}

/**
 * The amendments that go out with the resolution (in the bundle): submitted and not withdrawn,
 * in number order.
 */
export function listIssuedAmendments(procedure: StukProcedure): SubmissionRow[] {
  return procedure.rows.filter(
    (row) =>
      row.entry.kind === 'amendement' && row.status !== 'concept' && row.status !== 'ingetrokken',
  );
}

/** An amendment of `procedure` as print takes it. */
export function toPrintedAmendment(procedure: StukProcedure, row: SubmissionRow): PrintedAmendment {
  const { entry, advice, decision } = row;
  return {
    number: entry.number,
    indiener: entry.indiener,
    coIndieners: entry.coIndieners,
    subject: entry.title,
    resolution: procedure.metadata.title,
    assembly: procedure.metadata.assembly,
    date: procedure.metadata.date,
    // Once decided, its proposals are gone from the text: the instructions as they read then.
    instructions:
      row.changes.length === 0 && decision && decision.instructions.length > 0
        ? decision.instructions
        : describeAmendmentChanges(procedure.doc, row.changes),
    instructionsNote:
      row.changes.length === 0 && !(decision && decision.instructions.length > 0)
        ? describeDecidedChanges(row)
        : '',
    motivation: entry.motivation,
    status: STATUS_TEXT[row.status],
    concept: row.status === 'concept',
    advice: advice ? { label: ADVICE_TEXT[advice.advice], reasoning: advice.reasoning } : null,
    decision: decision
      ? { label: OUTCOME_LABELS[decision.outcome], vote: formatVote(decision.vote) }
      : null,
  };
}

/**
 * What the print says of an amendment whose proposals are no longer pending: once decided, its
 * deletions are gone from the text (accepted) or plain again (rejected), so its instructions
 * cannot be read back; the places it was made on still can.
 */
function describeDecidedChanges(row: SubmissionRow): string {
  const places = [...new Set(row.entry.targets.map((target) => target.place))];
  const where = places.length > 0 ? ` Het betrof ${joinAnd(places)}.` : '';
  switch (row.status) {
    case 'aangenomen':
    case 'overgenomen':
      return `De wijzigingen van dit amendement zijn in de resolutie verwerkt; zie de resolutie zoals geamendeerd.${where}`;
    case 'verworpen':
      return `Dit amendement is verworpen; zijn wijzigingen staan niet meer als voorstel in de resolutie.${where}`;
    case 'ingetrokken':
      return `Dit amendement is ingetrokken; zijn wijzigingen staan niet meer als voorstel in de resolutie.${where}`;
    default:
      return `De voorstellen van dit amendement staan niet meer in de resolutie.${where}`;
  }
}

/**
 * The rows of the preadviezen overview for the indieningen of `procedure` of `kind` (not the
 * concepts). A motie without a subject of its own is named by the title of the stuk it is.
 */
export function toPreadviesRows(
  procedure: StukProcedure,
  kind: 'amendement' | 'motie',
): PreadviesRow[] {
  return procedure.rows
    .filter((row) => row.entry.kind === kind && row.status !== 'concept')
    .map((row) => ({
      number: row.entry.number,
      indiener: row.entry.indiener,
      coIndieners: row.entry.coIndieners,
      subject: row.entry.title || (kind === 'motie' ? (procedure.metadata.title ?? '') : ''),
      advice: row.advice ? ADVICE_TEXT[row.advice.advice] : null,
      reasoning: row.advice?.reasoning ?? '',
      status: STATUS_TEXT[row.status],
      vote: row.decision ? formatVote(row.decision.vote) : '',
    }));
}

/** The heading of the moties that belong to no resolution. */
export const MOTIES_HEADING = 'Moties vreemd aan de orde';

/**
 * The preadviezen overview of stukken: per resolution (a stuk with amendments, or no motie) a
 * section of its amendments, then the moties of all of them in one section; the assembly and
 * date are the first stuk's.
 */
export function toPreadviezen(
  procedures: readonly StukProcedure[],
): Omit<PreadviezenOptions, 'fontCss'> {
  const sections: PreadviesSection[] = [];
  const moties: PreadviesRow[] = [];
  for (const procedure of procedures) {
    const amendments = toPreadviesRows(procedure, 'amendement');
    const ownMoties = toPreadviesRows(procedure, 'motie');
    moties.push(...ownMoties);
    const isMotie =
      procedure.metadata.kind === 'motie' ||
      procedure.rows.some((row) => row.entry.kind === 'motie');
    if (amendments.length > 0 || !isMotie) {
      sections.push({ heading: formatTitleLine(procedure.metadata), rows: amendments });
    }
  }
  if (moties.length > 0) sections.push({ heading: MOTIES_HEADING, rows: moties });
  const first = procedures[0]?.metadata;
  return { assembly: first?.assembly ?? 'ALV', date: first?.date ?? null, sections };
}

/**
 * What print needs to mark the adopted amendments (aangenomen, or overgenomen door het bestuur)
 * in the resolution zoals geamendeerd: their change ids with their numbers, and where the ones
 * already accepted deleted text (see `locateTarget`).
 */
export function getAmendedMarks(procedure: StukProcedure): AmendedMarks {
  const numbers = new Map<string, string>();
  const deletions: { pos: number; number: string }[] = [];
  const present = findChangeIds(procedure.doc);
  for (const row of procedure.rows) {
    if (row.status !== 'aangenomen' && row.status !== 'overgenomen') continue;
    for (const id of row.entry.changes) numbers.set(id, row.entry.number);
    // A proposal of which nothing is left in the text: a deletion the editor accepted.
    for (const target of row.entry.targets) {
      if (present.has(target.change)) continue;
      const pos = locateTarget(procedure.doc, target);
      if (pos !== null) deletions.push({ pos, number: row.entry.number });
    }
  }
  return { numbers, deletions };
}

/** Every change id the document still holds: on text (pending or accepted) and on items. */
function findChangeIds(doc: Node): Set<string> {
  const ids = new Set<string>();
  doc.descendants((node) => {
    const change = node.attrs.change as { id?: string } | null | undefined;
    if (change?.id) ids.add(change.id);
    for (const mark of node.marks) {
      if (mark.type.name === 'insertion' || mark.type.name === 'deletion') {
        ids.add(mark.attrs.id as string);
      }
    }
    return true;
  });
  return ids;
}

/**
 * Where the item an accepted deletion was made in stands now: the item whose words are most
 * like the item's text then (`target.text`, before any proposal), of those at least 60% alike
 * (deleting a few words leaves far more);
 * failing that, the item now named as the target's place ("punt 3 onder ‘Spreekt uit’"), which
 * after a deleted punt is the one that took its number. A position inside it, or null.
 */
export function locateTarget(doc: Node, target: SubmissionTarget): number | null {
  let best: { pos: number; score: number } | null = null;
  let byPlace: number | null = null;
  doc.descendants((node, pos) => {
    if (node.type.name !== 'item') return !node.isTextblock;
    const place = findItemPlace(doc, pos + 1);
    if (place?.place === target.place && byPlace === null) byPlace = pos + 1;
    const score = similarity(node.textContent, target.text);
    if (score >= MIN_LIKENESS && (best === null || score > best.score))
      best = { pos: pos + 1, score };
    return false;
  });
  return (best as { pos: number } | null)?.pos ?? byPlace;
}

/** How alike an item must be to the text it had to count as the same item. */
const MIN_LIKENESS = 0.6;

/** How alike two texts are by their words (Dice coefficient of the word multisets), 0 to 1. */
function similarity(a: string, b: string): number {
  const words = (text: string) => text.toLocaleLowerCase('nl').match(/[\p{L}\p{N}]+/gu) ?? [];
  const left = words(a);
  const right = words(b);
  if (left.length === 0 || right.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const word of left) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of right) {
    const count = counts.get(word) ?? 0;
    if (count > 0) {
      shared += 1;
      counts.set(word, count - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}
