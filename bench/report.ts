/**
 * What a benchmark reports: rows of figures (the subject and its baseline, measured in the
 * same run), the targets of the issue, and notes on how it was measured and where the time
 * goes. The tables, `bench/results.md` and the chart are all made from these.
 */
import type { Summary } from './stats.ts';

/** A target of the issue and whether today's figure meets it. */
export interface Target {
  /** E.g. "mediaan < 4 ms". */
  text: string;
  met: boolean;
}

/** One line of a table: the subject or its baseline. */
export interface ResultRow {
  /** What is measured, e.g. "Typen: toets → DOM". */
  benchmark: string;
  /** Who: "Resolutie-editor" or the baseline's name. */
  variant: string;
  baseline: boolean;
  unit: 'ms' | 's' | 'MiB' | 'KiB';
  /** Median, p95 and p99; null for rows whose figure is not a distribution. */
  summary: Summary | null;
  /** The figure of a row without `summary`, already formatted. */
  figure?: string;
  /** Memory as measured for this row, already formatted ("38 MiB JS-heap"). */
  memory?: string;
  /** The subject's median over its baseline's. */
  ratio?: number;
  targets?: Target[];
}

/** How one cost grows with the document: a line of the size chart (median per item count). */
export interface SizeSeries {
  /** What grows, e.g. "Openen" or "PDF (resolutie export)". */
  label: string;
  baseline: boolean;
  unit: 'ms' | 's';
  points: { items: number; median: number }[];
}

/** One benchmark's part of the report. */
export interface BenchmarkSection {
  id: string;
  title: string;
  rows: ResultRow[];
  /** Markdown paragraphs: method, and where the time goes when a target is missed. */
  notes: string[];
  /** Cost against document size (10 to 1,000 items), for the size chart. */
  sizeSeries?: SizeSeries[];
}

/** Every target of a section, with the row it belongs to. */
export function listTargets(section: BenchmarkSection): { row: ResultRow; target: Target }[] {
  return section.rows.flatMap((row) => (row.targets ?? []).map((target) => ({ row, target })));
}
