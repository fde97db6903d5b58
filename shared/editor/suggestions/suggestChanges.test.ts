import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Command, Transaction } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { buildDoc, findText } from '../testing/buildDoc.ts';
import { getItemLabels } from '../queries/getItemLabels.ts';
import { suggestTransaction } from './suggestChanges.ts';
import { isPendingInsertion } from './changeMarks.ts';
import type { SuggestionContext } from './suggestChanges.ts';
import { addBlock, removeBlock } from '../commands/blocks.ts';
import { wrapInBulletList } from '../commands/explanationBlocks.ts';
import { splitItem } from '../commands/itemKeys.ts';
import { structureGuardPlugin } from '../plugins/structureGuard.ts';
import {
  acceptChange,
  acceptChanges,
  getBlockChange,
  getTrackedChanges,
  rejectChange,
  rejectChanges,
} from './trackedChanges.ts';

const AUTEUR = { name: 'Auteur', colour: '#b3261e' };
const BEWERKER = { name: 'Bewerker', colour: '#1b6e3a' };

/** A context with ids c1, c2 … and a fixed clock. */
function contextFor(author: typeof AUTEUR, clock = { now: 1_000, next: 0 }): SuggestionContext {
  return {
    author,
    get now() {
      return clock.now;
    },
    newId: () => `c${(clock.next += 1)}`,
  };
}

/** Applies `edit` to `state` as a suggestion of `context`'s author. */
function suggest(
  state: EditorState,
  context: SuggestionContext,
  edit: (tr: Transaction) => Transaction,
): EditorState {
  const proposal = suggestTransaction(state, edit(state.tr), context);
  if (!proposal) throw new Error('no proposal');
  return state.apply(proposal);
}

/**
 * The first block's items as text with changes spelled out: [+inserted+] and [-deleted-] (an
 * accepted insertion reads as plain text).
 */
function render(doc: Node): string[] {
  const items: string[] = [];
  doc
    .child(2)
    .child(0)
    .forEach((item) => {
      let text = '';
      item.forEach((child) => {
        const marks = child.marks
          .filter((mark) => mark.type.name !== 'insertion' || isPendingInsertion(mark))
          .map((mark) => mark.type.name);
        const value = child.text ?? '';
        if (marks.includes('insertion') && marks.includes('deletion')) text += `[+-${value}-+]`;
        else if (marks.includes('insertion')) text += `[+${value}+]`;
        else if (marks.includes('deletion')) text += `[-${value}-]`;
        else text += value;
      });
      items.push(text);
    });
  return items;
}

/** `state` with the cursor at `from` (or `from`–`to` selected), as a click or drag makes it. */
function select(state: EditorState, from: number, to = from): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
}

function start(items: string[]): EditorState {
  return EditorState.create({ doc: buildDoc({ recitals: [items], operatives: [['Dat.']] }) });
}

const at = (state: EditorState, text: string, atStart = false) =>
  findText(state.doc, text, atStart);

describe('suggestTransaction', () => {
  it('marks typed text as an insertion by the author, and typing on continues the change', () => {
    const ctx = contextFor(AUTEUR);
    let state = start(['De kosten stijgen;']);
    state = select(state, at(state, 'kosten '));
    state = suggest(state, ctx, (tr) => tr.insertText('sterk '));
    state = suggest(state, ctx, (tr) => tr.insertText('en'));
    expect(render(state.doc)).toEqual(['De kosten [+sterk en+]stijgen;']);
    expect(getTrackedChanges(state.doc)).toMatchObject([
      { id: 'c1', name: 'Auteur', inserted: 'sterk en', deleted: '' },
    ]);
  });

  it('marks deleted text instead of removing it, and Backspace goes on leftwards', () => {
    const ctx = contextFor(AUTEUR);
    let state = start(['De kosten stijgen;']);
    const end = at(state, 'kosten');
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, end)));
    for (let i = 0; i < 6; i += 1) {
      const head = state.selection.head;
      state = suggest(state, ctx, (tr) => tr.delete(head - 1, head));
    }
    expect(render(state.doc)).toEqual(['De [-kosten-] stijgen;']);
    expect(getTrackedChanges(state.doc)).toMatchObject([{ id: 'c1', deleted: 'kosten' }]);
  });

  it('shows a replaced word as one change: the deletion, then the insertion', () => {
    const ctx = contextFor(AUTEUR);
    let state = start(['De kosten stijgen;']);
    const from = at(state, 'kosten', true);
    state = select(state, from, from + 'kosten'.length);
    state = suggest(state, ctx, (tr) => tr.insertText('uitgaven'));
    expect(render(state.doc)).toEqual(['De [-kosten-][+uitgaven+] stijgen;']);
    expect(getTrackedChanges(state.doc)).toEqual([
      expect.objectContaining({ id: 'c1', inserted: 'uitgaven', deleted: 'kosten' }),
    ]);
    // The cursor is after the typed word.
    expect(state.doc.textBetween(state.selection.head - 8, state.selection.head)).toBe('uitgaven');
  });

  it("removes one's own pending insertion for real, but marks a colleague's", () => {
    let state = start(['De kosten stijgen;']);
    const pos = at(state, 'kosten ');
    state = suggest(state, contextFor(AUTEUR), (tr) => tr.insertText('hoge ', pos));
    const hoge = at(state, 'hoge', true);
    const own = suggest(state, contextFor(AUTEUR), (tr) => tr.delete(hoge, hoge + 5));
    expect(render(own.doc)).toEqual(['De kosten stijgen;']);
    const other = suggest(state, contextFor(BEWERKER, { now: 2_000, next: 10 }), (tr) =>
      tr.delete(hoge, hoge + 5),
    );
    expect(render(other.doc)).toEqual(['De kosten [+-hoge -+]stijgen;']);
  });

  it('says on each deletion which proposal it was made on, none for plain text', () => {
    let state = start(['De kosten stijgen;']);
    state = suggest(state, contextFor(AUTEUR), (tr) =>
      tr.insertText('hoge ', at(state, 'kosten ')),
    );
    const from = at(state, 'De ');
    const other = suggest(state, contextFor(BEWERKER, { now: 2_000, next: 10 }), (tr) =>
      tr.delete(from, at(state, 'hoge ')),
    );
    const deletions: [string, unknown][] = [];
    other.doc.descendants((node) => {
      const mark = node.marks.find((m) => m.type.name === 'deletion');
      if (mark) deletions.push([node.text!, mark.attrs.covers]);
    });
    expect(deletions).toEqual([
      ['kosten ', null],
      ['hoge ', 'c1'],
    ]);
    // One change all the same.
    expect(getTrackedChanges(other.doc)).toEqual([
      expect.objectContaining({ id: 'c11', deleted: 'kosten hoge ' }),
      expect.objectContaining({ id: 'c1', inserted: 'hoge ' }),
    ]);
  });

  it('keeps items when a deletion crosses their boundary, marking the text in between', () => {
    const ctx = contextFor(AUTEUR);
    let state = start(['Eerste punt;', 'Tweede punt;']);
    const from = at(state, 'punt;', true);
    const to = at(state, 'Tweede');
    state = suggest(state, ctx, (tr) => tr.delete(from, to));
    expect(render(state.doc)).toEqual(['Eerste [-punt;-]', '[-Tweede-] punt;']);
    expect(getItemLabels(state.doc.child(2).child(0))).toEqual(['1.', '2.']);
  });

  it('proposes nothing for Backspace at the start of an item (no join)', () => {
    const state = start(['Eerste;', 'Tweede;']);
    const second = at(state, 'Tweede', true);
    const joined = state.tr.join(second - 1);
    expect(suggestTransaction(state, joined, contextFor(AUTEUR))).toBeNull();
  });

  it('inserts a new item (Enter) and marks what is typed in it', () => {
    const ctx = contextFor(AUTEUR);
    let state = start(['Eerste;']);
    state = select(state, at(state, 'Eerste;'));
    state = suggest(state, ctx, (tr) => tr.split(tr.selection.head));
    state = suggest(state, ctx, (tr) => tr.insertText('Nieuw;'));
    expect(render(state.doc)).toEqual(['Eerste;', '[+Nieuw;+]']);
  });
});

describe('deciding on changes', () => {
  function proposed(): EditorState {
    let state = start(['De kosten stijgen;']);
    const from = at(state, 'kosten', true);
    state = suggest(state, contextFor(AUTEUR), (tr) =>
      tr.insertText('uitgaven', from, from + 'kosten'.length),
    );
    const end = at(state, 'stijgen;');
    return suggest(state, contextFor(BEWERKER, { now: 5_000, next: 20 }), (tr) =>
      tr.insertText(' snel', end - 1),
    );
  }
  const run = (state: EditorState, command: ReturnType<typeof acceptChange>) => {
    let next = state;
    expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true);
    return next;
  };

  it('lists changes in document order with author, time and excerpts', () => {
    expect(getTrackedChanges(proposed().doc)).toEqual([
      expect.objectContaining({
        id: 'c1',
        name: 'Auteur',
        inserted: 'uitgaven',
        deleted: 'kosten',
        time: 1_000,
      }),
      expect.objectContaining({
        id: 'c21',
        name: 'Bewerker',
        inserted: ' snel',
        deleted: '',
        time: 5_000,
      }),
    ]);
  });

  it('accepting leaves the proposal as clean text; rejecting the original', () => {
    expect(render(run(proposed(), acceptChange('c1')).doc)).toEqual([
      'De uitgaven stijgen[+ snel+];',
    ]);
    expect(render(run(proposed(), rejectChange('c1')).doc)).toEqual([
      'De kosten stijgen[+ snel+];',
    ]);
  });

  it("decides all of one author's changes, or all", () => {
    const bewerker = run(
      proposed(),
      rejectChanges((change) => change.name === 'Bewerker'),
    );
    expect(render(bewerker.doc)).toEqual(['De [-kosten-][+uitgaven+] stijgen;']);
    const all = run(
      proposed(),
      acceptChanges(() => true),
    );
    expect(render(all.doc)).toEqual(['De uitgaven stijgen snel;']);
    expect(getTrackedChanges(all.doc)).toEqual([]);
    expect(acceptChanges(() => true)(all)).toBe(false);
  });
});

describe('deciding on a change that empties an item', () => {
  function proposeDeletingFirstItem(): EditorState {
    const state = EditorState.create({
      doc: buildDoc({
        recitals: [['Eerste;', { text: 'sub;', indent: 1 }, 'Derde;']],
        operatives: [['Dat.']],
      }),
    });
    const from = at(state, 'Eerste;', true);
    return suggest(state, contextFor(BEWERKER), (tr) => tr.delete(from, from + 'Eerste;'.length));
  }
  const decideAll = (state: EditorState, removeEmptied: boolean) => {
    let next = state;
    acceptChanges(() => true, { removeEmptied })(state, (tr) => (next = state.apply(tr)));
    return next;
  };

  it('keeps the emptied item by default, as a colleague may be typing in it', () => {
    const doc = decideAll(proposeDeletingFirstItem(), false).doc;
    expect(render(doc)).toEqual(['', 'sub;', 'Derde;']);
  });

  it('removes it when asked, and the sub-item below becomes a numbered item', () => {
    const doc = decideAll(proposeDeletingFirstItem(), true).doc;
    expect(render(doc)).toEqual(['sub;', 'Derde;']);
    expect(getItemLabels(doc.child(2).child(0))).toEqual(['1.', '2.']);
    doc.check();
  });
});

/** The item proposals of a block's items, as `type:author` (null for none). */
function describeChanges(block: Node): (string | null)[] {
  const kinds: (string | null)[] = [];
  block.forEach((item) => {
    const change = item.attrs.change as { type: string; name: string } | null;
    kinds.push(change ? `${change.type}:${change.name}` : null);
  });
  return kinds;
}

describe('proposals on whole items', () => {
  const itemChanges = (state: EditorState) => describeChanges(state.doc.child(2).child(0));
  const decide = (state: EditorState, command: ReturnType<typeof acceptChange>) => {
    let next = state;
    command(state, (tr) => (next = state.apply(tr)));
    return next;
  };

  function withNewItem(): EditorState {
    const ctx = contextFor(AUTEUR);
    let state = select(start(['Eerste;', 'Derde;']), 0);
    state = select(state, at(state, 'Eerste;'));
    state = suggest(state, ctx, (tr) => tr.split(tr.selection.head));
    return suggest(state, ctx, (tr) => tr.insertText('Tweede;'));
  }

  it('marks an item added with Enter as proposed, with its text in the same change', () => {
    const state = withNewItem();
    expect(render(state.doc)).toEqual(['Eerste;', '[+Tweede;+]', 'Derde;']);
    expect(itemChanges(state)).toEqual([null, 'insert:Auteur', null]);
    expect(getTrackedChanges(state.doc)).toEqual([
      expect.objectContaining({ id: 'c1', item: 'insert', inserted: 'Tweede;' }),
    ]);
  });

  it('in a session, rejecting keeps the item (empty) for a colleague typing in it', () => {
    const rejected = decide(withNewItem(), rejectChange('c1'));
    expect(render(rejected.doc)).toEqual(['Eerste;', '', 'Derde;']);
    expect(itemChanges(rejected)).toEqual([null, null, null]);
  });

  it('accepting keeps the item as a plain one; rejecting removes it with its text', () => {
    const accepted = decide(withNewItem(), acceptChange('c1'));
    expect(render(accepted.doc)).toEqual(['Eerste;', 'Tweede;', 'Derde;']);
    expect(itemChanges(accepted)).toEqual([null, null, null]);
    const rejected = decide(withNewItem(), rejectChange('c1', { removeEmptied: true }));
    expect(render(rejected.doc)).toEqual(['Eerste;', 'Derde;']);
    expect(getTrackedChanges(rejected.doc)).toEqual([]);
  });

  it('takes back an own new, empty item with Backspace', () => {
    const ctx = contextFor(AUTEUR);
    const initial = start(['Eerste;', 'Derde;']);
    let state = select(initial, at(initial, 'Eerste;'));
    state = suggest(state, ctx, (tr) => tr.split(tr.selection.head));
    expect(itemChanges(state)).toEqual([null, 'insert:Auteur', null]);
    const head = state.selection.head;
    state = suggest(state, ctx, (tr) => tr.delete(head - 2, head));
    expect(render(state.doc)).toEqual(['Eerste;', 'Derde;']);
    expect(itemChanges(state)).toEqual([null, null]);
  });

  it('proposes deleting whole items selected across, shown on the items', () => {
    let state = start(['Eerste;', 'Tweede;', 'Derde;']);
    const from = at(state, 'Tweede;', true) - 1;
    const to = at(state, 'Derde;', true) - 1;
    state = suggest(state, contextFor(BEWERKER), (tr) => tr.delete(from, to));
    expect(render(state.doc)).toEqual(['Eerste;', '[-Tweede;-]', 'Derde;']);
    expect(itemChanges(state)).toEqual([null, 'delete:Bewerker', null]);
    const accepted = decide(
      state,
      acceptChanges(() => true, { removeEmptied: true }),
    );
    expect(render(accepted.doc)).toEqual(['Eerste;', 'Derde;']);
    expect(getItemLabels(accepted.doc.child(2).child(0))).toEqual(['1.', '2.']);
    const rejected = decide(
      state,
      rejectChanges(() => true),
    );
    expect(render(rejected.doc)).toEqual(['Eerste;', 'Tweede;', 'Derde;']);
    expect(itemChanges(rejected)).toEqual([null, null, null]);
  });
});

describe('proposals on whole blocks', () => {
  const decide = (state: EditorState, command: ReturnType<typeof acceptChange>) => {
    let next = state;
    command(state, (tr) => (next = state.apply(tr)));
    return next;
  };
  /** Runs a command in suggestion mode, as the editor does with every transaction. */
  const suggestCommand = (state: EditorState, ctx: SuggestionContext, command: Command) => {
    let next = state;
    command(state, (tr) => {
      const proposal = suggestTransaction(state, tr, ctx);
      if (proposal) next = state.apply(proposal);
    });
    return next;
  };
  const blockTexts = (doc: Node) => {
    const texts: string[][] = [];
    doc.child(2).forEach((block) => {
      const items: string[] = [];
      block.forEach((item) => items.push(item.textContent));
      texts.push(items);
    });
    return texts;
  };
  const secondBlockPos = (doc: Node) =>
    doc.child(0).nodeSize + doc.child(1).nodeSize + 1 + doc.child(2).child(0).nodeSize;

  function twoBlocks(): EditorState {
    const state = EditorState.create({
      doc: buildDoc({ recitals: [['Een;'], ['Twee;', 'Drie;']], operatives: [['Dat.']] }),
    });
    return select(state, at(state, 'Een;'));
  }

  it('proposes an added block on its item and on the block, and rejecting removes it', () => {
    const ctx = contextFor(AUTEUR);
    let state = suggestCommand(twoBlocks(), ctx, addBlock('recital'));
    state = suggest(state, ctx, (tr) => tr.insertText('Nieuw;'));
    expect(blockTexts(state.doc)).toEqual([['Een;'], ['Nieuw;'], ['Twee;', 'Drie;']]);
    expect(getBlockChange(state.doc.child(2).child(1))).toMatchObject({ type: 'insert', id: 'c1' });
    expect(getTrackedChanges(state.doc)).toEqual([
      expect.objectContaining({ id: 'c1', item: 'insert', block: 'insert', inserted: 'Nieuw;' }),
    ]);
    const rejected = decide(state, rejectChange('c1', { removeEmptied: true }));
    expect(blockTexts(rejected.doc)).toEqual([['Een;'], ['Twee;', 'Drie;']]);
    const accepted = decide(state, acceptChange('c1', { removeEmptied: true }));
    expect(blockTexts(accepted.doc)).toEqual([['Een;'], ['Nieuw;'], ['Twee;', 'Drie;']]);
    expect(getBlockChange(accepted.doc.child(2).child(1))).toBeNull();
  });

  it('passes the structure guard, as the command itself would', () => {
    const guarded = EditorState.create({
      doc: twoBlocks().doc,
      plugins: [structureGuardPlugin(() => false)],
    });
    const state = suggestCommand(select(guarded, 3), contextFor(AUTEUR), addBlock('recital'));
    expect(state.doc.child(2).childCount).toBe(3);
    const removed = suggestCommand(
      state,
      contextFor(BEWERKER),
      removeBlock(secondBlockPos(state.doc)),
    );
    expect(getBlockChange(removed.doc.child(2).child(1))).toMatchObject({ type: 'delete' });
    const accepted = decide(
      removed,
      acceptChanges(() => true, { removeEmptied: true }),
    );
    // The new block (at the end, the cursor being outside the blocks) stays, proposed.
    expect(blockTexts(accepted.doc)).toEqual([['Een;'], ['']]);
  });

  it('takes back an own added block for real when the user removes it', () => {
    const ctx = contextFor(AUTEUR);
    let state = suggestCommand(twoBlocks(), ctx, addBlock('recital'));
    state = suggest(state, ctx, (tr) => tr.insertText('Nieuw;'));
    state = suggestCommand(state, ctx, removeBlock(secondBlockPos(state.doc)));
    expect(blockTexts(state.doc)).toEqual([['Een;'], ['Twee;', 'Drie;']]);
    expect(getTrackedChanges(state.doc)).toEqual([]);
  });

  it('proposes removing a block on all its items; accepting removes the block itself', () => {
    const state = twoBlocks();
    const proposed = suggestCommand(
      state,
      contextFor(BEWERKER),
      removeBlock(secondBlockPos(state.doc)),
    );
    expect(blockTexts(proposed.doc)).toEqual([['Een;'], ['Twee;', 'Drie;']]);
    expect(getBlockChange(proposed.doc.child(2).child(1))).toMatchObject({ type: 'delete' });
    expect(getTrackedChanges(proposed.doc)).toEqual([
      expect.objectContaining({ block: 'delete', deleted: 'Twee;Drie;' }),
    ]);
    const accepted = decide(
      proposed,
      acceptChanges(() => true, { removeEmptied: true }),
    );
    expect(blockTexts(accepted.doc)).toEqual([['Een;']]);
    accepted.doc.check();
    // In a session the emptied items stay, for a colleague who may be typing in them.
    const inSession = decide(
      proposed,
      acceptChanges(() => true),
    );
    expect(blockTexts(inSession.doc)).toEqual([['Een;'], ['', '']]);
    const rejected = decide(
      proposed,
      rejectChanges(() => true, { removeEmptied: true }),
    );
    expect(blockTexts(rejected.doc)).toEqual([['Een;'], ['Twee;', 'Drie;']]);
    expect(getTrackedChanges(rejected.doc)).toEqual([]);
  });

  it('keeps a block in which a colleague added an item to one proposed for removal', () => {
    const state = twoBlocks();
    let proposed = suggestCommand(
      state,
      contextFor(BEWERKER),
      removeBlock(secondBlockPos(state.doc)),
    );
    proposed = select(proposed, at(proposed, 'Drie;'));
    proposed = suggestCommand(proposed, contextFor(AUTEUR), splitItem);
    proposed = suggest(proposed, contextFor(AUTEUR), (tr) => tr.insertText('Vier;'));
    expect(describeChanges(proposed.doc.child(2).child(1))).toEqual([
      'delete:Bewerker',
      'delete:Bewerker',
      'insert:Auteur',
    ]);
    expect(getBlockChange(proposed.doc.child(2).child(1))).toBeNull();
    const accepted = decide(
      proposed,
      acceptChanges((change) => change.name === 'Bewerker', { removeEmptied: true }),
    );
    expect(blockTexts(accepted.doc)).toEqual([['Een;'], ['Vier;']]);
  });

  it('never removes the last operative block; its items go', () => {
    let state = EditorState.create({
      doc: buildDoc({ recitals: [['Een;']], operatives: [['Dat.', 'En.']] }),
    });
    const from = at(state, 'Dat.', true);
    state = suggest(state, contextFor(BEWERKER), (tr) => tr.delete(from - 1, at(state, 'En.') + 1));
    const accepted = decide(
      state,
      acceptChanges(() => true, { removeEmptied: true }),
    );
    expect(accepted.doc.child(3).childCount).toBe(1);
    expect(accepted.doc.child(3).child(0).childCount).toBe(0);
    accepted.doc.check();
  });

  it('removes a proposed Toelichting list when rejected, leaving no empty bullets', () => {
    const ctx = contextFor(AUTEUR);
    let state = EditorState.create({
      doc: buildDoc({ recitals: [['Een;']], operatives: [['Dat.']], explanation: ['Alinea.'] }),
    });
    state = select(state, at(state, 'Alinea.'));
    state = suggest(state, ctx, (tr) => tr.split(tr.selection.head));
    state = suggestCommand(state, ctx, wrapInBulletList);
    state = suggest(state, ctx, (tr) => tr.insertText('Punt een'));
    const explanation = (doc: Node) => doc.child(4).toJSON() as unknown;
    expect(getAcceptedTexts(state.doc)).toEqual(['Alinea.', 'Punt een']);
    const rejected = decide(
      state,
      rejectChanges(() => true, { removeEmptied: true }),
    );
    expect(explanation(rejected.doc)).toEqual(explanation(buildDoc({ explanation: ['Alinea.'] })));
  });
});

/** The Toelichting's text blocks, in order. */
function getAcceptedTexts(doc: Node): string[] {
  const texts: string[] = [];
  doc.child(4).descendants((node) => {
    if (node.isTextblock) texts.push(node.textContent);
    return !node.isTextblock;
  });
  return texts;
}
