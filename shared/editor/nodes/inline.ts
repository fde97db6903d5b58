/** Inline nodes: text, line breaks within a paragraph or item, and footnotes. */
import type { NodeSpec } from 'prosemirror-model';

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
