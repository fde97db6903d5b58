import { describe, expect, it } from 'vitest';
import {
  headingKey,
  isExplanationHeading,
  matchBlockHeading,
  matchPreambleLine,
  matchTitleLine,
  stripQuotes,
} from './headings.ts';

describe('headingKey', () => {
  it('normalises case, spaces, markup and the colon', () => {
    expect(headingKey('## **Overwegende   DAT:** ')).toBe('overwegende dat');
    expect(headingKey('x'.repeat(81))).toBeNull();
  });
});

describe('matchBlockHeading', () => {
  it('recognises recital and operative headings', () => {
    expect(matchBlockHeading('Overwegende  dat: ')).toEqual({
      type: 'recital',
      heading: 'overwegende',
    });
    expect(matchBlockHeading('Constaterende')).toEqual({
      type: 'recital',
      heading: 'constaterende',
    });
    expect(matchBlockHeading('Gelet op:')).toEqual({ type: 'recital', heading: 'gelet_op' });
    expect(matchBlockHeading('Spreekt zich uit:')).toEqual({
      type: 'operative',
      heading: 'spreekt_uit',
    });
    expect(matchBlockHeading('Roept de leden op')).toEqual({
      type: 'operative',
      heading: 'roept_op',
    });
    expect(matchBlockHeading('Verzoekt het VNG-bestuur:')).toEqual({
      type: 'operative',
      heading: 'verzoekt_bestuur',
    });
    expect(matchBlockHeading('BESLUIT')).toEqual({ type: 'operative', heading: 'besluit' });
  });

  it('rejects sentences', () => {
    expect(matchBlockHeading('Overwegende dat gemeenten geld nodig hebben;')).toBeNull();
    expect(
      matchBlockHeading('Roept de leden van de vereniging van gemeenten nogmaals op'),
    ).toBeNull();
    expect(matchBlockHeading('Besluiten')).toBeNull();
  });
});

describe('isExplanationHeading', () => {
  it('accepts "Toelichting" only as a line of its own', () => {
    expect(isExplanationHeading('Toelichting')).toBe(true);
    expect(isExplanationHeading('TOELICHTING:')).toBe(true);
    expect(isExplanationHeading('# Toelichting')).toBe(true);
    expect(isExplanationHeading('Toelichting op de motie van vorig jaar')).toBe(false);
  });
});

describe('matchTitleLine', () => {
  it('reads kind, status and title', () => {
    expect(
      matchTitleLine('Geactualiseerde resolutie “VNG-inzet richting nieuwe kabinet” '),
    ).toEqual({
      kind: 'resolutie',
      status: 'geactualiseerd',
      title: 'VNG-inzet richting nieuwe kabinet',
      openQuote: false,
    });
    expect(matchTitleLine('Motie “Begin van een lange')).toMatchObject({
      kind: 'motie',
      title: 'Begin van een lange',
      openQuote: true,
    });
    expect(matchTitleLine('Amendement')).toMatchObject({ kind: 'amendement', title: '' });
  });

  // Issue 16, point 4: the editor prints "Geactualiseerd amendement", so the import reads it.
  it('reads the uninflected "Geactualiseerd amendement"', () => {
    expect(matchTitleLine('Geactualiseerd amendement “Jeugdzorg”')).toMatchObject({
      kind: 'amendement',
      status: 'geactualiseerd',
      title: 'Jeugdzorg',
    });
  });

  it('rejects prose and other words', () => {
    expect(matchTitleLine('Resolutie aangenomen door de ALV.')).toBeNull();
    expect(matchTitleLine('Resoluties van de ALV')).toBeNull();
    expect(matchTitleLine('De resolutie “X”')).toBeNull();
  });
});

describe('stripQuotes', () => {
  it.each([
    ['“Titel”', 'Titel'],
    ['"Titel"', 'Titel'],
    ['‘Titel’', 'Titel'],
    ["'Titel'", 'Titel'],
    ['„Titel”', 'Titel'],
    ['“Titel', 'Titel'],
    ['Titel', 'Titel'],
  ])('%s → %s', (input, output) => {
    expect(stripQuotes(input)).toBe(output);
  });
});

describe('matchPreambleLine', () => {
  it('splits assembly and date', () => {
    expect(matchPreambleLine('De leden bijeen in de Najaars ALV van 29 november 2024: ')).toEqual({
      assembly: 'Najaars ALV',
      date: '2024-11-29',
    });
    expect(matchPreambleLine('De leden bijeen in de ALV')).toEqual({ assembly: 'ALV', date: null });
  });

  it('rejects other lines', () => {
    expect(matchPreambleLine('De leden van de commissie vergaderen morgen')).toBeNull();
    expect(matchPreambleLine('Overwegende dat:')).toBeNull();
  });
});
