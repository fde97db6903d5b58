/**
 * The lines of `resolutie amendments`, on the overview of real documents: places changed or
 * gone since an amendment was made, amendments that change the same text, a withdrawn one,
 * and the counts of a motie's own procedure.
 */
import { describe, expect, it } from 'vitest';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import { createYDoc, readYDoc } from '../../shared/ydoc/yDocument.ts';
import {
  createSubmission,
  submitSubmission,
  withdrawSubmission,
} from '../../shared/procedure/procedureStore.ts';
import { getTrackedChanges } from '../../shared/editor/suggestions/trackedChanges.ts';
import {
  ProposalDraft,
  findIn,
  submitAmendment,
  writeDocToYDoc,
} from '../../shared/procedure/testing/proposalDraft.ts';
import { BESTUUR, EDE, UTRECHT } from '../../shared/procedure/testing/procedureScenario.ts';
import { readStukProcedure } from '../services/pdf/procedureStukken.ts';
import { formatAmendmentList } from './procedureCommands.ts';

const ZWOLLE = { name: 'Voorsteller Zwolle', colour: '#1f4e9c' };

describe('formatAmendmentList', () => {
  it('says which amendments clash, where the text changed since, and which are withdrawn', () => {
    const ydoc = createYDoc(
      buildDoc({
        title: 'Wonen',
        recitals: [['Er is te weinig;']],
        operatives: [['Dat er meer gebouwd wordt;', 'Dat het Rijk helpt.']],
      }),
    );
    submitAmendment(ydoc, UTRECHT, { indiener: 'Utrecht' }, (draft) =>
      draft.replace('meer', 'veel meer'),
    );
    submitAmendment(ydoc, EDE, { indiener: 'Ede', coIndieners: ['Zwolle', 'Tilburg'] }, (draft) =>
      draft.replace('gebouwd', 'gebouwd en verbouwd'),
    );
    const late = submitAmendment(ydoc, ZWOLLE, { indiener: 'Zwolle', title: 'Hulp' }, (draft) =>
      draft.insertAt('Rijk', ' ruim'),
    );
    withdrawSubmission(ydoc, late, ZWOLLE);
    // The bestuur changes punt 1 since: a direct edit, outside the amendments.
    const edited = new ProposalDraft(readYDoc(ydoc), BESTUUR);
    const end = findIn(edited.doc, 'wordt;', true);
    writeDocToYDoc(ydoc, edited.state.apply(edited.state.tr.insertText(' snel', end - 1)).doc);
    const list = formatAmendmentList(readStukProcedure(ydoc, readYDoc(ydoc)));
    const since = 'tekst gewijzigd sinds indiening: punt 1 onder ‘Spreekt uit’';
    expect(list).toBe(
      'Resolutie “Wonen”: 3 amendementen\n' +
        `  A1 · Utrecht · Ingediend · nog geen preadvies · ${since} · botst met A2\n` +
        `  A2 · Ede, mede Zwolle en Tilburg · Ingediend · nog geen preadvies · ${since} · botst met A1\n` +
        '  A3 · Zwolle · “Hulp” · Ingetrokken · nog geen preadvies\n',
    );
  });

  it('says when the text an open amendment changes is gone', () => {
    const ydoc = createYDoc(
      buildDoc({ title: 'Wonen', operatives: [['Dat er meer gebouwd wordt;', 'Dat.']] }),
    );
    submitAmendment(ydoc, UTRECHT, { indiener: 'Utrecht' }, (draft) =>
      draft.replace('meer', 'veel meer'),
    );
    // The bestuur deletes punt 1 outright, proposal and all.
    const doc = readYDoc(ydoc);
    const $at = doc.resolve(findIn(doc, 'Dat er'));
    const state = new ProposalDraft(doc, BESTUUR).state;
    writeDocToYDoc(ydoc, state.apply(state.tr.delete($at.before(), $at.after())).doc);
    expect(formatAmendmentList(readStukProcedure(ydoc, readYDoc(ydoc)))).toBe(
      'Resolutie “Wonen”: 1 amendement\n' +
        '  A1 · Utrecht · Ingediend · nog geen preadvies · tekst verdwenen: punt 1 onder ‘Spreekt uit’\n',
    );
  });

  it('counts a motie’s own procedure, and says when there are no amendments', () => {
    const motie = createYDoc(buildDoc({ title: 'Bouwen', operatives: [['Bouw.']] }));
    expect(formatAmendmentList(readStukProcedure(motie, readYDoc(motie)))).toBe(
      'Resolutie “Bouwen”: geen amendementen\n',
    );
    const id = createSubmission(
      motie,
      readYDoc(motie),
      'motie',
      { indiener: 'Zwolle', coIndieners: [], title: '', motivation: 'Bouwen helpt.' },
      ZWOLLE,
    );
    submitSubmission(motie, readYDoc(motie), getTrackedChanges(readYDoc(motie)), id, ZWOLLE);
    expect(formatAmendmentList(readStukProcedure(motie, readYDoc(motie)))).toBe(
      'Resolutie “Bouwen”: 1 motie\n  M1 · Zwolle · Ingediend · nog geen preadvies\n',
    );
  });
});
