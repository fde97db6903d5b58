/**
 * The results as one SVG picture, made here without a chart library: per benchmark a panel
 * of horizontal bars (the median, a whisker to the p95; the baseline grey, the app blue) on
 * the panel's own scale, and the server's memory per client count as lines.
 * A second picture, the size chart, draws how a cost grows with the document (10 to 1,000
 * items), the app beside its baseline, per benchmark that measured it.
 */
import type { BenchmarkSection, ResultRow } from './report.ts';
import { formatNumber, formatValue } from './table.ts';

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
  return svgPicture(
    title,
    'blauw: Resolutie-editor; grijs: baselines; elk paneel een eigen schaal',
    panels,
    top,
  );
}

/** The size chart: one panel per benchmark with a size series, cost against item count. */
const SIZE_PLOT = { left: 80, width: 500, height: 190, legendX: 662 };

/** The ticks of a logarithmic axis from `min` to `max`: 1, 2 and 5 times powers of ten. */
export function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let power = Math.floor(Math.log10(min)); 10 ** power <= max; power++) {
    for (const step of [1, 2, 5]) {
      const tick = step * 10 ** power;
      if (tick >= min && tick <= max) ticks.push(tick);
    }
  }
  return ticks;
}

/** A tick's label: "1.000", "2,5". */
function tickLabel(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('nl-NL');
  return formatNumber(value, Math.abs(value * 10 - Math.round(value * 10)) < 1e-9 ? 1 : 2);
}

/** Ticks from zero to `high` (a nice ceiling) in steps of 1, 2 or 5 times a power of ten. */
export function linearTicks(high: number): number[] {
  const leading = high / 10 ** Math.floor(Math.log10(high));
  const step = high / (Math.round(leading) === 2 ? 4 : 5);
  return Array.from({ length: Math.round(high / step) + 1 }, (_, i) => i * step);
}

/** The SVG of one section's size panel at `top`; returns it and the panel's height. */
function sizePanel(section: BenchmarkSection, top: number): { svg: string; height: number } {
  const series = section.sizeSeries!;
  const unit = series[0]!.unit;
  // One unit per panel: a series in the other one is converted.
  const inUnit = (value: number, from: 'ms' | 's') =>
    from === unit ? value : from === 's' ? value * 1000 : value / 1000;
  const lines = series.map((s) => ({
    ...s,
    points: s.points
      .filter((p) => p.items > 0 && p.median > 0 && Number.isFinite(p.median))
      .map((p) => ({ items: p.items, value: inUnit(p.median, s.unit) }))
      .sort((a, b) => a.items - b.items),
  }));
  const { left, width, height, legendX } = SIZE_PLOT;
  const plotTop = top + 30;
  const right = left + width;
  const bottom = plotTop + height;
  const itemsList = [...new Set(lines.flatMap((l) => l.points.map((p) => p.items)))].sort(
    (a, b) => a - b,
  );
  const values = lines.flatMap((l) => l.points.map((p) => p.value));
  const parts = [
    `<text x="16" y="${top + 16}" font-size="14" font-weight="600" fill="${COLOURS.ink}">${escapeXml(section.title)}</text>`,
  ];
  if (itemsList.length === 0) {
    parts.push(
      `<text x="${left}" y="${plotTop + 20}" fill="${COLOURS.muted}">geen metingen</text>`,
    );
    return { svg: parts.join('\n'), height: 70 };
  }
  // Items always on a logarithmic axis (10 to 1,000 are even steps there); the time too when
  // it spans more than a factor of ten, otherwise linear from zero so that ratios read true.
  const minItems = itemsList[0]!;
  const maxItems = itemsList.at(-1)!;
  const xSpan = Math.log10(maxItems / minItems) || 1;
  const px = (items: number) =>
    itemsList.length === 1
      ? (left + right) / 2
      : left + (Math.log10(items / minItems) / xSpan) * width;
  const minValue = Math.min(...values);
  const maxValue = Math.max(...values);
  const logY = maxValue / minValue >= 10;
  let py: (value: number) => number;
  let yTicks: number[];
  if (logY) {
    // From the largest 1, 2 or 5 times a power of ten at or below the smallest value.
    const power = 10 ** Math.floor(Math.log10(minValue));
    const low = [5, 2, 1].map((step) => step * power).find((tick) => tick <= minValue)!;
    const high = niceCeiling(maxValue);
    const span = Math.log10(high / low);
    py = (value) => bottom - (Math.log10(value / low) / span) * height;
    yTicks = logTicks(low, high);
    // Every 1-2-5 tick over many decades crowds the axis: keep the powers of ten then.
    if (yTicks.length > 8) yTicks = yTicks.filter((t) => Math.log10(t) % 1 === 0);
  } else {
    const high = niceCeiling(maxValue);
    py = (value) => bottom - (value / high) * height;
    yTicks = linearTicks(high);
  }
  parts.push(
    `<line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="${COLOURS.muted}"/>`,
    `<line x1="${left}" x2="${left}" y1="${plotTop}" y2="${bottom}" stroke="${COLOURS.muted}"/>`,
  );
  for (const tick of yTicks) {
    const y = py(tick).toFixed(1);
    parts.push(
      `<line x1="${left}" x2="${right}" y1="${y}" y2="${y}" stroke="${COLOURS.line}"/>`,
      `<text x="${left - 6}" y="${Number(y) + 4}" text-anchor="end" fill="${COLOURS.muted}">${escapeXml(tickLabel(tick))}</text>`,
    );
  }
  for (const items of itemsList) {
    const x = px(items).toFixed(1);
    parts.push(
      `<line x1="${x}" x2="${x}" y1="${bottom}" y2="${bottom + 4}" stroke="${COLOURS.muted}"/>`,
      `<text x="${x}" y="${bottom + 17}" text-anchor="middle" fill="${COLOURS.muted}">${escapeXml(tickLabel(items))}</text>`,
    );
  }
  parts.push(
    `<text x="${(left + right) / 2}" y="${bottom + 34}" text-anchor="middle" fill="${COLOURS.ink}">aantal punten in het document (logaritmische schaal)</text>`,
    `<text transform="translate(${left - 52} ${(plotTop + bottom) / 2}) rotate(-90)" text-anchor="middle" fill="${COLOURS.ink}">${escapeXml(`mediane tijd (${unit}${logY ? ', logaritmisch' : ''})`)}</text>`,
  );
  const dashes = ['', ' stroke-dasharray="6 4"', ' stroke-dasharray="2 3"'];
  // The value at the largest document beside each line's last point, kept apart when close.
  const endLabels: { x: number; y: number; text: string }[] = [];
  const seen = { app: 0, baseline: 0 };
  lines.forEach((line, i) => {
    const kind = line.baseline ? 'baseline' : 'app';
    const dash = dashes[seen[kind]++ % dashes.length]!;
    const colour = line.baseline ? COLOURS.baseline : COLOURS.app;
    const coordinates = line.points.map(
      (p) => `${px(p.items).toFixed(1)},${py(p.value).toFixed(1)}`,
    );
    if (coordinates.length > 1) {
      parts.push(
        `<polyline points="${coordinates.join(' ')}" fill="none" stroke="${colour}" stroke-width="2.5"${dash}/>`,
      );
    }
    for (const p of line.points) {
      parts.push(
        `<circle cx="${px(p.items).toFixed(1)}" cy="${py(p.value).toFixed(1)}" r="3.5" fill="${colour}"/>`,
      );
    }
    const last = line.points.at(-1);
    if (last)
      endLabels.push({
        x: px(last.items) + 8,
        y: py(last.value) + 4,
        text: formatValue(last.value, unit),
      });
    const legendY = plotTop + 12 + i * 22;
    parts.push(
      `<line x1="${legendX}" x2="${legendX + 30}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${colour}" stroke-width="2.5"${dash}/>`,
      `<text x="${legendX + 38}" y="${legendY}" fill="${COLOURS.ink}">${escapeXml(line.label)}</text>`,
    );
  });
  endLabels.sort((a, b) => a.y - b.y);
  endLabels.forEach((label, i) => {
    const above = endLabels[i - 1];
    if (above && label.y - above.y < 14) label.y = above.y + 14;
    parts.push(
      `<text x="${label.x.toFixed(1)}" y="${label.y.toFixed(1)}" fill="${COLOURS.ink}">${escapeXml(label.text)}</text>`,
    );
  });
  const ratioLine = describeRatios(lines);
  if (ratioLine) {
    parts.push(
      `<text x="${legendX}" y="${plotTop + 12 + lines.length * 22 + 8}" fill="${COLOURS.muted}">${escapeXml(ratioLine)}</text>`,
    );
  }
  return { svg: parts.join('\n'), height: height + 80 };
}

/** "1,39× de baseline bij 1.000 punten, 1,50× bij 10": the first app line over the first baseline. */
function describeRatios(
  lines: readonly { baseline: boolean; points: { items: number; value: number }[] }[],
): string | null {
  const app = lines.find((l) => !l.baseline);
  const baseline = lines.find((l) => l.baseline);
  if (!app || !baseline) return null;
  const shared = app.points
    .map((p) => ({
      items: p.items,
      app: p.value,
      base: baseline.points.find((b) => b.items === p.items)?.value,
    }))
    .filter((p): p is { items: number; app: number; base: number } => p.base !== undefined);
  if (shared.length === 0) return null;
  const ratioAt = (p: { items: number; app: number; base: number }) =>
    `${formatNumber(p.app / p.base, 2)}×`;
  const largest = shared.at(-1)!;
  const smallest = shared[0]!;
  return shared.length === 1
    ? `${ratioAt(largest)} de baseline bij ${tickLabel(largest.items)} punten`
    : `${ratioAt(largest)} de baseline bij ${tickLabel(largest.items)} punten, ${ratioAt(smallest)} bij ${tickLabel(smallest.items)}`;
}

/**
 * The size chart: how each benchmark's cost grows from the smallest document to the largest
 * (its `sizeSeries`), the app beside its baseline; null when no section has a size series.
 */
export function renderSizeChart(
  title: string,
  sections: readonly BenchmarkSection[],
): string | null {
  const withSeries = sections.filter((s) => (s.sizeSeries ?? []).length > 0);
  if (withSeries.length === 0) return null;
  const panels: string[] = [];
  let top = 48;
  for (const section of withSeries) {
    const panel = sizePanel(section, top);
    panels.push(panel.svg);
    top += panel.height;
  }
  return svgPicture(
    title,
    'blauw: Resolutie-editor; grijs: baseline; elk paneel een eigen schaal',
    panels,
    top,
  );
}

/** The whole picture: a title and a legend over the panels, `height` high. */
function svgPicture(title: string, legend: string, panels: string[], height: number): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="Source Sans 3, Segoe UI, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="16" y="26" font-size="16" font-weight="600" fill="${COLOURS.ink}">${escapeXml(title)}</text>`,
    `<text x="${WIDTH - 16}" y="26" text-anchor="end" fill="${COLOURS.muted}">${escapeXml(legend)}</text>`,
    ...panels,
    '</svg>',
    '',
  ].join('\n');
}
