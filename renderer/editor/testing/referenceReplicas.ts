/**
 * Two replicas of a small stuk for the tests of references through Yjs, and a reference made
 * on one of them by the target's label, as the picker makes it.
 */
import { expect } from 'vitest';
import type { Node } from 'prosemirror-model';
import { buildDoc, findText } from '../../../shared/editor/testing/buildDoc.ts';
import { insertReference } from '../../../shared/editor/commands/references.ts';
import type { ElementIdSource } from '../../../shared/editor/commands/references.ts';
import { getReferenceTargets } from '../../../shared/editor/queries/getReferences.ts';
import { createInitialUpdate, Replica } from './fuzzReplicas.ts';

/** Two replicas of one recital and three operative items ("eerste punt;" …). */
export function startReplicas(): [Replica, Replica] {
  const initial = createInitialUpdate(
    buildDoc({
      recitals: [['de woningnood groot is;']],
      operatives: [['eerste punt;', 'tweede punt;', 'derde punt.']],
    }),
  );
  return [new Replica(1, initial), new Replica(2, initial)];
}

/** The position before the element labelled `label`. */
export function targetPos(doc: Node, label: string): number {
  return getReferenceTargets(doc).find((target) => target.label === label)!.pos;
}

/** Inserts after the text `at` a reference to the element labelled `label`, ids from `source`. */
export function refer(replica: Replica, at: string, label: string, source?: ElementIdSource): void {
  const doc = replica.state.doc;
  const command = insertReference(targetPos(doc, label), source);
  expect(replica.apply(command, findText(doc, at))).toBe(true);
}
