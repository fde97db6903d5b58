/**
 * A stuk with cross-references for the tests of every output: references to an item, a
 * sub-item, a block and a Toelichting heading, and one whose target is gone. Built in the real
 * schema: the targets get their ids as attributes, the references are `reference` nodes.
 */
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { docFromModel } from '../../editor/fromModel.ts';
import { findText } from '../../editor/testing/buildDoc.ts';
import { schema } from '../../editor/schema.ts';
import type { InlineRun } from '../../model/resolution.ts';

const text = (value: string): InlineRun => ({ type: 'text', text: value });

/** The ids of the targets in {@link referenceDoc}. */
export const REFERENCE_IDS = {
  recital: 'overweging-woningnood',
  item: 'punt-bouwen',
  subItem: 'onderdeel-grond',
  block: 'blok-spreekt-uit',
  heading: 'kop-cijfers',
  /** No element carries it: the reference to it is broken. */
  missing: 'weg-verdwenen',
} as const;

/** What the references of {@link referenceDoc} read, in document order. */
export const REFERENCE_LABELS = {
  item: 'punt 1',
  subItem: 'onderdeel a van punt 2',
  block: "de passage 'Spreekt uit'",
  heading: "de Toelichting, 'Woningbouw in cijfers'",
} as const;

/**
 * Recitals: one overweging. Spreekt uit: "punt 1" (the item), "punt 2" with sub-item a (the
 * sub-item), and punt 3, which refers to punt 1, onderdeel a van punt 2, the block, the heading
 * and the missing id, in that order. The Toelichting: the heading "Woningbouw in cijfers" and a
 * paragraph that refers to punt 1. `before` adds items before punt 1, which renumbers it.
 */
export function referenceDoc(before: string[] = []): Node {
  const doc = docFromModel({
    kind: 'resolutie',
    status: 'concept',
    title: 'Bouwen met verwijzingen',
    submitter: null,
    preamble: { assembly: 'Najaars ALV', date: '2024-11-29' },
    blocks: [
      {
        type: 'recital',
        heading: 'overwegende',
        items: [{ indent: 0, marker: 'letter', content: [text('de woningnood groot is;')] }],
      },
      {
        type: 'operative',
        heading: 'spreekt_uit',
        items: [
          ...before.map((value) => ({
            indent: 0 as const,
            marker: 'letter' as const,
            content: [text(value)],
          })),
          { indent: 0, marker: 'letter', content: [text('dat er gebouwd wordt;')] },
          { indent: 0, marker: 'letter', content: [text('dat er middelen komen:')] },
          { indent: 1, marker: 'letter', content: [text('voor grond;')] },
          { indent: 0, marker: 'letter', content: [text('dat zie , , ,  en  aandacht krijgen.')] },
        ],
      },
    ],
    explanation: [
      { type: 'heading', level: 1, content: [text('Woningbouw in cijfers')] },
      { type: 'paragraph', content: [text('Zoals  vraagt.')] },
    ],
  });
  const tr = EditorState.create({ doc }).tr;
  // The targets' ids, set as the attributes a reference gives them.
  const ids = new Map<string, string>([
    ['de woningnood groot is;', REFERENCE_IDS.recital],
    ['dat er gebouwd wordt;', REFERENCE_IDS.item],
    ['voor grond;', REFERENCE_IDS.subItem],
    ['Woningbouw in cijfers', REFERENCE_IDS.heading],
  ]);
  doc.descendants((node, pos) => {
    if (node.type.name === 'operative_block') tr.setNodeAttribute(pos, 'id', REFERENCE_IDS.block);
    if (node.type.name === 'item' || node.type.name === 'heading') {
      const id = ids.get(node.textContent);
      if (id) tr.setNodeAttribute(pos, 'id', id);
      return false;
    }
    return true;
  });
  // Each reference goes into its gap, the last gap first so that the text before the others
  // stays as it was.
  const gaps: [string, string][] = [
    ['Zoals ', REFERENCE_IDS.item],
    ['dat zie , , ,  en ', REFERENCE_IDS.missing],
    ['dat zie , , , ', REFERENCE_IDS.heading],
    ['dat zie , , ', REFERENCE_IDS.block],
    ['dat zie , ', REFERENCE_IDS.subItem],
    ['dat zie ', REFERENCE_IDS.item],
  ];
  for (const [after, target] of gaps) {
    tr.insert(findText(tr.doc, after), schema.nodes.reference!.create({ target }));
  }
  tr.doc.check();
  return tr.doc;
}
