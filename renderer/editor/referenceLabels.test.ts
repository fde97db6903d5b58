/**
 * The labels the editor shows on references (referenceLabels.ts): a decoration per reference
 * that changes when, and only when, what the reference reads changes, wherever the change was
 * made. A node view is redrawn only when its node or decorations change, so without them a
 * reference would keep reading "punt 2" after a new item above its target.
 */
import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { buildDoc, findText } from '../../shared/editor/testing/buildDoc.ts';
import { insertReference } from '../../shared/editor/commands/references.ts';
import { insertItemAfter } from '../../shared/editor/commands/itemKeys.ts';
import { getReferenceTargets } from '../../shared/editor/queries/getReferences.ts';
import {
  findReferenceDisplay,
  referenceLabelsKey,
  referenceLabelsPlugin,
} from './referenceLabels.ts';
import type { ReferenceDisplay } from './referenceLabels.ts';

function withReference(): EditorState {
  const doc = buildDoc({
    recitals: [['de woningnood groot is']],
    operatives: [['eerste punt;', 'tweede punt;']],
  });
  let state = EditorState.create({ doc, plugins: [referenceLabelsPlugin()] });
  const at = findText(doc, 'groot is');
  state = state.apply(state.tr.setSelection(TextSelection.create(doc, at)));
  const target = getReferenceTargets(doc).find((t) => t.label === 'punt 2')!;
  insertReference(target.pos)(state, (tr) => (state = state.apply(tr)));
  return state;
}

function shown(state: EditorState): ReferenceDisplay[] {
  const set = referenceLabelsKey.getState(state)!.set;
  return set.find().map((decoration) => findReferenceDisplay([decoration])!);
}

function run(state: EditorState, at: number, command: typeof insertItemAfter): EditorState {
  let next = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at)));
  command(next, (tr) => (next = next.apply(tr)));
  return next;
}

const itemPos = (doc: Node, text: string) => findText(doc, text, true) - 1;

describe('the labels of references in the editor', () => {
  it('follow a renumbering', () => {
    const state = withReference();
    expect(shown(state)).toEqual([
      { referenceLabel: 'punt 2', referenceState: 'ok', referenceTargetText: 'tweede punt;' },
    ]);
    const renumbered = run(state, findText(state.doc, 'eerste punt;'), insertItemAfter);
    expect(shown(renumbered).map((d) => d.referenceLabel)).toEqual(['punt 3']);
  });

  it('say the reference is broken when its target is deleted', () => {
    const state = withReference();
    const pos = itemPos(state.doc, 'tweede punt;');
    const deleted = state.apply(state.tr.delete(pos, pos + state.doc.nodeAt(pos)!.nodeSize));
    expect(shown(deleted)).toEqual([
      {
        referenceLabel: '[verwijzing vervallen]',
        referenceState: 'missing',
        referenceTargetText: '',
      },
    ]);
  });

  it('follow the target’s text as it is typed, for the tooltip', () => {
    const state = withReference();
    const typed = state.apply(state.tr.insertText('!', findText(state.doc, 'tweede punt')));
    expect(shown(typed)[0]!.referenceTargetText).toBe('tweede punt!;');
  });

  it('are not worked out again for typing in a document without references', () => {
    const doc = buildDoc({ operatives: [['eerste punt;']] });
    const state = EditorState.create({ doc, plugins: [referenceLabelsPlugin()] });
    const before = referenceLabelsKey.getState(state);
    const typed = state.apply(state.tr.insertText('x', findText(doc, 'eerste')));
    expect(referenceLabelsKey.getState(typed)).toBe(before);
  });

  it('only move with the text when typing where no reference points', () => {
    const state = withReference();
    const before = referenceLabelsKey.getState(state)!;
    // Before the reference, in its own item (which nothing refers to).
    const typed = state.apply(state.tr.insertText('x', findText(state.doc, 'de woningnood', true)));
    const after = referenceLabelsKey.getState(typed)!;
    expect(shown(typed)).toEqual(shown(state));
    expect(after.set.find()[0]!.from).toBe(before.set.find()[0]!.from + 1);
  });

  it('mark a reference whose target someone proposed to delete', () => {
    const state = withReference();
    const pos = itemPos(state.doc, 'tweede punt;');
    const item = state.doc.nodeAt(pos)!;
    const change = { type: 'delete', id: 'c1', name: 'Redacteur', colour: '#1f4e79', time: 1 };
    const proposed = state.apply(state.tr.setNodeMarkup(pos, undefined, { ...item.attrs, change }));
    expect(shown(proposed)).toEqual([
      {
        referenceLabel: 'punt 2',
        referenceState: 'proposed-deletion',
        referenceTargetText: 'tweede punt;',
      },
    ]);
  });
});
