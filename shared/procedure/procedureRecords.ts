/**
 * The ALV's procedure on a stuk, as it is kept: in a Yjs map `procedure` beside the text, the
 * versions and the comments, so that amendments travel with the resolution's file, through a
 * session and through an offline merge like everything else.
 *
 * Three kinds of entries, each written by one side and read strictly:
 *
 * - **An indiening** (`stuk:<id>`): an amendment on this resolution, or the motie this
 *   document is, as its indiener drafts and submits it: number (A1 … per resolution, M1 … for
 *   moties), the gemeente that submits it and its co-indieners, subject and motivation, who
 *   drafts it (`author`: the name its proposals carry), when it was made, submitted and
 *   withdrawn, what it was made on (`base`), and, once submitted, its proposals (`changes`,
 *   change ids of the tracked-revisions machinery) and the places they were made on
 *   (`targets`, to say when that text has changed since).
 * - **The bestuur's preadvies** (`preadvies:<id>`): overnemen, ontraden or oordeel aan de ALV,
 *   with its reasoning; written by the bestuur, apart from the indiening so that the indiener
 *   editing the motivation and the bestuur advising at the same moment do not overwrite each
 *   other (a map entry is last-writer-wins as a whole).
 * - **The ALV's besluit** (`besluit:<id>`): aangehouden, or the outcome (aangenomen,
 *   verworpen, overgenomen door het bestuur) with the vote.
 *
 * Entries are never removed. The status of an indiening is derived (procedureStatus.ts).
 */
import type * as Y from 'yjs';
import { USER_COLOUR_PATTERN } from '../model/userColours.ts';
import { isUserName } from '../model/userNames.ts';
import { InvalidDocumentError } from '../ydoc/invalidDocument.ts';
import { describeFields, hasControl, hasExactKeys, isRecord, isTime } from '../ydoc/jsonEntries.ts';
import { refuseKeylessContent } from '../ydoc/keylessContent.ts';

/** The Yjs map of the procedure. */
export const PROCEDURE_MAP = 'procedure';

/** What is submitted: an amendment on this resolution, or the motie this document is. */
export type SubmissionKind = 'amendement' | 'motie';
/** The bestuur's advice to the ALV. */
export type Advice = 'overnemen' | 'ontraden' | 'oordeel_alv';
/** What the ALV did with it: put off, or its outcome. */
export type Outcome = 'aangehouden' | 'aangenomen' | 'verworpen' | 'overgenomen';
/** The vote: counted, or "met algemene stemmen"; null when there was none (aangehouden, overgenomen). */
export type Vote = { voor: number; tegen: number; onthouding: number } | 'algemeen' | null;

export const ADVICES: readonly Advice[] = ['overnemen', 'ontraden', 'oordeel_alv'];
export const OUTCOMES: readonly Outcome[] = [
  'aangehouden',
  'aangenomen',
  'verworpen',
  'overgenomen',
];

/** Bounds of what a document holds (an honest ALV stays far below each). */
export const MAX_SUBMISSIONS = 500;
/** The most indieningen one author drafts in one stuk (entries are never removed). */
export const MAX_SUBMISSIONS_PER_AUTHOR = 50;
export const MAX_MOTIVATION_LENGTH = 20_000;
export const MAX_REASONING_LENGTH = 4000;
export const MAX_TITLE_LENGTH = 300;
export const MAX_GEMEENTE_LENGTH = 100;
export const MAX_CO_INDIENERS = 60;
export const MAX_CHANGES = 2000;
export const MAX_TARGETS = 200;
export const MAX_TARGET_TEXT_LENGTH = 4000;
export const MAX_PLACE_LENGTH = 200;
export const MAX_INSTRUCTIONS = 500;
export const MAX_INSTRUCTION_LENGTH = 20_000;
const MAX_STATE_VECTOR_LENGTH = 40_000;
const MAX_VOTES = 1_000_000_000;

/** Ids of entries and change ids: letters, digits, `-` and `_`. */
export const PROCEDURE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** A number: A1 … A9999 for amendments, M1 … M9999 for moties. */
export const SUBMISSION_NUMBER_PATTERN = /^[AM][1-9][0-9]{0,3}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const PREFIX = { submission: 'stuk:', advice: 'preadvies:', decision: 'besluit:' } as const;

/** What an amendment was made on. */
export interface SubmissionBase {
  /** The name of the latest recorded version then, or null when there was none. */
  version: string | null;
  /** The resolution's title line then ("Resolutie ‘…’"), for messages about the wrong file. */
  resolution: string;
  /** The Yjs state vector of the resolution it was made on, base64 ('' for a motie). */
  stateVector: string;
}

/** A place an amendment's proposal was made on, as it read then. */
export interface SubmissionTarget {
  /** The proposal (change id). */
  change: string;
  /** Where: "punt 3 onder ‘Spreekt uit’". */
  place: string;
  /** The text of that item before any proposal on it (what the amendment changes). */
  text: string;
}

/** An amendment or motie as its indiener keeps it. */
export interface StoredSubmission {
  kind: SubmissionKind;
  number: string;
  /** The gemeente that submits it ("Utrecht"), and those that co-submit. */
  indiener: string;
  coIndieners: string[];
  /** Its subject, in a few words ('' when not given). */
  title: string;
  /** Its motivation (Toelichting), plain text; paragraphs separated by an empty line. */
  motivation: string;
  /** Who drafts it: the name its proposals carry, and that name's colour. */
  author: string;
  colour: string;
  /** When it was made, submitted and withdrawn (ms since the epoch), or null. */
  created: number;
  submitted: number | null;
  withdrawn: number | null;
  base: SubmissionBase;
  /** Its proposals (change ids), fixed when it is submitted; [] before, and for a motie. */
  changes: string[];
  targets: SubmissionTarget[];
}

/** An indiening with its id. */
export interface SubmissionRecord extends StoredSubmission {
  id: string;
}

/** The bestuur's preadvies on an indiening. */
export interface StoredAdvice {
  advice: Advice;
  reasoning: string;
  /** Who recorded it, and when. */
  name: string;
  time: number;
}

/** The ALV's besluit on an indiening. */
export interface StoredDecision {
  outcome: Outcome;
  vote: Vote;
  name: string;
  time: number;
  /**
   * An amendment's instructions as they read when it was decided (describeAmendmentChanges):
   * once its proposals are accepted or rejected the text no longer holds them, and the
   * amendment is still printed in its standard form. [] for a motie and when aangehouden.
   */
  instructions: string[];
}

/** Everything the procedure map holds, read and checked. */
export interface ProcedureEntries {
  submissions: SubmissionRecord[];
  advices: Map<string, StoredAdvice>;
  decisions: Map<string, StoredDecision>;
}

export function submissionKey(id: string): string {
  return `${PREFIX.submission}${id}`;
}
export function adviceKey(id: string): string {
  return `${PREFIX.advice}${id}`;
}
export function decisionKey(id: string): string {
  return `${PREFIX.decision}${id}`;
}

/** What a key of the procedure map is, and of which indiening; null for no key of ours. */
export function parseProcedureKey(
  key: string,
): { kind: 'submission' | 'advice' | 'decision'; id: string } | null {
  for (const kind of ['submission', 'advice', 'decision'] as const) {
    const prefix = PREFIX[kind];
    if (key.startsWith(prefix)) {
      const id = key.slice(prefix.length);
      return PROCEDURE_ID_PATTERN.test(id) ? { kind, id } : null;
    }
  }
  return null;
}

/** The procedure map of `ydoc`. */
export function getProcedureMap(ydoc: Y.Doc): Y.Map<unknown> {
  return ydoc.getMap<unknown>(PROCEDURE_MAP);
}

/**
 * Every entry of the procedure map, checked. Throws InvalidDocumentError naming the first
 * entry that is not well formed. A preadvies or besluit may be there before its indiening
 * (entries of different people travel apart); it is kept and shown once the indiening arrives.
 */
export function readProcedureEntries(ydoc: Y.Doc): ProcedureEntries {
  const entries: ProcedureEntries = { submissions: [], advices: new Map(), decisions: new Map() };
  if (!ydoc.share.has(PROCEDURE_MAP)) return entries;
  const map = getProcedureMap(ydoc);
  refuseKeylessContent(map, 'De procedure');
  if (map.size > MAX_SUBMISSIONS * 3) {
    throw new InvalidDocumentError(
      `Het document heeft meer dan ${MAX_SUBMISSIONS} amendementen; zoveel kan het niet bewaren.`,
    );
  }
  map.forEach((value, key) => {
    const parsed = parseProcedureKey(key);
    if (!parsed) throw damaged(key, 'onbekende soort');
    if (parsed.kind === 'submission') {
      entries.submissions.push({ id: parsed.id, ...readSubmission(key, value) });
    } else if (parsed.kind === 'advice') {
      entries.advices.set(parsed.id, readAdvice(key, value));
    } else {
      entries.decisions.set(parsed.id, readDecision(key, value));
    }
  });
  if (entries.submissions.length > MAX_SUBMISSIONS) {
    throw new InvalidDocumentError(
      `Het document heeft meer dan ${MAX_SUBMISSIONS} amendementen; zoveel kan het niet bewaren.`,
    );
  }
  return entries;
}

/**
 * Checks that none of the entries `keys` (those a change touched) was removed, then the whole
 * map; for the sync server and the check of an amendment file. Throws InvalidDocumentError.
 */
export function checkProcedureEntries(ydoc: Y.Doc, keys: Iterable<string>): void {
  const map = getProcedureMap(ydoc);
  refuseKeylessContent(map, 'De procedure');
  for (const key of keys as Iterable<unknown>) {
    // A Yjs map event names content without a key (a list written into the map, which no
    // client of ours does) as `null`: refused above while it is visible.
    if (typeof key !== 'string') continue;
    if (!map.has(key)) throw damaged(key, 'verwijderd; de procedure wordt nooit weggehaald');
  }
  readProcedureEntries(ydoc);
}

/** Whether `text` is plain text of at most `max` characters (line breaks and tabs allowed). */
export function isPlainText(text: unknown, max: number): text is string {
  return typeof text === 'string' && text.length <= max && !hasControl(text);
}

/** Whether `name` is a gemeente's name as the procedure takes it: one line, 1 to 100 characters. */
export function isGemeenteName(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    name.trim().length > 0 &&
    name === name.trim() &&
    name.length <= MAX_GEMEENTE_LENGTH &&
    !/[\n\t]/.test(name) &&
    !hasControl(name)
  );
}

/** Whether `vote` is a vote as stored. */
export function isVote(vote: unknown): vote is Vote {
  if (vote === null || vote === 'algemeen') return true;
  if (!isRecord(vote) || !hasExactKeys(vote, ['voor', 'tegen', 'onthouding'])) return false;
  return [vote.voor, vote.tegen, vote.onthouding].every(
    (count) =>
      Number.isSafeInteger(count) && (count as number) >= 0 && (count as number) <= MAX_VOTES,
  );
}

function readSubmission(key: string, value: unknown): StoredSubmission {
  if (!isRecord(value)) throw damaged(key, 'geen amendement');
  expectKeys(key, value, [
    'kind',
    'number',
    'indiener',
    'coIndieners',
    'title',
    'motivation',
    'author',
    'colour',
    'created',
    'submitted',
    'withdrawn',
    'base',
    'changes',
    'targets',
  ]);
  const v = value;
  if (v.kind !== 'amendement' && v.kind !== 'motie') throw damaged(key, 'soort');
  if (typeof v.number !== 'string' || !SUBMISSION_NUMBER_PATTERN.test(v.number)) {
    throw damaged(key, 'nummer');
  }
  if ((v.kind === 'amendement') !== v.number.startsWith('A')) throw damaged(key, 'nummer');
  if (!isGemeenteName(v.indiener)) throw damaged(key, 'indiener');
  if (
    !Array.isArray(v.coIndieners) ||
    v.coIndieners.length > MAX_CO_INDIENERS ||
    !v.coIndieners.every(isGemeenteName)
  ) {
    throw damaged(key, 'mede-indieners');
  }
  if (!isPlainText(v.title, MAX_TITLE_LENGTH) || /\n/.test(v.title))
    throw damaged(key, 'onderwerp');
  if (!isPlainText(v.motivation, MAX_MOTIVATION_LENGTH)) throw damaged(key, 'toelichting');
  if (!isUserName(v.author)) throw damaged(key, 'auteur');
  if (typeof v.colour !== 'string' || !USER_COLOUR_PATTERN.test(v.colour)) {
    throw damaged(key, 'kleur');
  }
  if (!isTime(v.created)) throw damaged(key, 'tijdstip');
  if (v.submitted !== null && !isTime(v.submitted)) throw damaged(key, 'ingediend');
  if (v.withdrawn !== null && !isTime(v.withdrawn)) throw damaged(key, 'ingetrokken');
  const base = readBase(key, v.base);
  if (
    !Array.isArray(v.changes) ||
    v.changes.length > MAX_CHANGES ||
    !v.changes.every((id) => typeof id === 'string' && PROCEDURE_ID_PATTERN.test(id))
  ) {
    throw damaged(key, 'voorstellen');
  }
  if (new Set(v.changes).size !== v.changes.length) throw damaged(key, 'voorstellen');
  if (!Array.isArray(v.targets) || v.targets.length > MAX_TARGETS) throw damaged(key, 'plaatsen');
  const targets = v.targets.map((target) => readTarget(key, target));
  // A place belongs to one of its own proposals: the print marks adopted text by them.
  const listed = new Set(v.changes as string[]);
  if (!targets.every((target) => listed.has(target.change))) throw damaged(key, 'plaatsen');
  return {
    kind: v.kind,
    number: v.number,
    indiener: v.indiener,
    coIndieners: [...(v.coIndieners as string[])],
    title: v.title,
    motivation: v.motivation,
    author: v.author,
    colour: v.colour,
    created: v.created,
    submitted: v.submitted,
    withdrawn: v.withdrawn,
    base,
    changes: [...(v.changes as string[])],
    targets,
  };
}

function readBase(key: string, value: unknown): SubmissionBase {
  if (!isRecord(value)) throw damaged(key, 'basis');
  expectKeys(key, value, ['version', 'resolution', 'stateVector']);
  const { version, resolution, stateVector } = value;
  if (version !== null && !(isPlainText(version, 120) && !/\n/.test(version))) {
    throw damaged(key, 'versie');
  }
  if (!isPlainText(resolution, MAX_TITLE_LENGTH + 40) || /\n/.test(resolution)) {
    throw damaged(key, 'resolutie');
  }
  if (
    typeof stateVector !== 'string' ||
    stateVector.length > MAX_STATE_VECTOR_LENGTH ||
    stateVector.length % 4 !== 0 ||
    !BASE64.test(stateVector)
  ) {
    throw damaged(key, 'basis');
  }
  return { version, resolution, stateVector };
}

function readTarget(key: string, value: unknown): SubmissionTarget {
  if (!isRecord(value)) throw damaged(key, 'plaats');
  expectKeys(key, value, ['change', 'place', 'text']);
  const { change, place, text } = value;
  if (typeof change !== 'string' || !PROCEDURE_ID_PATTERN.test(change))
    throw damaged(key, 'plaats');
  if (!isPlainText(place, MAX_PLACE_LENGTH) || !isPlainText(text, MAX_TARGET_TEXT_LENGTH)) {
    throw damaged(key, 'plaats');
  }
  return { change, place, text };
}

function readAdvice(key: string, value: unknown): StoredAdvice {
  if (!isRecord(value)) throw damaged(key, 'geen preadvies');
  expectKeys(key, value, ['advice', 'reasoning', 'name', 'time']);
  const { advice, reasoning, name, time } = value;
  if (!ADVICES.includes(advice as Advice)) throw damaged(key, 'advies');
  if (!isPlainText(reasoning, MAX_REASONING_LENGTH)) throw damaged(key, 'motivering');
  if (!isUserName(name)) throw damaged(key, 'naam');
  if (!isTime(time)) throw damaged(key, 'tijdstip');
  return { advice: advice as Advice, reasoning, name, time };
}

function readDecision(key: string, value: unknown): StoredDecision {
  if (!isRecord(value)) throw damaged(key, 'geen besluit');
  expectKeys(key, value, ['outcome', 'vote', 'name', 'time', 'instructions']);
  const { outcome, vote, name, time, instructions } = value;
  if (
    !Array.isArray(instructions) ||
    instructions.length > MAX_INSTRUCTIONS ||
    !instructions.every((line) => isPlainText(line, MAX_INSTRUCTION_LENGTH))
  ) {
    throw damaged(key, 'wijzigingen');
  }
  if (!OUTCOMES.includes(outcome as Outcome)) throw damaged(key, 'uitkomst');
  if (!isVote(vote)) throw damaged(key, 'stemming');
  if (!isUserName(name)) throw damaged(key, 'naam');
  if (!isTime(time)) throw damaged(key, 'tijdstip');
  return {
    outcome: outcome as Outcome,
    vote: vote === null || vote === 'algemeen' ? vote : { ...vote },
    name,
    time,
    instructions: [...(instructions as string[])],
  };
}

function damaged(key: string, what: string): InvalidDocumentError {
  return new InvalidDocumentError(
    `Procedure-gegevens ${JSON.stringify(key.slice(0, 64))} zijn beschadigd (${what}).`,
  );
}

function expectKeys(key: string, value: Record<string, unknown>, keys: readonly string[]): void {
  const wrong = describeFields(value, keys);
  if (wrong) throw damaged(key, wrong);
}
