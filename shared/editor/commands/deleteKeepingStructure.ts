/**
 * Deleting (or typing over) a selection that spans the fixed parts of a document: from an item
 * of one block into another block, or from the title into the Toelichting. Only content goes:
 * items, Toelichting paragraphs, lists and the text of partly selected text blocks. Blocks,
 * their headings, the preamble and the Toelichting's heading stay, and a block left without
 * items gets one empty item, so the user can go on typing where the selection started.
 */
import { TextSelection } from 'prosemirror-state';
import type { Command, EditorState, Transaction } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { schema } from '../schema.ts';
import { isClauseBlock } from '../queries/findItemContext.ts';

// Nodes whose common ancestor makes a selection "cross-structure".
const STRUCTURAL = new Set(['doc', 'recitals', 'operatives']);

/** True when the selection crosses fixed parts, so ordinary deletion would tear them. */
export function isCrossStructureSelection(state: EditorState): boolean {
  const { $from, $to, empty } = state.selection;
  if (empty) return false;
  const shared = $from.node($from.sharedDepth($to.pos));
  return STRUCTURAL.has(shared.type.name);
}

// A node that may be removed whole when it lies wholly inside the selection.
function isRemovable(node: Node, parent: Node | null): boolean {
  if (node.type === schema.nodes.item) return true;
  const parentName = parent?.type.name;
  return (
    parentName === 'explanation' || parentName === 'bullet_list' || parentName === 'ordered_list'
  );
}

/** The deletion itself, on a transaction; returns the position where the cursor belongs. */
export function deleteKeepingStructure(tr: Transaction, from: number, to: number): number {
  const ranges: [number, number][] = [];
  const touchedBlocks: number[] = [];
  tr.doc.nodesBetween(from, to, (node, pos, parent) => {
    if (node.isText || node.isAtom) return false;
    const end = pos + node.nodeSize;
    if (isClauseBlock(node)) touchedBlocks.push(pos);
    if (isRemovable(node, parent) && pos >= from && end <= to) {
      ranges.push([pos, end]);
      return false;
    }
    if (node.isTextblock) {
      const start = Math.max(from, pos + 1);
      const stop = Math.min(to, end - 1);
      if (stop > start) ranges.push([start, stop]);
      return false;
    }
    return true;
  });
  for (let i = ranges.length - 1; i >= 0; i--) {
    const [start, stop] = ranges[i]!;
    tr.delete(start, stop);
  }
  // Blocks emptied by this deletion get an empty item back: the user's own edit, so this
  // repair happens once, here, and never on other replicas.
  for (let i = touchedBlocks.length - 1; i >= 0; i--) {
    const pos = tr.mapping.map(touchedBlocks[i]!, 1);
    const block = tr.doc.nodeAt(pos);
    if (block && isClauseBlock(block) && block.childCount === 0) {
      tr.insert(pos + 1, schema.nodes.item.create());
    }
  }
  return tr.mapping.map(from, -1);
}

/** Backspace/Delete (and the deleting half of typing) over a cross-structure selection. */
export const deleteSelectionKeepingStructure: Command = (state, dispatch) => {
  if (!isCrossStructureSelection(state)) return false;
  if (dispatch) {
    const tr = state.tr;
    const cursor = deleteKeepingStructure(tr, state.selection.from, state.selection.to);
    tr.setSelection(TextSelection.near(tr.doc.resolve(cursor), 1));
    dispatch(tr.scrollIntoView());
  }
  return true;
};

/** Typing over a cross-structure selection: delete as above, then insert the text. */
export function replaceSelectionKeepingStructure(text: string): Command {
  return (state, dispatch) => {
    if (!isCrossStructureSelection(state)) return false;
    if (dispatch) {
      const tr = state.tr;
      const cursor = deleteKeepingStructure(tr, state.selection.from, state.selection.to);
      tr.setSelection(TextSelection.near(tr.doc.resolve(cursor), 1));
      if (tr.selection.$from.parent.inlineContent) tr.insertText(text);
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}
