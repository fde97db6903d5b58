/**
 * The results as tables: aligned text for the terminal and Markdown for `bench/results.md`
 * and the README. Numbers in Dutch notation (decimal comma), as the rest of the README.
 */
import type { BenchmarkSection, ResultRow } from './report.ts';

/** A number with `digits` decimals and a decimal comma; "–" for NaN. */
export function formatNumber(value: number, digits: number): string {
  if (!Number.isFinite(value)) return '–';
  return value.toFixed(digits).replace('.', ',');
}

/** A measured value with its unit, with decimals that suit its size. */
export function formatValue(value: number, unit: ResultRow['unit']): string {
  if (!Number.isFinite(value)) return '–';
  const digits = unit === 's' ? 2 : value < 10 ? 1 : 0;
  return `${formatNumber(value, digits)} ${unit}`;
}

/** "1,3×", or empty when there is no ratio. */
export function formatRatio(ratio: number | undefined): string {
  return ratio === undefined || !Number.isFinite(ratio)
    ? ''
    : `${formatNumber(ratio, ratio < 10 ? 2 : 1)}×`;
}

const HEADER = [
  'Benchmark',
  'Variant',
  'n',
  'Mediaan',
  'p95',
  'p99',
  'Geheugen / omvang',
  '× baseline',
  'Doel',
];

/** The cells of one row, in the order of the header. */
export function rowCells(row: ResultRow): string[] {
  const s = row.summary;
  const targets = (row.targets ?? []).map((t) => `${t.met ? '✓' : '✗'} ${t.text}`).join('; ');
  return [
    row.benchmark,
    row.baseline ? `baseline: ${row.variant}` : row.variant,
    s ? String(s.count) : '',
    s ? formatValue(s.median, row.unit) : (row.figure ?? ''),
    s ? formatValue(s.p95, row.unit) : '',
    s ? formatValue(s.p99, row.unit) : '',
    row.memory ?? '',
    formatRatio(row.ratio),
    targets,
  ];
}

/** All sections as one Markdown table; a benchmark's name only on its first row. */
export function toMarkdownTable(sections: readonly BenchmarkSection[]): string {
  const lines = [`| ${HEADER.join(' | ')} |`, `|${HEADER.map(() => ' --- ').join('|')}|`];
  for (const section of sections) {
    let previous = '';
    for (const row of section.rows) {
      const cells = rowCells(row).map((cell) => cell.replace(/\|/g, '\\|'));
      if (cells[0] === previous) cells[0] = '';
      else previous = cells[0]!;
      lines.push(`| ${cells.join(' | ')} |`);
    }
  }
  return lines.join('\n');
}

/** All sections as an aligned text table for the terminal. */
export function toTextTable(sections: readonly BenchmarkSection[]): string {
  const rows = sections.flatMap((section) => section.rows.map(rowCells));
  const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i >= 2 && i <= 5 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(HEADER), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
