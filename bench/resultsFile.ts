/** `bench/results.md`: the machine, the table, the targets, and each benchmark's notes. */
import type { MachineInfo } from './machine.ts';
import { formatMachine } from './machine.ts';
import { listTargets } from './report.ts';
import type { BenchmarkSection } from './report.ts';

/** The Markdown of the results file. */
export function writeResultsMarkdown(
  machine: MachineInfo,
  sections: readonly BenchmarkSection[],
  table: string,
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
    '[docs/bench-results.svg](../docs/bench-results.svg).',
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
