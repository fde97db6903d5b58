/**
 * Blocks in suggestion mode, beyond adding and removing them (suggestChanges.test.ts): a
 * deletion across blocks, removing an own new block next to an identical empty one, and
 * moving blocks. Each of these was found by the suggestions fuzz test
 * (renderer/editor/suggestions.fuzz.test.ts) and reduced here to one editor without a merge.
 * A deletion across items or blocks is several steps, each proposed where it deleted; a move is
 * not a proposal at all (it adds or removes no text) and passes as it is.
 */
import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Command } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { buildDoc, findText } from '../testing/buildDoc.ts';
import { baseKeymap, chainCommands } from 'prosemirror-commands';
import { addBlock, moveBlock, removeBlock } from '../commands/blocks.ts';
import { replaceSelectionKeepingStructure } from '../commands/deleteKeepingStructure.ts';
import { buildKeymap } from '../keymap.ts';
import { isClauseBlock } from '../queries/findItemContext.ts';
import { KEEP_AS_IS, suggestTransaction } from './suggestChanges.ts';
import type { SuggestionContext } from './suggestChanges.ts';
import { acceptChanges, getTrackedChanges, rejectChanges } from './trackedChanges.ts';

const keys = buildKeymap({ undo: () => false, redo: () => false });
// The editor's Backspace: its own keymap, then ProseMirror's base keymap.
const backspace = chainCommands(keys.Backspace!, baseKeymap.Backspace!);

function contextFor(name: string): SuggestionContext {
  let next = 0;
  return { author: { name, colour: '#b3261e' }, now: 1_000, newId: () => `${name}-${++next}` };
}

/** Runs `command` with the cursor at `at`, in suggestion mode as the editor's dispatch does. */
function suggest(state: EditorState, context: SuggestionContext, command: Command, at = 1) {
  const placed = state.apply(state.tr.setSelection(TextSelection.near(state.doc.resolve(at))));
  let next = placed;
  command(placed, (tr) => {
    const proposal = tr.getMeta(KEEP_AS_IS) ? tr : suggestTransaction(placed, tr, context);
    if (proposal) next = placed.apply(proposal);
  });
  return next;
}

function decide(state: EditorState, command: Command): EditorState {
  let next = state;
  command(state, (tr) => (next = state.apply(tr)));
  return next;
}

/** The recital blocks' items, as text. */
function blockTexts(doc: Node): string[][] {
  const blocks: string[][] = [];
  doc.child(2).forEach((block) => {
    const items: string[] = [];
    block.forEach((item) => items.push(item.textContent));
    blocks.push(items);
  });
  return blocks;
}

function blockPosition(doc: Node, index: number): number {
  const positions: number[] = [];
  doc.descendants((node, pos) => {
    if (isClauseBlock(node)) positions.push(pos);
    return !isClauseBlock(node);
  });
  return positions[index]!;
}

function start(recitals: string[][]): EditorState {
  return EditorState.create({ doc: buildDoc({ recitals, operatives: [['Dat.']] }) });
}

describe('deleting across blocks in suggestion mode', () => {
  // Once, the proposal was the difference of the documents, "t;|Tw" replaced by a block
  // boundary, which split the second block on rejection ("Tw", a new block, "ee;").
  it('marks the text in each block and restores the blocks when the deletion is rejected', () => {
    const original = start([['Een;'], ['Twee;']]);
    const [from, to] = [findText(original.doc, 'E'), findText(original.doc, 'Tw')];
    const placed = original.apply(
      original.tr.setSelection(TextSelection.create(original.doc, from, to)),
    );
    let proposed = placed;
    backspace(placed, (tr) => {
      proposed = placed.apply(suggestTransaction(placed, tr, contextFor('Bewerker'))!);
    });
    const rejected = decide(
      proposed,
      rejectChanges(() => true, { removeEmptied: true }),
    );
    expect(blockTexts(proposed.doc)).toEqual([['Een;'], ['Twee;']]);
    expect(getTrackedChanges(proposed.doc)).toEqual([
      expect.objectContaining({ deleted: 'en;Tw', inserted: '' }),
    ]);
    expect(blockTexts(rejected.doc)).toEqual([['Een;'], ['Twee;']]);
    const accepted = decide(
      proposed,
      acceptChanges(() => true, { removeEmptied: true }),
    );
    expect(blockTexts(accepted.doc)).toEqual([['E'], ['ee;']]);
  });
});

describe('typing over a selection across blocks in suggestion mode', () => {
  it('marks what it replaces in each block, and puts the typed text where the cursor was', () => {
    const original = start([['Een;'], ['Twee;']]);
    const [from, to] = [findText(original.doc, 'E'), findText(original.doc, 'Tw')];
    const placed = original.apply(
      original.tr.setSelection(TextSelection.create(original.doc, from, to)),
    );
    let proposed = placed;
    replaceSelectionKeepingStructure('lf;')(placed, (tr) => {
      proposed = placed.apply(suggestTransaction(placed, tr, contextFor('Bewerker'))!);
    });
    expect(blockTexts(proposed.doc)).toEqual([['Een;lf;'], ['Twee;']]);
    expect(getTrackedChanges(proposed.doc)).toEqual([
      expect.objectContaining({ id: 'Bewerker-1', deleted: 'en;Tw', inserted: 'lf;' }),
    ]);
    const accepted = decide(
      proposed,
      acceptChanges(() => true, { removeEmptied: true }),
    );
    expect(blockTexts(accepted.doc)).toEqual([['Elf;'], ['ee;']]);
    const rejected = decide(
      proposed,
      rejectChanges(() => true, { removeEmptied: true }),
    );
    expect(blockTexts(rejected.doc)).toEqual([['Een;'], ['Twee;']]);
  });

  it("keeps a block whose own new items it takes back, with an empty item of one's own", () => {
    const auteur = contextFor('Auteur');
    let state = start([['Een;'], ['Twee;']]);
    state = suggest(state, auteur, addBlock('recital'), findText(state.doc, 'Een;'));
    const typeText: Command = (s, dispatch) => (dispatch?.(s.tr.insertText('Nieuw;')), true);
    state = suggest(state, auteur, typeText, blockPosition(state.doc, 1) + 2);
    expect(blockTexts(state.doc)).toEqual([['Een;'], ['Nieuw;'], ['Twee;']]);
    // From inside the first block to inside the last: the new block's item goes for real.
    const [from, to] = [findText(state.doc, 'E'), findText(state.doc, 'Tw')];
    const placed = state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
    let proposed = placed;
    backspace(placed, (tr) => {
      proposed = placed.apply(suggestTransaction(placed, tr, auteur)!);
    });
    expect(blockTexts(proposed.doc)).toEqual([['Een;'], [''], ['Twee;']]);
    const newItem = proposed.doc.child(2).child(1).firstChild!;
    expect(newItem.attrs.change).toMatchObject({ type: 'insert', name: 'Auteur' });
    proposed.doc.check();
  });
});

describe('removing a block in suggestion mode', () => {
  // Once, Backspace's shortcut for an own empty item took the block's item and left the block.
  it('takes back an own added, empty block even when an empty block follows', () => {
    const auteur = contextFor('Auteur');
    let state = start([['Een;'], ['']]);
    state = suggest(state, auteur, addBlock('recital'), findText(state.doc, 'Een;'));
    expect(blockTexts(state.doc)).toEqual([['Een;'], [''], ['']]);
    state = suggest(state, auteur, removeBlock(blockPosition(state.doc, 1)));
    expect(blockTexts(state.doc)).toEqual([['Een;'], ['']]);
  });
});

describe('moving a block in suggestion mode', () => {
  // moveBlock takes the neighbour out and puts it back on the other side; as a proposal that
  // was a replaced range of text across the two blocks. A move is no proposal: it passes.
  it('moves the blocks, which rejecting everything leaves moved', () => {
    const original = start([['Een;'], ['Twee;']]);
    const move = moveBlock(blockPosition(original.doc, 1), -1);
    const moved = suggest(original, contextFor('Bewerker'), move);
    const rejected = decide(
      moved,
      rejectChanges(() => true, { removeEmptied: true }),
    );
    expect(blockTexts(moved.doc)).toEqual([['Twee;'], ['Een;']]);
    expect(getTrackedChanges(moved.doc)).toEqual([]);
    expect(blockTexts(rejected.doc)).toEqual([['Twee;'], ['Een;']]);
  });

  it("keeps a colleague's pending proposal in the blocks it moves", () => {
    const [auteur, bewerker] = [contextFor('Auteur'), contextFor('Bewerker')];
    let state = start([['Een;'], ['Twee;']]);
    const typeText: Command = (s, dispatch) => (dispatch?.(s.tr.insertText('nieuw ')), true);
    state = suggest(state, bewerker, typeText, findText(state.doc, 'Een;', true));
    const from = findText(state.doc, 'nieuw', true);
    const deleteWord: Command = (s, dispatch) => (dispatch?.(s.tr.delete(from, from + 6)), true);
    state = suggest(state, auteur, deleteWord);
    expect(getTrackedChanges(state.doc).map((change) => change.id)).toEqual([
      'Bewerker-1',
      'Auteur-1',
    ]);
    state = suggest(state, bewerker, moveBlock(blockPosition(state.doc, 1), -1));
    expect(getTrackedChanges(state.doc).map((change) => change.id)).toEqual([
      'Bewerker-1',
      'Auteur-1',
    ]);
    expect(blockTexts(state.doc)).toEqual([['Twee;'], ['nieuw Een;']]);
  });
});
