/**
 * Tab and Shift-Tab on items: a numbered item becomes a sub-item of the one above it and back.
 * Works on every item the selection touches. The first item of a block has nothing above it
 * to belong to and stays numbered.
 */
import type { Command, EditorState } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import type { ItemMarker } from '../nodes/item.ts';
import { findItemContext } from '../queries/findItemContext.ts';

interface SelectedItem {
  node: Node;
  pos: number;
  index: number;
}

/** The items the selection touches, with their positions and indexes in their blocks. */
export function getSelectedItems(state: EditorState): SelectedItem[] {
  const { from, to } = state.selection;
  const items: SelectedItem[] = [];
  state.doc.nodesBetween(from, to, (node, pos, parent, index) => {
    if (node.type.name === 'item') {
      items.push({ node, pos, index });
      return false;
    }
    return parent === null || node.isBlock;
  });
  return items;
}

/** Tab: make the selected items sub-items. Swallows Tab inside items even when nothing moves. */
export const indentItem: Command = (state, dispatch) => {
  if (!findItemContext(state.selection.$from)) return false;
  const targets = getSelectedItems(state).filter((i) => i.node.attrs.indent === 0 && i.index > 0);
  if (targets.length > 0 && dispatch) {
    const tr = state.tr;
    for (const t of targets) tr.setNodeMarkup(t.pos, undefined, { ...t.node.attrs, indent: 1 });
    dispatch(tr);
  }
  return true;
};

/** Shift-Tab: make the selected sub-items numbered items again. */
export const outdentItem: Command = (state, dispatch) => {
  if (!findItemContext(state.selection.$from)) return false;
  const targets = getSelectedItems(state).filter((i) => i.node.attrs.indent === 1);
  if (targets.length > 0 && dispatch) {
    const tr = state.tr;
    for (const t of targets) tr.setNodeMarkup(t.pos, undefined, { ...t.node.attrs, indent: 0 });
    dispatch(tr);
  }
  return true;
};

/** Sets the marker (letters or bullets) of the selected sub-items. */
export function setSubitemMarker(marker: ItemMarker): Command {
  return (state, dispatch) => {
    const targets = getSelectedItems(state).filter(
      (i) => i.node.attrs.indent === 1 && i.node.attrs.marker !== marker,
    );
    if (targets.length === 0) return false;
    if (dispatch) {
      const tr = state.tr;
      for (const t of targets) tr.setNodeMarkup(t.pos, undefined, { ...t.node.attrs, marker });
      dispatch(tr);
    }
    return true;
  };
}
