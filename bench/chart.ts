/**
 * The results as one SVG picture, made here without a chart library: per benchmark a panel
 * of horizontal bars (the median, a whisker to the p95; the baseline grey, the app blue) on
 * the panel's own scale, and the server's memory per client count as lines.
 */
import type { BenchmarkSection, ResultRow } from './report.ts';
import { formatValue } from './table.ts';

/** A line of the server panel: memory (MiB) per number of clients. */
export interface ChartSeries {
  label: string;
  baseline: boolean;
  dashed: boolean;
  points: { x: number; y: number }[];
}

const WIDTH = 960;
const LABEL_WIDTH = 330;
const BAR_AREA = WIDTH - LABEL_WIDTH - 120;
const BAR_HEIGHT = 16;
const ROW_GAP = 6;
const COLOURS = {
  app: '#1f4e79',
  baseline: '#a5adb7',
  ink: '#1d2733',
  muted: '#5b6775',
  line: '#d9dee4',
};

/** Text made safe for SVG. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A "nice" upper end for an axis: 1, 2 or 5 times a power of ten, at least `max`. */
export function niceCeiling(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/** The benchmarks to draw as bars: their rows that have a distribution, grouped by benchmark. */
function barGroups(sections: readonly BenchmarkSection[]): { title: string; rows: ResultRow[] }[] {
  const groups: { title: string; rows: ResultRow[] }[] = [];
  for (const section of sections) {
    for (const row of section.rows) {
      if (!row.summary) continue;
      const group = groups.find((g) => g.title === row.benchmark);
      if (group) group.rows.push(row);
      else groups.push({ title: row.benchmark, rows: [row] });
    }
  }
  return groups;
}

/** The SVG of a bar panel at `top`; returns the SVG and the panel's height. */
function barPanel(
  title: string,
  rows: readonly ResultRow[],
  top: number,
): { svg: string; height: number } {
  const unit = rows[0]!.unit;
  const max = niceCeiling(Math.max(...rows.map((r) => r.summary!.p95)));
  const scale = (value: number) => (value / max) * BAR_AREA;
  const parts = [
    `<text x="16" y="${top + 14}" font-weight="600" fill="${COLOURS.ink}">${escapeXml(title)}</text>`,
  ];
  let y = top + 24;
  for (const row of rows) {
    const s = row.summary!;
    const colour = row.baseline ? COLOURS.baseline : COLOURS.app;
    const label = row.baseline ? `baseline: ${row.variant}` : row.variant;
    parts.push(
      `<text x="${LABEL_WIDTH - 8}" y="${y + 12}" text-anchor="end" fill="${COLOURS.muted}">${escapeXml(label)}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${Math.max(1, scale(s.median)).toFixed(1)}" height="${BAR_HEIGHT}" fill="${colour}"/>`,
      `<line x1="${(LABEL_WIDTH + scale(s.median)).toFixed(1)}" x2="${(LABEL_WIDTH + scale(s.p95)).toFixed(1)}" y1="${y + BAR_HEIGHT / 2}" y2="${y + BAR_HEIGHT / 2}" stroke="${colour}" stroke-width="2"/>`,
      `<line x1="${(LABEL_WIDTH + scale(s.p95)).toFixed(1)}" x2="${(LABEL_WIDTH + scale(s.p95)).toFixed(1)}" y1="${y + 3}" y2="${y + BAR_HEIGHT - 3}" stroke="${colour}" stroke-width="2"/>`,
      `<text x="${(LABEL_WIDTH + scale(s.p95) + 6).toFixed(1)}" y="${y + 12}" fill="${COLOURS.ink}">${escapeXml(formatValue(s.median, unit))} (p95 ${escapeXml(formatValue(s.p95, unit))})</text>`,
    );
    y += BAR_HEIGHT + ROW_GAP;
  }
  return { svg: parts.join('\n'), height: y - top + 12 };
}

/** The SVG of the line panel at `top`. */
function linePanel(
  title: string,
  series: readonly ChartSeries[],
  top: number,
): { svg: string; height: number } {
  const plotTop = top + 28;
  const plotHeight = 180;
  const left = 70;
  const right = WIDTH - 300;
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const maxX = Math.max(...xs);
  const maxY = niceCeiling(Math.max(...series.flatMap((s) => s.points.map((p) => p.y))));
  const px = (x: number) => left + (x / maxX) * (right - left);
  const py = (y: number) => plotTop + plotHeight - (y / maxY) * plotHeight;
  const parts = [
    `<text x="16" y="${top + 14}" font-weight="600" fill="${COLOURS.ink}">${escapeXml(title)}</text>`,
    `<line x1="${left}" x2="${right}" y1="${py(0)}" y2="${py(0)}" stroke="${COLOURS.line}"/>`,
    `<line x1="${left}" x2="${left}" y1="${plotTop}" y2="${py(0)}" stroke="${COLOURS.line}"/>`,
  ];
  for (const fraction of [0, 0.5, 1]) {
    parts.push(
      `<text x="${left - 6}" y="${py(maxY * fraction) + 4}" text-anchor="end" fill="${COLOURS.muted}">${Math.round(maxY * fraction)} MiB</text>`,
    );
  }
  for (const x of [...new Set(xs)].sort((a, b) => a - b)) {
    parts.push(
      `<text x="${px(x)}" y="${py(0) + 16}" text-anchor="middle" fill="${COLOURS.muted}">${x}</text>`,
    );
  }
  parts.push(
    `<text x="${(left + right) / 2}" y="${py(0) + 32}" text-anchor="middle" fill="${COLOURS.muted}">clients</text>`,
  );
  series.forEach((s, i) => {
    const colour = s.baseline ? COLOURS.baseline : COLOURS.app;
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    const points = s.points.map((p) => `${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ');
    parts.push(
      `<polyline points="${points}" fill="none" stroke="${colour}" stroke-width="2.5"${dash}/>`,
    );
    for (const p of s.points) {
      parts.push(
        `<circle cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="3" fill="${colour}"/>`,
      );
    }
    const legendY = plotTop + 10 + i * 20;
    parts.push(
      `<line x1="${right + 20}" x2="${right + 50}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${colour}" stroke-width="2.5"${dash}/>`,
      `<text x="${right + 56}" y="${legendY}" fill="${COLOURS.ink}">${escapeXml(s.label)}</text>`,
    );
  });
  return { svg: parts.join('\n'), height: plotHeight + 70 };
}

/** The whole picture: a title, the bar panels and, when given, the server's lines. */
export function renderChart(
  title: string,
  sections: readonly BenchmarkSection[],
  series: readonly ChartSeries[] = [],
): string {
  const panels: string[] = [];
  let top = 44;
  for (const group of barGroups(sections)) {
    const panel = barPanel(group.title, group.rows, top);
    panels.push(panel.svg);
    top += panel.height;
  }
  if (series.length > 0) {
    const panel = linePanel('Sync-server: geheugen (RSS) naar aantal clients', series, top);
    panels.push(panel.svg);
    top += panel.height;
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${top}" viewBox="0 0 ${WIDTH} ${top}" font-family="Source Sans 3, Segoe UI, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="16" y="26" font-size="16" font-weight="600" fill="${COLOURS.ink}">${escapeXml(title)}</text>`,
    `<text x="${WIDTH - 16}" y="26" text-anchor="end" fill="${COLOURS.muted}">blauw: Resolutie-editor; grijs: baselines; elk paneel een eigen schaal</text>`,
    ...panels,
    '</svg>',
    '',
  ].join('\n');
}
