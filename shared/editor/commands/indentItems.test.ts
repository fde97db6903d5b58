import { describe, expect, it } from 'vitest';
import { buildDoc, describeItems, findText, run, stateAt } from '../testing/buildDoc.ts';
import { buildKeymap } from '../keymap.ts';
import { indentItem, outdentItem, setSubitemMarker } from './indentItems.ts';

const keys = buildKeymap({ undo: () => false, redo: () => false });

describe('Tab and Shift-Tab', () => {
  it('Tab makes an item a sub-item of the one above, Shift-Tab undoes it', () => {
    const doc = buildDoc({ recitals: [['een', 'twee', 'drie']] });
    const indented = run(stateAt(doc, findText(doc, 'twee')), keys.Tab!)!;
    expect(describeItems(indented.doc)[0]).toEqual(['een', '  twee', 'drie']);
    const back = run(indented, keys['Shift-Tab']!)!;
    expect(describeItems(back.doc)[0]).toEqual(['een', 'twee', 'drie']);
  });

  it('never indents the first item of a block, but keeps Tab inside the editor', () => {
    const doc = buildDoc({ recitals: [['een', 'twee']] });
    const state = stateAt(doc, findText(doc, 'een'));
    const next = run(state, indentItem)!;
    expect(next.doc.eq(doc)).toBe(true);
  });

  it('works on every item of a selection', () => {
    const doc = buildDoc({ recitals: [['een', 'twee', 'drie', 'vier']] });
    const state = stateAt(doc, findText(doc, 'twee', true), findText(doc, 'drie'));
    const next = run(state, indentItem)!;
    expect(describeItems(next.doc)[0]).toEqual(['een', '  twee', '  drie', 'vier']);
    const out = run(
      stateAt(next.doc, findText(next.doc, 'een', true), findText(next.doc, 'vier')),
      outdentItem,
    )!;
    expect(describeItems(out.doc)[0]).toEqual(['een', 'twee', 'drie', 'vier']);
  });

  it('switches sub-items between letters and bullets', () => {
    const doc = buildDoc({ recitals: [['een', { text: 'sub', indent: 1 }]] });
    const bullets = run(stateAt(doc, findText(doc, 'sub')), setSubitemMarker('bullet'))!;
    expect(describeItems(bullets.doc)[0]).toEqual(['een', '  -sub']);
    expect(run(bullets, setSubitemMarker('bullet'))).toBeNull();
  });

  it('does not apply outside items (Tab then moves focus as usual)', () => {
    const doc = buildDoc({ explanation: ['tekst'] });
    expect(run(stateAt(doc, findText(doc, 'tekst')), indentItem)).toBeNull();
  });
});
