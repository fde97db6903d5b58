/**
 * Inserting a reference from the window in suggestion mode (referenceInsert.ts). Regression:
 * `insertReference`'s one transaction (the target's id and the reference) went through
 * suggestion mode as the document's difference, which proposed to delete and re-add every item
 * between the reference and its target.
 */
import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { buildDoc, findText } from '../../shared/editor/testing/buildDoc.ts';
import { getReferenceTargets, getReferences } from '../../shared/editor/queries/getReferences.ts';
import { getTrackedChanges } from '../../shared/editor/suggestions/trackedChanges.ts';
import { suggestTransaction } from '../../shared/editor/suggestions/suggestChanges.ts';
import {
  getSuggestionAuthor,
  setSuggestionAuthor,
  suggestionModePlugin,
} from '../../shared/editor/suggestions/suggestionMode.ts';
import { insertReferenceInView } from './referenceInsert.ts';

const author = { name: 'Redacteur', colour: '#1f4e79' };

/** A stand-in for the editor's view: its dispatch makes proposals as createEditor's does. */
function viewOf(state: EditorState): EditorView & { state: EditorState } {
  let ids = 0;
  const view = {
    state,
    dispatch(tr: Transaction) {
      const suggesting = getSuggestionAuthor(view.state);
      const context = { author: suggesting!, now: 1, newId: () => `c${(ids += 1)}` };
      const made = suggesting && tr.docChanged ? suggestTransaction(view.state, tr, context) : tr;
      if (made) view.state = view.state.apply(made);
    },
  };
  return view as unknown as EditorView & { state: EditorState };
}

function start(suggesting: boolean): EditorView & { state: EditorState } {
  const doc = buildDoc({
    recitals: [['zoals bedoeld in ']],
    operatives: [['eerste punt;', 'tweede punt;', 'derde punt.']],
  });
  let state = EditorState.create({ doc, plugins: [suggestionModePlugin()] });
  const tr = state.tr.setSelection(TextSelection.create(doc, findText(doc, 'bedoeld in ')));
  state = state.apply(setSuggestionAuthor(tr, suggesting ? author : null));
  return viewOf(state);
}

const itemTexts = (view: { state: EditorState }) =>
  getReferenceTargets(view.state.doc)
    .filter((target) => target.kind === 'item')
    .map((target) => target.text);

describe('a reference inserted from the window', () => {
  it('in suggestion mode is one proposed insertion, every item left as it was', () => {
    const view = start(true);
    const target = getReferenceTargets(view.state.doc).find((t) => t.label === 'punt 3')!;
    expect(insertReferenceInView(view, target.pos)).toBe(true);
    expect(getReferences(view.state.doc).map((r) => [r.state, r.label])).toEqual([
      ['ok', 'punt 3'],
    ]);
    const changes = getTrackedChanges(view.state.doc);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ deleted: '', name: 'Redacteur' });
    expect(changes[0]!.item).toBeUndefined();
    expect(itemTexts(view)).toEqual([
      'zoals bedoeld in punt 3',
      'eerste punt;',
      'tweede punt;',
      'derde punt.',
    ]);
  });

  it('outside suggestion mode is one edit', () => {
    const view = start(false);
    const target = getReferenceTargets(view.state.doc).find((t) => t.label === 'punt 2')!;
    const before = view.state;
    expect(insertReferenceInView(view, target.pos)).toBe(true);
    expect(getReferences(view.state.doc).map((r) => r.label)).toEqual(['punt 2']);
    expect(getTrackedChanges(view.state.doc)).toHaveLength(0);
    expect(view.state.doc.childCount).toBe(before.doc.childCount);
  });
});
