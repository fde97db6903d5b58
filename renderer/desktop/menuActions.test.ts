import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import type { Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { MENU_COMMANDS } from '../../shared/api/menuCommands.ts';
import { schema } from '../../shared/editor/schema.ts';
import { buildDoc, findText } from '../../shared/editor/testing/buildDoc.ts';
import { suggestTransaction } from '../../shared/editor/suggestions/suggestChanges.ts';
import { getTrackedChanges } from '../../shared/editor/suggestions/trackedChanges.ts';
import { readAmendmentMenu, type AmendmentMenuEntry } from './amendmentMenu.ts';
import { createMenuActions, runMenuCommand, type MenuActionTargets } from './menuActions.ts';

/** A document with two proposals: c-1 by Auteur and c-2 by Bewerker. */
function withProposals(): EditorState {
  let state = EditorState.create({
    schema,
    doc: buildDoc({ recitals: [['Gemeenten willen een stap zetten;', 'Het Rijk luistert;']] }),
  });
  const propose = (text: string, before: string, id: string, name: string) => {
    const pos = findText(state.doc, before, true);
    const tr = suggestTransaction(state, state.tr.insertText(text, pos), {
      author: { name, colour: '#1b6e3a' },
      now: 1_000,
      newId: () => id,
    });
    if (!tr) throw new Error('geen voorstel');
    state = state.apply(tr);
  };
  propose('Alle ', 'Gemeenten', 'c-1', 'Auteur');
  propose('Ook ', 'Het Rijk', 'c-2', 'Bewerker');
  return state;
}

/** The editor as far as the actions use it: its state, dispatch and focus. */
function fakeView(state: EditorState) {
  const view = {
    state,
    focused: 0,
    dom: { contains: () => false },
    dispatch(tr: Transaction) {
      view.state = view.state.apply(tr);
    },
    focus() {
      view.focused += 1;
    },
  };
  return view;
}

/** Targets that record which of their commands ran. */
function targets(
  view: ReturnType<typeof fakeView> | null,
  inSession = false,
  amendmentEntries?: (record: (name: string) => () => void) => AmendmentMenuEntry[],
) {
  const ran: string[] = [];
  const record = (name: string) => () => void ran.push(name);
  // The page's Bestand menu's section "Amendementen", with its own entry ids.
  const entries = amendmentEntries?.(record) ?? [
    { id: 'amendments', onSelect: record('focusAmendmentsPanel') },
    { id: 'createAmendment', onSelect: record('createAmendment') },
    { id: 'addAmendment', onSelect: record('addAmendment') },
    { id: 'amendedPdf', onSelect: record('amendedPdf') },
    { id: 'advicesPdf', onSelect: record('advicesPdf') },
    { id: 'procedureOverview', onSelect: record('procedureOverview') },
  ];
  const chosen: MenuActionTargets = {
    view: view as unknown as EditorView | null,
    file: {
      newDocument: record('newDocument'),
      open: record('open'),
      importDocument: record('importDocument'),
      save: record('save'),
      saveAs: record('saveAs'),
      printPreview: record('printPreview'),
      exportPdf: record('exportPdf'),
      exportWord: record('exportWord'),
      exportWordChanges: record('exportWordChanges'),
      close: record('close'),
    },
    session: {
      startSession: record('startSession'),
      join: record('join'),
      invite: record('invite'),
      leave: record('leave'),
      preferences: record('preferences'),
    },
    toggleSuggesting: record('toggleSuggesting'),
    jumpToChange: (direction) => void ran.push(direction === 1 ? 'next' : 'previous'),
    openVersions: record('versions'),
    insertReference: record('insertReference'),
    addComment: record('addComment'),
    amendments: readAmendmentMenu(entries).actions,
    printOnPaper: record('printOnPaper'),
    openHelp: record('help'),
    openAbout: record('about'),
    inSession,
  };
  return { ran, actions: createMenuActions(chosen) };
}

const ids = (state: EditorState) => getTrackedChanges(state.doc).map((change) => change.id);

describe('the menu commands in the page', () => {
  it('run the header’s, the toolbar’s and the session controls’ own actions', () => {
    const { ran, actions } = targets(null);
    const simple = MENU_COMMANDS.filter(
      (command) => command !== 'acceptChange' && command !== 'rejectChange',
    );
    for (const command of simple) {
      expect(runMenuCommand(actions, { command }), command).toBe(true);
    }
    expect(ran).toEqual([
      'newDocument',
      'open',
      'importDocument',
      'save',
      'saveAs',
      'printPreview',
      'printOnPaper',
      'exportPdf',
      'exportWord',
      'exportWordChanges',
      'focusAmendmentsPanel',
      'createAmendment',
      'addAmendment',
      'amendedPdf',
      'advicesPdf',
      'procedureOverview',
      'close',
      'preferences',
      'toggleSuggesting',
      'previous',
      'next',
      'versions',
      'insertReference',
      'addComment',
      'startSession',
      'join',
      'invite',
      'leave',
      'help',
      'about',
    ]);
  });

  it('run an amendment command only while the page’s own menu offers it', () => {
    // A member drafting: the page's menu has "Amendement maken…" and "…toevoegen…" off.
    const { ran, actions } = targets(null, false, (record) => [
      { id: 'amendments', onSelect: record('focusAmendmentsPanel') },
      { id: 'createAmendment', disabled: true, onSelect: record('createAmendment') },
      { id: 'addAmendment', disabled: true, onSelect: record('addAmendment') },
      { id: 'amendedPdf', onSelect: record('amendedPdf') },
    ]);
    for (const command of [
      'showAmendments',
      'createAmendment',
      'addAmendment',
      'amendedPdf',
      'advicesPdf',
    ]) {
      expect(runMenuCommand(actions, { command }), command).toBe(true);
    }
    // The menu message arrived, but only what the page offers ran ("Preadviezen" is missing).
    expect(ran).toEqual(['focusAmendmentsPanel', 'amendedPdf']);
  });

  it('accept or reject the change the menu named, and give the editor the focus', () => {
    const view = fakeView(withProposals());
    const { actions } = targets(view);
    expect(runMenuCommand(actions, { command: 'acceptChange', changeId: 'c-2' })).toBe(true);
    expect(ids(view.state)).toEqual(['c-1']);
    expect(view.state.doc.textContent).toContain('Ook Het Rijk');
    expect(runMenuCommand(actions, { command: 'rejectChange', changeId: 'c-1' })).toBe(true);
    expect(ids(view.state)).toEqual([]);
    expect(view.state.doc.textContent).not.toContain('Alle ');
    expect(view.focused).toBe(2);
  });

  it('accept or reject all changes', () => {
    const accepting = fakeView(withProposals());
    runMenuCommand(targets(accepting).actions, { command: 'acceptAllChanges' });
    expect(ids(accepting.state)).toEqual([]);
    expect(accepting.state.doc.textContent).toContain('Alle Gemeenten');
    const rejecting = fakeView(withProposals());
    runMenuCommand(targets(rejecting).actions, { command: 'rejectAllChanges' });
    expect(ids(rejecting.state)).toEqual([]);
    expect(rejecting.state.doc.textContent).not.toContain('Alle ');
  });

  it('ignore anything outside the closed list', () => {
    const view = fakeView(withProposals());
    const { ran, actions } = targets(view);
    for (const message of [
      { command: 'quit' },
      { command: 'acceptChange' },
      { command: 'save', extra: 1 },
      'save',
      null,
    ]) {
      expect(runMenuCommand(actions, message)).toBe(false);
    }
    expect(ran).toEqual([]);
    expect(ids(view.state)).toEqual(['c-1', 'c-2']);
  });
});
