import { describe, expect, it } from 'vitest';
import { parseResolutionText } from './parseResolutionText.ts';
import { summarizeImport } from './importSummary.ts';

describe('summarizeImport', () => {
  it('counts recitals and items, not sub-items, and the Toelichting’s headings', () => {
    const model = parseResolutionText(
      [
        'Overwegende dat:',
        '1. de gemeenten bouwen;',
        '2. de provincies meedoen;',
        'Spreekt uit:',
        '1. steun voor de aanpak, met:',
        'a. geld;',
        'b. mensen.',
        'Toelichting',
        'Waarom nu?',
        '',
        'Omdat het moet.',
      ].join('\n'),
    );
    const summary = summarizeImport(model);
    // "Waarom nu?" stands alone between paragraphs: a heading (issue 16, point 13).
    expect(summary.counts).toBe('2 overwegingen, 1 punt, Toelichting met 1 kop');
    expect(summary.warning).toBeNull();
  });

  it('warns when the text held no blocks', () => {
    const summary = summarizeImport(parseResolutionText('Een brief aan de leden.\n\nGroet.'));
    expect(summary.counts).toBe('0 overwegingen, 0 punten, Toelichting met 0 koppen');
    expect(summary.warning).toContain('geen blokken');
  });
});
