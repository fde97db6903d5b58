/** Inline nodes: text, line breaks within a paragraph or item, footnotes and references. */
import type { NodeSpec } from 'prosemirror-model';
import { satisfies } from './attrValidators.ts';
import { isElementId } from './elementIds.ts';

export const text: NodeSpec = { group: 'inline' };

export const hard_break: NodeSpec = {
  inline: true,
  group: 'inline',
  selectable: false,
  parseDOM: [{ tag: 'br' }],
  toDOM: () => ['br'],
};

/**
 * A footnote: an atom at its reference point holding the note's text. The view numbers the
 * references in document order; the text is edited in a small dialog.
 */
export const footnote: NodeSpec = {
  attrs: { text: { default: '', validate: 'string' } },
  inline: true,
  group: 'inline',
  atom: true,
  selectable: true,
  parseDOM: [
    {
      tag: 'span.footnote',
      getAttrs: (dom) => ({ text: dom.getAttribute('data-text') ?? dom.textContent ?? '' }),
    },
  ],
  toDOM: (node) => [
    'span',
    { class: 'footnote', 'data-text': node.attrs.text as string },
    node.attrs.text as string,
  ],
};

/**
 * A cross-reference to an item, sub-item, block or Toelichting heading of the same document:
 * an atom holding only the target's id. What it reads ("punt 3") is derived from where the
 * target stands now (queries/getReferences.ts), so it follows every renumbering; a target that
 * is gone makes it a broken reference, shown and listed by the checks.
 */
export const reference: NodeSpec = {
  attrs: { target: { validate: satisfies(isElementId, 'het id van een onderdeel') } },
  inline: true,
  group: 'inline',
  atom: true,
  selectable: true,
  // Plain text copies read the label the editor puts in the clipboard; a bare node has none.
  leafText: () => '[verwijzing]',
  parseDOM: [
    {
      tag: 'span.reference[data-target]',
      getAttrs: (dom) => {
        const target = dom.getAttribute('data-target');
        return isElementId(target) ? { target } : false;
      },
    },
  ],
  toDOM: (node) => [
    'span',
    { class: 'reference', 'data-target': node.attrs.target as string },
    node.textContent || '[verwijzing]',
  ],
};
