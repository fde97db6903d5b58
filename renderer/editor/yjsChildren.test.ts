/**
 * How our patch to y-prosemirror (patches/y-prosemirror+1.3.7.patch) writes an element's
 * children, and its `onWrite` option. Each test names the fault it guards.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initProseMirrorDoc, ProsemirrorBinding } from 'y-prosemirror';
import { EditorState } from 'prosemirror-state';
import { buildDoc, findText } from '../../shared/editor/testing/buildDoc.ts';
import { schema } from '../../shared/editor/schema.ts';
import { createInitialUpdate, Replica, sync } from './testing/fuzzReplicas.ts';

/** The item elements of the first recital block. */
function itemElements(replica: Replica): Y.XmlElement[] {
  const recitals = replica.fragment.get(2) as Y.XmlElement;
  return (recitals.get(0) as Y.XmlElement).toArray() as Y.XmlElement[];
}

const texts = (replica: Replica) => {
  const out: string[] = [];
  replica.state.doc
    .child(2)
    .child(0)
    .forEach((item) => out.push(item.textContent));
  return out;
};

describe('the children of an element (patched y-prosemirror)', () => {
  // y-prosemirror paired children by position when it could not tell them equal: removing an
  // item while changing the marks of the items after it re-wrote each of them into the element
  // before and deleted the last one, and a colleague's text typed into that one was lost.
  it('removing an item while marking the items after it re-writes none into another', () => {
    const initial = createInitialUpdate(
      buildDoc({ recitals: [['Een;', 'Weg;', 'Twee;', 'Drie;']] }),
    );
    const [a, b] = [new Replica(1, initial), new Replica(2, initial)];
    const [, removed, two, three] = itemElements(a);
    const deletion = schema.marks.deletion!.create({
      id: 'Auteur-1',
      name: 'Auteur',
      colour: '#b3261e',
      time: 1,
      covers: null,
    });
    a.apply((state, dispatch) => {
      const from = findText(state.doc, 'Twee;', true);
      const to = findText(state.doc, 'Drie;');
      const weg = findText(state.doc, 'Weg;', true) - 1;
      dispatch?.(state.tr.addMark(from, to, deletion).delete(weg, weg + 6));
      return true;
    }, 1);
    expect(removed!._item!.deleted).toBe(true);
    expect(two!._item!.deleted).toBe(false);
    expect(three!._item!.deleted).toBe(false);
    // Meanwhile a colleague typed into the last item.
    b.apply((state, dispatch) => {
      dispatch?.(state.tr.insertText('!', findText(state.doc, 'Drie')));
      return true;
    }, 1);
    sync(a, b);
    expect(texts(a)).toEqual(['Een;', 'Twee;', 'Drie!;']);
    expect(texts(b)).toEqual(texts(a));
  });

  // Our option: the editor records what an edit copied and deleted in the transaction that
  // writes it, so that the records travel in the same update (merges/recordWrite.ts).
  it('calls onWrite inside the transaction that writes a change', () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, createInitialUpdate(buildDoc({ recitals: [['Een;']] })));
    const fragment = ydoc.getXmlFragment('resolutie');
    const { doc, mapping } = initProseMirrorDoc(fragment, schema);
    const binding = new ProsemirrorBinding(fragment, mapping);
    const state = EditorState.create({ doc });
    const seen: { local: boolean; text: string; open: boolean }[] = [];
    (binding as unknown as { onWrite: (t: Y.Transaction) => void }).onWrite = (transaction) => {
      seen.push({
        local: transaction.local,
        text: fragment.toString(),
        open: (ydoc as unknown as { _transaction: unknown })._transaction === transaction,
      });
    };
    (binding as unknown as { prosemirrorView: unknown }).prosemirrorView = { state };
    const next = state.apply(state.tr.insertText('Nul ', findText(state.doc, 'Een;', true)));
    (binding as unknown as { _prosemirrorChanged(doc: unknown): void })._prosemirrorChanged(
      next.doc,
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]!.local).toBe(true);
    expect(seen[0]!.open).toBe(true);
    expect(seen[0]!.text).toContain('Nul Een;');
  });
});
