/**
 * A numbered item of a block. Items are a flat list: `indent` 0 is numbered 1, 2, 3 …;
 * `indent` 1 is a sub-item of the item above, lettered (a, b, c …) or bulleted. A flat list
 * keeps concurrent edits simple (no list to create or dissolve when indenting) and numbers
 * are derived by the view, never stored.
 */
import { oneOf } from './attrValidators.ts';
import type { NodeSpec } from 'prosemirror-model';

export type ItemIndent = 0 | 1;
export type ItemMarker = 'letter' | 'bullet';

export const item: NodeSpec = {
  attrs: {
    indent: { default: 0, validate: oneOf([0, 1]) },
    marker: { default: 'letter', validate: oneOf(['letter', 'bullet']) },
  },
  content: 'inline*',
  defining: true,
  parseDOM: [
    {
      tag: 'li.item',
      getAttrs: (dom) => ({
        indent: dom.getAttribute('data-indent') === '1' ? 1 : 0,
        marker: dom.getAttribute('data-marker') === 'bullet' ? 'bullet' : 'letter',
      }),
    },
  ],
  toDOM: (node) => [
    'li',
    {
      class: 'item',
      'data-indent': String(node.attrs.indent),
      'data-marker': node.attrs.marker as string,
    },
    0,
  ],
};
