/**
 * References through Yjs: replicas that edit at the same time, merged as a session or an
 * offline merge merges them. A reference is read from where its target stands in the merged
 * document, so a colleague's renumbering shows in everyone's label; a target a colleague
 * deleted leaves a broken reference, never a reference to something else.
 */
import { describe, expect, it } from 'vitest';
import { insertItemAfter } from '../../shared/editor/commands/itemKeys.ts';
import { getReferences } from '../../shared/editor/queries/getReferences.ts';
import { readYDoc } from '../../shared/ydoc/yDocument.ts';
import { findText } from '../../shared/editor/testing/buildDoc.ts';
import { sync } from './testing/fuzzReplicas.ts';
import { refer, startReplicas, targetPos } from './testing/referenceReplicas.ts';

describe('references merged through Yjs', () => {
  it('follow a renumbering made at the same time on another replica', () => {
    const [a, b] = startReplicas();
    refer(a, 'de woningnood groot is', 'punt 2');
    b.apply(insertItemAfter, findText(b.state.doc, 'eerste punt;'));
    sync(a, b);
    for (const replica of [a, b]) {
      expect(getReferences(replica.state.doc).map((r) => r.label)).toEqual(['punt 3']);
      // The server and the command line read the same from the Yjs state.
      expect(getReferences(readYDoc(replica.ydoc)).map((r) => r.label)).toEqual(['punt 3']);
    }
  });

  it('are broken, not moved, when the target is deleted at the same time', () => {
    const [a, b] = startReplicas();
    refer(a, 'de woningnood groot is', 'punt 2');
    const doc = b.state.doc;
    const pos = targetPos(doc, 'punt 2');
    b.apply((state, dispatch) => {
      dispatch?.(state.tr.delete(pos, pos + doc.nodeAt(pos)!.nodeSize));
      return true;
    }, pos + 1);
    sync(a, b);
    for (const replica of [a, b]) {
      expect(getReferences(replica.state.doc).map((r) => r.state)).toEqual(['missing']);
    }
  });

  it('keep pointing at the same element when another replica refers to it too', () => {
    const [a, b] = startReplicas();
    refer(a, 'de woningnood groot is', 'punt 3');
    sync(a, b);
    refer(b, 'eerste punt', 'punt 3');
    sync(a, b);
    expect(getReferences(a.state.doc).map((r) => r.label)).toEqual(['punt 3', 'punt 3']);
    expect(new Set(getReferences(a.state.doc).map((r) => r.target)).size).toBe(1);
  });
});
