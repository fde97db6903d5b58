import { describe, expect, it } from 'vitest';
import { linearFit, median, percentile, ratio, summarize } from './stats.ts';

describe('benchmark statistics', () => {
  const samples = [5, 1, 4, 2, 3, 10, 6, 9, 7, 8];

  it('takes percentiles by nearest rank, never between two samples', () => {
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile(samples, 10)).toBe(1);
    expect(
      percentile(
        Array.from({ length: 100 }, (_, i) => i + 1),
        99,
      ),
    ).toBe(99);
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile(samples, 0)).toThrow(RangeError);
  });

  it('takes the median as the mean of the middle two of an even count', () => {
    expect(median(samples)).toBe(5.5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([])).toBeNaN();
  });

  it('summarises without changing the samples', () => {
    const copy = [...samples];
    expect(summarize(samples)).toEqual({
      count: 10,
      median: 5.5,
      p95: 10,
      p99: 10,
      min: 1,
      max: 10,
    });
    expect(samples).toEqual(copy);
  });

  it('gives no ratio against a missing baseline', () => {
    expect(ratio(6, 4)).toBe(1.5);
    expect(ratio(6, 0)).toBeNaN();
    expect(ratio(6, Number.NaN)).toBeNaN();
  });

  it('fits the line through the points', () => {
    const fit = linearFit([
      { x: 10, y: 25 },
      { x: 50, y: 45 },
      { x: 100, y: 70 },
    ]);
    expect(fit.slope).toBeCloseTo(0.5);
    expect(fit.intercept).toBeCloseTo(20);
    expect(linearFit([{ x: 1, y: 1 }]).slope).toBeNaN();
  });
});
