/**
 * The procedure as the JSON export writes it, on seed 001 with amendments made in suggestion
 * mode: every indiening with its status, preadvies, besluit, instructions and places, times
 * as ISO, plain JSON that survives a round trip, and nothing of who typed or of Yjs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createYDoc, readYDoc } from '../ydoc/yDocument.ts';
import { buildDoc } from '../editor/testing/buildDoc.ts';
import { getProcedureJson } from './procedureExport.ts';
import { buildProcedureScenario, decideScenario } from './testing/procedureScenario.ts';

const SEED_001 = readFileSync(
  new URL('../../test/fixtures/seeds/001_92c05f855c935f92.txt', import.meta.url),
  'utf8',
);

describe('getProcedureJson', () => {
  it('writes every indiening with its status, preadvies, besluit and instructions', () => {
    const scenario = buildProcedureScenario(SEED_001);
    decideScenario(scenario);
    const json = getProcedureJson(scenario.resolution, readYDoc(scenario.resolution));
    expect(json.indieningen).toHaveLength(2);
    expect(json.indieningen[1]).toEqual({
      kind: 'amendement',
      number: 'A2',
      indiener: 'Ede',
      coIndieners: [],
      title: 'Geen procedure',
      motivation: 'Een procedure helpt niemand.',
      status: 'verworpen',
      statusText: 'Verworpen',
      created: '1970-01-01T00:00:04.000Z',
      submitted: '1970-01-01T00:00:04.001Z',
      withdrawn: null,
      base: {
        version: null,
        resolution: 'Geactualiseerde resolutie “VNG-inzet richting nieuwe kabinet”',
      },
      instructions: ['punt 5 onder ‘Spreekt uit’ te schrappen'],
      places: ['punt 5 onder ‘Spreekt uit’'],
      changedPlaces: [],
      conflicts: [],
      preadvies: {
        advice: 'ontraden',
        adviceText: 'Ontraden',
        reasoning: 'Een procedure moet mogelijk blijven.',
        time: '1970-01-01T00:00:05.000Z',
      },
      besluit: {
        outcome: 'verworpen',
        outcomeText: 'Verworpen',
        vote: 'algemeen',
        voteText: 'met algemene stemmen',
        time: '1970-01-01T00:00:06.000Z',
      },
    });
    expect(json.indieningen[0]!.besluit).toEqual({
      outcome: 'aangenomen',
      outcomeText: 'Aangenomen',
      vote: { voor: 28, tegen: 3, onthouding: 1 },
      voteText: '28 voor, 3 tegen, 1 onthouding',
      time: '1970-01-01T00:00:06.000Z',
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    const text = JSON.stringify(json);
    for (const hidden of ['Voorsteller', 'Secretariaat', 'stateVector', 'colour']) {
      expect(text).not.toContain(hidden);
    }
  });

  it('is empty for a stuk without a procedure, and holds a member’s own amendment', () => {
    const doc = buildDoc({ operatives: [['Dat.']] });
    expect(getProcedureJson(createYDoc(doc), doc)).toEqual({ indieningen: [] });
    const { tilburg } = buildProcedureScenario(SEED_001);
    const own = getProcedureJson(tilburg, readYDoc(tilburg));
    expect(own.indieningen.map((entry) => [entry.number, entry.instructions])).toEqual([
      [
        'A1',
        [
          'in punt 6 onder ‘Spreekt uit’ “in het voorjaar van 2025” te vervangen door “in maart 2025”',
        ],
      ],
    ]);
  });
});
