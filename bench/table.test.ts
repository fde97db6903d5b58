import { describe, expect, it } from 'vitest';
import { formatRatio, formatValue, toMarkdownTable, toTextTable } from './table.ts';
import type { BenchmarkSection } from './report.ts';
import { summarize } from './stats.ts';

const section: BenchmarkSection = {
  id: 'pdf',
  title: 'PDF',
  notes: [],
  rows: [
    {
      benchmark: 'PDF, 40 pagina’s',
      variant: 'resolutie export',
      baseline: false,
      unit: 's',
      summary: summarize([2.5, 2.25, 2.75]),
      memory: '41 p.',
      ratio: 1.234,
      targets: [{ text: '< 3 s', met: true }],
    },
    {
      benchmark: 'PDF, 40 pagina’s',
      variant: 'kaal | print',
      baseline: true,
      unit: 's',
      summary: summarize([1]),
    },
  ],
};

describe('the results tables', () => {
  it('writes numbers with a decimal comma and fitting decimals', () => {
    expect(formatValue(3.456, 'ms')).toBe('3,5 ms');
    expect(formatValue(123.4, 'ms')).toBe('123 ms');
    expect(formatValue(2.345, 's')).toBe('2,35 s');
    expect(formatValue(Number.NaN, 'ms')).toBe('–');
    expect(formatRatio(1.234)).toBe('1,23×');
    expect(formatRatio(undefined)).toBe('');
  });

  it('names a benchmark once and marks baselines and targets', () => {
    const lines = toMarkdownTable([section]).split('\n');
    expect(lines[2]).toBe(
      '| PDF, 40 pagina’s | resolutie export | 3 | 2,50 s | 2,75 s | 2,75 s | 41 p. | 1,23× | ✓ < 3 s |',
    );
    expect(lines[3]).toBe(
      '|  | baseline: kaal \\| print | 1 | 1,00 s | 1,00 s | 1,00 s |  |  |  |',
    );
  });

  it('aligns the text table in columns', () => {
    const lines = toTextTable([section]).split('\n');
    expect(lines).toHaveLength(4);
    expect(
      new Set(lines.slice(0, 2).map((l) => l.indexOf('Variant') >= 0 || l.startsWith('-'))),
    ).toEqual(new Set([true]));
  });
});
