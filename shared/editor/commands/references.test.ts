import { describe, expect, it } from 'vitest';
import type { Slice } from 'prosemirror-model';
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import type { Transaction } from 'prosemirror-state';
import { buildDoc, findText, itemStart, run, stateAt } from '../testing/buildDoc.ts';
import { insertReference, newElementId, withFreshIds } from './references.ts';
import { insertItemAfter, joinItemBackward, splitItem } from './itemKeys.ts';
import { indentItem } from './indentItems.ts';
import { deleteSelectionKeepingStructure } from './deleteKeepingStructure.ts';
import {
  BROKEN_REFERENCE_TEXT,
  getElementIdCounts,
  getReferenceTargets,
  getReferences,
} from '../queries/getReferences.ts';
import { suggestTransaction } from '../suggestions/suggestChanges.ts';
import type { SuggestionContext } from '../suggestions/suggestChanges.ts';
import { rejectChanges } from '../suggestions/trackedChanges.ts';
import { schema } from '../schema.ts';

function sample(): Node {
  return buildDoc({
    recitals: [['de woningnood groot is;', 'gemeenten bouwen;']],
    operatives: [
      [
        'het bestuur roept op tot actie;',
        'middelen:',
        { text: 'voor bouw;', indent: 1 },
        { text: 'voor grond;', indent: 1 },
        { text: 'met steun;', indent: 1, marker: 'bullet' },
        'de ALV te informeren.',
      ],
    ],
  });
}

/** The position before the target whose label is `label`. */
function targetPos(doc: Node, label: string): number {
  const target = getReferenceTargets(doc).find((t) => t.label === label);
  if (!target)
    throw new Error(
      `no target ${label}: ${getReferenceTargets(doc)
        .map((t) => t.label)
        .join(', ')}`,
    );
  return target.pos;
}

/** The labels the references of `doc` read, in order. */
function readings(doc: Node): string[] {
  return getReferences(doc).map((r) => r.label ?? BROKEN_REFERENCE_TEXT);
}

/** Inserts at the end of the text `at` a reference to the target labelled `label`. */
function refer(state: EditorState, at: string, label: string): EditorState {
  const cursor = findText(state.doc, at);
  const next = run(stateAt(state.doc, cursor), insertReference(targetPos(state.doc, label)));
  if (!next) throw new Error('reference not inserted');
  return next;
}

describe('labels of reference targets', () => {
  it('names items, sub-items, bullets, blocks and Toelichting headings as a reader does', () => {
    const doc = sample();
    expect(getReferenceTargets(doc).map((t) => t.label)).toEqual([
      "de passage 'Overwegende dat'",
      'overweging 1',
      'overweging 2',
      "de passage 'Spreekt uit'",
      'punt 1',
      'punt 2',
      'onderdeel a van punt 2',
      'onderdeel b van punt 2',
      'het eerste opsommingsteken van punt 2',
      'punt 3',
    ]);
  });

  it('says which block when numbers restart in more than one block', () => {
    const doc = buildDoc({ operatives: [['eerste;'], ['tweede.']] });
    const labels = getReferenceTargets(doc).map((t) => t.label);
    expect(labels).toEqual([
      "de passage 'Overwegende dat'",
      'overweging 1',
      "de passage 'Spreekt uit' (eerste)",
      "punt 1 onder 'Spreekt uit' (eerste)",
      "de passage 'Spreekt uit' (tweede)",
      "punt 1 onder 'Spreekt uit' (tweede)",
    ]);
  });
});

describe('a reference to a Toelichting heading', () => {
  it('reads the heading as it is now', () => {
    const doc = buildDoc({ operatives: [['punt;']], explanation: ['Tekst.'] });
    const explanationEnd = doc.content.size - 1;
    const heading = schema.nodes.heading.create({ level: 1 }, schema.text('Woningbouw in cijfers'));
    let state = stateAt(doc, 1);
    state = state.apply(state.tr.insert(explanationEnd, heading));
    state = refer(state, 'punt;', "de Toelichting, 'Woningbouw in cijfers'");
    const at = findText(state.doc, 'Woningbouw');
    state = state.apply(state.tr.insertText(' en wonen', at + ' in cijfers'.length));
    expect(readings(state.doc)).toEqual(["de Toelichting, 'Woningbouw in cijfers en wonen'"]);
  });
});

describe('a reference follows its target', () => {
  it('gives the target an id once and reads its current label', () => {
    let state = stateAt(sample(), 1);
    state = refer(state, 'de ALV te informeren', 'punt 2');
    state = refer(state, 'gemeenten bouwen', 'punt 2');
    expect(readings(state.doc)).toEqual(['punt 2', 'punt 2']);
    // One id, shared by both references.
    expect([...getElementIdCounts(state.doc).values()]).toEqual([1]);
    const targets = new Set(getReferences(state.doc).map((r) => r.target));
    expect(targets.size).toBe(1);
  });

  it('reads the new number when an item is inserted before its target, and the old after undoing it', () => {
    let state = refer(stateAt(sample(), 1), 'de ALV te informeren', 'punt 2');
    const before = state;
    state = run(stateAt(state.doc, findText(state.doc, 'roept op tot actie;')), insertItemAfter)!;
    expect(readings(state.doc)).toEqual(['punt 3']);
    expect(readings(before.doc)).toEqual(['punt 2']);
  });

  it('follows splitting, indenting and joining around it; the split-off part gets no id', () => {
    let state = refer(stateAt(sample(), 1), 'de ALV te informeren', 'punt 3');
    // Enter in the middle of item 1: the new item (after the cursor) is item 2; the target is now 4.
    state = run(stateAt(state.doc, findText(state.doc, 'het bestuur')), splitItem)!;
    expect(readings(state.doc)).toEqual(['punt 4']);
    expect([...getElementIdCounts(state.doc).values()]).toEqual([1]);
    // Indenting item 2 makes it a sub-item of 1: the target is punt 3 again.
    state = run(stateAt(state.doc, itemStart(state.doc, 3)), indentItem)!;
    expect(readings(state.doc)).toEqual(['punt 3']);
  });

  it('points at a sub-item as "onderdeel b van punt 2", and follows when its letter changes', () => {
    let state = refer(stateAt(sample(), 1), 'het bestuur roept op', 'onderdeel b van punt 2');
    expect(readings(state.doc)).toEqual(['onderdeel b van punt 2']);
    // Backspace at the start of sub-item a joins it into "middelen:": the target becomes a.
    state = run(stateAt(state.doc, findText(state.doc, 'voor bouw;', true)), joinItemBackward)!;
    expect(readings(state.doc)).toEqual(['onderdeel a van punt 2']);
  });

  it('is broken once its target is deleted, and whole again when the deletion is undone', () => {
    const state = refer(stateAt(sample(), 1), 'het bestuur roept op', 'punt 3');
    const target = targetPos(state.doc, 'punt 3');
    const item = state.doc.nodeAt(target)!;
    const deleted = state.apply(state.tr.delete(target, target + item.nodeSize));
    expect(getReferences(deleted.doc).map((r) => r.state)).toEqual(['missing']);
    expect(readings(deleted.doc)).toEqual([BROKEN_REFERENCE_TEXT]);
    // Undo (Yjs or ProseMirror) puts the item back with its attributes, id included.
    expect(getReferences(state.doc).map((r) => r.state)).toEqual(['ok']);
  });

  it('is broken when a selection across items deletes its target', () => {
    const state = refer(stateAt(sample(), 1), 'de woningnood', 'punt 1');
    const from = findText(state.doc, 'gemeenten bouwen;');
    const to = findText(state.doc, 'middelen:', true);
    const next = run(stateAt(state.doc, from, to), deleteSelectionKeepingStructure);
    expect(next).not.toBeNull();
    expect(getReferences(next!.doc).map((r) => r.state)).toEqual(['missing']);
  });

  it('is marked when its target is proposed for deletion, and whole when the proposal is rejected', () => {
    const state = refer(stateAt(sample(), 1), 'het bestuur roept op', 'punt 3');
    const context: SuggestionContext = {
      author: { name: 'Auteur', colour: '#b3261e' },
      now: 1_000,
      newId: () => 'c1',
    };
    const target = targetPos(state.doc, 'punt 3');
    const item = state.doc.nodeAt(target)!;
    const proposal = suggestTransaction(
      state,
      state.tr.delete(target + 1, target + 1 + item.content.size),
      context,
    ) as Transaction;
    const proposed = state.apply(proposal);
    expect(getReferences(proposed.doc).map((r) => r.state)).toEqual(['proposed-deletion']);
    const rejected = run(
      proposed,
      rejectChanges(() => true),
    );
    expect(getReferences(rejected!.doc).map((r) => r.state)).toEqual(['ok']);
  });

  it('cannot be put in the title, nor point at something that is no target', () => {
    const doc = sample();
    expect(insertReference(targetPos(doc, 'punt 1'))(stateAt(doc, 1))).toBe(false);
    const inItem = stateAt(doc, findText(doc, 'gemeenten'));
    expect(insertReference(0)(inItem)).toBe(false);
  });
});

describe('paste keeps ids unique', () => {
  /** The slice of `doc` from the start of the item holding `first` to the end of `last`'s. */
  function copyItems(doc: Node, first: string, last: string): Slice {
    return doc.slice(findText(doc, first, true) - 1, findText(doc, last) + 1);
  }

  it('gives a pasted copy of a target a new id; references keep pointing to the original', () => {
    const state = refer(stateAt(sample(), 1), 'de woningnood groot is;', 'punt 3');
    const copied = copyItems(state.doc, 'de ALV te informeren.', 'de ALV te informeren.');
    const pasted = withFreshIds(copied, state.doc);
    const at = findText(state.doc, 'het bestuur roept op tot actie;') + 1;
    const next = state.apply(state.tr.replace(at, at, pasted));
    expect([...getElementIdCounts(next.doc).values()]).toEqual([1, 1]);
    // The original is punt 4 now (the copy went in before it as punt 2).
    expect(readings(next.doc)).toEqual(['punt 4']);
  });

  it('remaps references inside pasted content to the copies pasted with them', () => {
    let state = refer(stateAt(sample(), 1), 'de ALV te informeren.', 'punt 1');
    state = refer(state, 'gemeenten bouwen;', 'punt 3');
    const copied = copyItems(state.doc, 'het bestuur roept op', 'de ALV te informeren.');
    const pasted = withFreshIds(copied, state.doc);
    const end = findText(state.doc, 'de ALV te informeren.') + 1;
    const next = state.apply(state.tr.replace(end, end, pasted));
    const refs = getReferences(next.doc);
    // Overweging 2 points to the original punt 3; the copied punt 3 points to the copied punt 1.
    expect(refs.map((r) => r.label)).toEqual(['punt 3', 'punt 1', 'punt 4']);
    expect(refs[1]!.target).not.toBe(refs[2]!.target);
    expect(new Set(getElementIdCounts(next.doc).values())).toEqual(new Set([1]));
  });

  it('keeps the id of a target that was cut before it is pasted (a move)', () => {
    const state = refer(stateAt(sample(), 1), 'de woningnood', 'punt 1');
    const from = findText(state.doc, 'het bestuur roept op', true) - 1;
    const item = state.doc.nodeAt(from)!;
    const cut = state.doc.slice(from, from + item.nodeSize);
    const afterCut = state.apply(state.tr.delete(from, from + item.nodeSize));
    expect(getReferences(afterCut.doc).map((r) => r.state)).toEqual(['missing']);
    const pasted = withFreshIds(cut, afterCut.doc);
    const end = findText(afterCut.doc, 'de ALV te informeren.') + 1;
    const moved = afterCut.apply(afterCut.tr.replace(end, end, pasted));
    expect(readings(moved.doc)).toEqual(['punt 3']);
  });

  it('makes random ids of the documented shape', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newElementId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9-]{0,39}$/);
    expect(() => schema.nodes.reference.create({ target: 'Niet Goed' })).toThrow();
    expect(() => schema.nodes.item.create({ id: '<script>' })).toThrow();
    expect(() => schema.nodes.item.create({ ignoredChecks: 'a b Ongeldig' })).toThrow();
    expect(EditorState.create({ doc: sample() }).doc.check()).toBeUndefined();
  });
});

describe('the text of a target that holds a reference', () => {
  it('reads the reference as its label, for the picker and the checks', () => {
    const state = refer(stateAt(sample(), 1), 'de ALV te informeren', 'punt 1');
    const target = getReferenceTargets(state.doc).find((t) => t.label === 'punt 3')!;
    // Inserted right after "informeren", before the full stop.
    expect(target.text).toBe('de ALV te informerenpunt 1.');
  });
});
