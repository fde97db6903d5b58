/**
 * Adjacent Y.XmlTexts in one element, as co-editors typing into an empty item at once leave
 * them, and our patch to y-prosemirror (patches/y-prosemirror+1.3.7.patch) that treats them as
 * one run of text instead of joining them while reading. Each test names the fault it guards.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initProseMirrorDoc } from 'y-prosemirror';
import type { Command } from 'prosemirror-state';
import { buildDoc, itemStart } from '../../shared/editor/testing/buildDoc.ts';
import { schema } from '../../shared/editor/schema.ts';
import { createInitialUpdate, Replica, sync } from './testing/fuzzReplicas.ts';

const typeText =
  (text: string): Command =>
  (state, dispatch) => {
    dispatch?.(state.tr.insertText(text));
    return true;
  };

/** Two replicas that typed `first` and `second` into the same empty item, then synced. */
function twoTypists(first: string, second: string): [Replica, Replica] {
  const initial = createInitialUpdate(buildDoc({ recitals: [['']] }));
  const a = new Replica(1, initial);
  const b = new Replica(2, initial);
  a.apply(typeText(first), itemStart(a.state.doc, 0));
  b.apply(typeText(second), itemStart(b.state.doc, 0));
  sync(a, b);
  return [a, b];
}

/** The Y.XmlTexts in the first item of `replica`'s fragment. */
function itemTexts(replica: Replica): Y.XmlText[] {
  const recitals = replica.fragment.get(2) as Y.XmlElement;
  const item = (recitals.get(0) as Y.XmlElement).get(0) as Y.XmlElement;
  return item.toArray().filter((child): child is Y.XmlText => child instanceof Y.XmlText);
}

const firstItem = (replica: Replica) => replica.state.doc.child(2).child(0).child(0).textContent;

describe('adjacent Y.XmlTexts (patched y-prosemirror)', () => {
  // y-prosemirror 1.3.7 joined a reader's own text into the text before it while reading
  // (upstream #271): every reader wrote, and three readers at once lost a text (below).
  it('reading a document writes nothing to it', () => {
    const [a, b] = twoTypists('aaa', 'bbb');
    expect(itemTexts(b)).toHaveLength(2);
    const updates: Uint8Array[] = [];
    b.ydoc.on('update', (update: Uint8Array) => updates.push(update));
    const { doc } = initProseMirrorDoc(b.fragment, schema);
    expect(updates).toEqual([]);
    expect(doc.eq(a.state.doc)).toBe(true);
  });

  // Upstream #160/#161: writing one ProseMirror text over two Y texts as copy-and-delete
  // doubled characters when both co-editors did it at once.
  it('typing on into a run of texts writes each character once', () => {
    const [a, b] = twoTypists('aaa', 'bbb');
    const text = firstItem(a);
    const start = itemStart(a.state.doc, 0);
    a.apply(typeText('X'), start);
    b.apply(typeText('Y'), start + text.length);
    a.apply(typeText('Z'), start + 3);
    sync(a, b);
    expect(firstItem(b)).toBe(firstItem(a));
    expect([...firstItem(a)].sort().join('')).toBe([...`${text}XYZ`].sort().join(''));
  });

  // y-prosemirror wrote a text's change as one replaced range, from the first difference to
  // the last (lib0's simpleDiff): removing two pieces of an item re-wrote the text between
  // them, and two co-editors doing that at once (rejecting the same two proposals) doubled it.
  it('removing two pieces of one item keeps the text between them, written once', () => {
    const initial = createInitialUpdate(buildDoc({ recitals: [['weg midden ook weg;']] }));
    const replicas = [new Replica(1, initial), new Replica(2, initial)];
    for (const replica of replicas) {
      const start = itemStart(replica.state.doc, 0);
      replica.apply((state, dispatch) => {
        dispatch?.(state.tr.delete(start + 11, start + 18).delete(start, start + 4));
        return true;
      }, start);
    }
    const [a, b] = replicas as [Replica, Replica];
    sync(a, b);
    expect(firstItem(a)).toBe('midden ;');
    expect(firstItem(b)).toBe('midden ;');
  });

  // y-prosemirror kept a Y.XmlText's type when its text was deleted only when it was an
  // element's single child (upstream #108); with two texts it deleted both types, and a
  // colleague's text typed into one of them meanwhile went with it.
  it("deleting a run's text keeps what a colleague typed into it meanwhile", () => {
    const [a, b] = twoTypists('aaa', 'bbb');
    const start = itemStart(a.state.doc, 0);
    a.apply((state, dispatch) => {
      dispatch?.(state.tr.delete(start, start + 6));
      return true;
    }, start);
    b.apply(typeText('X'), start + 6);
    sync(a, b);
    expect(firstItem(a)).toBe('X');
    expect(firstItem(b)).toBe('X');
  });
});
