/** `bench/results.md`: the machine, the table, the targets, and each benchmark's notes. */
import type { MachineInfo } from './machine.ts';
import { formatMachine } from './machine.ts';
import { listTargets } from './report.ts';
import type { BenchmarkSection } from './report.ts';

/** Where the charts are, relative to the results file; the size chart only when drawn. */
export interface ChartLinks {
  chart: string;
  sizeChart: string | null;
}

/** The Markdown of the results file. */
export function writeResultsMarkdown(
  machine: MachineInfo,
  sections: readonly BenchmarkSection[],
  table: string,
  charts: ChartLinks = { chart: '../docs/bench-results.svg', sizeChart: null },
): string {
  const targets = sections.flatMap((section) =>
    listTargets(section).map(
      ({ row, target }) =>
        `- ${target.met ? '✓ gehaald' : '✗ gemist'}: ${row.benchmark}: ${target.text}`,
    ),
  );
  return [
    '# Benchmarks',
    '',
    'Gemaakt door `npm run bench` (zie `bench/run.ts`); niet met de hand bewerken. De grafiek:',
    `[${linkText(charts.chart)}](${charts.chart}).`,
    ...(charts.sizeChart ? [sizeSentence(sections, charts.sizeChart)] : []),
    '',
    `**Machine.** ${formatMachine(machine)}`,
    '',
    table,
    '',
    '## Doelen',
    '',
    ...targets,
    '',
    ...sections.flatMap((section) => [
      `## ${section.title}`,
      '',
      ...section.notes.flatMap((note) => [note, '']),
    ]),
  ].join('\n');
}

/** A link's text: the path without leading `../`, as the reader finds it in the repository. */
function linkText(link: string): string {
  return link.replace(/^(\.\.\/)+/, '');
}

/** The sentence that points to the size chart, with the sizes it spans. */
function sizeSentence(sections: readonly BenchmarkSection[], link: string): string {
  const items = sections.flatMap((s) =>
    (s.sizeSeries ?? []).flatMap((l) => l.points.map((p) => p.items)),
  );
  const span = `${Math.min(...items).toLocaleString('nl-NL')} tot ${Math.max(...items).toLocaleString('nl-NL')} punten`;
  return `Hoe de kosten meegroeien met de omvang van het document, van ${span}, per benchmark de Resolutie-editor naast zijn baseline: [${linkText(link)}](${link}).`;
}
