/**
 * `resolutie check STUK`: the drafting checks of the Controle panel on a stored stuk, one
 * finding per line with its place, and the exit code a script can test (0 none, 1 findings,
 * 2 the stuk could not be read). Also the warning `resolutie export` gives for a definitief
 * stuk that still has findings.
 */
import type { Node } from 'prosemirror-model';
import { runChecks } from '../../shared/checks/checkRunner.ts';
import type { CheckResult } from '../../shared/checks/checkRunner.ts';
import type { CheckContext, Finding } from '../../shared/checks/checkTypes.ts';
import type { StukProcedure } from '../services/pdf/procedureStukken.ts';
import { openStuk, readProcedureOf } from './procedureCommands.ts';
import type { CliOutput } from './commands.ts';

/** What the checks know of the procedure: the amendments whose text changed since. */
export function getCheckContext(procedure: StukProcedure): CheckContext {
  return {
    changedAmendments: procedure.rows
      .filter((row) => row.entry.kind === 'amendement')
      .flatMap((row) =>
        row.changedPlaces.map((place) => ({
          number: row.entry.number,
          place: place.place,
          gone: place.gone,
        })),
      ),
  };
}

/** `resolutie check STUK`; resolves to the exit code: 1 when there are findings, else 0. */
export async function checkDocument(input: string, io: CliOutput): Promise<number> {
  const stuk = await openStuk(input);
  let result: CheckResult;
  try {
    // The document as the editor holds it, its pending proposals in it, as the panel checks it.
    result = runChecks(stuk.doc, getCheckContext(readProcedureOf(stuk)));
  } finally {
    stuk.ydoc.destroy();
  }
  io.out(formatCheckReport(result));
  return result.findings.length > 0 ? 1 : 0;
}

/** The findings one per line, "Spreekt uit, punt 2: … [punt-einde]", and the count last. */
export function formatCheckReport({ findings, ignored }: CheckResult): string {
  const lines = findings.map(formatFindingLine);
  const aside = ignored.length > 0 ? `${ignored.length} genegeerd` : '';
  if (findings.length === 0) {
    lines.push(aside ? `Geen bevindingen (${aside}).` : 'Geen bevindingen.');
  } else {
    const count = countFindings(findings.length);
    lines.push(aside ? `${count}, ${aside}.` : `${count}.`);
  }
  return `${lines.join('\n')}\n`;
}

/** One finding: its place, why, and the rule's id (what "Negeren" keeps in the stuk). */
export function formatFindingLine(finding: Finding): string {
  return `${finding.place}: ${finding.message} [${finding.rule}]`;
}

/**
 * The line `resolutie export` writes to stderr when a definitief stuk still has findings
 * (the export goes ahead), or null when there is nothing to warn of.
 */
export function getExportWarning(input: string, doc: Node, context: CheckContext): string | null {
  if (doc.child(0).attrs.status !== 'definitief') return null;
  const { findings } = runChecks(doc, context);
  if (findings.length === 0) return null;
  return `Let op: ${countFindings(findings.length)} van de controle; zie \`resolutie check ${input}\`.\n`;
}

function countFindings(count: number): string {
  return `${count} ${count === 1 ? 'bevinding' : 'bevindingen'}`;
}
