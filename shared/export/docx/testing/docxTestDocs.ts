/**
 * A stuk with every kind of pending proposal, for the Word export's tests: text proposed by
 * one author, text proposed for deletion by another, a whole item proposed, and a whole block
 * proposed for deletion; each with its own author and time, as the app would have stored them.
 */
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { buildDoc, findText } from '../../../editor/testing/buildDoc.ts';
import { schema } from '../../../editor/schema.ts';
import type { ItemChange } from '../../../editor/suggestions/changeMarks.ts';

/** The proposals of `proposalDoc`, as a reader of the file should find them. */
export const PROPOSALS = {
  inserted: { author: 'Redacteur', text: 'structurele ', time: Date.UTC(2024, 10, 20, 10, 0) },
  deleted: { author: 'Jurist', text: 'kosten ', time: Date.UTC(2024, 10, 21, 9, 30) },
  item: { author: 'Bewerker', text: 'Een voorgesteld punt.', time: Date.UTC(2024, 10, 22, 8, 15) },
  block: { author: 'Auteur', text: 'Een geschrapte oproep.', time: Date.UTC(2024, 10, 23, 14, 45) },
} as const;

const COLOUR = '#b3261e';

/**
 * A resolution with two blocks of numbered items and sub-items, where "structurele " is
 * proposed, "kosten " proposed for deletion, a whole item proposed in the second block and
 * the whole third block proposed for deletion.
 */
export function proposalDoc(): Node {
  const doc = buildDoc({
    title: 'Jeugdzorg',
    recitals: [['De kosten stijgen;', 'Gemeenten betalen;', { text: 'nu', indent: 1 }]],
    operatives: [
      ['Dat het Rijk bijdraagt;', PROPOSALS.item.text, 'Dat het snel gaat.'],
      [PROPOSALS.block.text, { text: 'ook later', indent: 1 }],
    ],
    explanation: ['Waarom dit nodig is.'],
  });
  const tr = new Transform(doc);
  const { inserted, deleted, item, block } = PROPOSALS;
  const at = findText(tr.doc, 'bijdraagt', true);
  tr.insert(at, schema.text(inserted.text));
  tr.addMark(
    at,
    at + inserted.text.length,
    schema.marks.insertion!.create({
      id: 'ins1',
      name: inserted.author,
      colour: COLOUR,
      time: inserted.time,
    }),
  );
  const from = findText(tr.doc, deleted.text, true);
  tr.addMark(
    from,
    from + deleted.text.length,
    schema.marks.deletion!.create({
      id: 'del1',
      name: deleted.author,
      colour: COLOUR,
      time: deleted.time,
    }),
  );
  const itemChange: ItemChange = {
    type: 'insert',
    id: 'item1',
    name: item.author,
    colour: COLOUR,
    time: item.time,
  };
  const blockChange: ItemChange = {
    type: 'delete',
    id: 'block1',
    name: block.author,
    colour: COLOUR,
    time: block.time,
  };
  // As the editor proposes them: the item's change, and its text marked as the same change.
  const { id: _itemId, type: _itemType, ...itemMark } = itemChange;
  const { id: _blockId, type: _blockType, ...blockMark } = blockChange;
  tr.doc.descendants((node, pos) => {
    if (node.type.name !== 'item') return true;
    const [change, mark] =
      node.textContent === item.text
        ? [itemChange, schema.marks.insertion!.create({ id: 'item1', ...itemMark })]
        : node.textContent === block.text || node.textContent === 'ook later'
          ? [blockChange, schema.marks.deletion!.create({ id: 'block1', ...blockMark })]
          : [null, null];
    if (change && mark) {
      tr.setNodeMarkup(pos, undefined, { ...node.attrs, change });
      tr.addMark(pos + 1, pos + node.nodeSize - 1, mark);
    }
    return false;
  });
  tr.doc.check();
  return tr.doc;
}
