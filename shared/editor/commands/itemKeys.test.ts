import { describe, expect, it } from 'vitest';
import { buildKeymap } from '../keymap.ts';
import { buildDoc, describeItems, findText, itemStart, run, stateAt } from '../testing/buildDoc.ts';
import {
  insertItemAfter,
  joinItemBackward,
  joinItemForward,
  leaveEmptyItem,
  splitItem,
} from './itemKeys.ts';

// The keymap as the editor binds it; undo/redo are not under test here.
const keys = buildKeymap({ undo: () => false, redo: () => false });
const press = (state: Parameters<typeof run>[0], key: string) => run(state, keys[key]!);

describe('Enter in items', () => {
  it('at the end of an item makes the next item, numbered after it', () => {
    const doc = buildDoc({ recitals: [['een;', 'twee;']] });
    const next = press(stateAt(doc, findText(doc, 'een;')), 'Enter')!;
    expect(describeItems(next.doc)[0]).toEqual(['een;', '', 'twee;']);
    expect(next.selection.$from.parent.type.name).toBe('item');
    expect(next.selection.$from.parent.content.size).toBe(0);
  });

  it('in the middle of an item splits it; the new item keeps indent and marker', () => {
    const doc = buildDoc({
      recitals: [['een', { text: 'links rechts', indent: 1, marker: 'bullet' }]],
    });
    const next = press(stateAt(doc, findText(doc, 'links')), 'Enter')!;
    const block = next.doc.child(2).firstChild!;
    expect(describeItems(next.doc)[0]).toEqual(['een', '  -links', '  - rechts']);
    expect(block.child(2).attrs).toEqual({
      indent: 1,
      marker: 'bullet',
      change: null,
      id: null,
      ignoredChecks: '',
    });
  });

  it('in an empty last item leaves the block for the next block, removing the empty item', () => {
    const doc = buildDoc({ recitals: [['een', '']], operatives: [['dictum']] });
    const next = press(stateAt(doc, itemStart(doc, 1)), 'Enter')!;
    expect(describeItems(next.doc)).toEqual([['een'], ['dictum']]);
    expect(next.selection.$from.parent.textContent).toBe('dictum');
    expect(next.selection.$from.parentOffset).toBe(0);
  });

  it('in an empty item of the last block goes to the Toelichting', () => {
    const doc = buildDoc({
      recitals: [['een']],
      operatives: [['twee', '']],
      explanation: ['uitleg'],
    });
    const next = press(stateAt(doc, itemStart(doc, 2)), 'Enter')!;
    expect(describeItems(next.doc)).toEqual([['een'], ['twee']]);
    expect(next.selection.$from.parent.type.name).toBe('paragraph');
    expect(next.selection.$from.parent.textContent).toBe('uitleg');
  });

  it('in an empty block with only that item moves on and keeps the item', () => {
    const doc = buildDoc({ recitals: [['']], operatives: [['twee']] });
    const next = press(stateAt(doc, itemStart(doc, 0)), 'Enter')!;
    expect(describeItems(next.doc)).toEqual([[''], ['twee']]);
    expect(next.selection.$from.parent.textContent).toBe('twee');
  });

  it('creates the first item of an empty next block', () => {
    const doc = buildDoc({ recitals: [['een', ''], []], operatives: [['x']] });
    const next = press(stateAt(doc, itemStart(doc, 1)), 'Enter')!;
    expect(describeItems(next.doc)).toEqual([['een'], [''], ['x']]);
    const $from = next.selection.$from;
    expect($from.node($from.depth - 1).type.name).toBe('recital_block');
    expect(next.doc.child(2).childCount).toBe(2);
  });

  it('in an empty sub-item makes it a numbered item again', () => {
    const doc = buildDoc({ recitals: [['een', { text: '', indent: 1 }]] });
    const next = run(stateAt(doc, itemStart(doc, 1)), leaveEmptyItem)!;
    expect(next.doc.child(2).firstChild!.child(1).attrs.indent).toBe(0);
  });

  it('in an empty item in the middle adds an item after it', () => {
    const doc = buildDoc({ recitals: [['een', '', 'drie']] });
    const next = press(stateAt(doc, itemStart(doc, 1)), 'Enter')!;
    expect(describeItems(next.doc)[0]).toEqual(['een', '', '', 'drie']);
  });

  it('in the title goes on to the first item without splitting the title', () => {
    const doc = buildDoc({ title: 'Inzet', recitals: [['een']] });
    const next = press(stateAt(doc, findText(doc, 'Inz')), 'Enter')!;
    expect(next.doc.eq(doc)).toBe(true);
    expect(next.selection.$from.parent.textContent).toBe('een');
  });

  it('Shift-Enter breaks the line inside the item, but not in the title', () => {
    const doc = buildDoc({ title: 'Inzet', recitals: [['een twee']] });
    const next = press(stateAt(doc, findText(doc, 'een')), 'Shift-Enter')!;
    expect(describeItems(next.doc)[0]).toEqual(['een twee']);
    const item = next.doc.child(2).firstChild!.firstChild!;
    expect(item.child(1).type.name).toBe('hard_break');
    const inTitle = press(stateAt(doc, findText(doc, 'Inz')), 'Shift-Enter')!;
    expect(inTitle.doc.eq(doc)).toBe(true);
  });

  it('splitItem does not apply outside items or in empty ones', () => {
    const doc = buildDoc({ recitals: [['']], explanation: ['tekst'] });
    expect(run(stateAt(doc, itemStart(doc, 0)), splitItem)).toBeNull();
    expect(run(stateAt(doc, findText(doc, 'tekst')), splitItem)).toBeNull();
  });
});

describe('Backspace and Delete in items', () => {
  it('Backspace at the start of an item joins it with the item before', () => {
    const doc = buildDoc({ recitals: [['een ', 'twee', 'drie']] });
    const next = press(stateAt(doc, findText(doc, 'twee', true)), 'Backspace')!;
    expect(describeItems(next.doc)[0]).toEqual(['een twee', 'drie']);
    expect(next.selection.from).toBe(findText(next.doc, 'een '));
  });

  it('Backspace at the start of a block never merges it with the block before', () => {
    const doc = buildDoc({ recitals: [['een'], ['twee']] });
    const state = stateAt(doc, findText(doc, 'twee', true));
    const next = press(state, 'Backspace')!;
    expect(describeItems(next.doc)).toEqual([['een'], ['twee'], ['']]);
    expect(next.doc.eq(doc)).toBe(true);
  });

  it('Backspace in an empty first item removes it when other items remain', () => {
    const doc = buildDoc({ recitals: [['', 'twee']] });
    const next = run(stateAt(doc, itemStart(doc, 0)), joinItemBackward)!;
    expect(describeItems(next.doc)[0]).toEqual(['twee']);
  });

  it('Backspace in the middle of an item is left to ProseMirror', () => {
    const doc = buildDoc({ recitals: [['een']] });
    expect(run(stateAt(doc, findText(doc, 'e')), joinItemBackward)).toBeNull();
  });

  it('Delete at the end of an item pulls in the next one, and stops at the block end', () => {
    const doc = buildDoc({ recitals: [['een', 'twee']], operatives: [['drie']] });
    const joined = press(stateAt(doc, findText(doc, 'een')), 'Delete')!;
    expect(describeItems(joined.doc)).toEqual([['eentwee'], ['drie']]);
    const atEnd = run(stateAt(joined.doc, findText(joined.doc, 'eentwee')), joinItemForward)!;
    expect(atEnd.doc.eq(joined.doc)).toBe(true);
  });

  it('insertItemAfter adds an empty item after the current one', () => {
    const doc = buildDoc({ operatives: [['een', 'twee']] });
    const next = run(stateAt(doc, findText(doc, 'een')), insertItemAfter)!;
    expect(describeItems(next.doc)[1]).toEqual(['een', '', 'twee']);
  });
});
