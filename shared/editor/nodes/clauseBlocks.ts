/**
 * Recital blocks ("Overwegende dat:" …) and operative blocks ("Spreekt uit:" …). The heading is
 * an attribute, printed by the view, so it cannot be typed over; the items are content.
 * `item*` rather than `item+`: an empty block is valid, so no concurrent merge that empties a
 * block can make y-prosemirror drop it (see docs/ARCHITECTURE.md, "Merge-safe schema").
 */
import { oneOf } from './attrValidators.ts';
import {
  elementIdAttr,
  elementIdDomAttrs,
  ignoredChecksAttr,
  readElementIdFromDom,
} from './elementIds.ts';
import type { NodeSpec } from 'prosemirror-model';
import { OPERATIVE_HEADINGS, RECITAL_HEADINGS } from '../../model/resolution.ts';
import type { OperativeHeading, RecitalHeading } from '../../model/resolution.ts';
import { OPERATIVE_HEADING_LABELS, RECITAL_HEADING_LABELS } from '../../labels.ts';

function blockSpec<H extends string>(
  kind: 'recital' | 'operative',
  headings: readonly H[],
  labels: Record<H, string>,
): NodeSpec {
  return {
    attrs: {
      heading: { default: headings[0], validate: oneOf(headings) },
      id: elementIdAttr,
      ignoredChecks: ignoredChecksAttr,
    },
    content: 'item*',
    defining: true,
    isolating: true,
    parseDOM: [
      {
        tag: `section.clause-block[data-kind="${kind}"]`,
        getAttrs: (dom) => {
          const heading = dom.getAttribute('data-heading') as H | null;
          return {
            heading: heading && headings.includes(heading) ? heading : headings[0],
            id: readElementIdFromDom(dom),
          };
        },
        contentElement: 'ol',
      },
    ],
    toDOM: (node) => [
      'section',
      {
        class: 'clause-block',
        'data-kind': kind,
        'data-heading': node.attrs.heading as string,
        ...elementIdDomAttrs(node.attrs.id),
      },
      ['h2', { class: 'block-heading' }, labels[node.attrs.heading as H]],
      ['ol', { class: 'items' }, 0],
    ],
  };
}

export const recital_block: NodeSpec = blockSpec<RecitalHeading>(
  'recital',
  RECITAL_HEADINGS,
  RECITAL_HEADING_LABELS,
);

export const operative_block: NodeSpec = blockSpec<OperativeHeading>(
  'operative',
  OPERATIVE_HEADINGS,
  OPERATIVE_HEADING_LABELS,
);
