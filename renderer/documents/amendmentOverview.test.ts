/**
 * The amendments panel's reading of the procedure, on a real Yjs document with amendments
 * drafted in suggestion mode: the rows with their proposals, the conflicts in words, filter
 * and order, the amendment a proposal belongs to, the user's own amendment, an amendment
 * file's name and the vote as typed.
 */
import { describe, expect, it } from 'vitest';
import { readYDoc } from '../../shared/ydoc/yDocument.ts';
import { getTrackedChanges } from '../../shared/editor/suggestions/trackedChanges.ts';
import { readProcedureEntries } from '../../shared/procedure/procedureRecords.ts';
import {
  createSubmission,
  recordDecision,
  withdrawSubmission,
} from '../../shared/procedure/procedureStore.ts';
import {
  amendmentFileName,
  amendmentNumbersByChange,
  buildRows,
  describeChangedPlaces,
  describeConflicts,
  filterRows,
  findOwnAmendment,
  indienerChoices,
  joinNumbers,
  readVote,
  sortRows,
  statusChoices,
} from './amendmentOverview.ts';
import {
  BESTUUR,
  TILBURG,
  UTRECHT,
  ZWOLLE,
  newResolution,
  threeAmendments,
} from './testing/amendmentFixtures.ts';
import type * as Y from 'yjs';

function rowsOf(ydoc: Y.Doc) {
  const doc = readYDoc(ydoc);
  return { doc, rows: buildRows(doc, readProcedureEntries(ydoc), getTrackedChanges(doc)) };
}

describe('the overview of a resolution with three amendments', () => {
  it('lists them by number with their own proposals', () => {
    const ydoc = newResolution();
    const ids = threeAmendments(ydoc);
    const { rows } = rowsOf(ydoc);
    expect(rows.map((row) => [row.entry.number, row.entry.indiener, row.status])).toEqual([
      ['A1', 'Utrecht', 'ingediend'],
      ['A2', 'Zwolle', 'ingediend'],
      ['A3', 'Tilburg', 'ingediend'],
    ]);
    expect(rows.map((row) => row.changes.map((c) => c.inserted || c.deleted))).toEqual([
      [' en ruimte'],
      [' voor woningbouw'],
      [' samen met gemeenten'],
    ]);
    expect(rows.map((row) => row.entry.id)).toEqual([ids.a1, ids.a2, ids.a3]);
  });

  it('says which open amendments change the same text, and stops once one is decided', () => {
    const ydoc = newResolution();
    const { a1 } = threeAmendments(ydoc);
    const before = rowsOf(ydoc);
    expect(describeConflicts(before.doc, before.rows)).toEqual([
      'A1 en A2 wijzigen dezelfde tekst (punt 1 onder ‘Spreekt uit’).',
    ]);
    recordDecision(ydoc, a1, 'aangehouden', null, BESTUUR);
    // Aangehouden is still open: the conflict stands.
    expect(describeConflicts(before.doc, rowsOf(ydoc).rows)).toHaveLength(1);
    withdrawSubmission(ydoc, a1, BESTUUR, { onBehalf: true });
    const after = rowsOf(ydoc);
    expect(describeConflicts(after.doc, after.rows)).toEqual([]);
  });

  it('filters on status and on indiener (co-indieners too), and sorts', () => {
    const ydoc = newResolution();
    const { a2 } = threeAmendments(ydoc);
    recordDecision(ydoc, a2, 'verworpen', 'algemeen', BESTUUR);
    const { rows } = rowsOf(ydoc);
    const numbers = (list: typeof rows) => list.map((row) => row.entry.number);
    expect(numbers(filterRows(rows, { status: 'open', indiener: null }))).toEqual(['A1', 'A3']);
    expect(numbers(filterRows(rows, { status: 'verworpen', indiener: null }))).toEqual(['A2']);
    expect(numbers(filterRows(rows, { status: 'alle', indiener: 'Nieuwegein' }))).toEqual(['A1']);
    expect(numbers(filterRows(rows, { status: 'open', indiener: 'Zwolle' }))).toEqual([]);
    expect(numbers(sortRows(rows, 'indiener'))).toEqual(['A3', 'A1', 'A2']);
    expect(numbers(sortRows(rows, 'status'))).toEqual(['A1', 'A3', 'A2']);
    expect(indienerChoices(rows)).toEqual([
      'Amersfoort',
      'Nieuwegein',
      'Tilburg',
      'Utrecht',
      'Zwolle',
    ]);
    expect(statusChoices(rows).map(([value]) => value)).toEqual([
      'alle',
      'open',
      'ingediend',
      'verworpen',
    ]);
  });

  it('tells the changes panel which amendment each proposal belongs to', () => {
    const ydoc = newResolution();
    threeAmendments(ydoc);
    const { doc, rows } = rowsOf(ydoc);
    const numbers = amendmentNumbersByChange(rows);
    expect(getTrackedChanges(doc).map((change) => numbers.get(change.id))).toEqual([
      'A1',
      'A2',
      'A3',
    ]);
  });

  it("finds the user's own amendment: the concept they draft, else the last one submitted", () => {
    const ydoc = newResolution();
    threeAmendments(ydoc);
    expect(findOwnAmendment(rowsOf(ydoc).rows, ZWOLLE.name)?.entry.number).toBe('A2');
    expect(findOwnAmendment(rowsOf(ydoc).rows, BESTUUR.name)).toBeNull();
    const fields = { indiener: 'Zwolle', coIndieners: [], title: 'Nog een', motivation: '' };
    createSubmission(ydoc, readYDoc(ydoc), 'amendement', fields, ZWOLLE, 5_000);
    const own = findOwnAmendment(rowsOf(ydoc).rows, ZWOLLE.name);
    expect([own?.entry.number, own?.status]).toEqual(['A4', 'concept']);
    expect(findOwnAmendment(rowsOf(ydoc).rows, TILBURG.name)?.entry.number).toBe('A3');
    expect(findOwnAmendment(rowsOf(ydoc).rows, UTRECHT.name)?.entry.number).toBe('A1');
  });
});

describe('words and names', () => {
  it('joins numbers and changed places as a sentence does', () => {
    expect(joinNumbers(['A1'])).toBe('A1');
    expect(joinNumbers(['A1', 'A3'])).toBe('A1 en A3');
    expect(joinNumbers(['A1', 'A2', 'A4'])).toBe('A1, A2 en A4');
    expect(
      describeChangedPlaces([
        { place: 'punt 3 onder ‘Spreekt uit’', gone: false },
        { place: 'punt 1 onder ‘Overwegende dat’', gone: true },
      ]),
    ).toBe('punt 3 onder ‘Spreekt uit’; punt 1 onder ‘Overwegende dat’ (niet meer in de tekst)');
  });

  it('suggests a file name the documents folder takes', () => {
    expect(amendmentFileName('Utrecht', 'Ruimte voor woningbouw')).toBe(
      'Amendement Utrecht op Ruimte voor woningbouw',
    );
    expect(amendmentFileName('Utrecht', null)).toBe('Amendement Utrecht');
    expect(amendmentFileName('Utrecht', 'Wonen: nu/later? "Ja"\t...')).toBe(
      'Amendement Utrecht op Wonen nu later Ja',
    );
    expect([...amendmentFileName('Súdwest-Fryslân', 'é'.repeat(300))].length).toBe(120);
  });

  it('reads a vote as typed, and says what is wrong with one', () => {
    expect(readVote({ unanimous: true, voor: 'x', tegen: '', onthouding: '' })).toEqual({
      vote: 'algemeen',
    });
    expect(readVote({ unanimous: false, voor: ' 28 ', tegen: '3', onthouding: '' })).toEqual({
      vote: { voor: 28, tegen: 3, onthouding: 0 },
    });
    expect(readVote({ unanimous: false, voor: '2,5', tegen: '', onthouding: '' })).toEqual({
      problem: 'Vul bij “voor” een heel getal in (0 of meer).',
    });
    expect(readVote({ unanimous: false, voor: '', tegen: '-1', onthouding: '' })).toEqual({
      problem: 'Vul bij “tegen” een heel getal in (0 of meer).',
    });
    expect(readVote({ unanimous: false, voor: '', tegen: '', onthouding: '0' })).toEqual({
      problem: 'Vul de stemmen in (voor, tegen, onthouding), of kies “Met algemene stemmen”.',
    });
  });
});
