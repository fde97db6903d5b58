import { describe, expect, it } from 'vitest';
import { escapeXml, niceCeiling, renderChart } from './chart.ts';
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
