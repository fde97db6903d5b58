import { describe, expect, it } from 'vitest';
import { writeResultsMarkdown } from './resultsFile.ts';
import type { MachineInfo } from './machine.ts';
import type { BenchmarkSection } from './report.ts';

const machine: MachineInfo = {
  cpu: 'AMD EPYC',
  cores: 2,
  memoryGiB: 24,
  system: 'Debian GNU/Linux 12 (bookworm)',
  node: 'v22.23.3',
  chromium: '156.0.8078.129',
  loadBefore: [0.1, 0.1, 0.1],
  loadAfter: [0.2, 0.1, 0.1],
  date: '2026-12-07',
};
const typing: BenchmarkSection = {
  id: 'typing',
  title: 'Typen in een document in bespreking',
  rows: [],
  notes: ['Hoe gemeten.'],
  sizeSeries: [
    {
      label: 'Typen',
      baseline: false,
      unit: 'ms',
      points: [
        { items: 10, median: 3 },
        { items: 1000, median: 6 },
      ],
    },
  ],
};

describe('the results file', () => {
  it('links both charts where they are, with a sentence on the size chart', () => {
    const markdown = writeResultsMarkdown(machine, [typing], '| tabel |', {
      chart: '../docs/bench-results.svg',
      sizeChart: '../docs/bench-size.svg',
    });
    expect(markdown).toContain('[docs/bench-results.svg](../docs/bench-results.svg)');
    expect(markdown).toContain(
      'van 10 tot 1.000 punten, per benchmark de Resolutie-editor naast zijn baseline: [docs/bench-size.svg](../docs/bench-size.svg).',
    );
    expect(markdown).toContain('## Typen in een document in bespreking\n\nHoe gemeten.');
  });

  it('names no size chart when none was drawn', () => {
    const markdown = writeResultsMarkdown(machine, [{ ...typing, sizeSeries: [] }], '', {
      chart: 'uit.svg',
      sizeChart: null,
    });
    expect(markdown).toContain('[uit.svg](uit.svg)');
    expect(markdown).not.toContain('bench-size');
    expect(markdown).not.toContain('omvang');
  });
});
