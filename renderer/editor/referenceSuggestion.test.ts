/**
 * The typing suggestion (referenceSuggestion.ts) on editor states: which keystrokes offer a
 * reference, what dismisses the offer, and what taking it writes. The note's DOM and the keys
 * are driven in the end-to-end test (test/e2e/references.spec.ts).
 */
import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { buildDoc, findText } from '../../shared/editor/testing/buildDoc.ts';
import { getReferences } from '../../shared/editor/queries/getReferences.ts';
import { setSuggestionAuthor } from '../../shared/editor/suggestions/suggestionMode.ts';
import { suggestionModePlugin } from '../../shared/editor/suggestions/suggestionMode.ts';
import {
  acceptReferenceOffer,
  referenceSuggestionKey,
  referenceSuggestionPlugin,
} from './referenceSuggestion.ts';

function start(at = 'de woningnood groot is'): EditorState {
  const doc = buildDoc({
    title: 'Woningbouw',
    recitals: [['de woningnood groot is']],
    operatives: [['eerste punt;', 'tweede punt;', 'derde punt.']],
  });
  const state = EditorState.create({
    doc,
    plugins: [referenceSuggestionPlugin(), suggestionModePlugin()],
  });
  const pos = findText(doc, at);
  return state.apply(state.tr.setSelection(TextSelection.create(doc, pos)));
}

/** Types `text` one character at a time, as the keyboard does. */
function type(state: EditorState, text: string): EditorState {
  let next = state;
  for (const char of text) next = next.apply(next.tr.insertText(char));
  return next;
}

const offer = (state: EditorState) => referenceSuggestionKey.getState(state);

/** A stand-in for the view: the command only reads the state and dispatches. */
function viewOf(state: EditorState): EditorView & { state: EditorState } {
  const view = {
    state,
    dispatch(tr: Parameters<EditorView['dispatch']>[0]) {
      view.state = view.state.apply(tr);
    },
  };
  return view as unknown as EditorView & { state: EditorState };
}

describe('the typing suggestion', () => {
  it('offers a reference once "punt 2" is typed and such an item exists', () => {
    let state = type(start(), ', zie punt');
    expect(offer(state)).toBeNull();
    state = type(state, ' 2');
    expect(offer(state)).toMatchObject({
      text: 'punt 2',
      label: 'punt 2',
      targetText: 'tweede punt;',
    });
    // Another digit: punt 23 does not exist.
    expect(offer(type(state, '3'))).toBeNull();
  });

  it('offers nothing for an item that does not exist, nor in the title', () => {
    expect(offer(type(start(), ' punt 7'))).toBeNull();
    expect(offer(type(start('Woningbouw'), ' punt 2'))).toBeNull();
  });

  it('is dismissed by typing on, by moving the cursor and by Escape', () => {
    const offered = type(start(), ' punt 2');
    expect(offer(type(offered, ' '))).toBeNull();
    const moved = offered.apply(
      offered.tr.setSelection(TextSelection.create(offered.doc, findText(offered.doc, 'eerste'))),
    );
    expect(offer(moved)).toBeNull();
    const escaped = offered.apply(offered.tr.setMeta(referenceSuggestionKey, 'dismiss'));
    expect(offer(escaped)).toBeNull();
  });

  it('replaces the typed words with the reference when taken', () => {
    const view = viewOf(type(start(), ', zie punt 3'));
    expect(acceptReferenceOffer(view)).toBe(true);
    const item = view.state.doc.nodeAt(findText(view.state.doc, 'de woningnood', true) - 1)!;
    expect(item.textBetween(0, item.content.size, '', '@')).toBe('de woningnood groot is, zie @');
    expect(getReferences(view.state.doc).map((r) => r.label)).toEqual(['punt 3']);
    expect(offer(view.state)).toBeNull();
  });

  it('takes nothing when no offer is shown (Enter splits as before)', () => {
    expect(acceptReferenceOffer(viewOf(type(start(), ' punt')))).toBe(false);
  });

  it('offers nothing to a voorsteller, who cannot propose a reference', () => {
    const forced = start();
    const author = { name: 'Voorsteller', colour: '#1f4e79' };
    const proposing = forced.apply(setSuggestionAuthor(forced.tr, author, true));
    expect(offer(type(proposing, ' punt 2'))).toBeNull();
  });
});
