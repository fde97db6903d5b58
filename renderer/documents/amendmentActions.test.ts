/**
 * What the window does with an amendment, on a real Yjs document and an editor state holding
 * it: a besluit is recorded and its proposals decided in the text (accepted when adopted,
 * rejected when rejected, left when put off), outside undo; a refusal leaves the document and
 * the editor as they were; a withdrawal takes the proposals out, the author's as their own
 * withdrawal (which a voorsteller's propose-only editor lets through); a motivation is kept
 * and an amendment submitted with the editor's proposals.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getStateChanges } from '../../shared/editor/suggestions/trackedChanges.ts';
import {
  proposeOnly,
  setSuggestionAuthor,
} from '../../shared/editor/suggestions/suggestionMode.ts';
import { readProcedureEntries } from '../../shared/procedure/procedureRecords.ts';
import { getSubmission } from '../../shared/procedure/procedureStore.ts';
import { ProposalDraft, writeDocToYDoc } from '../../shared/procedure/testing/proposalDraft.ts';
import { readYDoc } from '../../shared/ydoc/yDocument.ts';
import {
  ProcedureError,
  adviseAmendment,
  createAmendment,
  decideAmendment,
  findAmendmentChanges,
  saveMotivation,
  submitAmendment,
  withdrawAmendment,
} from './amendmentActions.ts';
import {
  BESTUUR,
  TestEditor,
  UTRECHT,
  ZWOLLE,
  newResolution,
  threeAmendments,
} from './testing/amendmentFixtures.ts';

/** The text of the first decision with every pending change left as it is shown. */
function pendingTexts(editor: TestEditor): string[] {
  return getStateChanges(editor.state).map((change) => change.inserted || change.deleted);
}

describe('a besluit decides the amendment in the text', () => {
  it('aangenomen accepts its proposals; the others stay pending', () => {
    const ydoc = newResolution();
    const { a1 } = threeAmendments(ydoc);
    const editor = new TestEditor(ydoc);
    const decided = decideAmendment(
      ydoc,
      editor,
      a1,
      'aangenomen',
      { voor: 28, tegen: 3, onthouding: 1 },
      BESTUUR,
      false,
    );
    expect(decided).toEqual({ accepted: 1, rejected: 0 });
    expect(editor.state.doc.textContent).toContain(
      'structurele middelen en ruimte voor woningbouw;',
    );
    expect(pendingTexts(editor)).toEqual([' voor woningbouw', ' samen met gemeenten']);
    expect(readProcedureEntries(ydoc).decisions.get(a1)).toMatchObject({
      outcome: 'aangenomen',
      vote: { voor: 28, tegen: 3, onthouding: 1 },
      name: BESTUUR.name,
    });
    // One decision, which Ctrl+Z does not take back apart from the record.
    expect(editor.dispatched).toHaveLength(1);
    expect(editor.dispatched[0]!.getMeta('addToHistory')).toBe(false);
  });

  it('verworpen rejects them, overgenomen accepts them, aangehouden leaves them', () => {
    const ydoc = newResolution();
    const { a1, a2, a3 } = threeAmendments(ydoc);
    const editor = new TestEditor(ydoc);
    expect(decideAmendment(ydoc, editor, a2, 'verworpen', 'algemeen', BESTUUR, true)).toEqual({
      accepted: 0,
      rejected: 1,
    });
    expect(decideAmendment(ydoc, editor, a1, 'aangehouden', null, BESTUUR, true)).toEqual({
      accepted: 0,
      rejected: 0,
    });
    expect(decideAmendment(ydoc, editor, a3, 'overgenomen', null, BESTUUR, true)).toEqual({
      accepted: 1,
      rejected: 0,
    });
    expect(pendingTexts(editor)).toEqual([' en ruimte']);
    const text = editor.state.doc.textContent;
    expect(text).toContain('voor woningbouw;');
    expect(text).toContain('de VNG een jaarlijkse monitor samen met gemeenten te laten maken.');
  });

  it('a refused besluit changes neither the document nor the text', () => {
    const ydoc = newResolution();
    const { a1 } = threeAmendments(ydoc);
    const editor = new TestEditor(ydoc);
    const before = Y.encodeStateAsUpdate(ydoc);
    const state = editor.state;
    expect(() =>
      decideAmendment(
        ydoc,
        editor,
        a1,
        'aangenomen',
        { voor: 3, tegen: 10, onthouding: 0 },
        BESTUUR,
        false,
      ),
    ).toThrow(
      new ProcedureError(
        'Met 3 stemmen voor en 10 tegen is Amendement A1 van Utrecht niet aangenomen.',
      ),
    );
    expect(() =>
      decideAmendment(ydoc, editor, a1, 'overgenomen', 'algemeen', BESTUUR, false),
    ).toThrow(ProcedureError);
    expect(Y.encodeStateAsUpdate(ydoc)).toEqual(before);
    expect(editor.state).toBe(state);
    expect(editor.dispatched).toEqual([]);
  });

  it('a besluit is recorded once', () => {
    const ydoc = newResolution();
    const { a2 } = threeAmendments(ydoc);
    const editor = new TestEditor(ydoc);
    decideAmendment(ydoc, editor, a2, 'verworpen', 'algemeen', BESTUUR, false);
    expect(() =>
      decideAmendment(ydoc, editor, a2, 'aangenomen', 'algemeen', BESTUUR, false),
    ).toThrow('De uitkomst van Amendement A2 van Zwolle is al vastgelegd: verworpen.');
  });
});

describe('withdrawing takes the proposals out', () => {
  it('by the bestuur on the indiener’s behalf', () => {
    const ydoc = newResolution();
    const { a3 } = threeAmendments(ydoc);
    const editor = new TestEditor(ydoc);
    expect(
      withdrawAmendment(ydoc, editor, a3, BESTUUR, { onBehalf: true, inSession: false }),
    ).toEqual({
      accepted: 0,
      rejected: 1,
    });
    expect(pendingTexts(editor)).toEqual([' en ruimte', ' voor woningbouw']);
    expect(getSubmission(ydoc, a3)?.withdrawn).not.toBeNull();
  });

  it('by its author, as their own withdrawal, which a propose-only editor lets through', () => {
    const ydoc = newResolution();
    const { a2 } = threeAmendments(ydoc);
    const editor = new TestEditor(ydoc);
    editor.dispatch(setSuggestionAuthor(editor.state.tr, ZWOLLE, true));
    const context = { author: ZWOLLE, now: 2_000, newId: () => 'nieuw' };
    const passed: unknown[] = [];
    const forced = {
      get state() {
        return editor.state;
      },
      dispatch: (tr: Parameters<TestEditor['dispatch']>[0]) => {
        const made = proposeOnly(editor.state, tr, context);
        passed.push(made === tr);
        if (made !== null && made !== 'direct') editor.dispatch(made);
      },
    };
    withdrawAmendment(ydoc, forced, a2, ZWOLLE, { onBehalf: false, inSession: true });
    expect(passed).toEqual([true]);
    expect(pendingTexts(editor)).toEqual([' en ruimte', ' samen met gemeenten']);
  });

  it('not by someone else without the bestuur’s say, and not once decided', () => {
    const ydoc = newResolution();
    const { a1, a2 } = threeAmendments(ydoc);
    const editor = new TestEditor(ydoc);
    expect(() =>
      withdrawAmendment(ydoc, editor, a1, ZWOLLE, { onBehalf: false, inSession: false }),
    ).toThrow(
      'Amendement A1 van Utrecht wordt opgesteld door Medewerker Utrecht; alleen die kan het wijzigen.',
    );
    decideAmendment(ydoc, editor, a2, 'verworpen', 'algemeen', BESTUUR, false);
    const state = editor.state;
    expect(() =>
      withdrawAmendment(ydoc, editor, a2, BESTUUR, { onBehalf: true, inSession: false }),
    ).toThrow('Amendement A2 van Zwolle is al behandeld en kan niet meer worden ingetrokken.');
    expect(editor.state).toBe(state);
  });
});

describe('a member drafts and submits', () => {
  it('makes a concept, keeps its motivation and submits it with the editor’s proposals', () => {
    const ydoc = newResolution();
    const editor = new TestEditor(ydoc);
    const id = createAmendment(
      ydoc,
      editor,
      { indiener: 'Utrecht', coIndieners: [], title: 'Ruimte', motivation: '' },
      UTRECHT,
    );
    // What the member types in suggestion mode reaches the document as their proposal.
    const draft = new ProposalDraft(readYDoc(ydoc), UTRECHT);
    draft.insertAt('structurele middelen', ' en ruimte');
    writeDocToYDoc(ydoc, draft.doc);
    const typed = new TestEditor(ydoc);
    expect(findAmendmentChanges(ydoc, typed.state, id).map((change) => change.inserted)).toEqual([
      ' en ruimte',
    ]);
    expect(() => submitAmendment(ydoc, typed, id, '  ', UTRECHT)).toThrow(
      'Schrijf eerst een toelichting bij Amendement A1 van Utrecht.',
    );
    saveMotivation(ydoc, id, 'Geld alleen bouwt geen huizen.\r\n\r\nRuimte ook niet.', UTRECHT);
    expect(getSubmission(ydoc, id)?.motivation).toBe(
      'Geld alleen bouwt geen huizen.\n\nRuimte ook niet.',
    );
    submitAmendment(ydoc, typed, id, 'Geld alleen bouwt geen huizen.', UTRECHT);
    const entry = getSubmission(ydoc, id)!;
    expect(entry.submitted).not.toBeNull();
    expect(entry.changes).toHaveLength(1);
    expect(entry.targets[0]?.place).toBe('punt 1 onder ‘Spreekt uit’');
    expect(editor.dispatched).toEqual([]);
  });

  it('an unchanged motivation writes nothing; a preadvies is the bestuur’s', () => {
    const ydoc = newResolution();
    const { a1 } = threeAmendments(ydoc);
    const before = Y.encodeStateAsUpdate(ydoc);
    saveMotivation(ydoc, a1, ' Zo is het beter. ', UTRECHT);
    expect(Y.encodeStateAsUpdate(ydoc)).toEqual(before);
    adviseAmendment(ydoc, a1, 'overnemen', 'Ruimte is schaars.', BESTUUR);
    expect(readProcedureEntries(ydoc).advices.get(a1)).toMatchObject({
      advice: 'overnemen',
      reasoning: 'Ruimte is schaars.',
    });
  });
});
