/**
 * Ids named after the target's Yjs element (referenceIds.ts): two people referring to the same
 * item at the same moment, on two replicas, each give it an id in their own edit; named after
 * the element, both write the same id and both references resolve after the merge. With random
 * ids (no source) Yjs keeps one of the two values and the other reference is broken, which is
 * the fault this guards.
 */
import { describe, expect, it } from 'vitest';
import { insertItemAfter } from '../../shared/editor/commands/itemKeys.ts';
import { isElementId } from '../../shared/editor/nodes/elementIds.ts';
import { getReferences } from '../../shared/editor/queries/getReferences.ts';
import { findText } from '../../shared/editor/testing/buildDoc.ts';
import { sync } from './testing/fuzzReplicas.ts';
import type { Replica } from './testing/fuzzReplicas.ts';
import { refer, startReplicas, targetPos } from './testing/referenceReplicas.ts';
import { elementIdOfYItem, elementIdsFromMapping } from './referenceIds.ts';

const fromYjs = (replica: Replica) => elementIdsFromMapping(replica.mapping);

describe('element ids named after the Yjs element', () => {
  it('have the shape of an element id', () => {
    expect(elementIdOfYItem(0, 0)).toBe('y0-0');
    expect(isElementId(elementIdOfYItem(2 ** 32 - 1, 2 ** 53 - 1))).toBe(true);
  });

  it('are the same on both replicas for the same element', () => {
    const [a, b] = startReplicas();
    const idA = fromYjs(a)(a.state.doc.nodeAt(targetPos(a.state.doc, 'punt 2'))!, 0);
    const idB = fromYjs(b)(b.state.doc.nodeAt(targetPos(b.state.doc, 'punt 2'))!, 0);
    expect(idA).toMatch(/^y[a-z0-9]+-[a-z0-9]+$/);
    expect(idA).toBe(idB);
    // Another element, another id.
    const other = fromYjs(a)(a.state.doc.nodeAt(targetPos(a.state.doc, 'punt 3'))!, 0);
    expect(other).not.toBe(idA);
  });

  it('give two references made at the same moment to one item the same target', () => {
    const [a, b] = startReplicas();
    refer(a, 'de woningnood groot is', 'punt 2', fromYjs(a));
    refer(b, 'derde punt', 'punt 2', fromYjs(b));
    sync(a, b);
    for (const replica of [a, b]) {
      const references = getReferences(replica.state.doc);
      expect(references.map((r) => [r.state, r.label])).toEqual([
        ['ok', 'punt 2'],
        ['ok', 'punt 2'],
      ]);
      expect(new Set(references.map((r) => r.target)).size).toBe(1);
    }
    expect(a.state.doc.eq(b.state.doc)).toBe(true);
  });

  it('follow a renumbering the other replica makes at the same moment', () => {
    const [a, b] = startReplicas();
    refer(a, 'de woningnood groot is', 'punt 2', fromYjs(a));
    refer(b, 'derde punt', 'punt 2', fromYjs(b));
    // Meanwhile a new item before it on one replica: punt 2 becomes punt 3.
    b.apply(insertItemAfter, findText(b.state.doc, 'eerste punt;'));
    sync(a, b);
    for (const replica of [a, b]) {
      expect(getReferences(replica.state.doc).map((r) => [r.state, r.label])).toEqual([
        ['ok', 'punt 3'],
        ['ok', 'punt 3'],
      ]);
    }
  });

  // Without a source each replica draws a random id; the merge keeps one and the other
  // reference points nowhere. This is why the editor names ids after the Yjs element.
  it('are needed: random ids made at the same moment leave one reference broken', () => {
    const [a, b] = startReplicas();
    refer(a, 'de woningnood groot is', 'punt 2');
    refer(b, 'derde punt', 'punt 2');
    sync(a, b);
    const states = getReferences(a.state.doc).map((r) => r.state);
    expect(states.filter((state) => state === 'missing')).toHaveLength(1);
  });

  it('are not taken again when another element already carries the id (a copy)', () => {
    const [a] = startReplicas();
    const pos = targetPos(a.state.doc, 'punt 2');
    const wanted = fromYjs(a)(a.state.doc.nodeAt(pos)!, pos)!;
    // Punt 3 already carries the id punt 2's element would get (pasted from elsewhere).
    a.apply((state, dispatch) => {
      const three = targetPos(state.doc, 'punt 3');
      const node = state.doc.nodeAt(three)!;
      dispatch?.(state.tr.setNodeMarkup(three, undefined, { ...node.attrs, id: wanted }));
      return true;
    }, 1);
    refer(a, 'de woningnood groot is', 'punt 2', fromYjs(a));
    const [reference] = getReferences(a.state.doc);
    expect(reference!.label).toBe('punt 2');
    expect(reference!.target).not.toBe(wanted);
  });
});
