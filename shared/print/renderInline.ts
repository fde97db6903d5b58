/**
 * Inline content for print: text with its marks (bold, italic, underline, links) through the
 * marks' own `toDOM`, line breaks through `hard_break`'s, footnotes as superscript reference
 * numbers (their text is printed as an endnote, see `renderEndnotes.ts`), and cross-references
 * as their target's label, linked to the target (`printAnchors.ts`), so that the PDF holds an
 * internal link.
 */
import type { DOMOutputSpec, Mark, Node } from 'prosemirror-model';
import type { FootnoteNumbers } from '../editor/queries/getFootnoteNumbers.ts';
import { BROKEN_REFERENCE_TEXT, findReferenceTarget } from '../editor/queries/getReferences.ts';
import { escapeHtmlAttribute, escapeHtmlText } from './escapeHtml.ts';
import { renderDomSpec, splitDomSpec } from './renderDomSpec.ts';
import { anchorOf } from './printAnchors.ts';
import type { PrintAnchors } from './printAnchors.ts';

/** What printing inline content needs beside it: footnote numbers, and where targets are. */
export interface InlineContext {
  footnotes: FootnoteNumbers;
  /** The printed document and its anchors, which references link to. */
  anchors: PrintAnchors;
}

/** The HTML of a footnote reference: its number, superscript, as text in the PDF. */
export function renderFootnoteReference(number: number): string {
  return `<sup class="noteref">${number}</sup>`;
}

/**
 * The inline content of a text block (item, paragraph, heading) standing at `pos` (the
 * position before it). Neighbouring children that share a mark share one element, so a link
 * over a plain and a bold piece is one `<a>` (one link in the PDF).
 */
export function renderInlineContent(block: Node, pos: number, context: InlineContext): string {
  let html = '';
  // The marks whose elements are open, outermost first, with the markup that closes each.
  const open: { mark: Mark; close: string }[] = [];
  block.forEach((child, offset) => {
    // A node's marks are sorted by the schema's mark order, so the marks still shared with
    // the open ones are a prefix of both lists; the rest are closed and opened again.
    let kept = 0;
    while (kept < open.length && kept < child.marks.length) {
      if (!open[kept]!.mark.eq(child.marks[kept]!)) break;
      kept += 1;
    }
    while (open.length > kept) html += open.pop()!.close;
    for (const mark of child.marks.slice(kept)) {
      const { before, after } = splitDomSpec(renderMarkSpec(mark));
      html += before;
      open.push({ mark, close: after });
    }
    const inLink = open.some(({ mark }) => mark.type.name === 'link');
    html += renderInlineNode(child, pos + 1 + offset, context, inLink);
  });
  while (open.length > 0) html += open.pop()!.close;
  return html;
}

function renderMarkSpec(mark: Mark): DOMOutputSpec {
  const toDOM = mark.type.spec.toDOM;
  // A mark without toDOM (none in our schema) is printed as its text alone.
  return toDOM ? toDOM(mark, true) : ['span', 0];
}

function renderInlineNode(
  child: Node,
  pos: number,
  context: InlineContext,
  inLink: boolean,
): string {
  if (child.isText) return escapeHtmlText(child.text ?? '');
  if (child.type.name === 'reference') {
    return renderReference(child.attrs.target as string, context.anchors, inLink);
  }
  if (child.type.name === 'footnote') {
    const number = context.footnotes.get(pos);
    // The numbers come from the same document; a miss is a bug in the positions, and a wrong
    // number in a printed stuk would be worse than no PDF.
    if (number === undefined) throw new Error(`geen voetnootnummer op positie ${pos}`);
    return renderFootnoteReference(number);
  }
  const toDOM = child.type.spec.toDOM;
  return toDOM ? renderDomSpec(toDOM(child)) : escapeHtmlText(child.textContent);
}

/**
 * A cross-reference: its target's label as a link to the target's anchor, which reads like the
 * text around it (no colour, no underline: "punt 3" is part of the sentence); a broken one as
 * its text alone. Inside a web link (an `<a>` cannot hold another) it is its label alone.
 */
export function renderReference(target: string, anchors: PrintAnchors, inLink = false): string {
  const found = findReferenceTarget(anchors.doc, target);
  if (!found) {
    return `<span class="reference reference-broken">${escapeHtmlText(BROKEN_REFERENCE_TEXT)}</span>`;
  }
  const label = escapeHtmlText(found.label);
  if (inLink) return `<span class="reference">${label}</span>`;
  const href = `#${anchorOf(anchors, target)}`;
  return `<a class="reference" href="${escapeHtmlAttribute(href)}">${label}</a>`;
}
