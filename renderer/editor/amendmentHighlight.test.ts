/**
 * The chosen amendment's proposals drawn in the page: only its pending text, following the
 * document as it changes, gone once the proposals are decided or the choice is cleared.
 */
import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import type { DecorationSet } from 'prosemirror-view';
import {
  acceptChanges,
  getTrackedChanges,
} from '../../shared/editor/suggestions/trackedChanges.ts';
import { readYDoc } from '../../shared/ydoc/yDocument.ts';
import {
  amendmentHighlightPlugin,
  getHighlightedChanges,
  setHighlightedChanges,
} from './amendmentHighlight.ts';
import { newResolution, threeAmendments } from '../documents/testing/amendmentFixtures.ts';

/** The text under each highlight decoration of `state` (whose one plugin is the highlight). */
function highlighted(state: EditorState): string[] {
  const plugin = state.plugins[0]!;
  const set = plugin.props.decorations?.call(plugin, state) as DecorationSet;
  return set.find().map((decoration) => state.doc.textBetween(decoration.from, decoration.to));
}

describe('the highlight of an amendment’s proposals', () => {
  it('draws the chosen proposals only, until they are decided', () => {
    const ydoc = newResolution();
    threeAmendments(ydoc);
    const doc = readYDoc(ydoc);
    const [a1, a2] = getTrackedChanges(doc);
    let state = EditorState.create({ doc, plugins: [amendmentHighlightPlugin()] });
    expect(highlighted(state)).toEqual([]);
    state = state.apply(setHighlightedChanges(state.tr, [a2!.id]));
    expect(highlighted(state)).toEqual([' voor woningbouw']);
    expect([...getHighlightedChanges(state)]).toEqual([a2!.id]);
    // Typing elsewhere: the highlight follows the text.
    state = state.apply(state.tr.insertText('Zeer ', 1));
    expect(highlighted(state)).toEqual([' voor woningbouw']);
    state = state.apply(setHighlightedChanges(state.tr, [a1!.id, a2!.id]));
    expect(highlighted(state)).toEqual([' en ruimte', ' voor woningbouw']);
    acceptChanges((change) => change.id === a1!.id)(state, (tr) => (state = state.apply(tr)));
    expect(highlighted(state)).toEqual([' voor woningbouw']);
    state = state.apply(setHighlightedChanges(state.tr, []));
    expect(highlighted(state)).toEqual([]);
  });
});
