import { describe, expect, it } from 'vitest';
import {
  formatDateInStyle,
  formatDutchDate,
  formatMomentInStyle,
  parseDutchDate,
  readDutchDate,
  toIsoDate,
  UNKNOWN_DATE_MESSAGE,
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

describe('readDutchDate', () => {
  it('reads the ways a Dutch user writes a date', () => {
    for (const input of [
      '29 november 2024',
      'vrijdag 29 november 2024',
      'Vrijdag, 29 Nov. 2024',
      '29-11-2024',
      '29/11/2024',
      '29.11.2024',
      '2024-11-29',
    ]) {
      expect(readDutchDate(input)).toEqual({ iso: '2024-11-29', problem: null });
    }
    expect(parseDutchDate('1 mrt 2025')).toBe('2025-03-01');
    expect(parseDutchDate('29 februari 2024')).toBe('2024-02-29');
  });

  // Issue 16, point 11: "31 februari 2025" got a generic "Onbekende datum…".
  it('says which day the month lacks', () => {
    expect(readDutchDate('31 februari 2025').problem).toBe(
      '„31 februari 2025” bestaat niet: februari heeft in 2025 28 dagen.',
    );
    expect(readDutchDate('30 februari 2024').problem).toBe(
      '„30 februari 2024” bestaat niet: februari heeft in 2024 29 dagen.',
    );
    expect(readDutchDate('31 april 2025').problem).toBe(
      '„31 april 2025” bestaat niet: april heeft 30 dagen.',
    );
    expect(readDutchDate('31-06-2025').problem).toBe(
      '„31-06-2025” bestaat niet: juni heeft 30 dagen.',
    );
    expect(readDutchDate('2025-09-31').problem).toBe(
      '„2025-09-31” bestaat niet: september heeft 30 dagen.',
    );
    expect(readDutchDate('32 januari 2025').problem).toBe(
      '„32 januari 2025” bestaat niet: januari heeft 31 dagen.',
    );
    expect(readDutchDate('0 maart 2025').problem).toBe(
      '„0 maart 2025” bestaat niet: een maand begint bij dag 1.',
    );
  });

  it('says that a month past 12 is no month', () => {
    expect(readDutchDate('29-13-2024').problem).toBe(
      '„29-13-2024” bestaat niet: een jaar heeft 12 maanden, 13 is geen maand.',
    );
  });

  it('names a misspelt month and the month it resembles', () => {
    expect(readDutchDate('28 febuari 2025').problem).toBe(
      '„febuari” is geen maand. Bedoelt u februari?',
    );
    expect(readDutchDate('3 Agustus 2025').problem).toBe(
      '„Agustus” is geen maand. Bedoelt u augustus?',
    );
    expect(readDutchDate('3 okotber 2025').problem).toBe(
      '„okotber” is geen maand. Bedoelt u oktober?',
    );
    expect(readDutchDate('3 brumaire 2025').problem).toBe(
      '„brumaire” is geen maand. Schrijf bijvoorbeeld 29 november 2024 of 29-11-2024.',
    );
  });

  it('asks for the year when it is missing or short', () => {
    expect(readDutchDate('29 november').problem).toBe(
      'Het jaar ontbreekt. Schrijf bijvoorbeeld 29 november 2024.',
    );
    expect(readDutchDate('29-11-24').problem).toBe(
      'Schrijf het jaar in vier cijfers, bijvoorbeeld 29-11-2024.',
    );
    expect(readDutchDate('29 nov 24').problem).toBe(
      'Schrijf het jaar in vier cijfers, bijvoorbeeld 29 november 2024.',
    );
  });

  it('falls back to an example for what reads as no date at all', () => {
    expect(readDutchDate('volgende week').problem).toBe(UNKNOWN_DATE_MESSAGE);
    expect(readDutchDate('').problem).toBe(UNKNOWN_DATE_MESSAGE);
  });
});
