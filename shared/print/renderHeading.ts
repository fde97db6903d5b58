/**
 * The head of the printed stuk: the title line (the title node's own `toDOM`, an `<h1>` with
 * the kind, then the title between quotes), the small metadata line under it, and the preamble
 * (its own `toDOM`, which prints the sentence with the assembly and the Dutch date).
 */
import type { Node } from 'prosemirror-model';
import type { ResolutieJsonMetadata } from '../export/resolutieJson.ts';
import { findTopLevelNode } from '../export/readMetadata.ts';
import { escapeHtmlText } from './escapeHtml.ts';
import { renderNodeSpec } from './nodeMarkup.ts';
import { formatMetaLine } from './printMetadata.ts';
import { renderDomSpec } from './renderDomSpec.ts';

/** The `<h1>` title line, the metadata line (when there is one) and the preamble `<p>`. */
export function renderHeading(doc: Node, metadata: ResolutieJsonMetadata): string {
  // The title node's spec prints the kind; the title goes in its hole between the quotes the
  // title line has everywhere ("Geactualiseerde resolutie “Titel”"), trimmed like the exports.
  const titleText = metadata.title === null ? '' : escapeHtmlText(`“${metadata.title}”`);
  const title = renderNodeSpec(findTopLevelNode(doc, 'title'), titleText);
  const metaLine = formatMetaLine(metadata);
  const meta = metaLine === null ? '' : renderDomSpec(['p', { class: 'doc-meta' }, metaLine]);
  return title + meta + renderNodeSpec(findTopLevelNode(doc, 'preamble'));
}
