/**
 * The document's state as the desktop app's menus need it (see `shared/api/menuState.ts`),
 * read from the editor and the window's document and session. Pure, so the menu's view of the
 * document is tested in Node with real editor states.
 */
import type { EditorState } from 'prosemirror-state';
import { EMPTY_MENU_STATE, type MenuState } from '../../shared/api/menuState.ts';
import { getStateChanges } from '../../shared/editor/suggestions/trackedChanges.ts';
import type { TrackedChange } from '../../shared/editor/suggestions/trackedChanges.ts';
import { history } from '../editor/yjsBinding.ts';

/**
 * The change at `pos`: the innermost change whose range holds it (a word typed into a proposed
 * new item is the word's change, not the item's), or null.
 */
export function findChangeAt(changes: readonly TrackedChange[], pos: number): TrackedChange | null {
  let found: TrackedChange | null = null;
  for (const change of changes) {
    if (change.from > pos || change.to < pos) continue;
    if (!found || change.to - change.from < found.to - found.from) found = change;
  }
  return found;
}

/** What the window knows beside the editor. */
export interface MenuStateInput {
  /** The editor's state, or null while there is no editor. */
  editor: EditorState | null;
  dirty: boolean;
  path: string | null;
  /** Whether the editor is read-only (a reader in a session). */
  readOnly: boolean;
  /**
   * Whether the user may only propose (a voorsteller in a session): suggestion mode stays on,
   * and deciding on changes is not theirs.
   */
  proposing: boolean;
  suggesting: boolean;
  session: MenuState['session'];
  sessionStarting: boolean;
  /** The change under the pointer at the last right-click in the editor. */
  changeAtPointer: string | null;
  /** Whether the last right-click was in the editor (not in a panel's text field). */
  pointerInEditor: boolean;
  /** Whether the user may comment (the comments panel's `canComment`). */
  canComment: boolean;
  /** Which amendment commands the window's Bestand menu offers (`readAmendmentMenu`). */
  amendments: MenuState['amendments'];
}

/** The menu state of the window. */
export function getMenuState(input: MenuStateInput): MenuState {
  const { editor } = input;
  const changes = editor ? getStateChanges(editor) : [];
  const atCursor = editor ? findChangeAt(changes, editor.selection.from) : null;
  return {
    hasDocument: editor !== null,
    dirty: input.dirty,
    path: input.path,
    // The Document menu's "Wijzigingen bijhouden" and decisions: neither a reader's nor a
    // voorsteller's (whose edits are proposals anyway, and who undoes their own).
    editable: editor !== null && !input.readOnly && !input.proposing,
    // The dry run of the editor's own undo and redo, as the toolbar asks it.
    canUndo: editor !== null && !input.readOnly && history.undo(editor) === true,
    canRedo: editor !== null && !input.readOnly && history.redo(editor) === true,
    suggesting: input.suggesting || input.proposing,
    changeCount: changes.length,
    changeAtCursor: atCursor?.id ?? null,
    changeAtPointer: editor ? input.changeAtPointer : null,
    canCommentAtPointer:
      editor !== null && input.canComment && input.pointerInEditor && !editor.selection.empty,
    session: input.session,
    sessionStarting: input.sessionStarting,
    amendments: editor ? { ...input.amendments } : EMPTY_MENU_STATE.amendments,
  };
}
