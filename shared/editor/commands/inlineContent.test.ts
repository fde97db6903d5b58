import { describe, expect, it } from 'vitest';
import { schema } from '../schema.ts';
import { buildDoc, findText, run, stateAt } from '../testing/buildDoc.ts';
import { getFootnotes } from '../queries/getFootnoteNumbers.ts';
import {
  getLinkAtSelection,
  insertFootnote,
  isMarkActive,
  setFootnoteText,
  setLink,
  toggleBold,
  toggleItalic,
  toggleUnderline,
} from './inlineContent.ts';

describe('marks, links and footnotes', () => {
  const doc = buildDoc({ recitals: [['Gemeenten willen']], explanation: ['Zie de brief.'] });

  it('toggles bold, italic and underline on a selection', () => {
    const state = stateAt(doc, findText(doc, 'Gemeenten', true), findText(doc, 'Gemeenten'));
    const bold = run(state, toggleBold)!;
    expect(isMarkActive(bold, schema.marks.bold)).toBe(true);
    const all = run(run(bold, toggleItalic)!, toggleUnderline)!;
    const marks = all.doc.nodeAt(findText(doc, 'Gemeenten', true))!.marks.map((m) => m.type.name);
    expect(marks.sort()).toEqual(['bold', 'italic', 'underline']);
    expect(isMarkActive(run(all, toggleBold)!, schema.marks.bold)).toBe(false);
  });

  it('links a selection to http(s) or mailto only, and removes links with an empty address', () => {
    const state = stateAt(doc, findText(doc, 'brief', true), findText(doc, 'brief'));
    expect(run(state, setLink('javascript:alert(1)'))).toBeNull();
    expect(run(state, setLink('file:///etc/passwd'))).toBeNull();
    const linked = run(state, setLink('https://vng.nl/brief'))!;
    const inside = stateAt(linked.doc, findText(linked.doc, 'bri'));
    expect(getLinkAtSelection(inside)).toBe('https://vng.nl/brief');
    const removed = run(
      stateAt(linked.doc, findText(doc, 'brief', true), findText(doc, 'brief')),
      setLink(''),
    )!;
    expect(removed.doc.rangeHasMark(0, removed.doc.content.size, schema.marks.link)).toBe(false);
    expect(run(stateAt(doc, findText(doc, 'brief')), setLink('https://vng.nl'))).toBeNull();
  });

  it('inserts footnotes numbered in document order and edits their text', () => {
    const first = run(stateAt(doc, findText(doc, 'brief')), insertFootnote('Kamerbrief 2024'))!;
    const second = run(
      stateAt(first.doc, findText(first.doc, 'willen')),
      insertFootnote('Eerder'),
    )!;
    const notes = getFootnotes(second.doc);
    expect(notes.map((n) => [n.number, n.text])).toEqual([
      [1, 'Eerder'],
      [2, 'Kamerbrief 2024'],
    ]);
    const edited = run(second, setFootnoteText(notes[1]!.pos, 'Kamerbrief 2025'))!;
    expect(getFootnotes(edited.doc)[1]!.text).toBe('Kamerbrief 2025');
    expect(run(second, insertFootnote('   '))).toBeNull();
    expect(run(stateAt(doc, 1), insertFootnote('niet in de titel'))).toBeNull();
  });
});
