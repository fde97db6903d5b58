/**
 * A stuk that breaks each rule of CHECK_RULES and one that keeps it, keyed by the rule's id:
 * rules.test.ts fails for a rule without its cases here, and runs the fixes.
 */
import type { Node } from 'prosemirror-model';
import type { CheckContext } from '../checkTypes.ts';
import { markProposal, stuk, withItemId, withReference } from './checkDocs.ts';

export interface Case {
  doc: Node;
  context?: CheckContext;
}

export interface RuleCases {
  /** A stuk that breaks the rule, with the words its finding says and the place it names. */
  positive: Case & { message: string; place: string };
  /** A stuk that keeps it (close to the positive one, so that the rule is what decides). */
  negative: Case;
  /** When a fix is offered: the text of the place after it. */
  fixed?: string;
}

export const RULE_CASES: Record<string, RuleCases> = {
  'overweging-einde': {
    positive: {
      doc: stuk({ recitals: [{ items: ['Gemeenten een stap zetten,', 'Het rijk betaalt.'] }] }),
      message: 'Een overweging eindigt met een puntkomma, en hier staat een komma.',
      place: 'Overwegende dat, overweging 1',
    },
    negative: {
      // As in seed 001: the last recital of a block ends with "."; "; en" and ":" before
      // sub-items are the conventions too.
      doc: stuk({
        recitals: [
          {
            items: [
              'Gemeenten een stap zetten; en',
              'Het rijk twee dingen doet:',
              { text: 'betalen;', indent: 1 },
              { text: 'luisteren.', indent: 1 },
            ],
          },
          { heading: 'constaterende', items: ['Het rijk betaalt;'] },
        ],
      }),
    },
    fixed: 'Gemeenten een stap zetten;',
  },
  'punt-einde': {
    positive: {
      doc: stuk({
        operatives: [
          { items: ['Dat het uitgangspunt blijft;'] },
          { heading: 'verzoekt_bestuur', items: ['een Extra ALV te beleggen;'] },
        ],
      }),
      message: 'Het laatste punt van het besluit eindigt met een punt',
      place: 'Verzoekt het bestuur, punt 1',
    },
    negative: {
      doc: stuk({
        operatives: [
          { items: ['Dat het uitgangspunt blijft;'] },
          { heading: 'verzoekt_bestuur', items: ['een Extra ALV te beleggen.'] },
        ],
      }),
    },
    fixed: 'een Extra ALV te beleggen.',
  },
  'leeg-punt': {
    positive: {
      doc: stuk({ operatives: [{ items: ['Dat het blijft;', '', 'Dat het klaar is.'] }] }),
      message: 'Dit punt is leeg, maar krijgt wel een nummer.',
      place: 'Spreekt uit, punt 2',
    },
    negative: { doc: stuk({ operatives: [{ items: ['Dat het blijft;', 'Dat het klaar is.'] }] }) },
    fixed: 'Dat het klaar is.',
  },
  'leeg-blok': {
    positive: {
      doc: stuk({
        recitals: [{ items: ['Het rijk betaalt.'] }, { heading: 'gelet_op', items: ['', ''] }],
      }),
      message: 'Het blok „Gelet op” heeft alleen lege overwegingen.',
      place: 'Gelet op',
    },
    negative: {
      doc: stuk({
        recitals: [
          { items: ['Het rijk betaalt.'] },
          { heading: 'gelet_op', items: ['De wet;', ''] },
        ],
      }),
    },
  },
  'blok-zonder-punten': {
    positive: {
      doc: stuk({
        operatives: [{ items: ['Dat het klaar is.'] }, { heading: 'roept_op', items: [] }],
      }),
      message: 'Onder de kop „Roept op” staan geen punten.',
      place: 'Roept op',
    },
    negative: {
      doc: stuk({
        operatives: [{ items: ['Dat het klaar is.'] }, { heading: 'roept_op', items: [''] }],
      }),
    },
  },
  'dictum-ontbreekt': {
    positive: {
      doc: stuk({ operatives: [] }),
      message: 'Er is geen besluitend deel',
      place: 'Het stuk',
    },
    negative: { doc: stuk({ operatives: [{ heading: 'besluit', items: ['Het is zo.'] }] }) },
  },
  'kop-zonder-tekst': {
    positive: {
      doc: stuk({ explanation: ['# Aanleiding', '# Overhedenoverleg', 'Er is overlegd.'] }),
      message: 'er volgt direct een kop van hetzelfde niveau',
      place: 'Toelichting, kop ‘Aanleiding’',
    },
    negative: {
      doc: stuk({ explanation: ['# Overhedenoverleg', '## Stap', 'Er is overlegd.'] }),
    },
  },
  'datum-bestaat-niet': {
    positive: {
      doc: stuk({ operatives: [{ items: ['Dat op 31 april 2025 een Extra ALV komt.'] }] }),
      message: '„31 april 2025” bestaat niet: april heeft 30 dagen.',
      place: 'Spreekt uit, punt 1',
    },
    negative: {
      doc: stuk({ operatives: [{ items: ['Dat op 30 april 2025 een Extra ALV komt.'] }] }),
    },
  },
  'weekdag-klopt-niet': {
    positive: {
      doc: stuk({ explanation: ['De ALV is op vrijdag 30 november 2024 gehouden.'] }),
      message: '„vrijdag 30 november 2024” klopt niet: 30 november 2024 is een zaterdag.',
      place: 'Toelichting',
    },
    negative: { doc: stuk({ explanation: ['De ALV is op vrijdag 29 november 2024 gehouden.'] }) },
  },
  'aanhef-onvolledig': {
    positive: {
      doc: stuk({ preamble: { assembly: ' ', date: null } }),
      message: 'In de aanhef ontbreekt de naam van de vergadering en de datum.',
      place: 'Aanhef',
    },
    negative: { doc: stuk({ preamble: { assembly: 'ALV', date: '2025-06-12' } }) },
  },
  'aanhef-datum': {
    positive: {
      doc: stuk({ preamble: { assembly: 'Najaars ALV 2024', date: '2025-06-12' } }),
      message:
        'De vergadering heet „Najaars ALV 2024”, maar de datum in de aanhef valt in 2025: donderdag 12 juni 2025.',
      place: 'Aanhef',
    },
    negative: { doc: stuk({ preamble: { assembly: 'ALV van 12 juni 2025', date: '2025-06-12' } }) },
  },
  'haakjes-aanhalingstekens': {
    positive: {
      doc: stuk({
        explanation: ['Het wetsvoorstel ‘Wet verbetering beschikbaarheid Jeugdzorg komt eraan.'],
      }),
      message: 'Het aanhalingsteken ‘ wordt niet gesloten.',
      place: 'Toelichting',
    },
    negative: {
      doc: stuk({
        explanation: [
          "Het wetsvoorstel ‘Wet verbetering’ komt eraan; de thema’s en d'r 'hoe' (zie [1]) en “de grens”.",
        ],
      }),
    },
  },
  'verwijzing-vervallen': {
    positive: {
      doc: withReference(stuk(), 'een Extra ALV', 'weg'),
      message: 'Deze verwijzing wijst naar een onderdeel dat niet meer in het stuk staat.',
      place: 'Spreekt uit, punt 2',
    },
    negative: {
      doc: withReference(withItemId(stuk(), 2, 'uitgangspunt'), 'een Extra ALV', 'uitgangspunt'),
    },
  },
  'dubbele-zin': {
    positive: {
      doc: stuk({
        explanation: [
          'Het bestuur wil recht doen aan de wensen van alle gemeenten.',
          'Dat blijkt. Het bestuur wil  recht doen aan de wensen van alle Gemeenten;',
        ],
      }),
      message: 'Deze zin staat ook in Toelichting: „Het bestuur wil recht doen aan de wensen …”.',
      place: 'Toelichting',
    },
    negative: {
      doc: stuk({
        explanation: [
          'Het bestuur wil recht doen aan de wensen van alle gemeenten.',
          'Het bestuur wil recht doen aan de wensen van de leden.',
          'Dat blijkt zo.',
          'Dat blijkt zo.',
        ],
      }),
    },
  },
  'definitief-met-voorstellen': {
    positive: {
      doc: markProposal(stuk({ status: 'definitief' }), 'van kracht', 'deletion'),
      message: 'De status is definitief, maar er staat nog 1 voorstel open.',
      place: 'Het stuk',
    },
    negative: { doc: markProposal(stuk({ status: 'concept' }), 'van kracht', 'deletion') },
  },
  'amendement-tekst-gewijzigd': {
    positive: {
      doc: stuk(),
      context: {
        changedAmendments: [{ number: 'A1', place: 'punt 2 onder ‘Spreekt uit’', gone: false }],
      },
      message:
        'De tekst waarop amendement A1 is gemaakt (punt 2 onder ‘Spreekt uit’) is sindsdien gewijzigd.',
      place: 'Amendement A1',
    },
    negative: { doc: stuk(), context: { changedAmendments: [] } },
  },
};
