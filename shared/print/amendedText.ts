/**
 * A resolution "zoals geamendeerd": the text as the ALV decided it, with the number of each
 * adopted amendment in the margin of the items it changed.
 *
 * The caller says which proposals belong to adopted amendments (change id → number, "A1"). The
 * text is the document with those proposals accepted, if they are still pending, and every
 * other pending proposal left out (rejected): what was not adopted is not part of the text.
 * Print does not know the procedure (shared/print may not import it); the caller reads it.
 *
 * Where an adopted amendment's number goes:
 *
 * - text it added: an accepted insertion keeps its change id (changeMarks.ts), so every item
 *   that holds text of it gets its number;
 * - text it deleted: gone once accepted, so its place is a position. A deletion still pending
 *   is found here; one the editor already accepted the caller gives (`deletions`, positions in
 *   the document it passes, worked out from the amendment's `targets`). The position is
 *   carried through the decisions made here: the item it then stands in gets the number; where
 *   the whole item went, the item before the gap (or after it, at the start of a block); where
 *   a whole block went, no item: the line under the title names every adopted amendment.
 */
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import type { Transaction } from 'prosemirror-state';
import { Mapping } from 'prosemirror-transform';
import { acceptChanges, rejectChanges } from '../editor/suggestions/trackedChanges.ts';
import type { ChangeFilter } from '../editor/suggestions/trackedChanges.ts';
import type { ItemChange } from '../editor/suggestions/changeMarks.ts';

/** What the caller knows of the adopted amendments. */
export interface AmendedMarks {
  /** Change id → the number of the adopted amendment whose proposal it is ("A1"). */
  numbers: ReadonlyMap<string, string>;
  /**
   * Where adopted amendments deleted text that the document no longer holds (their deletions
   * were accepted already): a position in the document passed, and the amendment's number.
   */
  deletions?: readonly { pos: number; number: string }[] | undefined;
}

/** The decided text and where the numbers go. */
export interface AmendedText {
  /** The document as decided: adopted proposals accepted, every other one left out. */
  doc: Node;
  /** Item position in `doc` → the numbers of the amendments that changed it, in order. */
  notes: Map<number, string[]>;
  /** Every adopted amendment's number, in order (A1, A2, A10). */
  numbers: string[];
}

/** `doc` as decided, with the margin numbers of the adopted amendments (see above). */
export function getAmendedText(doc: Node, marks: AmendedMarks): AmendedText {
  const adopted: ChangeFilter = (change) => marks.numbers.has(change.id);
  // Where the adopted proposals delete text (still pending), before it goes.
  const places: { pos: number; number: string }[] = [...(marks.deletions ?? [])];
  doc.descendants((node, pos) => {
    const itemChange = node.type.name === 'item' ? (node.attrs.change as ItemChange | null) : null;
    if (itemChange?.type === 'delete' && marks.numbers.has(itemChange.id)) {
      places.push({ pos, number: marks.numbers.get(itemChange.id)! });
    }
    if (!node.isInline) return true;
    const deletion = node.marks.find((mark) => mark.type.name === 'deletion');
    const number = deletion ? marks.numbers.get(deletion.attrs.id as string) : undefined;
    if (number) places.push({ pos, number });
    return false;
  });
  const mapping = new Mapping();
  let decided = doc;
  const apply = (command: ReturnType<typeof acceptChanges>) => {
    command(EditorState.create({ doc: decided }), (tr: Transaction) => {
      mapping.appendMapping(tr.mapping);
      decided = tr.doc;
    });
  };
  apply(acceptChanges(adopted, { removeEmptied: true }));
  apply(rejectChanges(() => true, { removeEmptied: true }));

  const notes = new Map<number, string[]>();
  const add = (itemPos: number, number: string) => {
    const list = notes.get(itemPos) ?? [];
    if (!list.includes(number)) list.push(number);
    notes.set(itemPos, list);
  };
  decided.descendants((node, pos) => {
    if (node.type.name !== 'item') return !node.isTextblock;
    node.descendants((child) => {
      const inserted = child.marks.find((mark) => mark.type.name === 'insertion');
      const number = inserted ? marks.numbers.get(inserted.attrs.id as string) : undefined;
      if (number) add(pos, number);
      return false;
    });
    return false;
  });
  for (const place of places) {
    const itemPos = findItemNear(decided, mapping.map(place.pos, -1));
    if (itemPos !== null) add(itemPos, place.number);
  }
  for (const list of notes.values()) list.sort(compareNumbers);
  return {
    doc: decided,
    notes,
    numbers: [...new Set(marks.numbers.values())].sort(compareNumbers),
  };
}

/**
 * The item `pos` stands in; between the items of a block, the one before it (or after it, at
 * the block's start); null outside the blocks.
 */
function findItemNear(doc: Node, pos: number): number | null {
  const $pos = doc.resolve(Math.max(0, Math.min(pos, doc.content.size)));
  for (let depth = $pos.depth; depth > 0; depth -= 1) {
    if ($pos.node(depth).type.name === 'item') return $pos.before(depth);
  }
  const parent = $pos.parent;
  if (parent.type.name !== 'recital_block' && parent.type.name !== 'operative_block') return null;
  if ($pos.nodeBefore) return $pos.pos - $pos.nodeBefore.nodeSize;
  if ($pos.nodeAfter) return $pos.pos;
  return null;
}

/** Natural order of numbers: A2 before A10. */
function compareNumbers(a: string, b: string): number {
  return a.localeCompare(b, 'nl', { numeric: true });
}
