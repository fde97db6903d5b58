/**
 * The procedure read for print, on seed 001 with amendments made in suggestion mode: the stuk's
 * own text without open amendments, an amendment as print takes it (also once decided), the
 * marks of the text zoals geamendeerd (also for deletions the editor accepted already), and
 * the preadviezen per resolution with the moties apart.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { EditorState } from 'prosemirror-state';
import { acceptChanges } from '../../../shared/editor/suggestions/trackedChanges.ts';
import { getAcceptedDoc } from '../../../shared/editor/suggestions/acceptedDoc.ts';
import { toPlainText } from '../../../shared/export/toPlainText.ts';
import { buildDoc } from '../../../shared/editor/testing/buildDoc.ts';
import { createYDoc, readYDoc } from '../../../shared/ydoc/yDocument.ts';
import {
  createSubmission,
  recordAdvice,
  recordDecision,
  submitSubmission,
} from '../../../shared/procedure/procedureStore.ts';
import {
  decisionKey,
  getProcedureMap,
  readProcedureEntries,
} from '../../../shared/procedure/procedureRecords.ts';
import type { StoredDecision } from '../../../shared/procedure/procedureRecords.ts';
import { getSubmission } from '../../../shared/procedure/procedureStore.ts';
import { findItemPlace } from '../../../shared/procedure/amendmentPlaces.ts';
import { getTrackedChanges } from '../../../shared/editor/suggestions/trackedChanges.ts';
import { getAmendedText } from '../../../shared/print/amendedText.ts';
import {
  submitAmendment,
  writeDocToYDoc,
} from '../../../shared/procedure/testing/proposalDraft.ts';
import {
  BESTUUR,
  EDE,
  UTRECHT,
  buildProcedureScenario,
  decideScenario,
} from '../../../shared/procedure/testing/procedureScenario.ts';
import {
  MOTIES_HEADING,
  findAmendment,
  getAmendedMarks,
  listIssuedAmendments,
  locateTarget,
  readStukProcedure,
  toPreadviezen,
  toPrintedAmendment,
} from './procedureStukken.ts';

const SEED_001 = readFileSync(
  new URL('../../../test/fixtures/seeds/001_92c05f855c935f92.txt', import.meta.url),
  'utf8',
);

const read = (ydoc: Y.Doc) => readStukProcedure(ydoc, readYDoc(ydoc));
const plain = (doc: Parameters<typeof getAcceptedDoc>[0]) => toPlainText(getAcceptedDoc(doc));

/** The editor's decision on the proposals of `ids`: accepted, written into the Y.Doc. */
function acceptInText(ydoc: Y.Doc, ids: ReadonlySet<string>): void {
  let state = EditorState.create({ doc: readYDoc(ydoc) });
  acceptChanges((change) => ids.has(change.id), { removeEmptied: true })(
    state,
    (tr) => (state = state.apply(tr)),
  );
  writeDocToYDoc(ydoc, state.doc);
}

describe('readStukProcedure', () => {
  it('gives the stuk its own text: the open amendments left out, other changes kept', () => {
    const { resolution } = buildProcedureScenario(SEED_001);
    const procedure = read(resolution);
    const text = plain(procedure.text);
    expect(text).toContain('onverkort van kracht blijft');
    expect(text).not.toContain('zo veel mogelijk');
    expect(text).not.toContain('tijdig informeert');
    expect(text).toContain('Dat, als het kabinet');
    expect(procedure.metadata.title).toBe('VNG-inzet richting nieuwe kabinet');
    expect(procedure.rows.map((row) => `${row.entry.number} ${row.status}`)).toEqual([
      'A1 ingediend',
      'A2 ingediend',
    ]);
  });

  it('keeps the proposals of an adopted amendment, leaves out a rejected one', () => {
    const scenario = buildProcedureScenario(SEED_001);
    decideScenario(scenario);
    const text = plain(read(scenario.resolution).text);
    expect(text).toContain('zo veel mogelijk van kracht blijft');
    expect(text).toContain('Dat de VNG de leden tijdig informeert.');
    expect(text).toContain('Dat, als het kabinet');
  });
});

describe('toPrintedAmendment', () => {
  it('gives print the amendment with its instructions, preadvies and besluit in Dutch', () => {
    const scenario = buildProcedureScenario(SEED_001);
    decideScenario(scenario);
    const procedure = read(scenario.resolution);
    const row = findAmendment(procedure, 'a1')!;
    expect(toPrintedAmendment(procedure, row)).toEqual({
      number: 'A1',
      indiener: 'Utrecht',
      coIndieners: ['Zwolle'],
      subject: 'Uitgangspunt',
      resolution: 'VNG-inzet richting nieuwe kabinet',
      assembly: 'Najaars ALV',
      date: '2024-11-29',
      instructions: [
        'in punt 1 onder ‘Spreekt uit’ “onverkort” te vervangen door “zo veel mogelijk”',
        'na punt 6 onder ‘Spreekt uit’ een nieuw punt in te voegen, luidende: “Dat de VNG de leden tijdig informeert.”',
      ],
      instructionsNote: '',
      motivation: 'Onverkort is te stellig.\n\nHet Rijk moet ook kunnen.',
      status: 'Aangenomen',
      concept: false,
      advice: { label: 'Overnemen', reasoning: 'Het bestuur kan zich hierin vinden.' },
      decision: { label: 'Aangenomen', vote: '28 voor, 3 tegen, 1 onthouding' },
    });
    expect(findAmendment(procedure, 'A9')).toBeNull();
  });

  it('says where it changed the text once the editor decided its proposals', () => {
    const scenario = buildProcedureScenario(SEED_001);
    decideScenario(scenario);
    const entry = getSubmission(scenario.resolution, scenario.utrecht)!;
    acceptInText(scenario.resolution, new Set(entry.changes));
    const procedure = read(scenario.resolution);
    const printed = toPrintedAmendment(procedure, findAmendment(procedure, 'A1')!);
    // The instructions as they read when the besluit was recorded, before the text changed.
    expect(printed.instructions).toEqual(getDecision(scenario.resolution, scenario.utrecht));
    expect(printed.instructions.length).toBeGreaterThan(0);
    expect(printed.instructionsNote).toBe('');
    // A besluit recorded without them (a file of an earlier build): where it changed the text.
    const map = getProcedureMap(scenario.resolution);
    const key = decisionKey(scenario.utrecht);
    map.set(key, { ...(map.get(key) as StoredDecision), instructions: [] });
    const bare = read(scenario.resolution);
    expect(toPrintedAmendment(bare, findAmendment(bare, 'A1')!).instructionsNote).toBe(
      'De wijzigingen van dit amendement zijn in de resolutie verwerkt; zie de resolutie zoals geamendeerd. Het betrof punt 1 onder ‘Spreekt uit’ en punt 7 onder ‘Spreekt uit’.',
    );
  });

  it('lists the issued amendments for the bundle: no concept, no withdrawn one', () => {
    const scenario = buildProcedureScenario(SEED_001);
    const { resolution } = scenario;
    createSubmission(
      resolution,
      readYDoc(resolution),
      'amendement',
      { indiener: 'Ede', coIndieners: [], title: '', motivation: '' },
      { name: 'Voorsteller Ede', colour: '#b3261e' },
      7_000,
    );
    expect(listIssuedAmendments(read(resolution)).map((row) => row.entry.number)).toEqual([
      'A1',
      'A2',
    ]);
  });
});

function getDecision(resolution: Y.Doc, id: string): string[] {
  return readProcedureEntries(resolution).decisions.get(id)!.instructions;
}

describe('getAmendedMarks', () => {
  it('numbers the adopted amendments’ proposals, pending or accepted already', () => {
    const scenario = buildProcedureScenario(SEED_001);
    decideScenario(scenario);
    const entry = getSubmission(scenario.resolution, scenario.utrecht)!;
    const pending = getAmendedMarks(read(scenario.resolution));
    expect(pending.numbers).toEqual(new Map(entry.changes.map((id) => [id, 'A1'])));
    expect(pending.deletions).toEqual([]);
    // Accepted by the editor: the replaced word's insertion keeps its id; nothing is lost.
    acceptInText(scenario.resolution, new Set(entry.changes));
    const accepted = getAmendedMarks(read(scenario.resolution));
    expect(accepted.deletions).toEqual([]);
    const amended = getAmendedText(readYDoc(scenario.resolution), accepted);
    expect([...amended.notes.values()]).toEqual([['A1'], ['A1']]);
  });

  it('places a deletion the editor accepted by the text it was made in', () => {
    const ydoc = createYDoc(
      buildDoc({
        recitals: [['De kosten stijgen;']],
        operatives: [['Dat er geld komt;', 'Dat het uitgangspunt onverkort van kracht blijft;']],
      }),
    );
    const word = submitAmendment(ydoc, UTRECHT, { indiener: 'Utrecht' }, (draft) =>
      draft.remove(' onverkort'),
    );
    // Another amendment deletes punt 1: once both are adopted, punt 2 is punt 1.
    const item = submitAmendment(ydoc, EDE, { indiener: 'Ede' }, (draft) =>
      draft.deleteItems('Dat er geld komt;'),
    );
    recordDecision(ydoc, word, 'overgenomen', null, BESTUUR);
    recordDecision(ydoc, item, 'aangenomen', 'algemeen', BESTUUR);
    const ids = [...getSubmission(ydoc, word)!.changes, ...getSubmission(ydoc, item)!.changes];
    acceptInText(ydoc, new Set(ids));
    const doc = readYDoc(ydoc);
    const marks = getAmendedMarks(readStukProcedure(ydoc, doc));
    const places = marks.deletions!.map((deletion) => ({
      number: deletion.number,
      text: findItemPlace(doc, deletion.pos)!.item.textContent,
    }));
    expect(places).toEqual([
      { number: 'A1', text: 'Dat het uitgangspunt van kracht blijft;' },
      // The deleted punt's own place: the punt that now has its number.
      { number: 'A2', text: 'Dat het uitgangspunt van kracht blijft;' },
    ]);
    const amended = getAmendedText(doc, marks);
    expect([...amended.notes.values()]).toEqual([['A1', 'A2']]);
  });

  it('finds the item by its words when its number changed, by its place when they are gone', () => {
    const doc = buildDoc({
      operatives: [['Dat er iets nieuws is;', 'Dat het uitgangspunt van kracht blijft;', 'Dat.']],
    });
    const byWords = locateTarget(doc, {
      change: 'x',
      place: 'punt 1 onder ‘Spreekt uit’',
      text: 'Dat het uitgangspunt onverkort van kracht blijft;',
    });
    expect(findItemPlace(doc, byWords!)!.itemName).toBe('punt 2');
    const byPlace = locateTarget(doc, {
      change: 'x',
      place: 'punt 3 onder ‘Spreekt uit’',
      text: 'Geheel verdwenen tekst over woningbouw.',
    });
    expect(findItemPlace(doc, byPlace!)!.itemName).toBe('punt 3');
    expect(
      locateTarget(doc, { change: 'x', place: 'punt 9 onder ‘Spreekt uit’', text: 'Weg.' }),
    ).toBeNull();
  });
});

describe('toPreadviezen', () => {
  it('gives a section per resolution and the moties together, without concepts', () => {
    const scenario = buildProcedureScenario(SEED_001);
    decideScenario(scenario);
    const motie = createYDoc(
      buildDoc({ title: 'Woningbouw', recitals: [['Er is te weinig;']], operatives: [['Bouw.']] }),
    );
    const motieId = createSubmission(
      motie,
      readYDoc(motie),
      'motie',
      { indiener: 'Zwolle', coIndieners: ['Ede'], title: '', motivation: 'Bouwen helpt.' },
      { name: 'Voorsteller Zwolle', colour: '#1f4e9c' },
      1_000,
    );
    submitSubmission(
      motie,
      readYDoc(motie),
      getTrackedChanges(readYDoc(motie)),
      motieId,
      { name: 'Voorsteller Zwolle', colour: '#1f4e9c' },
      1_500,
    );
    recordAdvice(motie, motieId, 'oordeel_alv', '', BESTUUR, 2_000);
    const overview = toPreadviezen([read(scenario.resolution), read(motie)]);
    expect(overview.assembly).toBe('Najaars ALV');
    expect(overview.date).toBe('2024-11-29');
    expect(overview.sections.map((section) => section.heading)).toEqual([
      'Geactualiseerde resolutie “VNG-inzet richting nieuwe kabinet”',
      MOTIES_HEADING,
    ]);
    expect(overview.sections[0]!.rows).toEqual([
      {
        number: 'A1',
        indiener: 'Utrecht',
        coIndieners: ['Zwolle'],
        subject: 'Uitgangspunt',
        advice: 'Overnemen',
        reasoning: 'Het bestuur kan zich hierin vinden.',
        status: 'Aangenomen',
        vote: '28 voor, 3 tegen, 1 onthouding',
      },
      {
        number: 'A2',
        indiener: 'Ede',
        coIndieners: [],
        subject: 'Geen procedure',
        advice: 'Ontraden',
        reasoning: 'Een procedure moet mogelijk blijven.',
        status: 'Verworpen',
        vote: 'met algemene stemmen',
      },
    ]);
    expect(overview.sections[1]!.rows).toEqual([
      {
        number: 'M1',
        indiener: 'Zwolle',
        coIndieners: ['Ede'],
        subject: 'Woningbouw',
        advice: 'Oordeel ALV',
        reasoning: '',
        status: 'Ingediend',
        vote: '',
      },
    ]);
  });
});
