import { describe, expect, it } from 'vitest';
import {
  escapeXml,
  linearTicks,
  logTicks,
  niceCeiling,
  renderChart,
  renderSizeChart,
} from './chart.ts';
import type { BenchmarkSection } from './report.ts';
import { summarize } from './stats.ts';

const section: BenchmarkSection = {
  id: 'typing',
  title: 'Typen',
  notes: [],
  rows: [
    {
      benchmark: 'Typen <300>',
      variant: 'App',
      baseline: false,
      unit: 'ms',
      summary: summarize([4, 5, 6]),
    },
    {
      benchmark: 'Typen <300>',
      variant: 'Kaal',
      baseline: true,
      unit: 'ms',
      summary: summarize([2, 3, 4]),
    },
    {
      benchmark: 'Bundel',
      variant: 'App',
      baseline: false,
      unit: 'KiB',
      summary: null,
      figure: '800 KiB',
    },
  ],
};

describe('the results chart', () => {
  it('rounds an axis up to 1, 2 or 5 times a power of ten', () => {
    expect(niceCeiling(3.2)).toBe(5);
    expect(niceCeiling(12)).toBe(20);
    expect(niceCeiling(100)).toBe(100);
    expect(niceCeiling(0)).toBe(1);
  });

  it('draws a bar per row with a distribution, and escapes the text', () => {
    const svg = renderChart(
      'Benchmarks & meer',
      [section],
      [
        {
          label: 'Server',
          baseline: false,
          dashed: false,
          points: [
            { x: 10, y: 100 },
            { x: 50, y: 120 },
          ],
        },
      ],
    );
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('Benchmarks &amp; meer');
    expect(svg).toContain('Typen &lt;300&gt;');
    expect(svg.match(/<rect x=/g)).toHaveLength(2);
    expect(svg).toContain('5,0 ms (p95 6,0 ms)');
    expect(svg).toContain('<polyline');
    expect(svg).not.toContain('Bundel');
  });

  it('is the same picture for the same results', () => {
    expect(renderChart('x', [section])).toBe(renderChart('x', [section]));
    expect(escapeXml('"a" < b')).toBe('&quot;a&quot; &lt; b');
  });
});

const growing = (id: string, title: string, app: number[], bare: number[]): BenchmarkSection => ({
  id,
  title,
  rows: [],
  notes: [],
  sizeSeries: [
    {
      label: `${title}: App`,
      baseline: false,
      unit: 'ms',
      points: [10, 100, 300, 1000].map((items, i) => ({ items, median: app[i]! })),
    },
    {
      label: `${title}: Kaal <baseline>`,
      baseline: true,
      unit: 'ms',
      points: [10, 100, 300, 1000].map((items, i) => ({ items, median: bare[i]! })),
    },
  ],
});

describe('the size chart', () => {
  const opening = growing('opening', 'Openen & meer', [20, 90, 260, 900], [15, 60, 180, 600]);
  const typing = growing('typing', 'Typen', [3, 3.2, 3.5, 4.4], [2.9, 3, 3.1, 3.6]);

  it('is drawn only when a section has a size series', () => {
    expect(renderSizeChart('x', [section])).toBeNull();
    expect(renderSizeChart('x', [])).toBeNull();
  });

  it('draws a panel per section with a series: a line and a point per size, labelled axes', () => {
    const svg = renderSizeChart('Kosten & omvang', [section, opening, typing])!;
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('Kosten &amp; omvang');
    expect(svg).toContain('Openen &amp; meer');
    expect(svg).toContain('Typen: Kaal &lt;baseline&gt;');
    expect(svg).not.toContain('<baseline>');
    expect(svg.match(/<polyline/g)).toHaveLength(4);
    expect(svg.match(/<circle/g)).toHaveLength(16);
    expect(svg.match(/aantal punten in het document/g)).toHaveLength(2);
    // The items on each panel's x axis, in Dutch notation.
    expect(svg.match(/text-anchor="middle" fill="#5b6775">1\.000</g)).toHaveLength(2);
    // The value at the largest size beside the last point.
    expect(svg).toContain('>900 ms<');
    expect(svg).toContain('>4,4 ms<');
  });

  it('puts the time on a logarithmic axis only when it spans ten times or more', () => {
    const svg = renderSizeChart('x', [opening, typing])!;
    expect(svg.match(/mediane tijd \(ms, logaritmisch\)/g)).toHaveLength(1);
    expect(svg.match(/mediane tijd \(ms\)/g)).toHaveLength(1);
  });

  it('places the sizes at even steps of their logarithm, and larger times higher up', () => {
    const svg = renderSizeChart('x', [opening])!;
    const line = /<polyline points="([^"]+)"/.exec(svg)![1]!;
    const points = line.split(' ').map((p) => p.split(',').map(Number) as [number, number]);
    const [x10, x100, , x1000] = points.map(([x]) => x);
    expect(x100! - x10!).toBeCloseTo(x1000! - x100!, 0);
    const ys = points.map(([, y]) => y);
    expect([...ys].sort((a, b) => b - a)).toEqual(ys);
  });

  it('converts a series in seconds to the panel’s unit, and skips what cannot be drawn', () => {
    const pdf: BenchmarkSection = {
      ...growing('pdf', 'PDF', [2000, 2500, 3000, 4000], [1500, 1600, 1800, 2500]),
    };
    pdf.sizeSeries![1] = {
      ...pdf.sizeSeries![1]!,
      unit: 's',
      points: [
        { items: 10, median: 1.5 },
        { items: 1000, median: Number.NaN },
      ],
    };
    const svg = renderSizeChart('x', [pdf])!;
    expect(svg.match(/<circle/g)).toHaveLength(5);
    expect(svg).toContain('>1500 ms<');
  });

  it('has 1, 2 and 5 times powers of ten as logarithmic ticks', () => {
    expect(logTicks(10, 1000)).toEqual([10, 20, 50, 100, 200, 500, 1000]);
    expect(logTicks(3, 40)).toEqual([5, 10, 20]);
    expect(linearTicks(10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(linearTicks(2)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(linearTicks(500)).toEqual([0, 100, 200, 300, 400, 500]);
  });

  it('says how many times the baseline the app takes at the largest and the smallest size', () => {
    const svg = renderSizeChart('x', [opening])!;
    expect(svg).toContain('1,50× de baseline bij 1.000 punten, 1,33× bij 10');
  });
});
