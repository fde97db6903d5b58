/**
 * The ALV-overzicht's choices: which ALV (the open stuk's assembly and date, or every stuk),
 * the filter by status, the order, resolutions before moties, and what it says of files it
 * could not read or left out.
 */
import { describe, expect, it } from 'vitest';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import {
  arrangeOverview,
  describeGaps,
  overviewScope,
  overviewStatusChoices,
} from './procedureOverview.ts';
import type { OverviewDocument, OverviewRow } from './procedureOverview.ts';

function row(number: string, indiener: string, status: OverviewRow['status']): OverviewRow {
  const kind = number.startsWith('M') ? 'motie' : 'amendement';
  return { kind, number, indiener, coIndieners: [], title: '', status, advice: '', outcome: '' };
}

function stuk(name: string, kind: string, rows: OverviewRow[]): OverviewDocument {
  return { path: `${name}.resolutie`, name, kind, titleLine: name, submitter: '', rows };
}

const DOCUMENTS = [
  stuk('Motie huisvesting', 'motie', [row('M1', 'Zwolle', 'aangenomen')]),
  stuk('Resolutie woningbouw', 'resolutie', [
    row('A10', 'Utrecht', 'ingediend'),
    row('A2', 'Tilburg', 'verworpen'),
    row('A1', 'Zwolle', 'aangehouden'),
  ]),
  stuk('Resolutie energie', 'resolutie', []),
];

describe('the ALV-overzicht', () => {
  it('is about the open stuk’s ALV, or every stuk when it has no date', () => {
    const undated = buildDoc({ title: 'Zonder datum' });
    expect(overviewScope(undated)).toEqual({
      match: null,
      description: 'alle stukken in de documentenmap',
    });
    const dated = undated.copy(
      undated.content.replaceChild(
        1,
        undated.child(1).type.create({ assembly: 'ALV', date: '2026-06-12' }),
      ),
    );
    const scope = overviewScope(dated);
    expect(scope.match).toEqual({ assembly: 'ALV', date: '2026-06-12' });
    expect(scope.description).toMatch(/12 juni 2026$/);
  });

  it('lists resolutions before moties, by title, with their rows in the chosen order', () => {
    const arranged = arrangeOverview(DOCUMENTS, 'alle', 'nummer');
    expect(arranged.map((shown) => shown.document.name)).toEqual([
      'Resolutie energie',
      'Resolutie woningbouw',
      'Motie huisvesting',
    ]);
    expect(arranged[1]!.rows.map((shown) => shown.number)).toEqual(['A1', 'A2', 'A10']);
    const byIndiener = arrangeOverview(DOCUMENTS, 'alle', 'indiener');
    expect(byIndiener[1]!.rows.map((shown) => shown.indiener)).toEqual([
      'Tilburg',
      'Utrecht',
      'Zwolle',
    ]);
    const byStatus = arrangeOverview(DOCUMENTS, 'alle', 'status');
    expect(byStatus[1]!.rows.map((shown) => shown.number)).toEqual(['A10', 'A1', 'A2']);
  });

  it('filters by status, leaving out stukken without a matching row', () => {
    const open = arrangeOverview(DOCUMENTS, 'open', 'nummer');
    expect(open.map((shown) => shown.document.name)).toEqual(['Resolutie woningbouw']);
    expect(open[0]!.rows.map((shown) => shown.number)).toEqual(['A1', 'A10']);
    const adopted = arrangeOverview(DOCUMENTS, 'aangenomen', 'nummer');
    expect(adopted.map((shown) => shown.document.name)).toEqual(['Motie huisvesting']);
    expect(overviewStatusChoices(DOCUMENTS).map(([value]) => value)).toEqual([
      'alle',
      'open',
      'ingediend',
      'aangehouden',
      'aangenomen',
      'verworpen',
    ]);
  });

  it('names the files it could not read, and says when it left stukken out', () => {
    expect(describeGaps({ documents: [], unreadable: [], leftOut: 0 })).toBe('');
    expect(
      describeGaps({
        documents: [],
        unreadable: [{ name: 'Kapot', problem: 'beschadigd' }],
        leftOut: 0,
      }),
    ).toBe('Eén bestand kon niet worden gelezen en ontbreekt: ‘Kapot’.');
    expect(
      describeGaps({
        documents: [],
        unreadable: [
          { name: 'Kapot', problem: 'beschadigd' },
          { name: 'Oud', problem: 'te oud' },
        ],
        leftOut: 3,
      }),
    ).toBe(
      '2 bestanden konden niet worden gelezen en ontbreken: ‘Kapot’, ‘Oud’. De documentenmap heeft meer stukken dan het overzicht leest; 3 stukken zijn niet bekeken.',
    );
  });
});
