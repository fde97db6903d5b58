import { describe, expect, it } from 'vitest';
import { buildDoc } from '../editor/testing/buildDoc.ts';
import { listOutlineTitles } from './outlineTitles.ts';
import { renderPrintDocument } from './renderPrintDocument.ts';

describe('listOutlineTitles', () => {
  it('reads every heading of a printed stuk, in order, as a reader sees it', () => {
    const doc = buildDoc({
      title: 'Zorg & “welzijn” <nu>',
      recitals: [['Eén;']],
      operatives: [['Dat.']],
      explanation: ['Uitleg.'],
    });
    expect(listOutlineTitles(renderPrintDocument(doc, { fontCss: '' }).html)).toEqual([
      'Resolutie “Zorg & “welzijn” <nu>”',
      'Overwegende dat:',
      'Spreekt uit:',
      'Toelichting',
    ]);
  });

  it('leaves out footnote numbers and turns line breaks into spaces', () => {
    const html =
      '<h3>Eerste<br>regel<sup class="noteref">1</sup></h3><p>tekst</p><h2 class="x">  Twee  </h2>';
    expect(listOutlineTitles(html)).toEqual(['Eerste regel', 'Twee']);
  });
});
