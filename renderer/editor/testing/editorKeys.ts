/**
 * The editor's keys and typing as commands, for the fuzz tests that drive simulated editors
 * (suggestions.fuzz.test.ts, main/syncServer/roleRules.fuzz.test.ts): the keymap with
 * ProseMirror's base keymap behind it, as createEditor installs them, typing as the paste
 * plugin handles it, and a single character deleted as the browser does natively.
 */
import { baseKeymap, chainCommands } from 'prosemirror-commands';
import type { Command } from 'prosemirror-state';
import { buildKeymap } from '../../../shared/editor/keymap.ts';
import { replaceSelectionKeepingStructure } from '../../../shared/editor/commands/deleteKeepingStructure.ts';

/** The editor's keymap (undo and redo left out: they go through Yjs). */
export const keys = buildKeymap({ undo: () => false, redo: () => false });
// The editor's keymap falls back to ProseMirror's base keymap, as in createEditor.
export const enter = chainCommands(keys.Enter!, baseKeymap.Enter!);
export const backspace = chainCommands(keys.Backspace!, baseKeymap.Backspace!);
export const del = chainCommands(keys.Delete!, baseKeymap.Delete!);

/** Typing, as the editor does it (pastePlugin's handleTextInput, else the browser). */
export const typeText = (text: string): Command =>
  chainCommands(replaceSelectionKeepingStructure(text), (state, dispatch) => {
    dispatch?.(state.tr.insertText(text));
    return true;
  });

/** A one-character Backspace or Delete inside text, which the browser does natively. */
export const deleteChar =
  (forward: boolean): Command =>
  (state, dispatch) => {
    const { head } = state.selection;
    const [from, to] = forward ? [head, head + 1] : [head - 1, head];
    if (!state.selection.empty || from < 0 || to > state.doc.content.size) return false;
    if (!state.doc.resolve(from).sameParent(state.doc.resolve(to))) return false;
    dispatch?.(state.tr.delete(from, to));
    return true;
  };
