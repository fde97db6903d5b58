/**
 * The head of the printed stuk: the title line (the title node's own `toDOM`, an `<h1>` with
 * the kind, then the title between quotes, with its changes when they are shown), the small
 * metadata line under it, the legend of the changes when there is one, and the preamble (its
 * own `toDOM`, which prints the sentence with the assembly and the Dutch date) when it names
 * an assembly or a date.
 */
import type { Node } from 'prosemirror-model';
import type { MetadataText } from '../editor/queries/getMetadataText.ts';
import { getTopLevelNode } from '../editor/queries/getTopLevelNode.ts';
import { renderNodeSpec } from './nodeMarkup.ts';
import { escapeHtmlText } from './escapeHtml.ts';
import { formatMetaLine } from './printMetadata.ts';
import { getStukName, hasClauseBlocks, isPreambleEmpty } from './stukShape.ts';
import { renderDomSpec } from './renderDomSpec.ts';
import { renderInlineContent } from './renderInline.ts';
import type { InlineContext } from './renderInline.ts';
import { printAnchors } from './printAnchors.ts';

/**
 * The `<h1>` title line, the metadata line (when there is one), `legend` (HTML, may be '')
 * and the preamble `<p>` (unless it names nothing). A stuk that is no resolution, motie or
 * amendement (`stukShape.ts`) is titled by its name alone; `fallbackName` names an untitled
 * one (the file's name, where the caller knows it). `suffix` (HTML) ends the title line: "zoals
 * geamendeerd" for the resolution as the ALV amended it.
 */
export function renderHeading(
  doc: Node,
  metadata: MetadataText,
  legend = '',
  fallbackName?: string,
  suffix = '',
): string {
  const titleNode = getTopLevelNode(doc, 'title');
  let title: string;
  if (hasClauseBlocks(doc)) {
    // The title node's spec prints the kind; the title goes in its hole between the quotes the
    // title line has everywhere ("Geactualiseerde resolutie “Titel”"), trimmed like the
    // exports. Its text goes through the inline renderer, so a change to it prints like any
    // other.
    const titleText =
      (metadata.title === null
        ? ''
        : `“${renderInlineContent(trimTitle(titleNode), 0, titleContext(doc))}”`) + suffix;
    title = renderNodeSpec(titleNode, titleText);
  } else {
    // A letter or newsletter: no kind, no quotes; its title, or the name that stands for it.
    let text =
      metadata.title === null
        ? escapeHtmlText(getStukName(doc, metadata, fallbackName))
        : renderInlineContent(trimTitle(titleNode), 0, titleContext(doc));
    text += suffix;
    title = `<h1 class="doc-title"><span class="title-text">${text}</span></h1>`;
  }
  const metaLine = formatMetaLine(metadata);
  const meta = metaLine === null ? '' : renderDomSpec(['p', { class: 'doc-meta' }, metaLine]);
  // An empty preamble prints nothing: "De leden bijeen in de ALV van …:" is a placeholder,
  // and a letter has no preamble at all (issue 16, point 12).
  const preamble = isPreambleEmpty(metadata)
    ? ''
    : renderNodeSpec(getTopLevelNode(doc, 'preamble'));
  return title + meta + legend + preamble;
}

// The title holds text alone: no footnotes to number; references would resolve in `doc`.
function titleContext(doc: Node): InlineContext {
  return { footnotes: new Map(), anchors: printAnchors(doc) };
}

// The title node without the white space at its ends (its content is text alone, so offsets
// in its text are positions in its content), as `String.trim` cuts the exports' title.
function trimTitle(title: Node): Node {
  const text = title.textContent;
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return title.cut(start, end);
}
