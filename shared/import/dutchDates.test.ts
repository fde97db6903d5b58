import { describe, expect, it } from 'vitest';
import { findDutchDate, parseDutchDateText } from './dutchDates.ts';

describe('parseDutchDateText', () => {
  it.each([
    ['29 november 2024', '2024-11-29'],
    ['vrijdag 29 november 2024', '2024-11-29'],
    ['Vrijdag, 29 November 2024', '2024-11-29'],
    ['14 juni 2023', '2023-06-14'],
    ['1 mrt 2025', '2025-03-01'],
    ['3 sept. 2025', '2025-09-03'],
    ['29-11-2024', '2024-11-29'],
    ['29/02/2024', '2024-02-29'],
    ['  5 mei 2025 ', '2025-05-05'],
  ])('reads %j', (input, iso) => {
    expect(parseDutchDateText(input)).toBe(iso);
  });

  it.each([
    '31 februari 2024',
    '29 februari 2023',
    '29 november',
    'november 2024',
    'morgen',
    '',
    '32 mei 2024',
  ])('rejects %j', (input) => {
    expect(parseDutchDateText(input)).toBeNull();
  });

  it('rejects a date with text around it', () => {
    expect(parseDutchDateText('op 29 november 2024')).toBeNull();
  });
});

describe('findDutchDate', () => {
  it('finds the date and its position in running text', () => {
    const text = 'De leden bijeen in de Najaars ALV van vrijdag 29 november 2024:';
    const found = findDutchDate(text);
    expect(found).toEqual({ start: 38, end: 62, iso: '2024-11-29' });
    expect(text.slice(found?.start, found?.end)).toBe('vrijdag 29 november 2024');
  });

  it('takes the first valid date, skipping impossible ones', () => {
    expect(findDutchDate('niet 30 februari 2024 maar 1 maart 2024')?.iso).toBe('2024-03-01');
    expect(findDutchDate('eerst 2-1-2025, dan 14 juni 2023')?.iso).toBe('2025-01-02');
  });

  it('returns null without a date', () => {
    expect(findDutchDate('De ALV van november')).toBeNull();
    expect(findDutchDate('9'.repeat(100_000))).toBeNull();
  });
});
