/**
 * The building blocks every part of the print template uses: a node rendered through its
 * schema's own `toDOM` with print content in its hole, and a derived label ("1.", "a.", "•")
 * as real text in the hanging indent's left column.
 */
import type { DOMOutputSpec, Node } from 'prosemirror-model';
import { renderDomSpec } from './renderDomSpec.ts';
import { escapeHtmlAttribute } from './escapeHtml.ts';

/**
 * `node` through its `toDOM` spec, with `content` (HTML) in the hole. A node type without
 * `toDOM` (none in our schema) prints its content alone rather than disappearing. `anchor`,
 * when given, becomes the outer element's `id`: what a cross-reference to it links to.
 */
export function renderNodeSpec(node: Node, content = '', anchor?: string): string {
  const toDOM = node.type.spec.toDOM;
  if (!toDOM) return anchor ? `<div id="${escapeHtmlAttribute(anchor)}">${content}</div>` : content;
  const spec = toDOM(node);
  return renderDomSpec(anchor === undefined ? spec : withId(spec, anchor), content);
}

// The spec with `id` among the attributes of its outer element.
function withId(spec: DOMOutputSpec, id: string): DOMOutputSpec {
  if (!Array.isArray(spec)) return spec;
  const [tag, second, ...rest] = spec as unknown[];
  const hasAttributes = typeof second === 'object' && second !== null && !Array.isArray(second);
  return (
    hasAttributes
      ? [tag, { ...(second as Record<string, unknown>), id }, ...rest]
      : [tag, { id }, ...(second === undefined ? [] : [second]), ...rest]
  ) as DOMOutputSpec;
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
