/**
 * The lifecycle of an indiening as procedureStore.ts writes it, on real Yjs documents whose
 * proposals are made as the app's editor makes them (suggestion mode under the member's name):
 * made, submitted, advised on, held over, decided, withdrawn, renumbered; which proposals belong
 * to which amendment; and the bestuur's overview (listSubmissions) with the places changed since
 * and the amendments that change the same text. Every refusal has its Dutch message and leaves
 * the Yjs state byte for byte as it was.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Command } from 'prosemirror-state';
import { baseKeymap, chainCommands } from 'prosemirror-commands';
import { buildDoc, findText, itemStart } from '../editor/testing/buildDoc.ts';
import { buildKeymap } from '../editor/keymap.ts';
import { getTrackedChanges } from '../editor/suggestions/trackedChanges.ts';
import { decodeBase64 } from '../format/base64.ts';
import { recordVersion } from '../ydoc/versions.ts';
import { readYDoc } from '../ydoc/yDocument.ts';
import { createInitialUpdate } from '../../renderer/editor/testing/fuzzReplicas.ts';
import { Participant } from '../../main/syncServer/testing/roleParticipants.ts';
import {
  ProcedureError,
  createSubmission,
  findSubmissionChanges,
  getSubmission,
  nextSubmissionNumber,
  recordAdvice,
  recordDecision,
  renumberSubmission,
  submitSubmission,
  updateSubmission,
  withdrawSubmission,
} from './procedureStore.ts';
import type { SubmissionFields } from './procedureStore.ts';
import { readProcedureEntries } from './procedureRecords.ts';
import type { SubmissionRecord, Vote } from './procedureRecords.ts';
import { getSubmissionStatus, listSubmissions } from './procedureStatus.ts';

const keys = buildKeymap({ undo: () => false, redo: () => false });
const backspace = chainCommands(keys.Backspace!, baseKeymap.Backspace!);
const typeText =
  (text: string): Command =>
  (state, dispatch) => {
    dispatch?.(state.tr.insertText(text));
    return true;
  };

const RESOLUTION = buildDoc({
  title: 'Woningbouw',
  recitals: [['gemeenten bouwen te weinig woningen;']],
  operatives: [
    [
      'het Rijk te vragen onverkort te investeren;',
      'de leden op te roepen samen te werken;',
      'de voortgang te volgen.',
    ],
  ],
});

const FIELDS: SubmissionFields = {
  indiener: 'Utrecht',
  coIndieners: ['Zwolle'],
  title: 'Investeringen',
  motivation: 'Onverkort is te stellig.',
};
const REDACTEUR = { name: 'Redacteur', colour: '#b3261e' };

let nextId = 10;

/** A room: the bestuur and members, each a replica; `sync` brings every one up to date. */
function setUp(...members: string[]) {
  const bestuur = new Participant(nextId++, createInitialUpdate(RESOLUTION), {
    name: REDACTEUR.name,
    suggesting: 'off',
  });
  const state = Y.encodeStateAsUpdate(bestuur.replica.ydoc);
  const others = members.map(
    (name) => new Participant(nextId++, state, { name, suggesting: 'proposer' }),
  );
  const everyone = [bestuur, ...others];
  const sync = () => {
    for (const from of everyone) {
      for (const to of everyone) {
        const vector = Y.encodeStateVector(to.replica.ydoc);
        if (to !== from) to.receive(Y.encodeStateAsUpdate(from.replica.ydoc, vector));
      }
    }
  };
  return { bestuur, members: others, sync, ydoc: bestuur.replica.ydoc };
}

/** The writer a participant writes the procedure as. */
function writerOf(participant: Participant) {
  return { name: participant.author.name, colour: participant.author.colour };
}

/** `member` proposes to replace `word` by `by` (suggestion mode makes the proposals). */
function propose(member: Participant, word: string, by: string): void {
  const from = findText(member.doc, word, true);
  member.edit(typeText(by), from, from + word.length);
}

/** Makes (and, with a motivation, submits) an amendment of `member` on its own replica. */
function draft(member: Participant, fields: Partial<SubmissionFields> = {}, time = 1_000) {
  let id = '';
  member.write((ydoc) => {
    id = createSubmission(
      ydoc,
      member.doc,
      'amendement',
      { ...FIELDS, ...fields },
      writerOf(member),
      time,
    );
  });
  return id;
}

function submit(member: Participant, id: string, time = 2_000): void {
  member.write((ydoc) =>
    submitSubmission(ydoc, member.doc, getTrackedChanges(member.doc), id, writerOf(member), time),
  );
}

/** `change` throws a ProcedureError matching `message`, and `ydoc` stays byte for byte. */
function expectRefused(
  ydoc: Y.Doc,
  change: () => void,
  message: string | RegExp,
  what = String(message),
): void {
  const before = Y.encodeStateAsUpdate(ydoc);
  let caught: unknown = null;
  try {
    change();
  } catch (error) {
    caught = error;
  }
  expect(caught, `refused: ${what}`).toBeInstanceOf(ProcedureError);
  expect((caught as Error).message, what).toMatch(message);
  expect(Y.encodeStateAsUpdate(ydoc), `${what}: nothing written`).toEqual(before);
}

function statusOf(ydoc: Y.Doc, id: string) {
  const entries = readProcedureEntries(ydoc);
  const entry = entries.submissions.find((s) => s.id === id)!;
  return getSubmissionStatus(entry, entries.decisions.get(id) ?? null);
}

function entryOf(ydoc: Y.Doc, id: string): SubmissionRecord {
  return getSubmission(ydoc, id)!;
}

describe('an amendment from concept to besluit', () => {
  it('is made as a concept on the current version, and submitted with its proposals fixed', () => {
    const { bestuur, members, sync, ydoc } = setUp('Voorsteller Utrecht');
    const member = members[0]!;
    bestuur.write((doc) =>
      recordVersion(doc, {
        id: 'v1',
        name: 'Naar de leden',
        author: 'Redacteur',
        createdAt: '2026-05-01T10:00:00.000Z',
        doc: readYDoc(doc),
      }),
    );
    sync();
    const id = draft(member, { motivation: '' });
    const made = entryOf(member.replica.ydoc, id);
    expect(made).toMatchObject({
      kind: 'amendement',
      number: 'A1',
      indiener: 'Utrecht',
      coIndieners: ['Zwolle'],
      author: 'Voorsteller Utrecht',
      created: 1_000,
      submitted: null,
      withdrawn: null,
      changes: [],
      targets: [],
      base: { version: 'Naar de leden', resolution: 'Resolutie “Woningbouw”' },
    });
    const vector = Y.decodeStateVector(decodeBase64(made.base.stateVector)!);
    expect(vector.get(bestuur.replica.ydoc.clientID)).toBeGreaterThan(0);
    expect(statusOf(member.replica.ydoc, id)).toBe('concept');

    // Nothing proposed yet, then no motivation: both refused, nothing written.
    const own = member.replica.ydoc;
    expectRefused(own, () => submit(member, id), /stelt nog niets voor/);
    propose(member, 'onverkort', 'zo veel mogelijk');
    propose(member, 'samen', 'nauw');
    expectRefused(
      own,
      () => submit(member, id),
      'Schrijf eerst een toelichting bij Amendement A1 van Utrecht.',
    );
    member.write((doc) =>
      updateSubmission(
        doc,
        id,
        { ...FIELDS, motivation: '  Onverkort is te stellig.\r\n' },
        writerOf(member),
      ),
    );
    expect(entryOf(own, id).motivation).toBe('Onverkort is te stellig.');
    submit(member, id);
    sync();

    const submitted = entryOf(ydoc, id);
    const proposals = getTrackedChanges(bestuur.doc);
    expect(proposals.map((c) => c.name)).toEqual(
      Array(proposals.length).fill('Voorsteller Utrecht'),
    );
    expect(submitted.submitted).toBe(2_000);
    expect(submitted.changes).toEqual(proposals.map((c) => c.id));
    expect(submitted.targets).toEqual([
      expect.objectContaining({
        place: 'punt 1 onder ‘Spreekt uit’',
        text: 'het Rijk te vragen onverkort te investeren;',
      }),
      expect.objectContaining({
        place: 'punt 2 onder ‘Spreekt uit’',
        text: 'de leden op te roepen samen te werken;',
      }),
    ]);
    expect(statusOf(ydoc, id)).toBe('ingediend');
    expectRefused(own, () => submit(member, id), 'Amendement A1 van Utrecht is al ingediend.');

    // A proposal made after submitting is not the amendment's.
    propose(member, 'volgen', 'bewaken');
    sync();
    const after = getTrackedChanges(bestuur.doc);
    const entries = readProcedureEntries(ydoc);
    expect(
      findSubmissionChanges(entryOf(ydoc, id), entries.submissions, after).map((c) => c.id),
    ).toEqual(submitted.changes);
    // Only the author edits it.
    expectRefused(
      ydoc,
      () => updateSubmission(ydoc, id, { ...FIELDS, title: 'Anders' }, REDACTEUR),
      'Amendement A1 van Utrecht wordt opgesteld door Voorsteller Utrecht; alleen die kan het wijzigen.',
    );
  });

  it('gets a preadvies once submitted, and none while a concept or once withdrawn', () => {
    const { members, sync, ydoc } = setUp('Voorsteller Utrecht');
    const member = members[0]!;
    propose(member, 'onverkort', 'zo veel mogelijk');
    const id = draft(member);
    sync();
    expectRefused(
      ydoc,
      () => recordAdvice(ydoc, id, 'ontraden', 'Nee.', REDACTEUR),
      'Amendement A1 van Utrecht is nog niet ingediend; een preadvies volgt op een ingediend stuk.',
    );
    submit(member, id);
    sync();
    recordAdvice(ydoc, id, 'ontraden', '  Het Rijk investeert al.  ', REDACTEUR, 3_000);
    expect(readProcedureEntries(ydoc).advices.get(id)).toEqual({
      advice: 'ontraden',
      reasoning: 'Het Rijk investeert al.',
      name: 'Redacteur',
      time: 3_000,
    });
    // Changed while it waits for the ALV.
    recordAdvice(ydoc, id, 'oordeel_alv', '', REDACTEUR, 3_500);
    expect(readProcedureEntries(ydoc).advices.get(id)?.advice).toBe('oordeel_alv');
    expectRefused(
      ydoc,
      () => recordAdvice(ydoc, id, 'overnemen', 'x'.repeat(4001), REDACTEUR),
      /motivering van het preadvies is te lang/,
    );
    expectRefused(
      ydoc,
      () => recordAdvice(ydoc, id, 'overnemen', 'ja\u202Enee', REDACTEUR),
      /tekens die niet in tekst horen/,
    );
    expectRefused(
      ydoc,
      () => recordAdvice(ydoc, id, 'overnemen', '', { name: ' ', colour: '#b3261e' }),
      /Geef eerst uw naam op/,
    );
    member.write((doc) => withdrawSubmission(doc, id, writerOf(member), {}, 4_000));
    sync();
    expect(statusOf(ydoc, id)).toBe('ingetrokken');
    expectRefused(
      ydoc,
      () => recordAdvice(ydoc, id, 'overnemen', '', REDACTEUR),
      'Amendement A1 van Utrecht is ingetrokken; er is geen preadvies meer nodig.',
    );
    expectRefused(
      ydoc,
      () => recordDecision(ydoc, id, 'aangenomen', 'algemeen', REDACTEUR),
      'Amendement A1 van Utrecht is ingetrokken; er valt niets over te besluiten.',
    );
    expectRefused(
      member.replica.ydoc,
      () => submit(member, id),
      'Amendement A1 van Utrecht is ingetrokken.',
    );
    expectRefused(
      ydoc,
      () => withdrawSubmission(ydoc, id, REDACTEUR, { onBehalf: true }),
      'Amendement A1 van Utrecht is al ingetrokken.',
    );
  });

  it('is held over, then decided once, with a vote that fits the outcome', () => {
    const { members, sync, ydoc } = setUp('Voorsteller Utrecht');
    const member = members[0]!;
    propose(member, 'onverkort', 'zo veel mogelijk');
    const id = draft(member);
    sync();
    expectRefused(
      ydoc,
      () => recordDecision(ydoc, id, 'aangenomen', 'algemeen', REDACTEUR),
      'Amendement A1 van Utrecht is nog niet ingediend.',
    );
    submit(member, id);
    sync();

    const refusals: [string, Parameters<typeof recordDecision>[2], unknown, string | RegExp][] = [
      [
        'aangehouden with a vote',
        'aangehouden',
        'algemeen',
        'Bij “aangehouden” hoort geen stemming.',
      ],
      [
        'overgenomen with a vote',
        'overgenomen',
        { voor: 1, tegen: 0, onthouding: 0 },
        'Bij “overgenomen door het bestuur” hoort geen stemming.',
      ],
      ['aangenomen without a vote', 'aangenomen', null, /^Geef de stemming/],
      ['verworpen without a vote', 'verworpen', null, /^Geef de stemming/],
      [
        'aangenomen with fewer for',
        'aangenomen',
        { voor: 3, tegen: 28, onthouding: 1 },
        'Met 3 stemmen voor en 28 tegen is Amendement A1 van Utrecht niet aangenomen.',
      ],
      [
        'aangenomen with a tie',
        'aangenomen',
        { voor: 10, tegen: 10, onthouding: 0 },
        /niet aangenomen/,
      ],
      [
        'verworpen with more for',
        'verworpen',
        { voor: 28, tegen: 3, onthouding: 1 },
        'Met 28 stemmen voor en 3 tegen is Amendement A1 van Utrecht niet verworpen.',
      ],
      ['a negative vote', 'aangenomen', { voor: 5, tegen: -1, onthouding: 0 }, /niet geldig/],
      ['a fractional vote', 'aangenomen', { voor: 5.5, tegen: 1, onthouding: 0 }, /niet geldig/],
      [
        'a vote with a key too many',
        'aangenomen',
        { voor: 5, tegen: 1, onthouding: 0, blanco: 1 },
        /niet geldig/,
      ],
      ['a vote as text', 'aangenomen', 'unaniem', /niet geldig/],
    ];
    for (const [what, outcome, vote, message] of refusals) {
      const record = () => recordDecision(ydoc, id, outcome, vote as Vote, REDACTEUR);
      expectRefused(ydoc, record, message, what);
    }

    recordDecision(ydoc, id, 'aangehouden', null, REDACTEUR, 5_000);
    expect(statusOf(ydoc, id)).toBe('aangehouden');
    // Held over: the preadvies may still change, and the indiener may still withdraw it.
    recordAdvice(ydoc, id, 'overnemen', 'Na overleg.', REDACTEUR, 5_500);
    recordDecision(ydoc, id, 'aangenomen', { voor: 28, tegen: 3, onthouding: 1 }, REDACTEUR, 6_000);
    expect(statusOf(ydoc, id)).toBe('aangenomen');
    expect(readProcedureEntries(ydoc).decisions.get(id)).toEqual({
      outcome: 'aangenomen',
      vote: { voor: 28, tegen: 3, onthouding: 1 },
      name: 'Redacteur',
      time: 6_000,
      // The instructions as they read when decided, kept for the print.
      instructions: [expect.stringContaining('te vervangen door') as unknown as string],
    });

    expectRefused(
      ydoc,
      () => recordDecision(ydoc, id, 'verworpen', 'algemeen', REDACTEUR),
      'De uitkomst van Amendement A1 van Utrecht is al vastgelegd: aangenomen. Een besluit wordt één keer vastgelegd.',
    );
    expectRefused(
      ydoc,
      () => recordDecision(ydoc, id, 'aangehouden', null, REDACTEUR),
      /al vastgelegd/,
    );
    expectRefused(
      ydoc,
      () => recordAdvice(ydoc, id, 'ontraden', '', REDACTEUR),
      'Over Amendement A1 van Utrecht is al besloten; het preadvies kan niet meer veranderen.',
    );
    sync();
    const own = member.replica.ydoc;
    expectRefused(
      own,
      () => withdrawSubmission(own, id, writerOf(member)),
      'Amendement A1 van Utrecht is al behandeld en kan niet meer worden ingetrokken.',
    );
    expectRefused(
      own,
      () =>
        updateSubmission(own, id, { ...FIELDS, motivation: 'Achteraf anders.' }, writerOf(member)),
      'Amendement A1 van Utrecht is aangenomen en kan niet meer worden gewijzigd.',
    );
  });

  it('may be withdrawn while held over, by its author or by the bestuur on its behalf', () => {
    const { members, sync, ydoc } = setUp('Voorsteller Utrecht');
    const member = members[0]!;
    propose(member, 'onverkort', 'zo veel mogelijk');
    const first = draft(member);
    submit(member, first);
    sync();
    recordDecision(ydoc, first, 'aangehouden', null, REDACTEUR);
    sync();
    member.write((doc) => withdrawSubmission(doc, first, writerOf(member), {}, 7_000));
    sync();
    expect(statusOf(ydoc, first)).toBe('ingetrokken');
    expect(entryOf(ydoc, first).withdrawn).toBe(7_000);

    propose(member, 'samen', 'nauw');
    const second = draft(member, {}, 1_500);
    submit(member, second);
    sync();
    expectRefused(
      ydoc,
      () => withdrawSubmission(ydoc, second, REDACTEUR),
      'Amendement A2 van Utrecht wordt opgesteld door Voorsteller Utrecht; alleen die kan het wijzigen.',
    );
    withdrawSubmission(ydoc, second, REDACTEUR, { onBehalf: true }, 8_000);
    expect(statusOf(ydoc, second)).toBe('ingetrokken');
    // Nothing about the indiening but its withdrawal changed.
    const { withdrawn, ...rest } = entryOf(ydoc, second);
    expect(withdrawn).toBe(8_000);
    expect(rest.author).toBe('Voorsteller Utrecht');
  });

  it('refuses what an indiener fills in wrongly', () => {
    const { members } = setUp('Voorsteller Utrecht');
    const member = members[0]!;
    const own = member.replica.ydoc;
    const make = (fields: Partial<SubmissionFields>) => () =>
      createSubmission(own, member.doc, 'amendement', { ...FIELDS, ...fields }, writerOf(member));
    expectRefused(own, make({ indiener: '  ' }), /^Vul de gemeente in/);
    expectRefused(own, make({ indiener: 'Utrecht\nZwolle' }), /^Vul de gemeente in/);
    expectRefused(
      own,
      make({ coIndieners: ['Zwolle', 'Utrecht'] }),
      'Een gemeente staat twee keer bij de indieners.',
    );
    expectRefused(own, make({ coIndieners: ['Zwolle', ' Zwolle '] }), /twee keer/);
    expectRefused(own, make({ coIndieners: ['x'.repeat(101)] }), /mede-indieners/);
    expectRefused(own, make({ title: 'Twee\nregels' }), /onderwerp is één regel/);
    expectRefused(own, make({ motivation: 'x'.repeat(20_001) }), /toelichting is te lang/);
    expectRefused(own, make({ motivation: 'a\u0000b' }), /tekens die niet in tekst horen/);
    expectRefused(
      own,
      () =>
        createSubmission(own, member.doc, 'amendement', FIELDS, { name: '', colour: '#1b6e3a' }),
      /^Geef eerst uw naam op/,
    );
    // Empty co-indieners are left out, names trimmed.
    const id = draft(member, { indiener: ' Utrecht ', coIndieners: [' Zwolle', '', '  '] });
    expect(entryOf(own, id)).toMatchObject({ indiener: 'Utrecht', coIndieners: ['Zwolle'] });
  });

  it('refuses an author more than fifty amendments in one stuk (entries stay for good)', () => {
    const { members } = setUp('Voorsteller Utrecht');
    const member = members[0]!;
    const own = member.replica.ydoc;
    for (let i = 0; i < 50; i += 1) draft(member);
    expectRefused(
      own,
      () => createSubmission(own, member.doc, 'amendement', FIELDS, writerOf(member)),
      /^U stelt in dit stuk al 50 amendementen op/,
    );
  });
});

describe('numbers', () => {
  it('are given in turn per kind, and changed only to a free one', () => {
    const { ydoc, bestuur } = setUp();
    const a1 = createSubmission(ydoc, bestuur.doc, 'amendement', FIELDS, REDACTEUR, 1);
    const a2 = createSubmission(
      ydoc,
      bestuur.doc,
      'amendement',
      { ...FIELDS, indiener: 'Zwolle', coIndieners: [] },
      REDACTEUR,
      2,
    );
    const m1 = createSubmission(ydoc, bestuur.doc, 'motie', FIELDS, REDACTEUR, 3);
    expect([a1, a2, m1].map((id) => entryOf(ydoc, id).number)).toEqual(['A1', 'A2', 'M1']);
    expect(entryOf(ydoc, m1).base.stateVector).toBe('');
    expectRefused(
      ydoc,
      () => renumberSubmission(ydoc, a2, 'A1', REDACTEUR),
      'Er is al een amendement A1 (van Utrecht). Kies een ander nummer, bijvoorbeeld A3.',
    );
    expectRefused(
      ydoc,
      () => renumberSubmission(ydoc, a2, 'M2', REDACTEUR),
      '“M2” is geen nummer voor een amendement: gebruik A1, A2 enzovoort.',
    );
    for (const bad of ['A0', 'B1', 'A', 'A12345', 'A-1']) {
      expectRefused(ydoc, () => renumberSubmission(ydoc, a2, bad, REDACTEUR), /is geen nummer/);
    }
    expectRefused(
      ydoc,
      () => renumberSubmission(ydoc, m1, 'A9', REDACTEUR),
      /geen nummer voor een motie/,
    );
    renumberSubmission(ydoc, a2, ' a10 ', REDACTEUR);
    expect(entryOf(ydoc, a2).number).toBe('A10');
    expect(nextSubmissionNumber(ydoc, 'amendement')).toBe('A11');
    expect(nextSubmissionNumber(ydoc, 'motie')).toBe('M2');
    // Its own number again is no clash.
    renumberSubmission(ydoc, a2, 'A10', REDACTEUR);
    expectRefused(
      ydoc,
      () => renumberSubmission(ydoc, 'bestaat-niet', 'A5', REDACTEUR),
      'Dit amendement bestaat niet (meer) in dit stuk.',
    );
  });
});

describe('which proposals belong to which amendment', () => {
  it('gathers an author’s proposals in their oldest concept; submitted ones keep theirs', () => {
    const { members, sync, ydoc, bestuur } = setUp('Voorsteller Utrecht', 'Voorsteller Zwolle');
    const [utrecht, zwolle] = members as [Participant, Participant];
    propose(utrecht, 'onverkort', 'zo veel mogelijk');
    propose(zwolle, 'samen', 'nauw');
    sync();
    const older = draft(utrecht, {}, 1_000);
    const newer = draft(utrecht, { title: 'Tweede' }, 1_500);
    const theirs = draft(zwolle, { indiener: 'Zwolle', coIndieners: [] }, 1_200);
    sync();
    const gathered = () => {
      const changes = getTrackedChanges(bestuur.doc);
      const { submissions } = readProcedureEntries(ydoc);
      const byId = new Map(changes.map((c) => [c.id, `${c.name}: ${c.inserted || c.deleted}`]));
      return Object.fromEntries(
        submissions.map((entry) => [
          entry.id,
          findSubmissionChanges(entry, submissions, changes).map((c) => byId.get(c.id)),
        ]),
      );
    };
    expect(gathered()).toEqual({
      [older]: ['Voorsteller Utrecht: zo veel mogelijk'],
      [newer]: [],
      [theirs]: ['Voorsteller Zwolle: nauw'],
    });
    // The older one submitted, the newer one gathers what Utrecht proposes next.
    submit(utrecht, older);
    propose(utrecht, 'volgen', 'bewaken');
    sync();
    expect(gathered()).toEqual({
      [older]: ['Voorsteller Utrecht: zo veel mogelijk'],
      [newer]: ['Voorsteller Utrecht: bewaken'],
      [theirs]: ['Voorsteller Zwolle: nauw'],
    });
    // A withdrawn concept gathers nothing and holds nothing back.
    const third = draft(utrecht, { title: 'Derde' }, 500);
    sync();
    expect(gathered()[third]).toEqual(['Voorsteller Utrecht: bewaken']);
    expect(gathered()[newer]).toEqual([]);
    utrecht.write((doc) => withdrawSubmission(doc, third, writerOf(utrecht)));
    sync();
    expect(gathered()[newer]).toEqual(['Voorsteller Utrecht: bewaken']);
    // A motie has no proposals.
    const motie = createSubmission(ydoc, bestuur.doc, 'motie', FIELDS, REDACTEUR);
    expect(gathered()[motie]).toEqual([]);
  });
});

describe('the overview', () => {
  it('says where the text changed since, what is gone, and which amendments clash', () => {
    const { members, sync, ydoc, bestuur } = setUp('Voorsteller Utrecht', 'Voorsteller Zwolle');
    const [utrecht, zwolle] = members as [Participant, Participant];
    propose(utrecht, 'onverkort', 'zo veel mogelijk');
    propose(utrecht, 'volgen', 'bewaken');
    propose(zwolle, 'investeren', 'bijdragen');
    sync();
    const a1 = draft(utrecht);
    submit(utrecht, a1);
    sync();
    const a2 = draft(zwolle, { indiener: 'Zwolle', coIndieners: [] }, 1_100);
    submit(zwolle, a2);
    sync();

    const overview = () => {
      const changes = getTrackedChanges(bestuur.doc);
      const entries = readProcedureEntries(ydoc);
      return listSubmissions(bestuur.doc, entries, changes, (entry) =>
        findSubmissionChanges(entry, entries.submissions, changes),
      ).map((row) => ({
        number: row.entry.number,
        status: row.status,
        changes: row.changes.length,
        changedPlaces: row.changedPlaces,
        conflicts: row.conflicts,
      }));
    };
    // Both change punt 1: flagged on each.
    expect(overview()).toEqual([
      { number: 'A1', status: 'ingediend', changes: 2, changedPlaces: [], conflicts: ['A2'] },
      { number: 'A2', status: 'ingediend', changes: 1, changedPlaces: [], conflicts: ['A1'] },
    ]);

    // The bestuur changes the text of punt 3 directly: A1 was made on other text there.
    bestuur.edit(typeText('nauwkeurig '), findText(bestuur.doc, 'voortgang', true));
    sync();
    expect(overview()[0]!.changedPlaces).toEqual([
      { place: 'punt 3 onder ‘Spreekt uit’', gone: false },
    ]);

    // Zwolle withdraws: no clash any more. Then punt 3 is deleted with A1's proposal in it.
    zwolle.write((doc) => withdrawSubmission(doc, a2, writerOf(zwolle)));
    sync();
    const end = bestuur.doc.resolve(itemStart(bestuur.doc, 3)).end();
    const previousEnd = findText(bestuur.doc, ' te werken;');
    bestuur.edit(backspace, previousEnd, end);
    sync();
    expect(bestuur.doc.textContent).not.toContain('voortgang');
    expect(overview()).toEqual([
      {
        number: 'A1',
        status: 'ingediend',
        changes: 1,
        changedPlaces: [{ place: 'punt 3 onder ‘Spreekt uit’', gone: true }],
        conflicts: [],
      },
      { number: 'A2', status: 'ingetrokken', changes: 1, changedPlaces: [], conflicts: [] },
    ]);
  });

  it('flags two amendments drafted at the same moment under one number, until one is renumbered', () => {
    const { members, sync, ydoc, bestuur } = setUp('Voorsteller Utrecht', 'Voorsteller Zwolle');
    const [utrecht, zwolle] = members as [Participant, Participant];
    propose(utrecht, 'onverkort', 'zo veel mogelijk');
    propose(zwolle, 'investeren', 'bijdragen');
    // Neither has heard of the other's amendment: both take A1.
    draft(utrecht);
    const second = draft(zwolle, { indiener: 'Zwolle', coIndieners: [] }, 1_100);
    sync();
    const numbers = () => {
      const changes = getTrackedChanges(bestuur.doc);
      const entries = readProcedureEntries(ydoc);
      return listSubmissions(bestuur.doc, entries, changes, (entry) =>
        findSubmissionChanges(entry, entries.submissions, changes),
      ).map((row) => [row.entry.number, row.entry.indiener, row.duplicateNumber]);
    };
    expect(numbers()).toEqual([
      ['A1', 'Utrecht', true],
      ['A1', 'Zwolle', true],
    ]);
    renumberSubmission(ydoc, second, 'A2', REDACTEUR);
    expect(numbers()).toEqual([
      ['A1', 'Utrecht', false],
      ['A2', 'Zwolle', false],
    ]);
  });
});
