/**
 * Whether a stuk is a resolution, motie or amendement, or something else the editor holds: a
 * letter or newsletter imported as Toelichting only. A stuk of a kind has recital or operative
 * blocks; the others have none, and print without the kind ("Resolutie") in their title,
 * without the preamble's placeholder and without the word "Toelichting" above their text
 * (issue 16, point 12). The kind attribute cannot tell: every document has one, and an import
 * of a letter gets the default.
 */
import type { Node } from 'prosemirror-model';
import type { MetadataText } from '../editor/queries/getMetadataText.ts';
import { formatTitleLine } from '../editor/queries/getMetadataText.ts';
import { getExplanation } from '../editor/queries/getExplanation.ts';
import { DEFAULT_ASSEMBLY } from '../model/assembly.ts';

/** The name of a stuk that has neither a title nor a heading to be named by. */
export const UNTITLED_STUK = 'Stuk zonder titel';

/** True when the stuk has a recital or operative block: it is a stuk of its kind. */
export function hasClauseBlocks(doc: Node): boolean {
  let found = false;
  doc.forEach((child) => {
    if ((child.type.name === 'recitals' || child.type.name === 'operatives') && child.childCount) {
      found = true;
    }
  });
  return found;
}

/**
 * True when the preamble names nothing: no date and the default assembly. It then prints
 * nothing, rather than "De leden bijeen in de ALV van …:".
 */
export function isPreambleEmpty(metadata: MetadataText): boolean {
  return metadata.date === null && metadata.assembly === DEFAULT_ASSEMBLY;
}

/**
 * What names the stuk on paper (its `<h1>`, the PDF's title, the footer, the bundle's
 * contents): the title line ("Geactualiseerde motie “…”") for a stuk of a kind; for another,
 * its own title, else `fallbackName` (the file's name, where the caller knows it), else the
 * first heading of its text, else {@link UNTITLED_STUK}.
 */
export function getStukName(doc: Node, metadata: MetadataText, fallbackName?: string): string {
  if (hasClauseBlocks(doc)) return formatTitleLine(metadata);
  return (
    metadata.title ??
    nonBlank(fallbackName) ??
    findFirstHeading(getExplanation(doc).node) ??
    UNTITLED_STUK
  );
}

function findFirstHeading(explanation: Node): string | null {
  let heading: string | null = null;
  explanation.descendants((node) => {
    if (heading !== null) return false;
    if (node.type.name === 'heading') heading = nonBlank(node.textContent.replace(/\s+/g, ' '));
    return node.type.name !== 'heading';
  });
  return heading;
}

function nonBlank(text: string | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed.length > 0 ? trimmed : null;
}
