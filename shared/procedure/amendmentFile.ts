/**
 * Adding an amendment that came by e-mail to its resolution. A member drafts an amendment
 * offline in their copy of the concept resolution (the .resolutie file the bestuur sent): their
 * edits become proposals, the amendment an entry of the procedure map, and they save that copy
 * as an ordinary .resolutie file. Both copies share the resolution's Yjs history, so what the
 * member added is exactly what their copy holds beyond the resolution's state: one Yjs update,
 * whose proposals land on the same characters and items they were made on, whatever the
 * resolution became since (Yjs's ids are the stable anchors; renumbering changes nothing).
 *
 * The file is hostile until checked, and nothing of the resolution changes before all of it
 * passed:
 *
 * - it must hold a submitted amendment this resolution does not have yet;
 * - the amendment must have been made on this resolution: everything its base (the state
 *   vector of the copy it was made on) holds, the resolution holds too. A file made on another
 *   resolution shares none of its history; one made on a copy with changes the resolution
 *   lacks would bring those along;
 * - the update must pass the sync server's own check with the rules of a voorsteller named as
 *   the amendment's author (shared/session/updateValidation.ts, roleRules.ts): it integrates
 *   completely, leaves a valid resolution, and changes nothing but the author's proposals and
 *   their own amendment entry;
 * - every proposal the amendment lists must still stand in the resolution: text that has been
 *   deleted since takes the member's proposals in it along (Yjs deletes what a deleted element
 *   held), and an amendment on text that is gone cannot be voted on;
 * - its number must be free here; otherwise the caller chooses another one (AmendmentNumberError
 *   says which is free), which is written into the file's copy before the update is made.
 *
 * Checked on a copy of the resolution's Y.Doc, so the check leaves no trace on the open one.
 */
import * as Y from 'yjs';
import { getTrackedChanges } from '../editor/suggestions/trackedChanges.ts';
import { decodeBase64 } from '../format/base64.ts';
import { readYDoc } from '../ydoc/yDocument.ts';
import { InvalidDocumentError } from '../ydoc/invalidDocument.ts';
import { InvalidUpdateError, checkDocumentUpdate } from '../session/updateValidation.ts';
import {
  SUBMISSION_NUMBER_PATTERN,
  getProcedureMap,
  readProcedureEntries,
  submissionKey,
} from './procedureRecords.ts';
import type { SubmissionRecord } from './procedureRecords.ts';
import { findChangedPlaces } from './procedureStatus.ts';
import type { ChangedPlace } from './procedureStatus.ts';
import { nextSubmissionNumber } from './procedureStore.ts';

/** Why an amendment file cannot be added, in Dutch for the user. Nothing was changed. */
export class AmendmentFileError extends Error {
  override name = 'AmendmentFileError';
}

/** An amendment whose number another amendment of the resolution has already. */
export class AmendmentNumberError extends AmendmentFileError {
  override name = 'AmendmentNumberError';
  readonly id: string;
  readonly number: string;
  /** A number that is free. */
  readonly suggested: string;

  constructor(message: string, id: string, number: string, suggested: string) {
    super(message);
    this.id = id;
    this.number = number;
    this.suggested = suggested;
  }
}

/** What adding a file would do. */
export interface AmendmentImport {
  /** The amendments the file brings, as they will read once added (numbers as chosen). */
  submissions: SubmissionRecord[];
  /** What to apply to the resolution's Y.Doc (Y.applyUpdate) to add them. */
  update: Uint8Array;
  /** Per amendment id, the places whose text has changed since it was made. */
  changedPlaces: Map<string, ChangedPlace[]>;
}

/** Options: another number for an amendment whose number is taken, by its id. */
export interface AmendmentImportOptions {
  numbers?: Readonly<Record<string, string>>;
}

/**
 * Checks what the amendment file `file` (opened strictly: openDocumentState) would add to the
 * resolution `resolution`, and gives the update that adds it. Throws AmendmentFileError (or
 * AmendmentNumberError) with a Dutch message; neither Y.Doc is changed.
 */
export function prepareAmendmentImport(
  resolution: Y.Doc,
  file: Y.Doc,
  options: AmendmentImportOptions = {},
): AmendmentImport {
  const here = readProcedureEntries(resolution);
  const theirs = readProcedureEntries(file);
  const known = new Set(here.submissions.map((entry) => entry.id));
  const amendments = theirs.submissions.filter((entry) => entry.kind === 'amendement');
  const fresh = amendments.filter((entry) => !known.has(entry.id));
  const submitted = fresh.filter((entry) => entry.submitted !== null && entry.withdrawn === null);
  if (submitted.length === 0) {
    if (fresh.some((entry) => entry.submitted === null)) {
      throw new AmendmentFileError(
        'Het amendement in dit bestand is nog niet ingediend. De indiener kiest eerst “Indienen” en slaat het bestand dan opnieuw op.',
      );
    }
    const already = amendments.find((entry) => known.has(entry.id));
    if (already) {
      throw new AmendmentFileError(
        `Dit amendement is al toegevoegd: ${already.number} van ${already.indiener}.`,
      );
    }
    throw new AmendmentFileError('Dit bestand bevat geen ingediend amendement.');
  }
  const authors = new Set(submitted.map((entry) => entry.author));
  if (authors.size > 1) {
    throw new AmendmentFileError(
      'Dit bestand bevat amendementen van verschillende opstellers. Voeg elk amendement toe uit een bestand van de opsteller zelf.',
    );
  }
  const baseMissing = submitted.map((entry) => checkBase(resolution, entry)).some(Boolean);

  const chosen = chooseNumbers(resolution, submitted, options.numbers ?? {});
  const source = renumbered(file, submitted, chosen);
  try {
    const update = Y.encodeStateAsUpdate(source, Y.encodeStateVector(resolution));
    // What the proposals stand on first, on a copy: text deleted since takes the member's
    // proposals along, which the role check would only call "not proposals".
    const changedPlaces = findPlaces(resolution, update, submitted);
    const after = checkOnCopy(resolution, update, submitted[0]!.author, baseMissing);
    after.destroy();
    const submissions = submitted.map((entry) => ({
      ...entry,
      number: chosen.get(entry.id) ?? entry.number,
    }));
    return { submissions, update, changedPlaces };
  } finally {
    if (source !== file) source.destroy();
  }
}

/**
 * The resolution with `update` applied (on a copy, unchecked: it is only read): every proposal
 * of the amendments must still stand in it; gives, per amendment, the places changed since.
 */
function findPlaces(
  resolution: Y.Doc,
  update: Uint8Array,
  submitted: readonly SubmissionRecord[],
): Map<string, ChangedPlace[]> {
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(resolution));
    let doc;
    try {
      Y.applyUpdate(copy, update);
      doc = readYDoc(copy);
    } catch {
      throw new AmendmentFileError(NOT_AN_AMENDMENT);
    }
    const changes = getTrackedChanges(doc);
    const present = new Set(changes.map((change) => change.id));
    const changedPlaces = new Map<string, ChangedPlace[]>();
    for (const entry of submitted) {
      const missing = entry.targets.filter((target) => !present.has(target.change));
      const unlisted = entry.changes.filter((id) => !present.has(id));
      if (missing.length > 0 || unlisted.length > 0) {
        const places = [...new Set(missing.map((target) => target.place))];
        throw new AmendmentFileError(
          `${label(entry)} gaat over tekst die niet meer in de resolutie staat${places.length > 0 ? ` (${places.join('; ')})` : ''}. Het kan niet worden toegevoegd; vraag de indiener het amendement op de huidige tekst opnieuw te maken.`,
        );
      }
      changedPlaces.set(entry.id, findChangedPlaces(doc, entry.targets, changes));
    }
    return changedPlaces;
  } finally {
    copy.destroy();
  }
}

const NOT_AN_AMENDMENT =
  'Dit bestand verandert de resolutie meer dan een amendement kan: het mag alleen voorstellen van de indiener en het amendement zelf bevatten. Er is niets toegevoegd.';

const MISSING_VERSION =
  'Dit amendement is gemaakt op een versie van de resolutie met wijzigingen die hier ontbreken. Voeg het toe aan de resolutie zoals die aan de leden is gestuurd, of vraag de indiener het op deze versie opnieuw te maken.';

function label(entry: SubmissionRecord): string {
  return `Amendement ${entry.number} van ${entry.indiener}`;
}

/**
 * Whether the amendment was made on this resolution: its base shares history with it (a file
 * made on another resolution shares none). Returns whether the base holds changes the
 * resolution lacks: the member's own proposals made before the amendment was, or another
 * copy's changes; the role check below tells the two apart, and this only names the cause.
 */
function checkBase(resolution: Y.Doc, entry: SubmissionRecord): boolean {
  const bytes = decodeBase64(entry.base.stateVector);
  let base: Map<number, number>;
  try {
    if (!bytes || bytes.length === 0) throw new Error('empty');
    base = Y.decodeStateVector(bytes);
  } catch {
    throw new AmendmentFileError(
      `${label(entry)} zegt niet op welke versie van de resolutie het is gemaakt; het bestand is beschadigd.`,
    );
  }
  let shared = 0;
  let missing = false;
  for (const [client, clock] of base) {
    const held = Y.getState(resolution.store, client);
    if (held > 0) shared += 1;
    if (held < clock) missing = true;
  }
  if (shared === 0) {
    throw new AmendmentFileError(
      `Dit amendement hoort bij een andere resolutie (${entry.base.resolution}). Open de resolutie waarop het is gemaakt en voeg het daar toe.`,
    );
  }
  return missing;
}

/** The number each amendment will have: its own, or the one the caller chose; all free. */
function chooseNumbers(
  resolution: Y.Doc,
  submitted: readonly SubmissionRecord[],
  wanted: Readonly<Record<string, string>>,
): Map<string, string> {
  const taken = new Map(
    readProcedureEntries(resolution).submissions.map((entry) => [entry.number, entry]),
  );
  const chosen = new Map<string, string>();
  for (const entry of submitted) {
    const asked = Object.hasOwn(wanted, entry.id) ? wanted[entry.id]!.trim().toUpperCase() : null;
    const number = asked ?? entry.number;
    if (!SUBMISSION_NUMBER_PATTERN.test(number) || !number.startsWith('A')) {
      throw new AmendmentNumberError(
        `“${number.slice(0, 20)}” is geen nummer voor een amendement: gebruik A1, A2 enzovoort.`,
        entry.id,
        number,
        nextFree(resolution, chosen),
      );
    }
    const holder = taken.get(number);
    const twice = [...chosen.values()].includes(number);
    if (holder || twice) {
      const suggested = nextFree(resolution, chosen);
      throw new AmendmentNumberError(
        holder
          ? `Er is al een amendement ${number} (van ${holder.indiener}). Geef het amendement van ${entry.indiener} een ander nummer, bijvoorbeeld ${suggested}.`
          : `Twee amendementen in dit bestand hebben nummer ${number}. Geef er één een ander nummer, bijvoorbeeld ${suggested}.`,
        entry.id,
        number,
        suggested,
      );
    }
    chosen.set(entry.id, number);
  }
  return chosen;
}

function nextFree(resolution: Y.Doc, chosen: ReadonlyMap<string, string>): string {
  let number = Number(nextSubmissionNumber(resolution, 'amendement').slice(1));
  while ([...chosen.values()].includes(`A${number}`)) number += 1;
  return `A${number}`;
}

/** `file`, or a copy of it in which the amendments carry the chosen numbers. */
function renumbered(
  file: Y.Doc,
  submitted: readonly SubmissionRecord[],
  chosen: ReadonlyMap<string, string>,
): Y.Doc {
  const changed = submitted.filter((entry) => chosen.get(entry.id) !== entry.number);
  if (changed.length === 0) return file;
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(file));
  const map = getProcedureMap(copy);
  copy.transact(() => {
    for (const entry of changed) {
      const { id, ...stored } = entry;
      map.set(submissionKey(id), { ...stored, number: chosen.get(id)! });
    }
  });
  return copy;
}

/**
 * The resolution with `update` applied, on a copy, after the sync server's check with the
 * rules of a voorsteller called `author`. The caller destroys the copy.
 */
function checkOnCopy(
  resolution: Y.Doc,
  update: Uint8Array,
  author: string,
  baseMissing: boolean,
): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(resolution));
  try {
    const result = checkDocumentUpdate(copy, update, undefined, {
      role: 'proposer',
      name: author,
      mayComment: true,
    });
    if (result === 'pending') throw new AmendmentFileError(MISSING_VERSION);
    Y.applyUpdate(copy, update);
    return copy;
  } catch (error) {
    copy.destroy();
    if (error instanceof AmendmentFileError) throw error;
    if (error instanceof InvalidUpdateError || error instanceof InvalidDocumentError) {
      throw new AmendmentFileError(
        baseMissing
          ? 'Dit bestand verandert de resolutie meer dan een amendement kan: het bevat wijzigingen die geen voorstellen van de indiener zijn, of het is gemaakt op een versie van de resolutie met wijzigingen die hier ontbreken. Er is niets toegevoegd.'
          : NOT_AN_AMENDMENT,
      );
    }
    throw error;
  }
}
