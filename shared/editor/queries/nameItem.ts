/**
 * An item named as a reader names it: "punt 3", "overweging 2", "onderdeel b van punt 1", "een
 * opsommingsteken bij punt 1". Amendments name their places with it, and the drafting checks
 * name the place of a finding with it, so the two never name one item differently.
 */
import type { Node } from 'prosemirror-model';
import { getItemLabels } from './getItemLabels.ts';

/** "punt 3", "overweging 2", "onderdeel b van punt 1", "een opsommingsteken bij punt 1". */
export function nameItem(block: Node, index: number): string {
  const labels = getItemLabels(block);
  const noun = block.type.name === 'recital_block' ? 'overweging' : 'punt';
  const item = block.child(index);
  const own = (labels[index] ?? '').replace(/\.$/, '');
  if (item.attrs.indent === 0) return `${noun} ${own}`;
  let parent = index - 1;
  while (parent > 0 && block.child(parent).attrs.indent !== 0) parent -= 1;
  const parentLabel = (labels[parent] ?? '').replace(/\.$/, '');
  const parentName = `${noun} ${parentLabel}`;
  return item.attrs.marker === 'bullet'
    ? `een opsommingsteken bij ${parentName}`
    : `onderdeel ${own} van ${parentName}`;
}
