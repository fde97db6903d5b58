import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import { menuStateSchema } from '../../shared/api/menuState.ts';
import { schema } from '../../shared/editor/schema.ts';
import { buildDoc, findText } from '../../shared/editor/testing/buildDoc.ts';
import { suggestTransaction } from '../../shared/editor/suggestions/suggestChanges.ts';
import { getTrackedChanges } from '../../shared/editor/suggestions/trackedChanges.ts';
import { findChangeAt, getMenuState, type MenuStateInput } from './menuState.ts';

const AUTEUR = { name: 'Auteur', colour: '#b3261e' };

/** A document with one proposal by Auteur: "dringend " typed before "gemeenten". */
function withProposal(): EditorState {
  const state = EditorState.create({
    schema,
    doc: buildDoc({ recitals: [['Gemeenten willen een stap zetten;', 'Het Rijk luistert;']] }),
  });
  const at = findText(state.doc, 'Gemeenten', true);
  const proposal = suggestTransaction(state, state.tr.insertText('Dringend: ', at), {
    author: AUTEUR,
    now: 1_000,
    newId: () => 'c-1',
  });
  if (!proposal) throw new Error('geen voorstel');
  return state.apply(proposal);
}

const base: Omit<MenuStateInput, 'editor'> = {
  dirty: false,
  path: null,
  readOnly: false,
  proposing: false,
  suggesting: false,
  session: 'none',
  sessionStarting: false,
  changeAtPointer: null,
  pointerInEditor: false,
  canComment: true,
  amendments: {
    showAmendments: true,
    createAmendment: true,
    addAmendment: false,
    amendedPdf: true,
    advicesPdf: false,
    procedureOverview: true,
  },
};

const at = (state: EditorState, pos: number) =>
  state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));

describe('getMenuState', () => {
  it('says there is nothing to act on without an editor', () => {
    const state = getMenuState({ ...base, editor: null, changeAtPointer: 'c-1' });
    expect(state).toMatchObject({
      hasDocument: false,
      editable: false,
      canUndo: false,
      canRedo: false,
      changeCount: 0,
      changeAtCursor: null,
      changeAtPointer: null,
    });
    // No amendment commands either, whatever the window's menu said of its last document.
    expect(Object.values(state.amendments).every((enabled) => !enabled)).toBe(true);
    expect(menuStateSchema.safeParse(state).success).toBe(true);
  });

  it('passes on which amendment commands the window’s Bestand menu offers', () => {
    const state = getMenuState({ ...base, editor: withProposal() });
    expect(state.amendments).toEqual(base.amendments);
    expect(menuStateSchema.safeParse(state).success).toBe(true);
  });

  it('counts the pending changes and names the one at the cursor', () => {
    const editor = withProposal();
    const inChange = at(editor, findText(editor.doc, 'Dringend', true) + 2);
    const state = getMenuState({ ...base, editor: inChange, dirty: true, path: '/d/a.resolutie' });
    expect(state).toMatchObject({
      hasDocument: true,
      editable: true,
      dirty: true,
      path: '/d/a.resolutie',
      changeCount: 1,
      changeAtCursor: 'c-1',
    });
    expect(menuStateSchema.safeParse(state).success).toBe(true);
    const elsewhere = at(editor, findText(editor.doc, 'Rijk'));
    expect(getMenuState({ ...base, editor: elsewhere }).changeAtCursor).toBeNull();
  });

  it('passes on suggestion mode, the session and the change under the pointer', () => {
    const state = getMenuState({
      ...base,
      editor: withProposal(),
      suggesting: true,
      session: 'hosting',
      sessionStarting: false,
      changeAtPointer: 'c-1',
    });
    expect(state).toMatchObject({ suggesting: true, session: 'hosting', changeAtPointer: 'c-1' });
  });

  it('offers a comment where the last right-click was on text selected in the editor', () => {
    const editor = withProposal();
    const word = findText(editor.doc, 'Rijk');
    const selected = editor.apply(
      editor.tr.setSelection(TextSelection.create(editor.doc, word - 4, word)),
    );
    const input = { ...base, editor: selected, pointerInEditor: true };
    expect(getMenuState(input).canCommentAtPointer).toBe(true);
    // Also for a reader allowed to comment: the page decides who may.
    expect(getMenuState({ ...input, readOnly: true }).canCommentAtPointer).toBe(true);
    expect(getMenuState({ ...input, canComment: false }).canCommentAtPointer).toBe(false);
    // A right-click in a panel's text field, or no text selected: none.
    expect(getMenuState({ ...input, pointerInEditor: false }).canCommentAtPointer).toBe(false);
    expect(getMenuState({ ...input, editor: at(editor, word) }).canCommentAtPointer).toBe(false);
    expect(menuStateSchema.safeParse(getMenuState(input)).success).toBe(true);
  });

  it('lets a reader change nothing', () => {
    const state = getMenuState({ ...base, editor: withProposal(), readOnly: true });
    expect(state).toMatchObject({ hasDocument: true, editable: false, canUndo: false });
  });

  it('keeps a voorsteller in suggestion mode, without decisions', () => {
    const typed = withProposal();
    const state = getMenuState({ ...base, editor: typed, proposing: true, suggesting: false });
    // "Wijzigingen bijhouden" shows on and cannot be switched; accepting and rejecting are off.
    expect(state).toMatchObject({ hasDocument: true, suggesting: true, editable: false });
    expect(state.changeCount).toBe(1);
    expect(menuStateSchema.safeParse(state).success).toBe(true);
  });
});

describe('findChangeAt', () => {
  const change = (id: string, from: number, to: number) => ({
    id,
    name: 'A',
    colour: '#000000',
    time: 0,
    inserted: '',
    deleted: '',
    from,
    to,
  });

  it('finds the innermost change holding the position, its edges included', () => {
    const changes = [change('item', 10, 40), change('word', 15, 20)];
    expect(findChangeAt(changes, 17)?.id).toBe('word');
    expect(findChangeAt(changes, 15)?.id).toBe('word');
    expect(findChangeAt(changes, 20)?.id).toBe('word');
    expect(findChangeAt(changes, 30)?.id).toBe('item');
    expect(findChangeAt(changes, 41)).toBeNull();
    expect(findChangeAt([], 5)).toBeNull();
  });

  it('agrees with the document’s own changes', () => {
    const editor = withProposal();
    const changes = getTrackedChanges(editor.doc);
    expect(findChangeAt(changes, findText(editor.doc, 'Dringend'))?.id).toBe('c-1');
  });
});
