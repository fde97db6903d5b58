/**
 * The preadviezen overview: title with the assembly, a section per resolution with a real
 * table (column headers, the number as the row's header), co-indieners, the vote under the
 * outcome, a section without rows, landscape A4, and text printed as text.
 */
import { describe, expect, it } from 'vitest';
import { renderPreadviezenDocument } from './renderPreadviezen.ts';
import type { PreadviesRow, PreadviezenOptions } from './renderPreadviezen.ts';

const ROW: PreadviesRow = {
  number: 'A1',
  indiener: 'Utrecht',
  coIndieners: ['Zwolle', 'Tilburg'],
  subject: 'Uitgangspunt financiën',
  advice: 'Overnemen',
  reasoning: 'Het bestuur kan zich erin vinden.',
  status: 'Aangenomen',
  vote: '28 voor, 3 tegen, 1 onthouding',
};

const OPTIONS: PreadviezenOptions = {
  fontCss: '',
  assembly: 'Najaars ALV',
  date: '2024-11-29',
  sections: [
    {
      heading: 'Resolutie ‘VNG-inzet richting nieuwe kabinet’',
      rows: [
        ROW,
        {
          ...ROW,
          number: 'A2',
          coIndieners: [],
          subject: '',
          advice: null,
          reasoning: '',
          status: 'Ingediend',
          vote: '',
        },
      ],
    },
    { heading: 'Moties vreemd aan de orde', rows: [] },
  ],
};

/** The text between the tags, spaces collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('renderPreadviezenDocument', () => {
  it('titles the overview with the assembly and the number of stukken', () => {
    const printed = renderPreadviezenDocument(OPTIONS);
    expect(printed.metadata.title).toBe('Preadviezen van het bestuur, Najaars ALV');
    expect(printed.metadata.subject).toBe(
      'Preadviezen van het bestuur voor de Najaars ALV van vrijdag 29 november 2024',
    );
    expect(textOf(printed.html.slice(printed.html.indexOf('<main')))).toMatch(
      /^Preadviezen van het bestuur Najaars ALV van vrijdag 29 november 2024 · 2 amendementen en moties /,
    );
    expect(printed.outlineTitles).toEqual([
      'Preadviezen van het bestuur',
      'Resolutie ‘VNG-inzet richting nieuwe kabinet’',
      'Moties vreemd aan de orde',
    ]);
    expect(printed.watermark).toBe(false);
  });

  it('prints a table per resolution with real column and row headers', () => {
    const { html } = renderPreadviezenDocument(OPTIONS);
    expect(html).toContain(
      '<thead><tr><th scope="col">Nummer</th><th scope="col">Indiener(s)</th>' +
        '<th scope="col">Onderwerp</th><th scope="col">Preadvies</th>' +
        '<th scope="col">Motivering van het preadvies</th><th scope="col">Status / uitkomst</th></tr></thead>',
    );
    const rows = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
    expect(textOf(rows)).toBe(
      'A1 Utrecht mede: Zwolle, Tilburg Uitgangspunt financiën Overnemen Het bestuur kan zich erin vinden. ' +
        'Aangenomen 28 voor, 3 tegen, 1 onthouding ' +
        'A2 Utrecht — nog geen — Ingediend',
    );
    expect(rows).toContain('<th scope="row" class="number">A1</th>');
  });

  it('says so for a section without amendments or moties', () => {
    const { html } = renderPreadviezenDocument(OPTIONS);
    expect(textOf(html)).toContain('Moties vreemd aan de orde Geen amendementen of moties.');
  });

  it('is printed on A4 turned sideways, through the common frame', () => {
    const { html } = renderPreadviezenDocument(OPTIONS);
    expect(html).toContain('size: A4 landscape;');
    expect(html).toMatch(/^<!doctype html>\n<html lang="nl-NL">/);
    expect(html).toContain("default-src 'none'");
  });

  it('prints what could be markup as text, and an assembly without a date', () => {
    const { html, metadata } = renderPreadviezenDocument({
      ...OPTIONS,
      date: null,
      sections: [{ heading: '<h1>x', rows: [{ ...ROW, reasoning: '<img src=x>' }] }],
    });
    expect(html).not.toMatch(/<img|<h1>x/);
    expect(metadata.subject).toBe('Preadviezen van het bestuur voor de Najaars ALV');
  });
});
