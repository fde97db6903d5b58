import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { dropRedundantFormats } from './redundantFormats.ts';

/** A document with one text "abcdef", and a second replica of it. */
function twoReplicas(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  a.clientID = 1;
  a.getXmlFragment('f').insert(0, [new Y.XmlText('abcdef')]);
  const b = new Y.Doc();
  b.clientID = 2;
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return [a, b];
}

const textOf = (doc: Y.Doc) => doc.getXmlFragment('f').get(0) as Y.XmlText;
const sync = (from: Y.Doc, to: Y.Doc) =>
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

/**
 * "bc" and "de" are two proposals (formatting `ins`: one, two). Replica `a` accepts the first
 * (formats "bc" anew), which also writes, after "c", a marker restoring "one" that the marker
 * before "d" overrides at once; replica `b` meanwhile takes the second's mark off, or changes
 * it. Where Yjs puts `b`'s marker before `a`'s restoring one (by client id), the restored
 * "one" is what "de" gets: the first proposal, pending again, over text it never held.
 */
function decideBoth(clean: boolean, change: string | null): unknown {
  const a = new Y.Doc();
  a.clientID = 20;
  a.getXmlFragment('f').insert(0, [new Y.XmlText('abcdef')]);
  textOf(a).format(1, 2, { ins: 'one' });
  textOf(a).format(3, 2, { ins: 'two' });
  const b = new Y.Doc();
  b.clientID = 10;
  sync(a, b);
  a.transact((transaction) => {
    textOf(a).format(1, 2, { ins: 'one, accepted' });
    if (clean) dropRedundantFormats(transaction);
  });
  textOf(b).format(3, 2, { ins: change });
  sync(a, b);
  sync(b, a);
  expect(textOf(b).toDelta()).toEqual(textOf(a).toDelta());
  return textOf(a).toDelta() as unknown;
}

describe('dropRedundantFormats', () => {
  it('deletes markers of its own write that a marker of the same key overrides at once', () => {
    const [a] = twoReplicas();
    let dropped = 0;
    a.on('afterTransaction', (transaction: Y.Transaction) => {
      dropped += [...transaction.deleteSet.clients.values()].flat().length;
    });
    a.transact((transaction) => {
      textOf(a).format(1, 2, { ins: 'one' });
      textOf(a).format(3, 2, { ins: 'two' });
      dropRedundantFormats(transaction);
    });
    expect(dropped).toBeGreaterThan(0);
    expect(textOf(a).toDelta()).toEqual([
      { insert: 'a' },
      { insert: 'bc', attributes: { ins: 'one' } },
      { insert: 'de', attributes: { ins: 'two' } },
      { insert: 'f' },
    ]);
  });

  it('leaves markers a colleague may already have, and those that end a value before text', () => {
    const [a, b] = twoReplicas();
    textOf(a).format(1, 2, { ins: 'one' });
    sync(a, b);
    a.transact((transaction) => {
      textOf(a).insert(6, 'g');
      dropRedundantFormats(transaction);
    });
    expect(textOf(a).toDelta()).toEqual([
      { insert: 'a' },
      { insert: 'bc', attributes: { ins: 'one' } },
      { insert: 'defg' },
    ]);
  });

  it('a concurrent change of the next proposal no longer brings the first back over it', () => {
    // Without dropping, the first proposal's old value comes back over "de" (and "f").
    expect(decideBoth(false, null)).toEqual([
      { insert: 'a' },
      { insert: 'bc', attributes: { ins: 'one, accepted' } },
      { insert: 'def', attributes: { ins: 'one' } },
    ]);
    expect(decideBoth(true, null)).toEqual([
      { insert: 'a' },
      { insert: 'bc', attributes: { ins: 'one, accepted' } },
      { insert: 'def' },
    ]);
    expect(decideBoth(true, 'two, accepted')).toEqual([
      { insert: 'a' },
      { insert: 'bc', attributes: { ins: 'one, accepted' } },
      { insert: 'de', attributes: { ins: 'two, accepted' } },
      { insert: 'f' },
    ]);
  });
});
