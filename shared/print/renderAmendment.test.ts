/**
 * The printed amendment in the standard form: its head (number, gemeente, co-indieners,
 * resolution, assembly), "De Algemene Ledenvergadering, … besluit …" with the instructions
 * numbered, the Toelichting, the preadvies and the besluit; the page's frame, properties and
 * CONCEPT mark; and text that could be markup printed as text.
 */
import { describe, expect, it } from 'vitest';
import { gemeenteName } from '../model/amendmentForm.ts';
import { amendmentName, renderAmendmentDocument } from './renderAmendment.ts';
import type { PrintedAmendment } from './renderAmendment.ts';

const A1: PrintedAmendment = {
  number: 'A1',
  indiener: 'Utrecht',
  coIndieners: [],
  subject: 'Uitgangspunt financiën',
  resolution: 'VNG-inzet richting nieuwe kabinet',
  assembly: 'Najaars ALV',
  date: '2024-11-29',
  instructions: ['in punt 1 onder ‘Spreekt uit’ “onverkort” te vervangen door “zo veel mogelijk”'],
  instructionsNote: '',
  motivation: 'Onverkort is te stellig.\n\nEen tweede alinea\nmet een regel erbij.',
  status: 'Ingediend',
  concept: false,
  advice: null,
  decision: null,
};

/** The text between the tags, spaces collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const body = (amendment: PrintedAmendment) => {
  const { html } = renderAmendmentDocument(amendment, { fontCss: '' });
  return html.slice(html.indexOf('<body>'), html.indexOf('</body>'));
};

describe('renderAmendmentDocument', () => {
  it('prints the standard form with one instruction as a sentence', () => {
    expect(textOf(body(A1))).toBe(
      'Amendement A1 van de gemeente Utrecht op de resolutie ‘VNG-inzet richting nieuwe kabinet’ ' +
        'Najaars ALV, vrijdag 29 november 2024 · Onderwerp: Uitgangspunt financiën · Ingediend ' +
        'De Algemene Ledenvergadering, in vergadering bijeen op vrijdag 29 november 2024, ' +
        'besluit de resolutie ‘VNG-inzet richting nieuwe kabinet’ als volgt te wijzigen: ' +
        'in punt 1 onder ‘Spreekt uit’ “onverkort” te vervangen door “zo veel mogelijk”. ' +
        'Toelichting Onverkort is te stellig. Een tweede alinea met een regel erbij.',
    );
    expect(body(A1)).toContain('<p>Een tweede alinea<br>met een regel erbij.</p>');
  });

  it('numbers several instructions, each ending in ";" and the last in "."', () => {
    const html = body({
      ...A1,
      instructions: ['punt 3 onder ‘Spreekt uit’ te schrappen', 'in de titel “a” te schrappen'],
    });
    expect(html).toContain(
      '<ol class="items instructions"><li class="item" data-indent="0"><span class="label">1.</span> ' +
        '<span class="text">punt 3 onder ‘Spreekt uit’ te schrappen;</span></li>' +
        '<li class="item" data-indent="0"><span class="label">2.</span> ' +
        '<span class="text">in de titel “a” te schrappen.</span></li></ol>',
    );
  });

  it('names co-indieners, one or more, and drops a "Gemeente" the name was given with', () => {
    expect(
      textOf(body({ ...A1, indiener: 'Gemeente Utrecht', coIndieners: ['Zwolle'] })),
    ).toContain(
      'Amendement A1 van de gemeente Utrecht mede ingediend door de gemeente Zwolle op de resolutie',
    );
    expect(textOf(body({ ...A1, coIndieners: ['Zwolle', 'Tilburg', 'Gemeente Ede'] }))).toContain(
      'mede ingediend door de gemeenten Zwolle, Tilburg en Ede op',
    );
    expect(gemeenteName('gemeente Súdwest-Fryslân')).toBe('Súdwest-Fryslân');
    expect(amendmentName({ number: 'A12', indiener: 'Zwolle' })).toBe(
      'Amendement A12 van de gemeente Zwolle',
    );
  });

  it('prints the preadvies and the besluit with the vote once recorded', () => {
    const text = textOf(
      body({
        ...A1,
        status: 'Aangenomen',
        advice: { label: 'Overnemen', reasoning: 'Het bestuur kan zich erin vinden.' },
        decision: { label: 'Aangenomen', vote: '28 voor, 3 tegen, 1 onthouding' },
      }),
    );
    expect(text).toContain(
      'Preadvies van het bestuur Overnemen Het bestuur kan zich erin vinden. ' +
        'Besluit van de ALV Aangenomen, 28 voor, 3 tegen, 1 onthouding.',
    );
    expect(
      textOf(body({ ...A1, decision: { label: 'Overgenomen door het bestuur', vote: '' } })),
    ).toContain('Besluit van de ALV Overgenomen door het bestuur.');
  });

  it('says why there are no instructions when its proposals were decided', () => {
    const text = textOf(
      body({ ...A1, instructions: [], instructionsNote: 'De wijzigingen zijn verwerkt.' }),
    );
    expect(text).toContain('als volgt te wijzigen: De wijzigingen zijn verwerkt. Toelichting');
  });

  it('has an assembly without a date, and a resolution without a title', () => {
    const text = textOf(body({ ...A1, date: null, resolution: null }));
    expect(text).toContain('op de resolutie Najaars ALV · Onderwerp');
    expect(text).toContain(
      'De Algemene Ledenvergadering, in vergadering bijeen, besluit de resolutie als volgt',
    );
  });

  it('prints what could be markup as text', () => {
    const html = body({
      ...A1,
      indiener: '<b>Utrecht</b>',
      motivation: '<script>alert(1)</script>',
      instructions: ['in de titel “<i>” te schrappen'],
    });
    expect(html).not.toMatch(/<script|<b>|<i>/);
    expect(html).toContain('&lt;script&gt;');
  });

  it('goes through the common page frame, with its properties, footer and outline', () => {
    const printed = renderAmendmentDocument(
      { ...A1, coIndieners: ['Zwolle'] },
      { fontCss: '@font-face{}' },
    );
    expect(printed.html).toMatch(/^<!doctype html>\n<html lang="nl-NL">/);
    expect(printed.html).toContain("default-src 'none'");
    expect(printed.metadata).toEqual({
      title: 'Amendement A1 van de gemeente Utrecht',
      author: 'Gemeente Utrecht, Gemeente Zwolle',
      subject: 'Amendement op de resolutie ‘VNG-inzet richting nieuwe kabinet’',
      language: 'nl-NL',
      keywords: ['Amendement', 'Najaars ALV', '2024-11-29'],
    });
    expect(printed.footerTemplate).toContain('Amendement A1 van de gemeente Utrecht');
    expect(printed.outlineTitles).toEqual(['Amendement A1', 'Toelichting']);
    expect(printed.watermark).toBe(false);
    expect(renderAmendmentDocument({ ...A1, concept: true }, { fontCss: '' }).watermark).toBe(true);
  });
});
