/**
 * A numbered item of a block. Items are a flat list: `indent` 0 is numbered 1, 2, 3 …;
 * `indent` 1 is a sub-item of the item above, lettered (a, b, c …) or bulleted. A flat list
 * keeps concurrent edits simple (no list to create or dissolve when indenting) and numbers
 * are derived by the view, never stored.
 */
import { oneOf, satisfies } from './attrValidators.ts';
import {
  elementIdAttr,
  elementIdDomAttrs,
  ignoredChecksAttr,
  readElementIdFromDom,
} from './elementIds.ts';
import { isItemChangeOrNull } from '../suggestions/changeMarks.ts';
import type { ItemChange } from '../suggestions/changeMarks.ts';
import type { NodeSpec } from 'prosemirror-model';

export type ItemIndent = 0 | 1;
export type ItemMarker = 'letter' | 'bullet';

export const item: NodeSpec = {
  attrs: {
    indent: { default: 0, validate: oneOf([0, 1]) },
    marker: { default: 'letter', validate: oneOf(['letter', 'bullet']) },
    /** A pending proposal to add or delete this whole item (suggestion mode), or null. */
    change: { default: null, validate: satisfies(isItemChangeOrNull, 'een voorstel of leeg') },
    /** The id references to this item point to (see elementIds.ts). */
    id: elementIdAttr,
    ignoredChecks: ignoredChecksAttr,
  },
  content: 'inline*',
  defining: true,
  parseDOM: [
    {
      tag: 'li.item',
      getAttrs: (dom) => ({
        indent: dom.getAttribute('data-indent') === '1' ? 1 : 0,
        marker: dom.getAttribute('data-marker') === 'bullet' ? 'bullet' : 'letter',
        id: readElementIdFromDom(dom),
      }),
    },
  ],
  toDOM: (node) => {
    const change = node.attrs.change as ItemChange | null;
    return [
      'li',
      {
        class: 'item',
        'data-indent': String(node.attrs.indent),
        'data-marker': node.attrs.marker as string,
        ...elementIdDomAttrs(node.attrs.id),
        ...(change
          ? {
              'data-change-type': change.type,
              'data-change': change.id,
              'data-author': change.name,
              style: `--change-colour: ${change.colour}`,
            }
          : {}),
      },
      0,
    ];
  },
};
