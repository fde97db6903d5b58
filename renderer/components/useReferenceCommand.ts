/**
 * "Verwijzing invoegen": one command for the toolbar's button, Ctrl+Shift+K (⌘⇧K on a Mac) and
 * the desktop menu's item. It opens the picker (dialogs/ReferenceDialog.tsx) where a reference
 * can stand, asked of the command itself without dispatch, as the toolbar asks every command;
 * elsewhere (the title, a reader's or voorsteller's editor) it does nothing.
 */
import { useCallback } from 'react';
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { useWindowShortcut } from './useWindowShortcut.ts';
import { insertReference } from '../../shared/editor/commands/references.ts';
import { getReferenceTargets } from '../../shared/editor/queries/getReferences.ts';
import { isSuggestionForced } from '../../shared/editor/suggestions/suggestionMode.ts';

/** The shortcut, in ProseMirror's notation (keyboard/shortcuts.ts formats it). */
export const REFERENCE_SHORTCUT = 'Mod-Shift-k';

/**
 * Whether a reference can be inserted at the selection of `state`: the command's dry run, with
 * the first element a reference can point to (there is always a block). A voorsteller cannot
 * propose one (NOT_PROPOSED_NODES).
 */
export function canInsertReference(state: EditorState): boolean {
  if (isSuggestionForced(state)) return false;
  const first = getReferenceTargets(state.doc)[0];
  return first !== undefined && insertReference(first.pos)(state);
}

function isReferenceKey(event: KeyboardEvent): boolean {
  return (
    (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.code === 'KeyK'
  );
}

export function useReferenceCommand(
  view: EditorView | null,
  readOnly: boolean,
  open: () => void,
): { start: () => void } {
  const start = useCallback(() => {
    if (!view || readOnly || !view.editable || !canInsertReference(view.state)) return;
    open();
  }, [view, readOnly, open]);

  useWindowShortcut(isReferenceKey, start);

  return { start };
}
