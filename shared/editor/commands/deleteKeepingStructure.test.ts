import { describe, expect, it } from 'vitest';
import { deleteSelection } from 'prosemirror-commands';
import { buildDoc, describeItems, findText, run, stateAt } from '../testing/buildDoc.ts';
import { structureGuardPlugin } from '../plugins/structureGuard.ts';
import { buildKeymap } from '../keymap.ts';
import {
  deleteSelectionKeepingStructure,
  isCrossStructureSelection,
  replaceSelectionKeepingStructure,
} from './deleteKeepingStructure.ts';

const keys = buildKeymap({ undo: () => false, redo: () => false });
const guard = structureGuardPlugin(() => false);

describe('deleting across the fixed parts', () => {
  const doc = buildDoc({
    title: 'Titel',
    recitals: [
      ['een', 'twee'],
      ['drie', 'vier'],
    ],
    operatives: [['vijf', 'zes']],
    explanation: ['uitleg een', 'uitleg twee'],
  });

  it('within one block is ordinary deletion (items join)', () => {
    const state = stateAt(doc, findText(doc, 'ee'), findText(doc, 'tw'), [guard]);
    expect(run(state, keys.Backspace!)).toBeNull();
    expect(describeItems(run(state, deleteSelection)!.doc)[0]).toEqual(['eeee']);
    expect(isCrossStructureSelection(state)).toBe(false);
  });

  it('from one block into the next removes items and text but keeps both blocks', () => {
    const state = stateAt(doc, findText(doc, 'tw'), findText(doc, 'vi'), [guard]);
    expect(isCrossStructureSelection(state)).toBe(true);
    const next = run(state, keys.Backspace!)!;
    expect(describeItems(next.doc)).toEqual([['een', 'tw'], ['er'], ['vijf', 'zes']]);
    next.doc.check();
    expect(next.selection.from).toBe(findText(next.doc, 'tw'));
  });

  it('typing over a selection from the title to the Toelichting keeps every block', () => {
    const state = stateAt(doc, findText(doc, 'Ti'), findText(doc, 'uitleg e'), [guard]);
    const next = run(state, replaceSelectionKeepingStructure('X'))!;
    next.doc.check();
    expect(next.doc.firstChild!.textContent).toBe('TiX');
    // Both recital blocks and the operative block remain, each with an empty item.
    expect(describeItems(next.doc)).toEqual([[''], [''], ['']]);
    expect(next.doc.lastChild!.textContent).toBe('enuitleg twee');
  });

  it('select all and delete leaves the skeleton of the document', () => {
    const state = stateAt(doc, 1, doc.content.size - 2, [guard]);
    const next = run(state, deleteSelectionKeepingStructure)!;
    next.doc.check();
    expect(next.doc.child(2).childCount).toBe(2);
    expect(next.doc.child(3).childCount).toBe(1);
    expect(next.doc.textContent).toBe('');
  });
});
