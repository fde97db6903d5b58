/**
 * The transaction meta that marks a deliberate structural change (adding, removing, moving a
 * block; changing a heading, the kind or the preamble). The structure guard lets such
 * transactions through and refuses any other local transaction that changes the structure.
 */
import type { Transaction } from 'prosemirror-state';

export const STRUCTURAL_CHANGE = 'resolutie/structural-change';

/** Marks a transaction as a deliberate structural change and returns it. */
export function markStructural(tr: Transaction): Transaction {
  return tr.setMeta(STRUCTURAL_CHANGE, true);
}
