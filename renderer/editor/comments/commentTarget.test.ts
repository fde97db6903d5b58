import { describe, expect, it } from 'vitest';
import { NodeSelection, TextSelection } from 'prosemirror-state';
import type { EditorState } from 'prosemirror-state';
import { schema } from '../../../shared/editor/schema.ts';
import { buildDoc, findText, stateAt } from '../../../shared/editor/testing/buildDoc.ts';
import { NO_SELECTION, findCommentTarget } from './commentTarget.ts';

const doc = buildDoc({
  recitals: [['de woningnood groot is;']],
  operatives: [['het Rijk te vragen om middelen.']],
  explanation: ['Zie de cijfers van het CBS.'],
});

const change = { name: 'Voorsteller', colour: '#d62728', time: 1000 };

/** The state with `text` selected (`pad` characters more on each side). */
function selecting(text: string, pad = 0, state?: EditorState): EditorState {
  const base = state ?? stateAt(doc, 1);
  const to = findText(base.doc, text);
  return stateAt(base.doc, to - text.length - pad, to + pad);
}

function quoteOf(state: EditorState): string {
  const target = findCommentTarget(state);
  if ('problem' in target) return target.problem;
  return state.doc.textBetween(target.from, target.to, ' ', ' ').trim();
}

describe('the text a new comment is about', () => {
  it('is the selected text, in an item or the Toelichting, without spaces at its ends', () => {
    expect(findCommentTarget(selecting('woningnood'))).toMatchObject({ change: null });
    expect(quoteOf(selecting('woningnood'))).toBe('woningnood');
    expect(quoteOf(selecting(' te vragen '))).toBe('te vragen');
    expect(quoteOf(selecting('cijfers'))).toBe('cijfers');
  });

  it('needs text selected, and says so in Dutch', () => {
    expect(findCommentTarget(stateAt(doc, findText(doc, 'Rijk')))).toEqual({
      problem: NO_SELECTION,
    });
    expect(quoteOf(selecting(' ', 0))).toBe(NO_SELECTION);
    expect(NO_SELECTION).toBe('Selecteer eerst de tekst waarover u een opmerking wilt maken.');
  });

  it('names the proposal when the text lies in a pending insertion or deletion', () => {
    let state = selecting('woningnood');
    const { from, to } = state.selection;
    const inserted = schema.marks.insertion.create({ ...change, id: 'voorstel-1' });
    state = state.apply(state.tr.addMark(from, to, inserted));
    expect(findCommentTarget(state)).toMatchObject({ from, to, change: 'voorstel-1' });

    const rijk = selecting('Rijk', 0, state);
    const deleted = schema.marks.deletion.create({ ...change, id: 'voorstel-2', covers: null });
    const marked = rijk.apply(rijk.tr.addMark(rijk.selection.from, rijk.selection.to, deleted));
    expect(findCommentTarget(marked)).toMatchObject({ change: 'voorstel-2' });
    // A selection that runs on past the proposal is about it too.
    const wider = marked.apply(
      marked.tr.setSelection(
        TextSelection.create(marked.doc, rijk.selection.from - 4, rijk.selection.to + 3),
      ),
    );
    expect(quoteOf(wider)).toBe('het Rijk te');
    expect(findCommentTarget(wider)).toMatchObject({ change: 'voorstel-2' });
    // An accepted insertion is plain text now: no proposal.
    const accepted = schema.marks.insertion.create({ ...change, id: 'voorstel-3', accepted: true });
    const plain = selecting('middelen', 0, marked);
    const done = plain.apply(plain.tr.addMark(plain.selection.from, plain.selection.to, accepted));
    expect(findCommentTarget(selecting('middelen', 0, done))).toMatchObject({ change: null });
  });

  it('takes the word before a footnote that is selected on its own', () => {
    const at = findText(doc, 'CBS');
    const base = stateAt(doc, at);
    const withNote = base.apply(
      base.tr.insert(at, schema.nodes.footnote.create({ text: 'CBS Statline 2024' })),
    );
    const note = NodeSelection.create(withNote.doc, at);
    const state = withNote.apply(withNote.tr.setSelection(note));
    const target = findCommentTarget(state);
    expect(target).toMatchObject({ from: at - 'CBS'.length, to: at + 1 });
    expect(quoteOf(state)).toBe('CBS');
  });

  it('refuses a footnote with no word before it', () => {
    const start = findText(doc, 'Zie', true);
    const base = stateAt(doc, start);
    const withNote = base.apply(
      base.tr.insert(start, schema.nodes.footnote.create({ text: 'Bron' })),
    );
    const state = withNote.apply(
      withNote.tr.setSelection(NodeSelection.create(withNote.doc, start)),
    );
    expect(findCommentTarget(state)).toEqual({ problem: NO_SELECTION });
  });
});
