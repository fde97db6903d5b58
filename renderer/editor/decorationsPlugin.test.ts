import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import { Transform } from 'prosemirror-transform';
import type { Node } from 'prosemirror-model';
import { buildDoc, findText, itemStart } from '../../shared/editor/testing/buildDoc.ts';
import { decorationsKey, decorationsPlugin, onlyMovesDecorations } from './decorationsPlugin.ts';
import type { Transaction } from 'prosemirror-state';

const AUTEUR = { id: 'Auteur-1', name: 'Auteur', colour: '#b3261e', time: 1_000 };
const BEWERKER = { id: 'Bewerker-1', name: 'Bewerker', colour: '#1b6e3a', time: 2_000 };

/** The classes and attributes the plugin puts on `doc`, with the text they cover. */
function decorate(doc: Node): { text: string; attrs: Record<string, string> }[] {
  const state = EditorState.create({ doc, plugins: [decorationsPlugin()] });
  return decorationsKey
    .getState(state)!
    .find()
    .map((decoration) => ({
      text: doc.textBetween(decoration.from, decoration.to),
      attrs: (decoration as unknown as { type: { attrs: Record<string, string> } }).type.attrs,
    }));
}

describe('decorationsPlugin', () => {
  it("marks a deletion spread over a colleague's proposal as not applying there", () => {
    let doc = buildDoc({ recitals: [['De hoge kosten stijgen;']] });
    const { deletion, insertion } = doc.type.schema.marks;
    const from = findText(doc, 'hoge', true);
    // Bewerker deleted "hoge kosten" as plain text; "hoge " is Auteur's, typed inside meanwhile.
    doc = new Transform(doc)
      .addMark(from, findText(doc, 'kosten'), deletion!.create({ ...BEWERKER, covers: null }))
      .addMark(from, from + 'hoge '.length, insertion!.create(AUTEUR)).doc;
    const stray = decorate(doc).filter((d) => d.attrs.class === 'change-stray-deletion');
    expect(stray.map((d) => d.text)).toEqual(['hoge ']);
  });

  it('leaves a deletion made on a proposal as it is', () => {
    let doc = buildDoc({ recitals: [['De hoge kosten stijgen;']] });
    const { deletion, insertion } = doc.type.schema.marks;
    const from = findText(doc, 'hoge', true);
    const to = from + 'hoge '.length;
    doc = new Transform(doc)
      .addMark(from, to, insertion!.create(AUTEUR))
      .addMark(from, to, deletion!.create({ ...BEWERKER, covers: AUTEUR.id })).doc;
    expect(decorate(doc).filter((d) => d.attrs.class === 'change-stray-deletion')).toEqual([]);
  });

  it('marks the heading of a block all of whose items are proposed', () => {
    let doc = buildDoc({ recitals: [['Een;'], ['Twee;', 'Drie;']] });
    const change = { type: 'delete', ...BEWERKER };
    const transform = new Transform(doc);
    doc
      .child(2)
      .child(1)
      .forEach((_item, offset) => {
        const pos = doc.child(0).nodeSize + doc.child(1).nodeSize + 1;
        transform.setNodeAttribute(
          pos + doc.child(2).child(0).nodeSize + 1 + offset,
          'change',
          change,
        );
      });
    doc = transform.doc;
    const blocks = decorate(doc).filter((d) => d.attrs['data-change-type'] !== undefined);
    // Only the block: its items show their proposal through their own attribute.
    expect(blocks).toEqual([
      {
        text: 'Twee;Drie;',
        attrs: { 'data-change-type': 'delete', style: '--change-colour: #1b6e3a' },
      },
    ]);
  });

  describe('while typing', () => {
    /** Every decoration of `state` as plain data: place, attributes and spec. */
    function describeSet(state: EditorState): string[] {
      return decorationsKey
        .getState(state)!
        .find()
        .map((d) => {
          const { attrs } = (d as unknown as { type: { attrs?: Record<string, string> } }).type;
          const spec = Object.entries(d.spec as Record<string, unknown>).filter(
            ([, value]) => typeof value !== 'function',
          );
          return JSON.stringify([d.from, d.to, attrs ?? null, spec]);
        })
        .sort();
    }

    /** Applies `tr` and checks the plugin's decorations against a fresh build. */
    function applyAndCompare(state: EditorState, tr: Transaction): EditorState {
      const next = state.apply(tr);
      const fresh = EditorState.create({ doc: next.doc, plugins: [decorationsPlugin()] });
      expect(describeSet(next)).toEqual(describeSet(fresh));
      return next;
    }

    const doc = buildDoc({
      recitals: [['De kosten stijgen;', ''], ['Gelet op de wet;']],
      operatives: [['Spreekt uit;']],
      explanation: ['Een toelichting.'],
    });
    const start = () => EditorState.create({ doc, plugins: [decorationsPlugin()] });

    it('maps the decorations when typing and deleting text in a filled item', () => {
      let state = start();
      const at = findText(doc, 'kosten');
      let tr = state.tr.insertText(' en lasten', at);
      expect(onlyMovesDecorations(tr)).toBe(true);
      state = applyAndCompare(state, tr);
      tr = state.tr.delete(at, at + 3);
      expect(onlyMovesDecorations(tr)).toBe(true);
      state = applyAndCompare(state, tr);
      // Typed as a proposal, in suggestion mode: an insertion mark is still plain text here.
      const insertion = doc.type.schema.marks.insertion!.create(AUTEUR);
      tr = state.tr.insert(at, doc.type.schema.text('zeer ', [insertion]));
      expect(onlyMovesDecorations(tr)).toBe(true);
      state = applyAndCompare(state, tr);
      tr = state.tr.insertText('Nog ', findText(state.doc, 'Een toelichting', true));
      expect(onlyMovesDecorations(tr)).toBe(true);
      applyAndCompare(state, tr);
    });

    it('rebuilds when typing fills an empty item or empties one', () => {
      let state = start();
      const empty = itemStart(doc, 1);
      let tr = state.tr.insertText('x', empty);
      expect(onlyMovesDecorations(tr)).toBe(false);
      state = applyAndCompare(state, tr);
      tr = state.tr.delete(empty, empty + 1);
      expect(onlyMovesDecorations(tr)).toBe(false);
      applyAndCompare(state, tr);
    });

    it('rebuilds for footnotes, line breaks and deletion marks', () => {
      const state = start();
      const at = findText(doc, 'kosten');
      const { nodes, marks } = doc.type.schema;
      const footnote = state.tr.insert(at, nodes.footnote!.create({ text: 'Bron.' }));
      expect(onlyMovesDecorations(footnote)).toBe(false);
      applyAndCompare(state, footnote);
      expect(onlyMovesDecorations(state.tr.insert(at, nodes.hard_break!.create()))).toBe(false);
      const deleted = state.tr.addMark(
        at - 6,
        at,
        marks.deletion!.create({ ...BEWERKER, covers: null }),
      );
      expect(onlyMovesDecorations(deleted)).toBe(false);
      const withDeletion = state.apply(deleted);
      const from = findText(withDeletion.doc, 'kosten', true);
      expect(onlyMovesDecorations(withDeletion.tr.delete(from + 1, from + 2))).toBe(false);
    });
  });
});
