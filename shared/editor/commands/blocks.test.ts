import { describe, expect, it } from 'vitest';
import type { EditorState } from 'prosemirror-state';
import { buildDoc, describeItems, findText, run, stateAt } from '../testing/buildDoc.ts';
import { structureGuardPlugin } from '../plugins/structureGuard.ts';
import {
  addBlock,
  canRemoveBlock,
  findContainer,
  moveBlock,
  removeBlock,
  setBlockHeading,
  setDocumentKind,
  setPreamble,
} from './blocks.ts';

const headings = (state: EditorState, kind: 'recital' | 'operative') => {
  const out: string[] = [];
  findContainer(state.doc, kind).node.forEach((b) => out.push(b.attrs.heading as string));
  return out;
};
const blockPos = (state: EditorState, kind: 'recital' | 'operative', index: number) => {
  const container = findContainer(state.doc, kind);
  let pos = container.pos + 1;
  for (let i = 0; i < index; i++) pos += container.node.child(i).nodeSize;
  return pos;
};
// Every command here runs with the structure guard on, as in the editor: it must say it is
// a deliberate structural change, or the guard would refuse it.
const guarded = (doc: ReturnType<typeof buildDoc>, pos: number) =>
  stateAt(doc, pos, pos, [structureGuardPlugin(() => false)]);

describe('block commands', () => {
  it('adds a recital block after the current one, with an empty item and the cursor in it', () => {
    const doc = buildDoc({ recitals: [['een'], ['twee']], operatives: [['x']] });
    const next = run(guarded(doc, findText(doc, 'een')), addBlock('recital', 'constaterende'))!;
    expect(headings(next, 'recital')).toEqual(['overwegende', 'constaterende', 'overwegende']);
    expect(describeItems(next.doc)).toEqual([['een'], [''], ['twee'], ['x']]);
    expect(next.selection.$from.node(next.selection.$from.depth - 1).attrs.heading).toBe(
      'constaterende',
    );
  });

  it('adds an operative block at the end of the operatives when the cursor is elsewhere', () => {
    const doc = buildDoc({ recitals: [['een']], operatives: [['x'], ['y']] });
    const next = run(guarded(doc, findText(doc, 'een')), addBlock('operative', 'besluit'))!;
    expect(headings(next, 'operative')).toEqual(['spreekt_uit', 'spreekt_uit', 'besluit']);
    expect(headings(next, 'recital')).toEqual(['overwegende']);
  });

  it('removes a block, but never the last operative block', () => {
    const doc = buildDoc({ recitals: [['een']], operatives: [['x']] });
    const state = guarded(doc, findText(doc, 'een'));
    expect(canRemoveBlock(doc, blockPos(state, 'operative', 0))).toBe(false);
    expect(run(state, removeBlock(blockPos(state, 'operative', 0)))).toBeNull();
    const next = run(state, removeBlock(blockPos(state, 'recital', 0)))!;
    expect(describeItems(next.doc)).toEqual([['x']]);
    next.doc.check();
  });

  it('moves blocks within their container only', () => {
    const doc = buildDoc({ recitals: [['a'], ['b'], ['c']], operatives: [['x']] });
    const state = guarded(doc, findText(doc, 'a'));
    const down = run(state, moveBlock(blockPos(state, 'recital', 0), 1))!;
    expect(describeItems(down.doc)).toEqual([['b'], ['a'], ['c'], ['x']]);
    const up = run(down, moveBlock(blockPos(down, 'recital', 2), -1))!;
    expect(describeItems(up.doc)).toEqual([['b'], ['c'], ['a'], ['x']]);
    expect(run(up, moveBlock(blockPos(up, 'recital', 0), -1))).toBeNull();
    expect(run(up, moveBlock(blockPos(up, 'recital', 2), 1))).toBeNull();
    expect(run(up, moveBlock(blockPos(up, 'operative', 0), -1))).toBeNull();
  });

  it('changes a heading only to one of its own kind', () => {
    const doc = buildDoc({});
    const state = guarded(doc, 1);
    const next = run(state, setBlockHeading(blockPos(state, 'recital', 0), 'gelet_op'))!;
    expect(headings(next, 'recital')).toEqual(['gelet_op']);
    expect(run(state, setBlockHeading(blockPos(state, 'recital', 0), 'besluit'))).toBeNull();
    const op = run(state, setBlockHeading(blockPos(state, 'operative', 0), 'verzoekt_bestuur'))!;
    expect(headings(op, 'operative')).toEqual(['verzoekt_bestuur']);
  });

  it('sets the kind and the preamble', () => {
    const doc = buildDoc({});
    const state = guarded(doc, 1);
    const motie = run(state, setDocumentKind('motie'))!;
    expect(motie.doc.firstChild!.attrs.kind).toBe('motie');
    const pre = run(motie, setPreamble('Najaars ALV', '2024-11-29'))!;
    expect(pre.doc.child(1).attrs).toEqual({
      assembly: 'Najaars ALV',
      date: '2024-11-29',
      ignoredChecks: '',
    });
    expect(run(pre, setPreamble('Najaars ALV', '2024-11-29'))).toBeNull();
  });
});
