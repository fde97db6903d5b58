/**
 * Adding an amendment file to its resolution (amendmentFile.ts), with replicas that edit as the
 * app's editor does: a member drafts proposals in their copy of the concept, offline, while the
 * bestuur goes on with the resolution; the member's copy then lands on the bestuur's text. And
 * every file that must not land is refused with its Dutch reason, the resolution untouched.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Command } from 'prosemirror-state';
import { baseKeymap, chainCommands } from 'prosemirror-commands';
import { buildDoc, findText } from '../editor/testing/buildDoc.ts';
import { buildKeymap } from '../editor/keymap.ts';
import { getTrackedChanges } from '../editor/suggestions/trackedChanges.ts';
import { readYDoc } from '../ydoc/yDocument.ts';
import { createInitialUpdate } from '../../renderer/editor/testing/fuzzReplicas.ts';
import { Participant } from '../../main/syncServer/testing/roleParticipants.ts';
import {
  AmendmentFileError,
  AmendmentNumberError,
  prepareAmendmentImport,
} from './amendmentFile.ts';
import {
  createSubmission,
  submitSubmission,
  updateSubmission,
  withdrawSubmission,
} from './procedureStore.ts';
import { readProcedureEntries } from './procedureRecords.ts';

const keys = buildKeymap({ undo: () => false, redo: () => false });
const enter = chainCommands(keys.Enter!, baseKeymap.Enter!);
const backspace = chainCommands(keys.Backspace!, baseKeymap.Backspace!);
const typeText =
  (text: string): Command =>
  (state, dispatch) => {
    dispatch?.(state.tr.insertText(text));
    return true;
  };

const RESOLUTION = buildDoc({
  title: 'Woningbouw',
  recitals: [['gemeenten bouwen te weinig woningen;', 'de regio wacht op het Rijk;']],
  operatives: [
    ['het Rijk te vragen onverkort te investeren;', 'de leden op te roepen samen te werken.'],
  ],
  explanation: ['Een toelichting.'],
});

let nextId = 10;

/** The bestuur's resolution, and a member with a copy of it, drafting as a voorsteller would. */
function setUp(author = 'Indiener Utrecht') {
  const bestuur = new Participant(nextId++, createInitialUpdate(RESOLUTION), {
    name: 'Redacteur',
    suggesting: 'off',
  });
  const member = new Participant(nextId++, Y.encodeStateAsUpdate(bestuur.replica.ydoc), {
    name: author,
    suggesting: 'proposer',
  });
  return { bestuur, member };
}

/** The member's amendment: a replaced word, a new item; made, explained and submitted. */
function draftAmendment(member: Participant, indiener = 'Utrecht'): string {
  const word = findText(member.doc, 'onverkort', true);
  member.edit(backspace, word, word + 'onverkort'.length);
  member.edit(typeText('zo veel mogelijk'), findText(member.doc, ' te investeren', true));
  const end = findText(member.doc, 'samen te werken.');
  member.edit(enter, end);
  member.edit(typeText('de voortgang jaarlijks te melden.'), end + 2);
  let id = '';
  member.write((ydoc) => {
    const writer = { name: member.author.name, colour: member.author.colour };
    id = createSubmission(
      ydoc,
      member.doc,
      'amendement',
      { indiener, coIndieners: [], title: 'Investeringen', motivation: '' },
      writer,
      1_000,
    );
    updateSubmission(
      ydoc,
      id,
      {
        indiener,
        coIndieners: ['Zwolle'],
        title: 'Investeringen',
        motivation: 'Onverkort is te stellig.',
      },
      writer,
    );
    submitSubmission(ydoc, member.doc, getTrackedChanges(member.doc), id, writer, 2_000);
  });
  return id;
}

/** The error `prepare` throws; the resolution's state is checked to be untouched. */
function refusal(resolution: Y.Doc, prepare: () => unknown): AmendmentFileError {
  const before = Y.encodeStateAsUpdate(resolution);
  try {
    prepare();
  } catch (error) {
    expect(error).toBeInstanceOf(AmendmentFileError);
    expect(Y.encodeStateAsUpdate(resolution)).toEqual(before);
    return error as AmendmentFileError;
  }
  throw new Error('not refused');
}

describe('an amendment made offline', () => {
  it('lands on the resolution as the member proposed it, after the bestuur renumbered the items', () => {
    const { bestuur, member } = setUp();
    const id = draftAmendment(member);
    // Meanwhile the bestuur adds a first operative item ("onverkort" is now in punt 2) and
    // changes the end of that item.
    const start = findText(bestuur.doc, 'het Rijk te vragen', true);
    bestuur.edit(enter, start);
    bestuur.edit(typeText('woningbouw urgent te noemen;'), start);
    bestuur.edit(typeText(' in woningbouw'), findText(bestuur.doc, 'te investeren'));
    const prepared = prepareAmendmentImport(bestuur.replica.ydoc, member.replica.ydoc);
    expect(prepared.submissions.map((entry) => [entry.id, entry.number, entry.indiener])).toEqual([
      [id, 'A1', 'Utrecht'],
    ]);
    // The bestuur changed that item, now punt 2: the amendment says so.
    expect(prepared.changedPlaces.get(id)).toEqual([
      { place: 'punt 2 onder ‘Spreekt uit’', gone: false },
    ]);
    bestuur.receive(prepared.update);
    const doc = bestuur.doc;
    const changes = getTrackedChanges(doc).map(({ name, inserted, deleted, item }) => ({
      name,
      inserted,
      deleted,
      item,
    }));
    expect(changes).toEqual([
      { name: 'Indiener Utrecht', inserted: '', deleted: 'onverkort', item: undefined },
      { name: 'Indiener Utrecht', inserted: 'zo veel mogelijk', deleted: '', item: undefined },
      {
        name: 'Indiener Utrecht',
        inserted: 'de voortgang jaarlijks te melden.',
        deleted: '',
        item: 'insert',
      },
    ]);
    expect(doc.textContent).toContain(
      'woningbouw urgent te noemen;het Rijk te vragen onverkortzo veel mogelijk te investeren in woningbouw;',
    );
    const entries = readProcedureEntries(bestuur.replica.ydoc);
    expect(entries.submissions).toHaveLength(1);
    expect(entries.submissions[0]!.changes).toHaveLength(3);
  });

  it('says nothing changed when the bestuur left those items alone', () => {
    const { bestuur, member } = setUp();
    const id = draftAmendment(member);
    bestuur.edit(typeText('ernstig '), findText(bestuur.doc, 'te weinig', true));
    const prepared = prepareAmendmentImport(bestuur.replica.ydoc, member.replica.ydoc);
    expect(prepared.changedPlaces.get(id)).toEqual([]);
  });

  it('is refused for another resolution, with that resolution named', () => {
    const { member } = setUp();
    draftAmendment(member);
    const other = setUp().bestuur;
    const error = refusal(other.replica.ydoc, () =>
      prepareAmendmentImport(other.replica.ydoc, member.replica.ydoc),
    );
    expect(error.message).toContain('hoort bij een andere resolutie (Resolutie “Woningbouw”)');
  });

  it('is refused when made on a copy with changes the resolution lacks', () => {
    const { bestuur, member } = setUp();
    // A copy of the resolution that went on elsewhere; the member drafts on that copy.
    const elsewhere = new Participant(nextId++, Y.encodeStateAsUpdate(bestuur.replica.ydoc), {
      name: 'Redacteur',
      suggesting: 'off',
    });
    elsewhere.edit(typeText('nieuw '), findText(elsewhere.doc, 'de regio', true));
    member.receive(elsewhere.take());
    draftAmendment(member);
    const error = refusal(bestuur.replica.ydoc, () =>
      prepareAmendmentImport(bestuur.replica.ydoc, member.replica.ydoc),
    );
    expect(error.message).toContain('wijzigingen die hier ontbreken');
  });

  it('is refused when the member changed the text directly, not as proposals', () => {
    const { bestuur, member } = setUp();
    draftAmendment(member);
    // A hand-made file: plain text typed into the copy, under no proposal.
    const direct = new Participant(nextId++, Y.encodeStateAsUpdate(member.replica.ydoc), {
      name: 'Indiener Utrecht',
      suggesting: 'off',
    });
    direct.edit(typeText('stilletjes '), findText(direct.doc, 'de regio', true));
    const error = refusal(bestuur.replica.ydoc, () =>
      prepareAmendmentImport(bestuur.replica.ydoc, direct.replica.ydoc),
    );
    expect(error.message).toContain('geen voorstellen van de indiener');
  });

  it('is refused when the text it amends was deleted since', () => {
    const { bestuur, member } = setUp();
    draftAmendment(member);
    // The bestuur deletes the second operative item and the text with "onverkort".
    const from = findText(bestuur.doc, 'het Rijk te vragen', true);
    bestuur.edit(backspace, from, from + 'het Rijk te vragen onverkort te investeren;'.length);
    const error = refusal(bestuur.replica.ydoc, () =>
      prepareAmendmentImport(bestuur.replica.ydoc, member.replica.ydoc),
    );
    expect(error.message).toContain('gaat over tekst die niet meer in de resolutie staat');
    expect(error.message).toContain('punt 1 onder ‘Spreekt uit’');
  });

  it('is refused when not yet submitted, when withdrawn, or when already added', () => {
    const { bestuur, member } = setUp();
    member.write((ydoc) => {
      createSubmission(
        ydoc,
        member.doc,
        'amendement',
        { indiener: 'Utrecht', coIndieners: [], title: '', motivation: '' },
        member.author,
      );
    });
    expect(
      refusal(bestuur.replica.ydoc, () =>
        prepareAmendmentImport(bestuur.replica.ydoc, member.replica.ydoc),
      ).message,
    ).toContain('nog niet ingediend');

    const second = setUp();
    const id = draftAmendment(second.member);
    const prepared = prepareAmendmentImport(
      second.bestuur.replica.ydoc,
      second.member.replica.ydoc,
    );
    second.bestuur.receive(prepared.update);
    expect(
      refusal(second.bestuur.replica.ydoc, () =>
        prepareAmendmentImport(second.bestuur.replica.ydoc, second.member.replica.ydoc),
      ).message,
    ).toBe('Dit amendement is al toegevoegd: A1 van Utrecht.');

    const third = setUp();
    const withdrawn = draftAmendment(third.member);
    third.member.write((ydoc) => withdrawSubmission(ydoc, withdrawn, third.member.author));
    expect(
      refusal(third.bestuur.replica.ydoc, () =>
        prepareAmendmentImport(third.bestuur.replica.ydoc, third.member.replica.ydoc),
      ).message,
    ).toBe('Dit bestand bevat geen ingediend amendement.');
    expect(id).not.toBe(withdrawn);
  });

  it('asks another number when its number is taken, and lands under the number chosen', () => {
    const { bestuur, member } = setUp('Indiener Utrecht');
    const zwolle = new Participant(nextId++, Y.encodeStateAsUpdate(bestuur.replica.ydoc), {
      name: 'Indiener Zwolle',
      suggesting: 'proposer',
    });
    draftAmendment(member, 'Utrecht');
    const theirs = zwolle.doc;
    zwolle.edit(typeText('alle '), findText(theirs, 'gemeenten bouwen'));
    let zwolleId = '';
    zwolle.write((ydoc) => {
      zwolleId = createSubmission(
        ydoc,
        zwolle.doc,
        'amendement',
        {
          indiener: 'Zwolle',
          coIndieners: [],
          title: 'Alle gemeenten',
          motivation: 'Het geldt overal.',
        },
        zwolle.author,
      );
      submitSubmission(ydoc, zwolle.doc, getTrackedChanges(zwolle.doc), zwolleId, zwolle.author);
    });
    bestuur.receive(prepareAmendmentImport(bestuur.replica.ydoc, member.replica.ydoc).update);
    const error = refusal(bestuur.replica.ydoc, () =>
      prepareAmendmentImport(bestuur.replica.ydoc, zwolle.replica.ydoc),
    );
    expect(error).toBeInstanceOf(AmendmentNumberError);
    expect(error.message).toBe(
      'Er is al een amendement A1 (van Utrecht). Geef het amendement van Zwolle een ander nummer, bijvoorbeeld A2.',
    );
    expect((error as AmendmentNumberError).suggested).toBe('A2');
    const prepared = prepareAmendmentImport(bestuur.replica.ydoc, zwolle.replica.ydoc, {
      numbers: { [zwolleId]: 'A2' },
    });
    bestuur.receive(prepared.update);
    const numbers = readProcedureEntries(bestuur.replica.ydoc)
      .submissions.map((entry) => `${entry.number} ${entry.indiener}`)
      .sort();
    expect(numbers).toEqual(['A1 Utrecht', 'A2 Zwolle']);
    expect(getTrackedChanges(readYDoc(bestuur.replica.ydoc)).map((change) => change.name)).toEqual([
      'Indiener Zwolle',
      'Indiener Utrecht',
      'Indiener Utrecht',
      'Indiener Utrecht',
    ]);
    // A number that is no amendment's number is refused too.
    const fourth = setUp();
    const fourthId = draftAmendment(fourth.member);
    expect(
      refusal(fourth.bestuur.replica.ydoc, () =>
        prepareAmendmentImport(fourth.bestuur.replica.ydoc, fourth.member.replica.ydoc, {
          numbers: { [fourthId]: 'M3' },
        }),
      ).message,
    ).toContain('“M3” is geen nummer voor een amendement');
  });
});
