/**
 * The outline of a document as the side panel lists it: every block with its heading and
 * item count, then the Toelichting and its headings, each with the position to scroll to.
 */
import type { Node } from 'prosemirror-model';
import type { OperativeHeading, RecitalHeading } from '../../model/resolution.ts';
import { getNumberedItemCount } from './getItemLabels.ts';

export type OutlineEntry =
  | {
      type: 'block';
      kind: 'recital' | 'operative';
      heading: RecitalHeading | OperativeHeading;
      itemCount: number;
      pos: number;
    }
  | { type: 'explanation'; pos: number }
  | { type: 'heading'; level: 1 | 2; text: string; pos: number };

/** The outline entries in document order. */
export function getOutline(doc: Node): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  doc.forEach((section, sectionOffset) => {
    const name = section.type.name;
    if (name === 'recitals' || name === 'operatives') {
      section.forEach((block, blockOffset) => {
        entries.push({
          type: 'block',
          kind: name === 'recitals' ? 'recital' : 'operative',
          heading: block.attrs.heading as RecitalHeading | OperativeHeading,
          itemCount: getNumberedItemCount(block),
          pos: sectionOffset + 1 + blockOffset,
        });
      });
    } else if (name === 'explanation') {
      entries.push({ type: 'explanation', pos: sectionOffset });
      section.forEach((child, childOffset) => {
        if (child.type.name !== 'heading') return;
        entries.push({
          type: 'heading',
          level: child.attrs.level as 1 | 2,
          text: child.textContent,
          pos: sectionOffset + 1 + childOffset,
        });
      });
    }
  });
  return entries;
}
