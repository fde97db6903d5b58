import { describe, expect, it } from 'vitest';
import { formatDutchDate, parseDutchDate, toIsoDate } from './dates.ts';

describe('toIsoDate', () => {
  it('gives the local calendar day as yyyy-mm-dd', () => {
    expect(toIsoDate(new Date(2024, 10, 29, 23, 59))).toBe('2024-11-29');
    expect(toIsoDate(new Date(2025, 0, 3, 0, 0))).toBe('2025-01-03');
  });

  it('gives a day the other date functions read', () => {
    const iso = toIsoDate(new Date(2026, 10, 23));
    expect(formatDutchDate(iso)).toBe('maandag 23 november 2026');
    expect(parseDutchDate(iso)).toBe(iso);
  });
});
