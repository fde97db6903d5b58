/**
 * The ALV's procedure on the command line: `resolutie amendments` lists a resolution's
 * amendments and checks (and with --toevoegen adds) amendment files, `resolutie preadviezen`
 * prints the bestuur's preadviezen, and what `export` and `bundle` need of the procedure: an
 * amendment in the standard form, the resolution zoals geamendeerd, the `procedure` field of
 * the JSON, and a bundle's amendments after their resolution.
 *
 * Every refusal is one Dutch line naming the file; nothing is written when one is refused.
 */
import path from 'node:path';
import * as Y from 'yjs';
import type { Node } from 'prosemirror-model';
import { MAX_RESOLUTIE_FILE_BYTES } from '../../shared/format/resolutieFile.ts';
import { FileFormatError } from '../../shared/format/formatErrors.ts';
import { readDocumentFile, writeDocumentFile } from '../../shared/ydoc/documentFile.ts';
import type { FileWriter } from '../../shared/ydoc/documentFile.ts';
import { InvalidDocumentError, readYDoc } from '../../shared/ydoc/yDocument.ts';
import { formatTitleLine } from '../../shared/editor/queries/getMetadataText.ts';
import {
  AmendmentFileError,
  AmendmentNumberError,
  prepareAmendmentImport,
} from '../../shared/procedure/amendmentFile.ts';
import type { AmendmentImport } from '../../shared/procedure/amendmentFile.ts';
import { decodeBase64 } from '../../shared/format/base64.ts';
import { readProcedureEntries } from '../../shared/procedure/procedureRecords.ts';
import type { SubmissionRecord } from '../../shared/procedure/procedureRecords.ts';
import { ADVICE_TEXT, STATUS_TEXT, formatVote } from '../../shared/procedure/procedureStatus.ts';
import type { SubmissionRow } from '../../shared/procedure/procedureStatus.ts';
import { getProcedureJson } from '../../shared/procedure/procedureExport.ts';
import type { ProcedureJson } from '../../shared/procedure/procedureExport.ts';
import { joinAnd } from '../../shared/sentences.ts';
import {
  describeAmendmentInstructions,
  partsText,
  resolutionWithoutProposals,
} from '../../shared/procedure/amendmentInstructions.ts';
import type { ElementPath } from '../../shared/model/amendmentForm.ts';
import { aknEidsOf } from '../../shared/export/akn/toAkomaNtoso.ts';
import { getAcceptedDoc } from '../../shared/editor/suggestions/acceptedDoc.ts';
import type { TrackedChange } from '../../shared/editor/suggestions/trackedChanges.ts';
import type { PrintedAmendment } from '../../shared/print/renderAmendment.ts';
import {
  findAmendment,
  listIssuedAmendments,
  readStukProcedure,
  toPreadviezen,
  toPrintedAmendment,
} from '../services/pdf/procedureStukken.ts';
import type { StukProcedure } from '../services/pdf/procedureStukken.ts';
import type { RenderPage } from '../services/pdf/printForms.ts';
import { readFileLimited } from '../services/files/readFileLimited.ts';
import { checkWritableTarget, writeFileAtomic } from '../services/files/atomicWrite.ts';
import { CliError } from './cliErrors.ts';
import type { CliOutput } from './commands.ts';

/** A stuk opened from its file: the live Y.Doc (the caller destroys it) and its document. */
export interface OpenedStuk {
  input: string;
  ydoc: Y.Doc;
  doc: Node;
}

/** Opens a .resolutie file strictly; a file that is none is refused naming it. */
export async function openStuk(input: string): Promise<OpenedStuk> {
  const bytes = await readFileLimited(input, MAX_RESOLUTIE_FILE_BYTES);
  try {
    const { ydoc, doc } = readDocumentFile(bytes);
    return { input, ydoc, doc };
  } catch (error) {
    if (error instanceof FileFormatError) throw new CliError(`${input}: ${error.message}`);
    throw error;
  }
}

/** The procedure of an opened stuk, read strictly; damaged entries refused naming the file. */
export function readProcedureOf(stuk: OpenedStuk): StukProcedure {
  try {
    return readStukProcedure(stuk.ydoc, stuk.doc);
  } catch (error) {
    if (error instanceof InvalidDocumentError)
      throw new CliError(`${stuk.input}: ${error.message}`);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------
// resolutie amendments

/** What `resolutie amendments` is asked. */
export interface AmendmentsOptions {
  /** Add the amendment files to the resolution (`--toevoegen`). */
  add: boolean;
  /** Print the procedure as JSON (`--json`) instead of the list. */
  json: boolean;
  /** Give an amendment whose number is taken the next free one (`--hernummeren`). */
  renumber: boolean;
}

/** One amendment file, checked against the resolution. */
interface CheckedFile {
  input: string;
  /** What it adds, with the numbers they get here. */
  submissions: SubmissionRecord[];
  /** Amendments that get another number here: their number in the file → here. */
  renumbered: { from: string; to: string }[];
}

/**
 * `resolutie amendments RESOLUTIE [AMENDEMENT …] [--toevoegen] [--hernummeren] [--json]`: the
 * resolution's amendments, one per line; for each amendment file whether it fits this
 * resolution (checked one after the other, as if the earlier ones were added), and with
 * --toevoegen the resolution written with them, atomically. A file that does not fit (its
 * number taken too, without --hernummeren) refuses the whole command.
 */
export async function listAmendments(
  input: string,
  files: readonly string[],
  options: AmendmentsOptions,
  writer: FileWriter,
  io: CliOutput,
): Promise<void> {
  if (options.add && files.length === 0) {
    throw new CliError(
      'amendments: --toevoegen hoort bij amendementbestanden om toe te voegen',
      true,
    );
  }
  if (options.renumber && files.length === 0) {
    throw new CliError('amendments: --hernummeren hoort bij amendementbestanden', true);
  }
  const same = files.find((file) => path.resolve(file) === path.resolve(input));
  if (same) {
    throw new CliError(`amendments: ${same} is de resolutie zelf, geen amendementbestand`, true);
  }
  const resolution = await openStuk(input);
  const opened: OpenedStuk[] = [];
  try {
    // Checked, the files are added to the Y.Doc in memory; the list says what the resolution
    // holds: as it is, or with them once they are added.
    const before = readProcedureOf(resolution);
    const beforeJson = options.json ? getProcedureJson(resolution.ydoc, resolution.doc) : null;
    const checked: CheckedFile[] = [];
    for (const file of files) {
      const stuk = await openStuk(file);
      opened.push(stuk);
      checked.push(addAmendmentFile(resolution, stuk, options.renumber));
    }
    if (options.add) await writeFileAtomic(input, writeDocumentFile(resolution.ydoc, writer));
    const doc = readYDoc(resolution.ydoc);
    const current = options.add ? readProcedureOf({ ...resolution, doc }) : before;
    if (options.json) {
      const json: ProcedureJson & { bestanden?: unknown } =
        options.add || beforeJson === null ? getProcedureJson(resolution.ydoc, doc) : beforeJson;
      if (files.length > 0) {
        json.bestanden = checked.map((file) => ({
          bestand: file.input,
          past: true,
          toegevoegd: options.add,
          amendementen: file.submissions.map((entry) => entry.number),
        }));
      }
      io.out(`${JSON.stringify(json, null, 2)}\n`);
      return;
    }
    io.out(formatAmendmentList(current));
    for (const file of checked) io.out(`${formatFileCheck(file, options.add)}\n`);
  } finally {
    resolution.ydoc.destroy();
    for (const stuk of opened) stuk.ydoc.destroy();
  }
}

/**
 * Checks `file` against `resolution` and adds what it brings to the resolution's Y.Doc (in
 * memory: the caller writes it, or not). A number that is taken here is refused, unless
 * `renumber`: then it becomes the next free one, as the secretariat numbers amendments in
 * order of arrival (each member numbers a first amendment A1). Anything else that does not
 * fit is refused with its message.
 */
function addAmendmentFile(
  resolution: OpenedStuk,
  file: OpenedStuk,
  renumber: boolean,
): CheckedFile {
  const numbers: Record<string, string> = {};
  const renumbered: { from: string; to: string }[] = [];
  for (;;) {
    let prepared: AmendmentImport;
    try {
      prepared = prepareAmendmentImport(resolution.ydoc, file.ydoc, { numbers });
    } catch (error) {
      if (error instanceof AmendmentNumberError && !Object.hasOwn(numbers, error.id)) {
        if (!renumber) {
          throw new CliError(
            `${file.input}: ${error.message} Met --hernummeren krijgt het nummer ${error.suggested}.`,
          );
        }
        numbers[error.id] = error.suggested;
        renumbered.push({ from: error.number, to: error.suggested });
        continue;
      }
      if (error instanceof AmendmentFileError || error instanceof InvalidDocumentError) {
        throw new CliError(`${file.input}: ${error.message}`);
      }
      throw error;
    }
    Y.applyUpdate(resolution.ydoc, prepared.update);
    return { input: file.input, submissions: prepared.submissions, renumbered };
  }
}

/** The header and one line per indiening. */
export function formatAmendmentList(procedure: StukProcedure): string {
  const title = formatTitleLine(procedure.metadata);
  const amendments = procedure.rows.filter((row) => row.entry.kind === 'amendement').length;
  const moties = procedure.rows.length - amendments;
  const counts = [
    ...(amendments > 0 || moties === 0
      ? [amendments === 0 ? 'geen amendementen' : countOf(amendments, 'amendement', 'amendementen')]
      : []),
    ...(moties > 0 ? [countOf(moties, 'motie', 'moties')] : []),
  ];
  return (
    `${title}: ${counts.join(', ')}\n` +
    procedure.rows.map((row) => `  ${formatAmendmentLine(row)}\n`).join('')
  );
}

/**
 * "A1 · Utrecht, mede Zwolle · “Onderwerp” · Aangenomen (28 voor, 3 tegen, 1 onthouding) ·
 * preadvies: Overnemen · tekst gewijzigd sinds indiening: punt 3 onder ‘Spreekt uit’ · botst
 * met A2".
 */
export function formatAmendmentLine(row: SubmissionRow): string {
  const { entry, advice, decision } = row;
  const parts = [
    entry.number,
    entry.coIndieners.length > 0
      ? `${entry.indiener}, mede ${joinAnd(entry.coIndieners)}`
      : entry.indiener,
  ];
  if (entry.title) parts.push(`“${entry.title}”`);
  let status = STATUS_TEXT[row.status];
  if (decision?.vote === 'algemeen') status += ` ${formatVote(decision.vote)}`;
  else if (decision && decision.vote !== null) status += ` (${formatVote(decision.vote)})`;
  parts.push(status);
  parts.push(advice ? `preadvies: ${ADVICE_TEXT[advice.advice]}` : 'nog geen preadvies');
  const changed = row.changedPlaces.filter((place) => !place.gone).map((place) => place.place);
  const gone = row.changedPlaces.filter((place) => place.gone).map((place) => place.place);
  if (changed.length > 0) parts.push(`tekst gewijzigd sinds indiening: ${changed.join('; ')}`);
  if (gone.length > 0) parts.push(`tekst verdwenen: ${gone.join('; ')}`);
  if (row.conflicts.length > 0) parts.push(`botst met ${joinAnd(row.conflicts)}`);
  return parts.join(' · ');
}

function formatFileCheck(file: CheckedFile, added: boolean): string {
  const names = joinAnd(file.submissions.map((entry) => `${entry.number} van ${entry.indiener}`));
  const renumbered = file.renumbered
    .map(({ from, to }) => ` (nummer ${to}: ${from} was al in gebruik)`)
    .join('');
  return added
    ? `${file.input}: toegevoegd: ${names}${renumbered}`
    : `${file.input}: past bij deze resolutie: ${names}${renumbered}`;
}

function countOf(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

// ---------------------------------------------------------------------------------------
// export --amendement, --geamendeerd, --json

/** The amendment `number` of the stuk, in the standard form; refused naming what there is. */
export function findPrintedAmendment(stuk: OpenedStuk, number: string): PrintedAmendment {
  const procedure = readProcedureOf(stuk);
  const row = findAmendment(procedure, number);
  if (!row) {
    const numbers = procedure.rows
      .filter((candidate) => candidate.entry.kind === 'amendement')
      .map((candidate) => candidate.entry.number);
    throw new CliError(
      `${stuk.input}: geen amendement ${JSON.stringify(number.trim())}; ` +
        (numbers.length > 0 ? `wel ${joinAnd(numbers)}` : 'het stuk heeft geen amendementen'),
    );
  }
  return withInstructionParts(toPrintedAmendment(procedure, row), procedure, row.changes);
}

/**
 * The amendment with its instructions in parts (for the Akoma Ntoso export), each place with
 * the eId of its element in the export of the stuk's own text (`export --akn`), as it is when
 * its instructions are not the ones its pending proposals give. The places count in the
 * resolution without any pending proposal: when the stuk's own text holds other changes
 * still (the bestuur's, an adopted amendment's) that give it other blocks or items, the places
 * keep their names without an eId rather than point to the wrong element.
 */
function withInstructionParts(
  form: PrintedAmendment,
  procedure: StukProcedure,
  changes: readonly TrackedChange[],
): PrintedAmendment {
  if (changes.length === 0) return form;
  const parts = describeAmendmentInstructions(procedure.doc, changes);
  const same =
    parts.length === form.instructions.length &&
    parts.every((list, index) => partsText(list) === form.instructions[index]);
  if (!same) return form;
  const own = getAcceptedDoc(procedure.text);
  if (!sameElements(resolutionWithoutProposals(procedure.doc), own)) {
    return { ...form, instructionParts: parts };
  }
  const eIds = aknEidsOf(own);
  const eIdOf = (target: ElementPath): string | undefined => {
    if (target.section >= own.childCount) return undefined;
    let node = own.child(target.section);
    for (const index of [target.block, target.item]) {
      if (index === null) break;
      if (index >= node.childCount) return undefined;
      node = node.child(index);
    }
    return eIds.get(node);
  };
  const instructionParts = parts.map((list) =>
    list.map((part) => {
      const eId = part.target ? eIdOf(part.target) : undefined;
      return eId === undefined ? part : { ...part, eId };
    }),
  );
  return { ...form, instructionParts };
}

/** Whether two documents have the same sections, blocks and items (their texts aside). */
function sameElements(a: Node, b: Node, depth = 3): boolean {
  if (a.type !== b.type || a.childCount !== b.childCount) return false;
  if (depth === 1 || a.isTextblock) return true;
  for (let index = 0; index < a.childCount; index += 1) {
    if (!sameElements(a.child(index), b.child(index), depth - 1)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------
// resolutie bundle

/** What a bundle prints: its stukken, their file names, and each one's amendments. */
export interface BundleContent {
  docs: Node[];
  fileNames: string[];
  amendments: PrintedAmendment[][];
}

/**
 * The stukken of a bundle from its files: each resolution as its own text, with its issued
 * amendments after it (see `readStukken`).
 */
export async function readBundleContent(inputs: readonly string[]): Promise<BundleContent> {
  const content: BundleContent = { docs: [], fileNames: [], amendments: [] };
  for (const { input, procedure } of await readStukken(inputs)) {
    content.docs.push(procedure.text);
    content.fileNames.push(path.basename(input, path.extname(input)));
    content.amendments.push(
      listIssuedAmendments(procedure).map((row) => toPrintedAmendment(procedure, row)),
    );
  }
  return content;
}

/**
 * The stukken given on the command line, each with its procedure. An amendment file (a member's
 * copy holding a submitted amendment made on a resolution among them, which fits it:
 * prepareAmendmentImport) is added to that resolution, in memory, instead of counting as a
 * stuk of its own; one whose amendments the resolution holds already adds nothing. A file that
 * fits no resolution among them is a stuk of its own, with its own amendments.
 */
export async function readStukken(
  inputs: readonly string[],
): Promise<{ input: string; procedure: StukProcedure }[]> {
  const stukken: OpenedStuk[] = [];
  try {
    for (const input of inputs) {
      const stuk = await openStuk(input);
      stukken.push(stuk);
      readProcedureOf(stuk);
    }
    const children = new Set<OpenedStuk>();
    for (const file of stukken) {
      for (const resolution of stukken) {
        if (resolution === file || children.has(resolution) || !isMadeOn(resolution, file)) {
          continue;
        }
        if (!hasFreshAmendment(resolution, file)) {
          children.add(file);
          break;
        }
        try {
          // Printed only: a taken number becomes the next free one, as it would be added.
          addAmendmentFile(resolution, file, true);
          children.add(file);
          break;
        } catch (error) {
          // Made on this resolution's history, but no amendment of it: another stuk.
          if (!(error instanceof CliError)) throw error;
        }
      }
    }
    return stukken
      .filter((stuk) => !children.has(stuk))
      .map((stuk) => ({
        input: stuk.input,
        procedure: readProcedureOf({ ...stuk, doc: readYDoc(stuk.ydoc) }),
      }));
  } finally {
    for (const stuk of stukken) stuk.ydoc.destroy();
  }
}

/**
 * Whether `file` holds a submitted amendment made on `resolution`'s history: one whose base
 * (the state of the copy it was made on) shares history with the resolution. A resolution and
 * a copy of it share their history; two resolutions made apart share none.
 */
function isMadeOn(resolution: OpenedStuk, file: OpenedStuk): boolean {
  return readProcedureEntries(file.ydoc).submissions.some((entry) => {
    if (entry.kind !== 'amendement' || entry.submitted === null) return false;
    const bytes = decodeBase64(entry.base.stateVector);
    if (!bytes || bytes.length === 0) return false;
    try {
      const base = Y.decodeStateVector(bytes);
      return [...base.keys()].some((client) => Y.getState(resolution.ydoc.store, client) > 0);
    } catch {
      return false;
    }
  });
}

/** Whether `file` brings a submitted amendment `resolution` does not hold yet. */
function hasFreshAmendment(resolution: OpenedStuk, file: OpenedStuk): boolean {
  const own = new Set(readProcedureEntries(resolution.ydoc).submissions.map((entry) => entry.id));
  return readProcedureEntries(file.ydoc).submissions.some(
    (entry) => entry.kind === 'amendement' && entry.submitted !== null && !own.has(entry.id),
  );
}

// ---------------------------------------------------------------------------------------
// resolutie preadviezen

/**
 * `resolutie preadviezen STUK… --pdf UIT.pdf`: the overview of the given resolutions and motie
 * files, printed.
 */
export async function printPreadviezen(
  inputs: readonly string[],
  output: string,
  print: (render: RenderPage) => Promise<Uint8Array>,
  io: CliOutput,
): Promise<void> {
  // Amendment files join their resolution, as in a bundle.
  const procedures = (await readStukken(inputs)).map((stuk) => stuk.procedure);
  await checkWritableTarget(output);
  const overview = toPreadviezen(procedures);
  const { renderPreadviezenDocument } = await import('../../shared/print/renderPreadviezen.ts');
  const pdf = await print((fontCss) => renderPreadviezenDocument({ ...overview, fontCss }));
  await writeFileAtomic(output, pdf);
  const count = overview.sections.reduce((sum, section) => sum + section.rows.length, 0);
  io.out(
    `Preadviezen gemaakt: ${output} (${countOf(count, 'amendement of motie', 'amendementen en moties')}).\n`,
  );
}
