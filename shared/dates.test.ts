import { describe, expect, it } from 'vitest';
import {
  formatDateInStyle,
  formatDutchDate,
  formatMomentInStyle,
  parseDutchDate,
  toIsoDate,
} from './dates.ts';

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

describe('formatDateInStyle', () => {
  it('writes a date out or in figures, and both read back', () => {
    expect(formatDateInStyle('2024-11-29', 'long')).toBe('vrijdag 29 november 2024');
    expect(formatDateInStyle('2024-11-29', 'numeric')).toBe('29-11-2024');
    expect(formatDateInStyle('2025-01-03', 'numeric')).toBe('03-01-2025');
    for (const style of ['long', 'numeric'] as const) {
      expect(parseDutchDate(formatDateInStyle('2025-01-03', style)!)).toBe('2025-01-03');
    }
    expect(formatDateInStyle('2024-02-30', 'numeric')).toBeNull();
  });
});

describe('formatMomentInStyle', () => {
  it('gives the local day and time, written out or in figures', () => {
    const moment = new Date(2024, 10, 29, 9, 5);
    expect(formatMomentInStyle(moment, 'long')).toBe('29 november 2024, 09:05');
    expect(formatMomentInStyle(moment, 'numeric')).toBe('29-11-2024 09:05');
  });
});
