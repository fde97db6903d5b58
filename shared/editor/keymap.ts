/**
 * The editor's keys. Item behaviour comes first (Enter, Backspace, Delete, Tab), then the
 * Toelichting's lists, then ProseMirror's base keymap. Undo and redo are supplied by the
 * collaboration module, so that they undo through Yjs and only the user's own edits.
 */
import { baseKeymap, chainCommands } from 'prosemirror-commands';
import type { Command } from 'prosemirror-state';
import {
  joinItemBackward,
  joinItemForward,
  leaveEmptyItem,
  leaveTitle,
  splitItem,
} from './commands/itemKeys.ts';
import { indentItem, outdentItem } from './commands/indentItems.ts';
import { deleteSelectionKeepingStructure } from './commands/deleteKeepingStructure.ts';
import {
  liftExplanationListItem,
  sinkExplanationListItem,
  splitExplanationListItem,
} from './commands/explanationBlocks.ts';
import { toggleBold, toggleItalic, toggleUnderline } from './commands/inlineContent.ts';
import { schema } from './schema.ts';

/** Enter, Backspace, Delete, Tab and marks; `undo`/`redo` come from the collaboration module. */
export function buildKeymap(history: { undo: Command; redo: Command }): Record<string, Command> {
  const insertBreak: Command = (state, dispatch) => {
    if (!state.selection.$from.parent.inlineContent) return false;
    if (state.selection.$from.parent.type === schema.nodes.title) return true;
    if (dispatch) {
      dispatch(state.tr.replaceSelectionWith(schema.nodes.hard_break.create()).scrollIntoView());
    }
    return true;
  };
  return {
    'Mod-z': history.undo,
    'Mod-Shift-z': history.redo,
    'Mod-y': history.redo,
    'Mod-b': toggleBold,
    'Mod-i': toggleItalic,
    'Mod-u': toggleUnderline,
    Enter: chainCommands(
      deleteSelectionKeepingStructure,
      leaveTitle,
      leaveEmptyItem,
      splitItem,
      splitExplanationListItem,
    ),
    'Shift-Enter': insertBreak,
    Backspace: chainCommands(deleteSelectionKeepingStructure, joinItemBackward),
    'Mod-Backspace': chainCommands(deleteSelectionKeepingStructure, joinItemBackward),
    Delete: chainCommands(deleteSelectionKeepingStructure, joinItemForward),
    'Mod-Delete': chainCommands(deleteSelectionKeepingStructure, joinItemForward),
    Tab: chainCommands(indentItem, sinkExplanationListItem),
    'Shift-Tab': chainCommands(outdentItem, liftExplanationListItem),
  };
}

/** ProseMirror's own keys, after ours. */
export { baseKeymap };
