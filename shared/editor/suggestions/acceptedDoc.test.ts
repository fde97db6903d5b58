import { describe, expect, it } from 'vitest';
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { buildDoc, findText } from '../testing/buildDoc.ts';
import { getItemLabels } from '../queries/getItemLabels.ts';
import { getAcceptedDoc, hasTrackedChanges } from './acceptedDoc.ts';

const AUTEUR = { name: 'Auteur', colour: '#b3261e', time: 1_000 };
const BEWERKER = { name: 'Bewerker', colour: '#1b6e3a', time: 2_000 };

/** `doc` with the first `text` marked as inserted or deleted, as change `id` of `author`. */
function mark(
  doc: Node,
  text: string,
  kind: 'insertion' | 'deletion',
  id: string,
  author = AUTEUR,
  covers: string | null = null,
): Node {
  const from = findText(doc, text, true);
  const type = doc.type.schema.marks[kind]!;
  const attrs = kind === 'deletion' ? { ...author, id, covers } : { ...author, id };
  return new Transform(doc).addMark(from, from + text.length, type.create(attrs)).doc;
}

/** The first recital block's items as text. */
function items(doc: Node): string[] {
  const out: string[] = [];
  doc
    .child(2)
    .child(0)
    .forEach((item) => out.push(item.textContent));
  return out;
}

describe('getAcceptedDoc', () => {
  it('keeps inserted text as plain text and drops deleted text', () => {
    let doc = buildDoc({ recitals: [['De kosten uitgaven stijgen;']] });
    doc = mark(doc, 'kosten ', 'deletion', 'c1');
    doc = mark(doc, 'uitgaven', 'insertion', 'c1');
    expect(hasTrackedChanges(doc)).toBe(true);
    const accepted = getAcceptedDoc(doc);
    expect(items(accepted)).toEqual(['De uitgaven stijgen;']);
    expect(hasTrackedChanges(accepted)).toBe(false);
    // The document passed in is left as it was.
    expect(items(doc)).toEqual(['De kosten uitgaven stijgen;']);
  });

  it('drops a colleague’s proposed insertion that another proposes to delete', () => {
    let doc = buildDoc({ recitals: [['De hoge kosten;']] });
    doc = mark(doc, 'hoge ', 'insertion', 'c1');
    doc = mark(doc, 'hoge ', 'deletion', 'c2', BEWERKER, 'c1');
    expect(items(getAcceptedDoc(doc))).toEqual(['De kosten;']);
  });

  it('keeps a proposal that a deletion made on other text was spread over by a merge', () => {
    let doc = buildDoc({ recitals: [['De hoge kosten;']] });
    doc = mark(doc, 'hoge kosten', 'deletion', 'c2', BEWERKER, null);
    doc = mark(doc, 'hoge ', 'insertion', 'c1');
    expect(items(getAcceptedDoc(doc))).toEqual(['De hoge ;']);
  });

  it('removes an item whose whole text is deleted, and numbers the rest', () => {
    let doc = buildDoc({ recitals: [['Eerste;', 'Weg ermee;', 'Derde;']] });
    doc = mark(doc, 'Weg ermee;', 'deletion', 'c1');
    const accepted = getAcceptedDoc(doc);
    expect(items(accepted)).toEqual(['Eerste;', 'Derde;']);
    expect(getItemLabels(accepted.child(2).child(0))).toEqual(['1.', '2.']);
    accepted.check();
  });

  it('accepts changes in the title line', () => {
    let doc = buildDoc({ title: 'Oude nieuwe titel', recitals: [['Eén;']] });
    doc = mark(doc, 'Oude ', 'deletion', 'c1');
    doc = mark(doc, 'nieuwe', 'insertion', 'c1');
    expect(getAcceptedDoc(doc).firstChild!.textContent).toBe('nieuwe titel');
  });

  it('returns the document itself when it has no pending changes', () => {
    const doc = buildDoc({ recitals: [['Eén;']] });
    expect(hasTrackedChanges(doc)).toBe(false);
    expect(getAcceptedDoc(doc)).toBe(doc);
  });
});
