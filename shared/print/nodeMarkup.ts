/**
 * The building blocks every part of the print template uses: a node rendered through its
 * schema's own `toDOM` with print content in its hole, and a derived label ("1.", "a.", "•")
 * as real text in the hanging indent's left column.
 */
import type { Node } from 'prosemirror-model';
import { renderDomSpec } from './renderDomSpec.ts';

/**
 * `node` through its `toDOM` spec, with `content` (HTML) in the hole. A node type without
 * `toDOM` (none in our schema) prints its content alone rather than disappearing.
 */
export function renderNodeSpec(node: Node, content = ''): string {
  const toDOM = node.type.spec.toDOM;
  return toDOM ? renderDomSpec(toDOM(node), content) : content;
}

/**
 * A label and the content it numbers: `<span class="label">1.</span> <span class="text">…</span>`.
 * The label is text in the page, before the content, so the PDF's text and its reading order
 * hold the number first; the style sheet sets the two side by side as a hanging indent.
 * `wrapper` is `span` for inline content (items, notes) and `div` for block content (the
 * paragraphs and lists of a Toelichting list item).
 */
export function renderLabelled(
  label: string,
  contentHtml: string,
  wrapper: 'span' | 'div',
): string {
  // The space keeps label and text apart in the page's text ("1. Gemeenten"); between the
  // two flex items of the layout it takes no room.
  const labelHtml = renderDomSpec(['span', { class: 'label' }, label]);
  return `${labelHtml} ${renderDomSpec([wrapper, { class: 'text' }, 0], contentHtml)}`;
}
