/**
 * Documents for the Akoma Ntoso tests: the seeds as the text import reads them, and generated
 * stukken covering what the seeds may lack (sub-items, bullets, footnotes, empty blocks, a
 * Toelichting with headings, lists and quotes, a motie, no date, hostile text).
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Node } from 'prosemirror-model';
import { docFromModel } from '../../../editor/fromModel.ts';
import type { InlineRun, ParsedResolution } from '../../../model/resolution.ts';
import { parseResolutionText } from '../../../import/parseResolutionText.ts';
import type { AknAmendment } from '../amendmentToAkomaNtoso.ts';

const SEEDS = new URL('../../../../test/fixtures/seeds/', import.meta.url);

/** Every seed as a document, by file name. */
export function seedDocs(): { name: string; doc: Node }[] {
  return readdirSync(SEEDS)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({
      name,
      doc: docFromModel(parseResolutionText(readFileSync(new URL(name, SEEDS), 'utf8'))),
    }));
}

const text = (value: string): InlineRun => ({ type: 'text', text: value });

/** Text that tries to break out of the XML: markup, entities, quotes and bidi controls. */
export const HOSTILE =
  '<script>alert("x")</script> & &amp; \'q\' "dq" ]]> <!-- c --> \u202Eevil\u202C \u2066iso\u2069';

/** A resolution using every structure the export knows. */
export function fullModel(): ParsedResolution {
  return {
    kind: 'resolutie',
    status: 'concept',
    title: 'Geld voor de jeugd',
    submitter: 'Utrecht',
    preamble: { assembly: 'Najaars ALV', date: '2024-11-29' },
    blocks: [
      {
        type: 'recital',
        heading: 'constaterende',
        items: [
          { indent: 1, marker: 'bullet', content: [text('Een los opsommingsteken')] },
          {
            indent: 0,
            marker: 'letter',
            content: [text('De tekorten lopen op'), { type: 'footnote', text: 'Bron: CBS.' }],
          },
          { indent: 1, marker: 'letter', content: [text('in 2025')] },
          { indent: 1, marker: 'letter', content: [text('en daarna')] },
        ],
      },
      { type: 'recital', heading: 'overwegende', items: [] },
      {
        type: 'operative',
        heading: 'spreekt_uit',
        items: [
          {
            indent: 0,
            marker: 'letter',
            content: [
              text('Zie '),
              { type: 'text', text: 'vng.nl', href: 'https://vng.nl/?a=1&b=2' },
              { type: 'hard_break' },
              { type: 'text', text: 'vet', marks: ['bold', 'italic'] },
            ],
          },
          { indent: 1, marker: 'letter', content: [text('punt a')] },
          { indent: 1, marker: 'bullet', content: [text('een bolletje')] },
          { indent: 1, marker: 'letter', content: [text('punt b')] },
          { indent: 0, marker: 'letter', content: [] },
        ],
      },
      { type: 'operative', heading: 'verzoekt_bestuur', items: [] },
      {
        type: 'operative',
        heading: 'roept_op',
        items: [
          {
            indent: 0,
            marker: 'letter',
            content: [text('Tweede noot'), { type: 'footnote', text: 'Noot <b>&</b>' }],
          },
        ],
      },
    ],
    explanation: [
      { type: 'paragraph', content: [text('Inleiding zonder kop.')] },
      { type: 'heading', level: 1, content: [text('Waarom nu?')] },
      { type: 'paragraph', content: [text('Omdat het moet.')] },
      {
        type: 'bullet_list',
        items: [
          [{ type: 'paragraph', content: [text('eerste')] }],
          [
            { type: 'paragraph', content: [text('tweede')] },
            {
              type: 'ordered_list',
              items: [[{ type: 'paragraph', content: [text('genest')] }]],
            },
          ],
        ],
      },
      { type: 'heading', level: 2, content: [text('Een citaat')] },
      {
        type: 'blockquote',
        content: [{ type: 'paragraph', content: [text('Zo zei de minister.')] }],
      },
      { type: 'heading', level: 1, content: [text('Lege kop gevolgd door niets')] },
    ],
  };
}

/** The generated documents, by name. */
export function generatedDocs(): { name: string; doc: Node }[] {
  const full = fullModel();
  const motie: ParsedResolution = { ...full, kind: 'motie', title: 'Motie over de jeugd' };
  const undated: ParsedResolution = {
    ...full,
    title: null,
    submitter: null,
    preamble: { assembly: 'Voorjaars ALV', date: null },
  };
  const empty: ParsedResolution = {
    kind: 'resolutie',
    status: null,
    title: null,
    preamble: null,
    blocks: [],
    explanation: [],
  };
  const hostile: ParsedResolution = {
    ...full,
    title: HOSTILE,
    submitter: HOSTILE,
    blocks: [
      {
        type: 'recital',
        heading: 'overwegende',
        items: [{ indent: 0, marker: 'letter', content: [text(HOSTILE)] }],
      },
      {
        type: 'operative',
        heading: 'besluit',
        items: [
          {
            indent: 0,
            marker: 'letter',
            content: [text(HOSTILE), { type: 'footnote', text: HOSTILE }],
          },
        ],
      },
    ],
    explanation: [{ type: 'paragraph', content: [text(HOSTILE)] }],
  };
  return [
    { name: 'volledig', doc: docFromModel(full) },
    { name: 'motie', doc: docFromModel(motie) },
    { name: 'zonder datum', doc: docFromModel(undated) },
    { name: 'leeg', doc: docFromModel(empty) },
    { name: 'vijandige tekst', doc: docFromModel(hostile) },
  ];
}

/** Amendments covering the standard form's cases, for the `amendment` export. */
export function testAmendments(): { name: string; amendment: AknAmendment }[] {
  const base: AknAmendment = {
    number: 'A1',
    indiener: 'Utrecht',
    coIndieners: [],
    subject: '',
    resolution: 'Geld voor de jeugd',
    assembly: 'Najaars ALV',
    date: '2024-11-29',
    instructions: ['in punt 1 onder ‘Spreekt uit’ “fors” te vervangen door “ruim”'],
    instructionsNote: '',
    motivation: '',
    status: 'Ingediend',
    advice: null,
    decision: null,
  };
  return [
    { name: 'één wijziging', amendment: base },
    {
      name: 'meer wijzigingen, mede-indieners, preadvies en besluit',
      amendment: {
        ...base,
        number: 'A2',
        indiener: 'gemeente Enschede',
        coIndieners: ['Zwolle', 'Tilburg'],
        subject: 'Middelen',
        instructions: [
          'in punt 1 onder ‘Spreekt uit’ “fors” te vervangen door “ruim”',
          'na punt 2 onder ‘Spreekt uit’ een punt in te voegen, luidende: “Dat het zo is.”',
          'punt 3 onder ‘Overwegende dat’ te schrappen',
        ],
        motivation: 'De middelen schieten tekort.\n\nTweede alinea\nmet een regel.',
        status: 'Aangenomen',
        advice: { label: 'Oordeel ALV', reasoning: 'Het bestuur laat het oordeel aan de ALV.' },
        decision: { label: 'Aangenomen', vote: '28 voor, 3 tegen, 1 onthouding' },
      },
    },
    {
      name: 'zonder wijziging en zonder datum',
      amendment: {
        ...base,
        number: 'A3',
        resolution: null,
        date: null,
        instructions: [],
        instructionsNote: 'De wijziging is niet meer in de tekst te vinden.',
        status: 'Ingetrokken',
        decision: { label: 'Verworpen', vote: '' },
      },
    },
    {
      name: 'vijandige tekst',
      amendment: {
        ...base,
        number: 'A4',
        indiener: HOSTILE,
        coIndieners: [HOSTILE],
        subject: HOSTILE,
        resolution: HOSTILE,
        instructions: [HOSTILE, HOSTILE],
        motivation: HOSTILE,
        advice: { label: HOSTILE, reasoning: HOSTILE },
      },
    },
  ];
}
