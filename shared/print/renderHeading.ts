/**
 * The head of the printed stuk: the title line (the title node's own `toDOM`, an `<h1>` with
 * the kind, then the title between quotes, with its changes when they are shown), the small
 * metadata line under it, the legend of the changes when there is one, and the preamble (its
 * own `toDOM`, which prints the sentence with the assembly and the Dutch date).
 */
import type { Node } from 'prosemirror-model';
import type { MetadataText } from '../editor/queries/getMetadataText.ts';
import { getTopLevelNode } from '../editor/queries/getTopLevelNode.ts';
import { renderNodeSpec } from './nodeMarkup.ts';
import { formatMetaLine } from './printMetadata.ts';
import { renderDomSpec } from './renderDomSpec.ts';
import { renderInlineContent } from './renderInline.ts';

/**
 * The `<h1>` title line, the metadata line (when there is one), `legend` (HTML, may be '')
 * and the preamble `<p>`.
 */
export function renderHeading(doc: Node, metadata: MetadataText, legend = ''): string {
  // The title node's spec prints the kind; the title goes in its hole between the quotes the
  // title line has everywhere ("Geactualiseerde resolutie “Titel”"), trimmed like the exports.
  // Its text goes through the inline renderer, so a change to it prints like any other.
  const titleNode = getTopLevelNode(doc, 'title');
  const titleText =
    metadata.title === null ? '' : `“${renderInlineContent(trimTitle(titleNode), 0, new Map())}”`;
  const title = renderNodeSpec(titleNode, titleText);
  const metaLine = formatMetaLine(metadata);
  const meta = metaLine === null ? '' : renderDomSpec(['p', { class: 'doc-meta' }, metaLine]);
  return title + meta + legend + renderNodeSpec(getTopLevelNode(doc, 'preamble'));
}

// The title node without the white space at its ends (its content is text alone, so offsets
// in its text are positions in its content), as `String.trim` cuts the exports' title.
function trimTitle(title: Node): Node {
  const text = title.textContent;
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return title.cut(start, end);
}
