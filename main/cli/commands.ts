/**
 * The command line's commands, each from parsed arguments to output, on real files. Every
 * failure becomes a CliError or one of the file and format errors, each with a Dutch message
 * that the entry point prints as one line.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Node } from 'prosemirror-model';
import { parseResolutionText } from '../../shared/import/parseResolutionText.ts';
import { docFromModel } from '../../shared/editor/fromModel.ts';
import { createYDoc } from '../../shared/ydoc/yDocument.ts';
import { readDocumentFile, writeDocumentFile } from '../../shared/ydoc/documentFile.ts';
import { findVersionByName, listVersions } from '../../shared/ydoc/versions.ts';
import { getAcceptedDoc } from '../../shared/editor/suggestions/acceptedDoc.ts';
import type { FileWriter } from '../../shared/ydoc/documentFile.ts';
import {
  MAX_RESOLUTIE_FILE_BYTES,
  RESOLUTIE_EXTENSION,
} from '../../shared/format/resolutieFile.ts';
import { toPlainText } from '../../shared/export/toPlainText.ts';
import { toJsonExport } from '../../shared/export/toJsonExport.ts';
import { aknWorkUriOf, toAkomaNtoso } from '../../shared/export/akn/toAkomaNtoso.ts';
import { amendmentToAkomaNtoso } from '../../shared/export/akn/amendmentToAkomaNtoso.ts';
import { getMetadataText } from '../../shared/editor/queries/getMetadataText.ts';
import { readFileLimited } from '../services/files/readFileLimited.ts';
import { checkWritableTarget, writeFileAtomic } from '../services/files/atomicWrite.ts';
import { FileFormatError } from '../../shared/format/formatErrors.ts';
import { MAX_BUNDLE_TITLE_LENGTH, formatStukCount } from '../../shared/print/renderBundle.ts';
import { CHANGE_DISPLAYS, isChangeDisplay } from '../../shared/print/printChanges.ts';
import type { ChangeDisplay } from '../../shared/print/printChanges.ts';
import { toIsoDate } from '../../shared/dates.ts';
import { findAppRoot } from '../services/app/appRoot.ts';

import { CliError } from './cliErrors.ts';
import { decodeTextFile } from '../../shared/import/textDecoding.ts';
import { summarizeImport } from '../../shared/import/importSummary.ts';
import { WORD_FILE_NAME, looksLikeWordFile } from '../../shared/import/docx/wordFileSigns.ts';
import { ProgressBar } from './progressBar.ts';
import { timePdfPhase } from '../services/pdf/pdfTimings.ts';
import { formatCommentReport, getCommentReport } from '../../shared/comments/commentReport.ts';
import type { ReportedThread } from '../../shared/comments/commentReport.ts';
import type * as Y from 'yjs';
import type { ProgressStream } from './progressBar.ts';
import { getProcedureJson } from '../../shared/procedure/procedureExport.ts';
import type { ProcedureJson } from '../../shared/procedure/procedureExport.ts';
import type { AmendedMarks } from '../../shared/print/amendedText.ts';
import type { PrintedAmendment } from '../../shared/print/renderAmendment.ts';
import { getAmendedMarks } from '../services/pdf/procedureStukken.ts';
import type { RenderPage } from '../services/pdf/printForms.ts';
import { findPrintedAmendment, readBundleContent, readProcedureOf } from './procedureCommands.ts';
import { getCheckContext, getExportWarning } from './checkCommand.ts';
import type { CheckContext } from '../../shared/checks/checkTypes.ts';

/** Plain-text files larger than this are no resolution. */
const MAX_TEXT_BYTES = 10 * 1024 * 1024;

/** Where a command writes what a person reads. */
export interface CliOutput {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Where a long job draws its progress bar (stderr); drawn only when it is a terminal. */
  progress?: ProgressStream;
}

/** `resolutie import IN.txt|IN.docx -o OUT.resolutie [--force]` */
export async function importText(
  input: string,
  output: string,
  force: boolean,
  writer: FileWriter,
  io: CliOutput,
): Promise<void> {
  if (!output.endsWith(RESOLUTIE_EXTENSION)) {
    throw new CliError(
      `Het uitvoerbestand moet op ${RESOLUTIE_EXTENSION} eindigen: ${output}`,
      true,
    );
  }
  if (!force && existsSync(output)) {
    throw new CliError(
      `${path.basename(output)} bestaat al; kies een andere naam of gebruik --force om het te overschrijven.`,
    );
  }
  // The Word import (zip reader, XML parser) is loaded only for a Word file.
  if (WORD_FILE_NAME.test(input)) {
    const { importWordFile } = await import('./docxImportCommand.ts');
    await importWordFile(input, output, writer, io);
    return;
  }
  const bytes = await readFileLimited(input, MAX_TEXT_BYTES);
  // A Word file under another name is read as Word, not as text full of zip bytes.
  if (looksLikeWordFile(bytes)) {
    const { importWordFile } = await import('./docxImportCommand.ts');
    await importWordFile(input, output, writer, io, bytes);
    return;
  }
  const text = decodeTextFile(bytes);
  const model = parseResolutionText(text);
  const doc = docFromModel(model);
  await writeFileAtomic(output, writeDocumentFile(createYDoc(doc), writer));
  const { counts, warning } = summarizeImport(model);
  io.out(`Geïmporteerd naar ${output}: ${counts}.\n`);
  if (warning) io.err(`Let op: ${warning}\n`);
}

/** `resolutie show IN.resolutie [--comments]` */
export async function showDocument(
  input: string,
  io: CliOutput,
  options: { comments?: boolean } = {},
): Promise<void> {
  const read: { threads: ReportedThread[]; text: Node | null } = { threads: [], text: null };
  const doc = await readDocument(input, undefined, (ydoc, current) => {
    if (options.comments) read.threads = getCommentReport(ydoc);
    read.text = readProcedureOf({ input, ydoc, doc: current }).text;
  });
  // As a reader will read it: the stuk's own text (without open amendments) with its pending
  // changes accepted, as the PDF prints by default.
  io.out(toPlainText(getAcceptedDoc(read.text ?? doc)));
  const { threads } = read;
  if (options.comments) {
    io.out(threads.length > 0 ? `\n${formatCommentReport(threads)}` : '\nGeen opmerkingen.\n');
  }
}

/** What `resolutie export` writes: JSON, a PDF, or both. */
export interface ExportTargets {
  json?: string | undefined;
  pdf?: string | undefined;
  /** Akoma Ntoso 3.0 XML (`--akn`), with pending changes accepted like the JSON. */
  akn?: string | undefined;
  /** A Word document (`--docx`), its changes as `changes` says: accepted unless shown. */
  docx?: string | undefined;
  /** How the PDF prints pending changes (`--changes`); hidden by default. */
  changes?: ChangeDisplay | undefined;
  /** A named version to export instead of the current text (`--version`). */
  version?: string | undefined;
  /** Add the comments to the PDF, in an appendix "Opmerkingen" (`--comments`). */
  comments?: boolean | undefined;
  /** Print this amendment (its number, `--amendement A1`) in the standard form instead. */
  amendement?: string | undefined;
  /** Print the resolution zoals geamendeerd (`--geamendeerd`). */
  geamendeerd?: boolean | undefined;
  /** Make the PDF PDF/A-2b, for archives (`--pdfa`). */
  archival?: boolean | undefined;
}

/**
 * `resolutie export IN.resolutie [--json OUT.json] [--akn OUT.xml] [--pdf OUT.pdf [--changes shown|hidden]
 * [--amendement A1 | --geamendeerd]]`; `--amendement` gives the amendment's PDF and its AKN.
 */
export async function exportDocument(
  input: string,
  targets: ExportTargets,
  writer: FileWriter,
  io: CliOutput,
): Promise<void> {
  for (const output of [targets.json, targets.pdf, targets.akn, targets.docx]) {
    if (output) refuseOverwritingInput([input], output);
  }
  // What is read of the file before its Y.Doc is freed.
  const read: {
    threads: ReportedThread[];
    text: Node | null;
    procedure: ProcedureJson | null;
    amendment: PrintedAmendment | null;
    amended: AmendedMarks | null;
    checks: CheckContext;
  } = { threads: [], text: null, procedure: null, amendment: null, amended: null, checks: {} };
  const doc = await readDocument(input, targets.version, (ydoc, current) => {
    if (targets.comments) read.threads = getCommentReport(ydoc);
    const stuk = { input, ydoc, doc: current };
    const procedure = readProcedureOf(stuk);
    read.text = procedure.text;
    if (targets.json) read.procedure = getProcedureJson(ydoc, current);
    if (targets.amendement !== undefined) {
      read.amendment = findPrintedAmendment(stuk, targets.amendement);
    }
    if (targets.geamendeerd) read.amended = getAmendedMarks(procedure);
    read.checks = getCheckContext(procedure);
  });
  // A definitief stuk goes out as it is, but not without saying that the checks found things.
  const warning = targets.amendement === undefined && getExportWarning(input, doc, read.checks);
  if (warning) io.err(warning);
  // The stuk's own text: its open amendments print on their own. A version is as recorded;
  // with the changes shown, every proposal is.
  const own =
    targets.version !== undefined || targets.changes === 'shown' ? doc : (read.text ?? doc);
  // Printing takes seconds; a folder that cannot take the PDF is said before, not after.
  if (targets.pdf) await checkWritableTarget(targets.pdf);
  if (targets.json) {
    // The structured text as it reads with pending changes accepted (the PDF's default), and
    // the procedure beside it.
    const text = targets.version !== undefined ? doc : (read.text ?? doc);
    const exported = { ...toJsonExport(getAcceptedDoc(text)), procedure: read.procedure };
    const json = `${JSON.stringify(exported, null, 2)}\n`;
    await writeFileAtomic(targets.json, new TextEncoder().encode(json));
    io.out(`Geëxporteerd naar ${targets.json}.\n`);
  }
  if (targets.akn) {
    // Like the JSON: the text (or the named version) with pending changes accepted; with
    // --amendement the amendment as an AKN amendment that points to that text's work.
    const text = targets.version !== undefined ? doc : (read.text ?? doc);
    const now = new Date();
    const xml = read.amendment
      ? amendmentToAkomaNtoso(read.amendment, { resolutionUri: aknWorkUriOf(text, { now }), now })
      : toAkomaNtoso(text, { now });
    await writeFileAtomic(targets.akn, new TextEncoder().encode(xml));
    io.out(`Geëxporteerd naar ${targets.akn} (Akoma Ntoso).\n`);
  }
  if (targets.docx) {
    // Like the PDF: the stuk's own text, its proposals accepted or as Word's tracked changes,
    // and its comments as Word comments when asked. Loaded only here: docx is large.
    const { toDocx } = await import('../../shared/export/docx/toDocx.ts');
    const comments = targets.comments ? read.threads : undefined;
    const bytes = await toDocx(own, { changes: targets.changes, comments });
    await writeFileAtomic(targets.docx, bytes);
    io.out(`Geëxporteerd naar ${targets.docx} (Word).\n`);
  }
  if (targets.pdf) {
    const { amendment, amended } = read;
    let pdf: Uint8Array;
    if (amendment) {
      const { renderAmendmentDocument } = await import('../../shared/print/renderAmendment.ts');
      pdf = await printRendered(
        (fontCss) => renderAmendmentDocument(amendment, { fontCss }),
        writer,
        targets.archival,
      );
    } else if (amended) {
      const { renderPrintDocument } = await import('../../shared/print/renderPrintDocument.ts');
      pdf = await printRendered(
        (fontCss) => renderPrintDocument(doc, { fontCss, amended }),
        writer,
        targets.archival,
      );
    } else {
      const comments = targets.comments ? read.threads : undefined;
      pdf = await printToPdf(own, writer, targets.changes, comments, targets.archival);
    }
    await writeFileAtomic(targets.pdf, pdf);
    io.out(`PDF gemaakt: ${targets.pdf}.\n`);
  }
}

/** `resolutie bundle A.resolutie B.resolutie … --pdf UIT.pdf [--title "…"] [--pdfa]` */
export async function bundleDocuments(
  inputs: readonly string[],
  output: string,
  title: string | undefined,
  writer: FileWriter,
  io: CliOutput,
  archival = false,
): Promise<void> {
  if (inputs.length === 0) throw new CliError('bundle: geef de documenten van de bundel', true);
  refuseOverwritingInput(inputs, output);
  if (title !== undefined && title.trim().length === 0) {
    throw new CliError('bundle: de titel (--title) is leeg', true);
  }
  if (title !== undefined && title.trim().length > MAX_BUNDLE_TITLE_LENGTH) {
    throw new CliError(
      `bundle: de titel is te lang (${title.trim().length} tekens, hoogstens ${MAX_BUNDLE_TITLE_LENGTH})`,
      true,
    );
  }
  // Each resolution with its amendments after it; amendment files join their resolution.
  const { docs, fileNames, amendments } = await readBundleContent(inputs);
  await checkWritableTarget(output);

  const { printBundlePdf } = await timePdfPhase(
    'pdfModules',
    () => import('../services/pdf/printBundlePdf.ts'),
  );
  const bar = new ProgressBar(io.progress ?? { write: () => undefined });
  try {
    const bundle = await withChromium(() =>
      printBundlePdf(docs, {
        ...getPdfJobOptions(writer),
        title: title?.trim() ?? getDefaultBundleTitle(docs),
        compiledOn: toIsoDate(new Date()),
        // An untitled letter goes by its file's name in the contents, not by "Resolutie".
        fileNames,
        amendments,
        archival,
        onProgress: ({ done, total, label }) => bar.update(done, total, label),
      }),
    );
    bar.clear();
    await writeFileAtomic(output, bundle.pdf);
    const count = amendments.reduce((sum, list) => sum + list.length, 0);
    const extra = count > 0 ? ` en ${count} ${count === 1 ? 'amendement' : 'amendementen'}` : '';
    io.out(
      `Bundel gemaakt: ${output} (${formatStukCount(docs.length)}${extra}, ${bundle.pageCount} pagina's).\n`,
    );
  } finally {
    bar.clear();
  }
}

/**
 * The title of a bundle the user gave none: "Stukken Najaars ALV" when every stuk is for the
 * same assembly, "Stukken" otherwise.
 */
export function getDefaultBundleTitle(docs: readonly Node[]): string {
  const assemblies = new Set(docs.map((doc) => getMetadataText(doc).assembly));
  const [only] = assemblies;
  return assemblies.size === 1 && only ? `Stukken ${only}` : 'Stukken';
}

function refuseOverwritingInput(inputs: readonly string[], output: string): void {
  if (inputs.some((input) => path.resolve(input) === path.resolve(output))) {
    throw new CliError(
      'Het uitvoerbestand is hetzelfde als een van de documenten; kies een andere naam.',
      true,
    );
  }
}

/** The PDF of a document, printed by a Chromium found on this machine. */
export async function printToPdf(
  doc: Node,
  writer: FileWriter,
  changes?: ChangeDisplay,
  comments?: readonly ReportedThread[],
  archival?: boolean,
): Promise<Uint8Array> {
  // Loaded only for a PDF: Playwright and pdf-lib would slow every other command's start.
  const { printDocumentPdf } = await timePdfPhase(
    'pdfModules',
    () => import('../services/pdf/printDocumentPdf.ts'),
  );
  return withChromium(() =>
    printDocumentPdf(doc, { ...getPdfJobOptions(writer), changes, comments, archival }),
  );
}

/** A page of another print template (an amendment, the preadviezen), printed to PDF. */
export async function printRendered(
  render: RenderPage,
  writer: FileWriter,
  archival?: boolean,
): Promise<Uint8Array> {
  const { printRenderedPdf } = await timePdfPhase(
    'pdfModules',
    () => import('../services/pdf/printDocumentPdf.ts'),
  );
  return withChromium(() => printRenderedPdf(render, { ...getPdfJobOptions(writer), archival }));
}

/** The value of `--changes`, checked: `shown` or `hidden`. */
export function parseChangeDisplay(value: string): ChangeDisplay {
  if (isChangeDisplay(value)) return value;
  throw new CliError(
    `export: --changes moet ${CHANGE_DISPLAYS.join(' of ')} zijn, niet ${JSON.stringify(value)}`,
    true,
  );
}

function getPdfJobOptions(writer: FileWriter) {
  return {
    appRoot: findAppRoot(path.dirname(fileURLToPath(import.meta.url))),
    creator: `${writer.app} ${writer.version}`,
  };
}

// Runs a print job; no Chromium on this machine is a message for the user, not a crash.
async function withChromium<T>(job: () => Promise<T>): Promise<T> {
  const { ChromiumMissingError } = await import('../services/pdf/chromiumPagePrinter.ts');
  try {
    return await job();
  } catch (error) {
    if (error instanceof ChromiumMissingError) throw new CliError(error.message);
    throw error;
  }
}

// A stored document, read strictly, or one of its named versions; `withYDoc` reads more of
// it (its comments, its procedure) before it is freed. A format error names the file: a
// bundle reads many.
async function readDocument(
  input: string,
  version?: string,
  withYDoc?: (ydoc: Y.Doc, doc: Node) => void,
): Promise<Node> {
  const bytes = await readFileLimited(input, MAX_RESOLUTIE_FILE_BYTES);
  try {
    const { doc, ydoc } = readDocumentFile(bytes);
    try {
      withYDoc?.(ydoc, doc);
      if (version === undefined) return doc;
      const found = findVersionByName(ydoc, version);
      if (found) return found.doc;
      const names = listVersions(ydoc).map((info) => `"${info.name}"`);
      throw new CliError(
        `${input}: geen versie ${JSON.stringify(version)}; ` +
          (names.length > 0 ? `wel ${names.join(', ')}` : 'het document heeft geen versies'),
      );
    } finally {
      ydoc.destroy();
    }
  } catch (error) {
    if (error instanceof FileFormatError) throw new CliError(`${input}: ${error.message}`);
    throw error;
  }
}
