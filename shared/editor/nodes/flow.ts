/**
 * The free-structure nodes of the Toelichting: paragraphs, headings, lists and quotes.
 * Lists take `list_item*` for the same reason blocks take `item*`: a merge that empties
 * a list must not delete it with its neighbours' work.
 */
import { oneOf } from './attrValidators.ts';
import {
  elementIdAttr,
  elementIdDomAttrs,
  ignoredChecksAttr,
  readElementIdFromDom,
} from './elementIds.ts';
import type { NodeSpec } from 'prosemirror-model';

export const paragraph: NodeSpec = {
  attrs: { ignoredChecks: ignoredChecksAttr },
  content: 'inline*',
  group: 'flow',
  parseDOM: [{ tag: 'p' }],
  toDOM: () => ['p', 0],
};

/** Headings inside the Toelichting; level 1 prints as a section heading, 2 as a subheading. */
export const heading: NodeSpec = {
  attrs: {
    level: { default: 1, validate: oneOf([1, 2]) },
    /** The id references to this heading point to (see elementIds.ts). */
    id: elementIdAttr,
    ignoredChecks: ignoredChecksAttr,
  },
  content: 'inline*',
  group: 'flow',
  defining: true,
  parseDOM: [
    { tag: 'h3', getAttrs: (dom) => ({ level: 1, id: readElementIdFromDom(dom) }) },
    { tag: 'h4', getAttrs: (dom) => ({ level: 2, id: readElementIdFromDom(dom) }) },
    { tag: 'h1', attrs: { level: 1 } },
    { tag: 'h2', attrs: { level: 1 } },
    { tag: 'h5', attrs: { level: 2 } },
    { tag: 'h6', attrs: { level: 2 } },
  ],
  toDOM: (node) => [node.attrs.level === 1 ? 'h3' : 'h4', elementIdDomAttrs(node.attrs.id), 0],
};

export const bullet_list: NodeSpec = {
  content: 'list_item*',
  group: 'flow',
  parseDOM: [{ tag: 'ul' }],
  toDOM: () => ['ul', 0],
};

export const ordered_list: NodeSpec = {
  content: 'list_item*',
  group: 'flow',
  parseDOM: [{ tag: 'ol' }],
  toDOM: () => ['ol', 0],
};

export const list_item: NodeSpec = {
  content: 'paragraph (paragraph | bullet_list | ordered_list)*',
  defining: true,
  parseDOM: [{ tag: 'li' }],
  toDOM: () => ['li', 0],
};

export const blockquote: NodeSpec = {
  content: '(paragraph | bullet_list | ordered_list)*',
  group: 'flow',
  defining: true,
  parseDOM: [{ tag: 'blockquote' }],
  toDOM: () => ['blockquote', 0],
};
