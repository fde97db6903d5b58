import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import { Transform } from 'prosemirror-transform';
import type { Node } from 'prosemirror-model';
import { buildDoc, findText } from '../../shared/editor/testing/buildDoc.ts';
import { decorationsKey, decorationsPlugin } from './decorationsPlugin.ts';

const ANNEKE = { id: 'Anneke-1', name: 'Anneke', colour: '#b3261e', time: 1_000 };
const BRAM = { id: 'Bram-1', name: 'Bram', colour: '#1b6e3a', time: 2_000 };

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
    // Bram deleted "hoge kosten" as plain text; "hoge " is Anneke's, typed inside meanwhile.
    doc = new Transform(doc)
      .addMark(from, findText(doc, 'kosten'), deletion!.create({ ...BRAM, covers: null }))
      .addMark(from, from + 'hoge '.length, insertion!.create(ANNEKE)).doc;
    const stray = decorate(doc).filter((d) => d.attrs.class === 'change-stray');
    expect(stray.map((d) => d.text)).toEqual(['hoge ']);
  });

  it('leaves a deletion made on a proposal as it is', () => {
    let doc = buildDoc({ recitals: [['De hoge kosten stijgen;']] });
    const { deletion, insertion } = doc.type.schema.marks;
    const from = findText(doc, 'hoge', true);
    const to = from + 'hoge '.length;
    doc = new Transform(doc)
      .addMark(from, to, insertion!.create(ANNEKE))
      .addMark(from, to, deletion!.create({ ...BRAM, covers: ANNEKE.id })).doc;
    expect(decorate(doc).filter((d) => d.attrs.class === 'change-stray')).toEqual([]);
  });

  it('marks the heading of a block all of whose items are proposed', () => {
    let doc = buildDoc({ recitals: [['Een;'], ['Twee;', 'Drie;']] });
    const change = { type: 'delete', ...BRAM };
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
});
