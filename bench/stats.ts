/**
 * Statistics of a benchmark's samples: the median and the tail (p95, p99) by the
 * nearest-rank method, which never invents a value between two samples. Pure functions of
 * the samples, so the same samples always give the same summary.
 */

/** What the tables print of one series of samples. */
export interface Summary {
  count: number;
  median: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
}

/** The `p`-th percentile (0 < p ≤ 100) of `samples` by nearest rank; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile ${p} is not in (0, 100]`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** The median: the mean of the two middle samples when their number is even. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median, p95, p99, min and max of `samples`. */
export function summarize(samples: readonly number[]): Summary {
  return {
    count: samples.length,
    median: median(samples),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    min: samples.length ? Math.min(...samples) : Number.NaN,
    max: samples.length ? Math.max(...samples) : Number.NaN,
  };
}

/** `value / baseline`, or NaN when the baseline is zero or missing. */
export function ratio(value: number, baseline: number): number {
  return baseline > 0 && Number.isFinite(baseline) ? value / baseline : Number.NaN;
}

/**
 * The slope and intercept of the least-squares line through the points: how a cost grows
 * with a count (e.g. server memory per client). NaN slope with fewer than two distinct x.
 */
export function linearFit(points: readonly { x: number; y: number }[]): {
  slope: number;
  intercept: number;
} {
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - meanX) ** 2;
    sxy += (p.x - meanX) * (p.y - meanY);
  }
  const slope = sxx > 0 ? sxy / sxx : Number.NaN;
  return { slope, intercept: meanY - slope * meanX };
}
