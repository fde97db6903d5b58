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
import { createYDoc } from '../../shared/collab/yDocument.ts';
import { readDocumentFile, writeDocumentFile } from '../../shared/collab/documentFile.ts';
import type { FileWriter } from '../../shared/collab/documentFile.ts';
import {
  MAX_RESOLUTIE_FILE_BYTES,
  RESOLUTIE_EXTENSION,
} from '../../shared/format/resolutieFile.ts';
import { toPlainText } from '../../shared/export/toPlainText.ts';
import { toJsonExport } from '../../shared/export/toJsonExport.ts';
import { formatItemCount } from '../../shared/labels.ts';
import { readFileLimited } from '../services/readFileLimited.ts';
import { writeFileAtomic } from '../services/atomicWrite.ts';
import { findAppRoot } from '../services/appRoot.ts';

import { CliError } from './cliErrors.ts';
import { decodeTextFile } from './textDecoding.ts';

/** Plain-text files larger than this are no resolution. */
const MAX_TEXT_BYTES = 10 * 1024 * 1024;

/** Where a command writes what a person reads. */
export interface CliOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** `resolutie import IN.txt -o OUT.resolutie [--force]` */
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
  const text = decodeTextFile(await readFileLimited(input, MAX_TEXT_BYTES));
  const model = parseResolutionText(text);
  const doc = docFromModel(model);
  await writeFileAtomic(output, writeDocumentFile(createYDoc(doc), writer));
  const recitals = model.blocks.filter((b) => b.type === 'recital');
  const operatives = model.blocks.filter((b) => b.type === 'operative');
  const count = (blocks: typeof model.blocks) =>
    blocks.reduce((sum, b) => sum + b.items.filter((i) => i.indent === 0).length, 0);
  const headings = model.explanation.filter((f) => f.type === 'heading').length;
  io.out(
    `Geïmporteerd naar ${output}: ${formatItemCount('recital', count(recitals))}, ` +
      `${formatItemCount('operative', count(operatives))}, Toelichting met ${headings} ${headings === 1 ? 'kop' : 'koppen'}.\n`,
  );
  if (model.blocks.length === 0) {
    io.err(
      'Let op: de tekst bevat geen blokken ("Overwegende dat:", "Spreekt uit:"); alles staat in de Toelichting.\n',
    );
  }
}

/** `resolutie show IN.resolutie` */
export async function showDocument(input: string, io: CliOutput): Promise<void> {
  io.out(toPlainText(await readDocument(input)));
}

/** What `resolutie export` writes: JSON, a PDF, or both. */
export interface ExportTargets {
  json?: string | undefined;
  pdf?: string | undefined;
}

/** `resolutie export IN.resolutie [--json OUT.json] [--pdf OUT.pdf]` */
export async function exportDocument(
  input: string,
  targets: ExportTargets,
  writer: FileWriter,
  io: CliOutput,
): Promise<void> {
  for (const output of [targets.json, targets.pdf]) {
    if (output && path.resolve(input) === path.resolve(output)) {
      throw new CliError(
        'Het uitvoerbestand is hetzelfde als het document; kies een andere naam.',
        true,
      );
    }
  }
  const doc = await readDocument(input);
  if (targets.json) {
    const json = `${JSON.stringify(toJsonExport(doc), null, 2)}\n`;
    await writeFileAtomic(targets.json, new TextEncoder().encode(json));
    io.out(`Geëxporteerd naar ${targets.json}.\n`);
  }
  if (targets.pdf) {
    await writeFileAtomic(targets.pdf, await printToPdf(doc, writer));
    io.out(`PDF gemaakt: ${targets.pdf}.\n`);
  }
}

/** The PDF of a document, printed by a Chromium found on this machine. */
export async function printToPdf(doc: Node, writer: FileWriter): Promise<Uint8Array> {
  // Loaded only for a PDF: Playwright and pdf-lib would slow every other command's start.
  const { ChromiumMissingError, printDocumentPdf } =
    await import('../services/pdf/printDocumentPdf.ts');
  try {
    return await printDocumentPdf(doc, {
      appRoot: findAppRoot(path.dirname(fileURLToPath(import.meta.url))),
      creator: `${writer.app} ${writer.version}`,
    });
  } catch (error) {
    if (error instanceof ChromiumMissingError) throw new CliError(error.message);
    throw error;
  }
}

async function readDocument(input: string): Promise<Node> {
  const { doc, ydoc } = readDocumentFile(await readFileLimited(input, MAX_RESOLUTIE_FILE_BYTES));
  ydoc.destroy();
  return doc;
}
