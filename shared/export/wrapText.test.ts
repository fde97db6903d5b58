import { describe, expect, it } from 'vitest';
import { columnWidth, wrapText } from './wrapText.ts';

describe('wrapText', () => {
  it('fills lines up to the width, prefix included, and never breaks a word', () => {
    expect(wrapText('een twee drie vier vijf', { width: 13 })).toEqual([
      'een twee drie',
      'vier vijf',
    ]);
    expect(
      wrapText('een twee drie vier', { width: 12, firstPrefix: '1.  ', restPrefix: '    ' }),
    ).toEqual(['1.  een twee', '    drie', '    vier']);
  });

  it('puts a word longer than the width alone on its line', () => {
    const long = 'https://www.raadvanstate.nl/actueel/nieuws/december/advies';
    expect(
      wrapText(`zie ${long} hier`, { width: 20, firstPrefix: '[1] ', restPrefix: '    ' }),
    ).toEqual(['[1] zie', `    ${long}`, '    hier']);
    // Even as the first word: no empty line before it.
    expect(wrapText(long, { width: 10 })).toEqual([long]);
  });

  it('starts a new line at "\\n", with the hanging indent', () => {
    expect(
      wrapText('Datum\n22 januari 2024', { width: 40, firstPrefix: 'a.  ', restPrefix: '    ' }),
    ).toEqual(['a.  Datum', '    22 januari 2024']);
    expect(wrapText('boven\n\nonder', { width: 40, restPrefix: '  ' })).toEqual([
      'boven',
      '',
      '  onder',
    ]);
  });

  it('collapses runs of spaces and keeps no trailing whitespace', () => {
    expect(wrapText('  een   twee  ', { width: 40 })).toEqual(['een twee']);
    expect(wrapText('', { width: 40, firstPrefix: '1.  ' })).toEqual(['1.']);
  });

  it('keeps words joined by a no-break space together', () => {
    expect(wrapText('kosten van €\u00a0511 miljoen', { width: 15 })).toEqual([
      'kosten van',
      '€\u00a0511 miljoen',
    ]);
  });

  it('counts columns by character, not by UTF-16 unit or combining mark', () => {
    expect(columnWidth('één “citaat” – €')).toBe(16);
    expect(columnWidth('e\u0308en')).toBe(3);
    expect(columnWidth('😀')).toBe(1);
    // "ë" in decomposed form still fits a line of exactly its visible width.
    expect(wrapText('e\u0308e\u0308n twee', { width: 8 })).toEqual(['e\u0308e\u0308n twee']);
  });
});
