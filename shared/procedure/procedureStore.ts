/**
 * Writing the procedure (procedureRecords.ts): an indiener makes, edits, submits and withdraws
 * an amendment; the bestuur records its preadvies, and the ALV's besluit. Each is one Yjs
 * transaction on the procedure map, so it reaches co-editors, the journal and the file like
 * any edit; none touches the text (accepting or rejecting an amendment's proposals when its
 * besluit is recorded is the editor's decision on those changes, made beside it).
 *
 * What may happen when is checked here, with a Dutch message for each refusal, and nothing is
 * written when one is refused. Who may do it is the role's (the sync server checks a voorsteller
 * against its own entries: shared/session/roleRules.ts).
 */
import * as Y from 'yjs';
import type { Node } from 'prosemirror-model';
import { getTrackedChanges } from '../editor/suggestions/trackedChanges.ts';
import type { TrackedChange } from '../editor/suggestions/trackedChanges.ts';
import { readYDoc } from '../ydoc/yDocument.ts';
import { describeAmendmentChanges } from './amendmentInstructions.ts';
import { formatTitleLine, getMetadataText } from '../editor/queries/getMetadataText.ts';
import { encodeBase64 } from '../format/base64.ts';
import { isUserName } from '../model/userNames.ts';
import { listVersions } from '../ydoc/versions.ts';
import {
  MAX_CO_INDIENERS,
  MAX_INSTRUCTIONS,
  MAX_INSTRUCTION_LENGTH,
  MAX_MOTIVATION_LENGTH,
  MAX_REASONING_LENGTH,
  MAX_SUBMISSIONS,
  MAX_SUBMISSIONS_PER_AUTHOR,
  MAX_TARGETS,
  MAX_TARGET_TEXT_LENGTH,
  MAX_TITLE_LENGTH,
  SUBMISSION_NUMBER_PATTERN,
  adviceKey,
  decisionKey,
  getProcedureMap,
  isGemeenteName,
  isPlainText,
  isVote,
  readProcedureEntries,
  submissionKey,
} from './procedureRecords.ts';
import type {
  Advice,
  Outcome,
  StoredAdvice,
  StoredDecision,
  StoredSubmission,
  SubmissionKind,
  SubmissionRecord,
  SubmissionTarget,
  Vote,
} from './procedureRecords.ts';
import { baseTextOf, findItemPlace, namePartAt } from './amendmentPlaces.ts';
import { describeSubmission, getSubmissionStatus } from './procedureStatus.ts';

/** Who writes: the name (and colour) the entry carries. */
export interface ProcedureWriter {
  name: string;
  colour: string;
}

/** What cannot be done, with a Dutch message for the user. */
export class ProcedureError extends Error {
  override name = 'ProcedureError';
}

/** A new id for an indiening. */
export function newProcedureId(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 20);
}

/** What an indiener fills in. */
export interface SubmissionFields {
  indiener: string;
  coIndieners: readonly string[];
  title: string;
  motivation: string;
}

/** The indiening `id` of `ydoc`, or null. */
export function getSubmission(ydoc: Y.Doc, id: string): SubmissionRecord | null {
  return readProcedureEntries(ydoc).submissions.find((entry) => entry.id === id) ?? null;
}

/** The next free number of `kind` in `ydoc`: A1, A2 … (M1 … for moties). */
export function nextSubmissionNumber(ydoc: Y.Doc, kind: SubmissionKind): string {
  const letter = kind === 'amendement' ? 'A' : 'M';
  let highest = 0;
  for (const entry of readProcedureEntries(ydoc).submissions) {
    if (entry.number.startsWith(letter)) highest = Math.max(highest, Number(entry.number.slice(1)));
  }
  return `${letter}${highest + 1}`;
}

/**
 * Makes a new amendment (status concept) on the resolution `ydoc` holds (`doc`, as read from
 * it), under the next free number; its proposals are the writer's pending proposals that no
 * other amendment of theirs holds, until it is submitted. Returns its id.
 */
export function createSubmission(
  ydoc: Y.Doc,
  doc: Node,
  kind: SubmissionKind,
  fields: SubmissionFields,
  writer: ProcedureWriter,
  now: number = Date.now(),
  id: string = newProcedureId(),
): string {
  checkWriter(writer);
  const checked = checkFields(fields);
  const entries = readProcedureEntries(ydoc);
  if (entries.submissions.length >= MAX_SUBMISSIONS) {
    throw new ProcedureError(`Een stuk kan niet meer dan ${MAX_SUBMISSIONS} amendementen hebben.`);
  }
  const own = entries.submissions.filter((entry) => entry.author === writer.name).length;
  if (own >= MAX_SUBMISSIONS_PER_AUTHOR) {
    throw new ProcedureError(
      `U stelt in dit stuk al ${MAX_SUBMISSIONS_PER_AUTHOR} amendementen op; meer kan niet. Trek een concept in of werk een bestaand amendement bij.`,
    );
  }
  const versions = listVersions(ydoc);
  const latest = versions.length > 0 ? versions[versions.length - 1]!.name : null;
  const stored: StoredSubmission = {
    kind,
    number: nextSubmissionNumber(ydoc, kind),
    ...checked,
    author: writer.name,
    colour: writer.colour,
    created: now,
    submitted: null,
    withdrawn: null,
    base: {
      version: latest,
      resolution: formatTitleLine(getMetadataText(doc)).slice(0, MAX_TITLE_LENGTH + 40),
      stateVector: kind === 'amendement' ? encodeBase64(Y.encodeStateVector(ydoc)) : '',
    },
    changes: [],
    targets: [],
  };
  getProcedureMap(ydoc).set(submissionKey(id), stored);
  return id;
}

/** Changes what the indiener filled in; only by its author, and not once it is decided or withdrawn. */
export function updateSubmission(
  ydoc: Y.Doc,
  id: string,
  fields: SubmissionFields,
  writer: ProcedureWriter,
): void {
  const entry = requireOwn(ydoc, id, writer);
  requireOpen(ydoc, entry);
  const checked = checkFields(fields);
  getProcedureMap(ydoc).set(submissionKey(id), { ...withoutId(entry), ...checked });
}

/**
 * The proposals of an indiening in `changes` (the document's pending changes, in document
 * order): once submitted, the ones it holds; before, every pending proposal of its author that
 * no other amendment of the same author holds.
 */
export function findSubmissionChanges(
  entry: SubmissionRecord,
  all: readonly SubmissionRecord[],
  changes: readonly TrackedChange[],
): TrackedChange[] {
  if (entry.kind !== 'amendement') return [];
  if (entry.submitted !== null) {
    // Only the author's: an id another's proposal happens to carry is not the amendment's.
    const own = new Set(entry.changes);
    return changes.filter((change) => own.has(change.id) && change.name === entry.author);
  }
  const claimed = new Set(
    all
      .filter((other) => other.id !== entry.id && other.submitted !== null)
      .flatMap((other) => other.changes),
  );
  // Of the concepts of one author, the oldest gathers the proposals: one draft at a time.
  const earlier = all.some(
    (other) =>
      other.id !== entry.id &&
      other.kind === 'amendement' &&
      other.submitted === null &&
      other.withdrawn === null &&
      other.author === entry.author &&
      (other.created < entry.created || (other.created === entry.created && other.id < entry.id)),
  );
  if (earlier) return [];
  return changes.filter((change) => change.name === entry.author && !claimed.has(change.id));
}

/**
 * Submits an amendment: its proposals (findSubmissionChanges over `changes`, the document's
 * pending changes) are fixed, with the places they stand on in `doc` and the text there.
 */
export function submitSubmission(
  ydoc: Y.Doc,
  doc: Node,
  changes: readonly TrackedChange[],
  id: string,
  writer: ProcedureWriter,
  now: number = Date.now(),
): void {
  const entry = requireOwn(ydoc, id, writer);
  const label = describeSubmission(entry);
  if (entry.withdrawn !== null) throw new ProcedureError(`${label} is ingetrokken.`);
  if (entry.submitted !== null) throw new ProcedureError(`${label} is al ingediend.`);
  const all = readProcedureEntries(ydoc).submissions;
  const own = findSubmissionChanges(entry, all, changes);
  if (entry.kind === 'amendement' && own.length === 0) {
    throw new ProcedureError(
      `${label} stelt nog niets voor: wijzig eerst de tekst van de resolutie (uw wijzigingen worden voorstellen).`,
    );
  }
  // A motie is its own text, with its own Toelichting; an amendment says why in its own.
  if (entry.kind === 'amendement' && entry.motivation.trim() === '') {
    throw new ProcedureError(`Schrijf eerst een toelichting bij ${label}.`);
  }
  getProcedureMap(ydoc).set(submissionKey(id), {
    ...withoutId(entry),
    submitted: now,
    changes: own.map((change) => change.id),
    targets: findTargets(doc, own),
  });
}

/** The places proposals stand on, with the text there before any proposal. */
export function findTargets(doc: Node, changes: readonly TrackedChange[]): SubmissionTarget[] {
  const targets: SubmissionTarget[] = [];
  for (const change of changes) {
    if (targets.length >= MAX_TARGETS) break;
    const item = findItemPlace(doc, change.from + 1);
    const place = item ? item.place : namePartAt(doc, change.from + 1);
    const text = item ? baseTextOf(item.item) : '';
    targets.push({ change: change.id, place, text: text.slice(0, MAX_TARGET_TEXT_LENGTH) });
  }
  return targets;
}

/**
 * Withdraws an indiening: by its author, or by the bestuur on the indiener's behalf
 * (`onBehalf`). Not once the ALV decided on it.
 */
export function withdrawSubmission(
  ydoc: Y.Doc,
  id: string,
  writer: ProcedureWriter,
  options: { onBehalf?: boolean } = {},
  now: number = Date.now(),
): void {
  const entry = options.onBehalf ? requireSubmission(ydoc, id) : requireOwn(ydoc, id, writer);
  checkWriter(writer);
  const label = describeSubmission(entry);
  if (entry.withdrawn !== null) throw new ProcedureError(`${label} is al ingetrokken.`);
  const decision = readProcedureEntries(ydoc).decisions.get(id);
  if (decision && decision.outcome !== 'aangehouden') {
    throw new ProcedureError(`${label} is al behandeld en kan niet meer worden ingetrokken.`);
  }
  getProcedureMap(ydoc).set(submissionKey(id), { ...withoutId(entry), withdrawn: now });
}

/** Gives an indiening another number; refused when another one has it. */
export function renumberSubmission(
  ydoc: Y.Doc,
  id: string,
  number: string,
  writer: ProcedureWriter,
): void {
  checkWriter(writer);
  const entry = requireSubmission(ydoc, id);
  const wanted = number.trim().toUpperCase();
  const letter = entry.kind === 'amendement' ? 'A' : 'M';
  if (!SUBMISSION_NUMBER_PATTERN.test(wanted) || !wanted.startsWith(letter)) {
    throw new ProcedureError(
      `“${number.trim().slice(0, 20)}” is geen nummer voor een ${entry.kind}: gebruik ${letter}1, ${letter}2 enzovoort.`,
    );
  }
  const taken = findNumberHolder(ydoc, wanted, id);
  if (taken) {
    throw new ProcedureError(
      `Er is al een ${taken.kind} ${wanted} (van ${taken.indiener}). Kies een ander nummer, bijvoorbeeld ${nextSubmissionNumber(ydoc, entry.kind)}.`,
    );
  }
  getProcedureMap(ydoc).set(submissionKey(id), { ...withoutId(entry), number: wanted });
}

/** The other indiening that holds `number`, if any. */
export function findNumberHolder(
  ydoc: Y.Doc,
  number: string,
  exceptId: string | null = null,
): SubmissionRecord | null {
  return (
    readProcedureEntries(ydoc).submissions.find(
      (entry) => entry.number === number && entry.id !== exceptId,
    ) ?? null
  );
}

/** Records (or changes) the bestuur's preadvies; not on a concept, a withdrawn or a decided one. */
export function recordAdvice(
  ydoc: Y.Doc,
  id: string,
  advice: Advice,
  reasoning: string,
  writer: ProcedureWriter,
  now: number = Date.now(),
): void {
  checkWriter(writer);
  const entry = requireSubmission(ydoc, id);
  const label = describeSubmission(entry);
  const status = getSubmissionStatus(entry, readProcedureEntries(ydoc).decisions.get(id) ?? null);
  if (status === 'ingetrokken') {
    throw new ProcedureError(`${label} is ingetrokken; er is geen preadvies meer nodig.`);
  }
  if (status === 'concept') {
    throw new ProcedureError(
      `${label} is nog niet ingediend; een preadvies volgt op een ingediend stuk.`,
    );
  }
  if (status !== 'ingediend' && status !== 'aangehouden') {
    throw new ProcedureError(
      `Over ${label} is al besloten; het preadvies kan niet meer veranderen.`,
    );
  }
  if (!isPlainText(reasoning, MAX_REASONING_LENGTH)) {
    throw new ProcedureError(
      `De motivering van het preadvies is te lang of bevat tekens die niet in tekst horen (hoogstens ${MAX_REASONING_LENGTH} tekens).`,
    );
  }
  const stored: StoredAdvice = {
    advice,
    reasoning: reasoning.trim(),
    name: writer.name,
    time: now,
  };
  getProcedureMap(ydoc).set(adviceKey(id), stored);
}

/**
 * Records the ALV's besluit: aangehouden (put off; it can be decided later), or its outcome,
 * once. A vote must fit the outcome: "aangenomen" with more votes for than against,
 * "verworpen" with no more for than against; "overgenomen" (by the bestuur) and "aangehouden"
 * have no vote.
 */
export function recordDecision(
  ydoc: Y.Doc,
  id: string,
  outcome: Outcome,
  vote: Vote,
  writer: ProcedureWriter,
  now: number = Date.now(),
): void {
  checkWriter(writer);
  const entry = requireSubmission(ydoc, id);
  const label = describeSubmission(entry);
  const previous = readProcedureEntries(ydoc).decisions.get(id) ?? null;
  const status = getSubmissionStatus(entry, previous);
  if (status === 'ingetrokken') {
    throw new ProcedureError(`${label} is ingetrokken; er valt niets over te besluiten.`);
  }
  if (status === 'concept') {
    throw new ProcedureError(`${label} is nog niet ingediend.`);
  }
  if (previous && previous.outcome !== 'aangehouden') {
    throw new ProcedureError(
      `De uitkomst van ${label} is al vastgelegd: ${OUTCOME_TEXT[previous.outcome]}. Een besluit wordt één keer vastgelegd.`,
    );
  }
  if (!isVote(vote))
    throw new ProcedureError(
      'De stemming is niet geldig: tel voor, tegen en onthouding in hele getallen.',
    );
  if ((outcome === 'aangehouden' || outcome === 'overgenomen') && vote !== null) {
    throw new ProcedureError(`Bij “${OUTCOME_TEXT[outcome]}” hoort geen stemming.`);
  }
  if ((outcome === 'aangenomen' || outcome === 'verworpen') && vote === null) {
    throw new ProcedureError(
      'Geef de stemming: het aantal stemmen voor, tegen en onthouding, of “met algemene stemmen”.',
    );
  }
  if (vote !== null && vote !== 'algemeen') {
    if (outcome === 'aangenomen' && vote.voor <= vote.tegen) {
      throw new ProcedureError(
        `Met ${vote.voor} stemmen voor en ${vote.tegen} tegen is ${label} niet aangenomen.`,
      );
    }
    if (outcome === 'verworpen' && vote.voor > vote.tegen) {
      throw new ProcedureError(
        `Met ${vote.voor} stemmen voor en ${vote.tegen} tegen is ${label} niet verworpen.`,
      );
    }
  }
  const stored: StoredDecision = {
    outcome,
    vote: vote === null || vote === 'algemeen' ? vote : { ...vote },
    name: writer.name,
    time: now,
    instructions: outcome === 'aangehouden' ? [] : readInstructions(ydoc, entry),
  };
  getProcedureMap(ydoc).set(decisionKey(id), stored);
}

/**
 * An amendment's instructions as the document reads now, before its proposals are decided
 * (the caller records the besluit first, then accepts or rejects them).
 */
function readInstructions(ydoc: Y.Doc, entry: SubmissionRecord): string[] {
  if (entry.kind !== 'amendement') return [];
  const doc = readYDoc(ydoc);
  const changes = getTrackedChanges(doc);
  const own = findSubmissionChanges(entry, readProcedureEntries(ydoc).submissions, changes);
  return describeAmendmentChanges(doc, own)
    .slice(0, MAX_INSTRUCTIONS)
    .map((line) => line.slice(0, MAX_INSTRUCTION_LENGTH));
}

const OUTCOME_TEXT: Record<Outcome, string> = {
  aangehouden: 'aangehouden',
  aangenomen: 'aangenomen',
  verworpen: 'verworpen',
  overgenomen: 'overgenomen door het bestuur',
};

function requireSubmission(ydoc: Y.Doc, id: string): SubmissionRecord {
  const entry = getSubmission(ydoc, id);
  if (!entry) throw new ProcedureError('Dit amendement bestaat niet (meer) in dit stuk.');
  return entry;
}

function requireOwn(ydoc: Y.Doc, id: string, writer: ProcedureWriter): SubmissionRecord {
  checkWriter(writer);
  const entry = requireSubmission(ydoc, id);
  if (entry.author !== writer.name) {
    throw new ProcedureError(
      `${describeSubmission(entry)} wordt opgesteld door ${entry.author}; alleen die kan het wijzigen.`,
    );
  }
  return entry;
}

function requireOpen(ydoc: Y.Doc, entry: SubmissionRecord): void {
  const status = getSubmissionStatus(
    entry,
    readProcedureEntries(ydoc).decisions.get(entry.id) ?? null,
  );
  if (status !== 'concept' && status !== 'ingediend' && status !== 'aangehouden') {
    throw new ProcedureError(
      `${describeSubmission(entry)} is ${status} en kan niet meer worden gewijzigd.`,
    );
  }
}

function checkWriter(writer: ProcedureWriter): void {
  if (!isUserName(writer.name)) {
    throw new ProcedureError('Geef eerst uw naam op (Voorkeuren): het amendement komt op uw naam.');
  }
}

function checkFields(
  fields: SubmissionFields,
): Omit<SubmissionFields, 'coIndieners'> & { coIndieners: string[] } {
  const indiener = fields.indiener.trim();
  if (!isGemeenteName(indiener)) {
    throw new ProcedureError(
      'Vul de gemeente in die het indient (hoogstens 100 tekens, op één regel).',
    );
  }
  const coIndieners = fields.coIndieners.map((name) => name.trim()).filter((name) => name !== '');
  if (coIndieners.length > MAX_CO_INDIENERS || !coIndieners.every(isGemeenteName)) {
    throw new ProcedureError(
      `De mede-indieners zijn hoogstens ${MAX_CO_INDIENERS} gemeenten, elk op één regel en hoogstens 100 tekens.`,
    );
  }
  if (new Set([indiener, ...coIndieners]).size !== coIndieners.length + 1) {
    throw new ProcedureError('Een gemeente staat twee keer bij de indieners.');
  }
  const title = fields.title.trim();
  if (!isPlainText(title, MAX_TITLE_LENGTH) || /\n/.test(title)) {
    throw new ProcedureError(
      `Het onderwerp is één regel van hoogstens ${MAX_TITLE_LENGTH} tekens.`,
    );
  }
  const motivation = fields.motivation.replace(/\r\n?/g, '\n').trim();
  if (!isPlainText(motivation, MAX_MOTIVATION_LENGTH)) {
    throw new ProcedureError(
      `De toelichting is te lang of bevat tekens die niet in tekst horen (hoogstens ${MAX_MOTIVATION_LENGTH} tekens).`,
    );
  }
  return { indiener, coIndieners, title, motivation };
}

function withoutId(entry: SubmissionRecord): StoredSubmission {
  const { id: _id, ...stored } = entry;
  return stored;
}
