/**
 * What Enter, Backspace and Delete do inside items: Enter at the end makes the next item,
 * Enter in an empty item leaves the block, Backspace at the start joins an item with the one
 * before, Delete at the end joins the next one. None of them ever merges two blocks.
 */
import { TextSelection } from 'prosemirror-state';
import type { Command, EditorState, Transaction } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { schema } from '../schema.ts';
import { findItemContext, isClauseBlock } from '../queries/findItemContext.ts';

/** Enter inside a non-empty item: split it; the new item keeps the indent and marker. */
export const splitItem: Command = (state, dispatch) => {
  const { $from, $to } = state.selection;
  const ctx = findItemContext($from);
  if (!ctx || !$from.sameParent($to) || ctx.item.content.size === 0) return false;
  if (dispatch) {
    const tr = state.tr.deleteSelection();
    const { indent, marker } = ctx.item.attrs;
    tr.split(tr.selection.from, 1, [{ type: schema.nodes.item, attrs: { indent, marker } }]);
    dispatch(tr.scrollIntoView());
  }
  return true;
};

/**
 * Enter in an empty item. A sub-item moves back to the numbered level; an empty last item
 * is removed and the cursor goes on to the next block (or the Toelichting), like leaving a
 * list in a word processor; an empty item elsewhere gets a new empty item after it.
 */
export const leaveEmptyItem: Command = (state, dispatch) => {
  const { selection } = state;
  const ctx = findItemContext(selection.$from);
  if (!ctx || !selection.empty || ctx.item.content.size > 0) return false;
  if (!dispatch) return true;
  const tr = state.tr;
  if (ctx.item.attrs.indent === 1) {
    tr.setNodeMarkup(ctx.itemPos, undefined, { ...ctx.item.attrs, indent: 0 });
  } else if (ctx.index < ctx.block.childCount - 1) {
    const after = ctx.itemPos + ctx.item.nodeSize;
    tr.insert(after, schema.nodes.item.create());
    tr.setSelection(TextSelection.create(tr.doc, after + 1));
  } else {
    moveToNextBlock(tr, ctx.blockPos + ctx.block.nodeSize);
    if (ctx.block.childCount > 1) {
      tr.delete(ctx.itemPos, ctx.itemPos + ctx.item.nodeSize);
    }
  }
  dispatch(tr.scrollIntoView());
  return true;
};

// Puts the cursor at the start of the first block after `pos` that can take text: a clause
// block's first item, or the Toelichting's first text block; creates the item or paragraph
// when the target is empty.
function moveToNextBlock(tr: Transaction, pos: number): void {
  const target = findNextEditable(tr.doc, pos);
  if (!target) return;
  const { node, pos: targetPos } = target;
  const first = node.firstChild;
  if (first && first.isTextblock) {
    tr.setSelection(TextSelection.create(tr.doc, targetPos + 2));
    return;
  }
  const filler = isClauseBlock(node) ? schema.nodes.item.create() : schema.nodes.paragraph.create();
  tr.insert(targetPos + 1, filler);
  tr.setSelection(TextSelection.create(tr.doc, targetPos + 2));
}

function findNextEditable(doc: Node, pos: number): { node: Node; pos: number } | null {
  let found: { node: Node; pos: number } | null = null;
  doc.nodesBetween(pos, doc.content.size, (node, nodePos) => {
    if (found) return false;
    if (nodePos >= pos && (isClauseBlock(node) || node.type.name === 'explanation')) {
      found = { node, pos: nodePos };
      return false;
    }
    return true;
  });
  return found;
}

/** Backspace at the start of an item: join it with the item before, never across blocks. */
export const joinItemBackward: Command = (state, dispatch) => {
  const { selection } = state;
  if (!selection.empty || selection.$from.parentOffset > 0) return false;
  const ctx = findItemContext(selection.$from);
  if (!ctx) return false;
  if (ctx.index > 0) {
    if (dispatch) dispatch(state.tr.join(ctx.itemPos).scrollIntoView());
    return true;
  }
  // The first item of a block: an empty one goes if others remain; otherwise nothing happens,
  // so that the block's heading and the block before stay as they are.
  if (ctx.item.content.size === 0 && ctx.block.childCount > 1 && dispatch) {
    const tr = state.tr.delete(ctx.itemPos, ctx.itemPos + ctx.item.nodeSize);
    tr.setSelection(TextSelection.create(tr.doc, ctx.itemPos + 1));
    dispatch(tr.scrollIntoView());
  }
  return true;
};

/** Delete at the end of an item: pull the next item of the same block into this one. */
export const joinItemForward: Command = (state, dispatch) => {
  const { selection } = state;
  const { $from } = selection;
  if (!selection.empty || $from.parentOffset < $from.parent.content.size) return false;
  const ctx = findItemContext($from);
  if (!ctx) return false;
  if (ctx.index < ctx.block.childCount - 1 && dispatch) {
    dispatch(state.tr.join(ctx.itemPos + ctx.item.nodeSize).scrollIntoView());
  }
  return true;
};

/** Inserts a new empty item after the item holding the cursor (toolbar "Punt toevoegen"). */
export const insertItemAfter: Command = (state: EditorState, dispatch) => {
  const ctx = findItemContext(state.selection.$to);
  if (!ctx) return false;
  if (dispatch) {
    const after = ctx.itemPos + ctx.item.nodeSize;
    const { indent, marker } = ctx.item.attrs;
    const tr = state.tr.insert(after, schema.nodes.item.create({ indent, marker }));
    tr.setSelection(TextSelection.create(tr.doc, after + 1));
    dispatch(tr.scrollIntoView());
  }
  return true;
};

/** Enter in the title: the title stays one line and the cursor goes on to the first item. */
export const leaveTitle: Command = (state, dispatch) => {
  const { $from } = state.selection;
  if ($from.parent.type !== schema.nodes.title) return false;
  if (dispatch) {
    const tr = state.tr;
    moveToNextBlock(tr, state.doc.firstChild!.nodeSize);
    dispatch(tr.scrollIntoView());
  }
  return true;
};
