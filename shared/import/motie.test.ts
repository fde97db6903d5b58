/**
 * Moties of members as they reach the bestuur (issue 16, point 13): the indiener on a line of
 * its own under the title, and questions standing alone as headings of the Toelichting.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InlineRun, ParsedFlow } from '../model/resolution.ts';
import { docFromModel } from '../editor/fromModel.ts';
import { parseResolutionText } from './parseResolutionText.ts';
import { findSubmitter } from './submitter.ts';
import { readLines } from './lines.ts';

const text = (runs: readonly InlineRun[]) =>
  runs.map((run) => (run.type === 'text' ? run.text : '')).join('');

/** The Toelichting as "H:" headings and "P:" paragraphs, in order. */
function outline(flow: readonly ParsedFlow[]): string[] {
  return flow.flatMap((block) => {
    if (block.type === 'heading') return [`H:${text(block.content)}`];
    if (block.type === 'paragraph') return [`P:${text(block.content)}`];
    return [];
  });
}

// Written the way moties of members come in: pasted from Word, with the indiener under the
// title and the Toelichting's sections as questions.
const MOTIE = readFileSync(
  new URL('../../test/fixtures/motie-met-indiener.txt', import.meta.url),
  'utf8',
);

describe('a motie of members', () => {
  const result = parseResolutionText(MOTIE);

  it('takes the "Ingediend door" line as the indiener, not as Toelichting text', () => {
    expect(result.kind).toBe('motie');
    expect(result.title).toBe('Geld voor de jeugd – nú');
    expect(result.submitter).toBe(
      'gemeente Oudewater (mede namens de gemeenten Woerden, Montfoort en IJsselstein)',
    );
    expect(result.preamble).toEqual({ assembly: 'Najaars ALV', date: '2024-11-29' });
    expect(JSON.stringify(result.explanation)).not.toContain('Ingediend');
    // The line leaves the text, so the document must hold it: Gegevens shows it.
    expect(docFromModel(result).firstChild!.attrs['submitter']).toBe(
      'gemeente Oudewater (mede namens de gemeenten Woerden, Montfoort en IJsselstein)',
    );
  });

  it('reads a short question standing alone between paragraphs as a heading', () => {
    expect(outline(result.explanation)).toEqual([
      'P:Gemeenten in de regio Utrecht-West zien hun uitgaven aan jeugdzorg elk jaar stijgen, terwijl de vergoeding van het rijk achterblijft bij wat de wet van hen vraagt.',
      'H:Waarom nu?',
      'P:De Voorjaarsnota is het laatste moment waarop het kabinet voor 2026 nog kan bijsturen. Daarna zijn de begrotingen van de gemeenten vastgesteld.',
      'H:Wat vragen wij van het bestuur?',
      'P:Dat het bestuur de ALV-uitspraak van juni herhaalt en het kabinet aan zijn afspraken houdt.',
    ]);
  });

  it('leaves a question inside a paragraph as text', () => {
    const asked = parseResolutionText(
      [
        'Toelichting',
        'Het kabinet heeft de tekorten erkend.',
        'Waarom blijft een oplossing dan uit?',
        'Die vraag stellen gemeenten al jaren.',
        '',
        'Is dit een vraag die een kop is omdat hij heel lang doorloopt over meer dan twaalf woorden?',
        '',
        'Nee.',
      ].join('\n'),
    );
    expect(outline(asked.explanation).filter((line) => line.startsWith('H:'))).toEqual([]);
  });
});

describe('findSubmitter', () => {
  const find = (source: string) => findSubmitter(readLines(source).lines);

  it('reads the forms members use', () => {
    expect(find('Ingediend door de gemeente Utrecht')?.submitter).toBe('gemeente Utrecht');
    expect(find('Ingediend door: gemeente Súdwest-Fryslân.')?.submitter).toBe(
      'gemeente Súdwest-Fryslân',
    );
    expect(find('Indiener: gemeente Amersfoort')?.submitter).toBe('gemeente Amersfoort');
  });

  it('follows the co-submitters onto the next lines, with or without brackets', () => {
    expect(
      find('Ingediend door de gemeente Oudewater (mede namens de gemeenten\nWoerden en Montfoort)'),
    ).toEqual({
      submitter: 'gemeente Oudewater (mede namens de gemeenten Woerden en Montfoort)',
      lines: [0, 1],
    });
    expect(find('Ingediend door de gemeente Oudewater\nmede namens de gemeente Woerden')).toEqual({
      submitter: 'gemeente Oudewater (mede namens de gemeente Woerden)',
      lines: [0, 1],
    });
  });

  it('leaves a sentence in running text alone', () => {
    expect(
      find('Deze motie werd eerder besproken en\ningediend door de gemeente Utrecht in 2023.'),
    ).toBeNull();
    expect(find('Ingediend door de gemeente Utrecht. Zij vraagt het bestuur om steun.')).toBeNull();
  });

  it('keeps the line in the text when the co-submitters do not fit Gegevens', () => {
    const many = Array.from({ length: 30 }, (_, i) => `Gemeente${i + 1}`).join(', ');
    expect(find(`Ingediend door de gemeente Oudewater (mede namens de gemeenten ${many})`)).toEqual(
      {
        submitter: 'gemeente Oudewater',
        lines: [],
      },
    );
  });
});
