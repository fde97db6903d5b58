/**
 * References on the clipboard (referenceClipboard.ts): the plain text of a copy reads the
 * labels, and what is pasted or dropped gets fresh ids unless it is moved.
 */
import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { buildDoc, findText } from '../../shared/editor/testing/buildDoc.ts';
import { insertReference } from '../../shared/editor/commands/references.ts';
import { getReferenceTargets } from '../../shared/editor/queries/getReferences.ts';
import { getClipboardText, withFreshIdsForPaste } from './referenceClipboard.ts';

/** A document whose first recital refers to punt 2, which has an id since. */
function withReference(): EditorState {
  const doc = buildDoc({
    recitals: [['zoals bedoeld in ']],
    operatives: [['eerste punt;', 'tweede punt;', 'derde punt.']],
  });
  let state = EditorState.create({ doc });
  const at = findText(doc, 'bedoeld in ');
  state = state.apply(state.tr.setSelection(TextSelection.create(doc, at)));
  const target = getReferenceTargets(doc).find((t) => t.label === 'punt 2')!;
  insertReference(target.pos)(state, (tr) => (state = state.apply(tr)));
  return state;
}

const punt2 = (state: EditorState) =>
  getReferenceTargets(state.doc).find((t) => t.text === 'tweede punt;')!;

describe('references on the clipboard', () => {
  it('read as their label in a plain-text copy', () => {
    const state = withReference();
    const item = state.doc.resolve(findText(state.doc, 'zoals', true)).parent;
    const from = findText(state.doc, 'zoals', true);
    const slice = state.doc.slice(from, from + item.content.size);
    expect(getClipboardText(slice, state.doc)).toBe('zoals bedoeld in punt 2');
  });

  it('give a pasted copy of their target a new id, and keep it when the item is dragged', () => {
    const state = withReference();
    const target = punt2(state);
    const slice = state.doc.slice(target.pos, target.pos + state.doc.nodeAt(target.pos)!.nodeSize);
    const view = (dragging: { move: boolean } | null) =>
      ({ state, dragging }) as unknown as EditorView;
    const pasted = withFreshIdsForPaste(slice, view(null));
    expect(pasted.content.firstChild!.attrs.id).not.toBe(target.id);
    expect(pasted.content.firstChild!.attrs.id).toMatch(/^[a-z0-9][a-z0-9-]{0,39}$/);
    // Dragged with Ctrl (a copy): a new id too; moved: the same, the original goes.
    expect(
      withFreshIdsForPaste(slice, view({ move: false })).content.firstChild!.attrs.id,
    ).not.toBe(target.id);
    expect(withFreshIdsForPaste(slice, view({ move: true }))).toBe(slice);
  });

  // Regression: a copy that began inside punt 2 and ran on into punt 3, which refers to it,
  // pasted into an empty item: punt 2's copy joins that item and loses the new id it was
  // given, and the reference copied along read "[verwijzing vervallen]".
  it('keep pointing to the original when the copy of their target joins another item', () => {
    let state = withReference();
    // Punt 3 refers to punt 2 too (its id exists already).
    const three = findText(state.doc, 'derde', true);
    const two = punt2(state);
    state = state.apply(
      state.tr.insert(three, state.schema.nodes.reference!.create({ target: two.id })),
    );
    const from = two.pos + 1;
    const to = findText(state.doc, 'derde', true) + 1;
    const slice = state.doc.slice(from, to);
    expect(slice.openStart).toBeGreaterThan(0);
    const view = { state, dragging: null } as unknown as EditorView;
    const pasted = withFreshIdsForPaste(slice, view);
    const targets: string[] = [];
    pasted.content.descendants((node) => {
      if (node.type.name === 'reference') targets.push(node.attrs.target as string);
    });
    expect(targets).toEqual([two.id]);
  });
});
