/**
 * "Opmerking": starting a comment on the selected text, one command for the toolbar's button,
 * Ctrl+Alt+M (⌘⌥M on a Mac, as in other editors; heard on the window, so it works in a
 * read-only editor too) and the desktop context menu's "Opmerking toevoegen". Without text
 * selected the comments panel says so; otherwise the user's name is asked first while it is
 * still the account's default, and the composer opens in the panel.
 */
import { useCallback, useReducer } from 'react';
import { flushSync } from 'react-dom';
import type { EditorView } from 'prosemirror-view';
import { useWindowShortcut } from './useWindowShortcut.ts';
import { startCommentDraft } from '../editor/comments/commentsPlugin.ts';
import { findCommentTarget } from '../editor/comments/commentTarget.ts';

/** The shortcut, in ProseMirror's notation (keyboard/shortcuts.ts formats it). */
export const COMMENT_SHORTCUT = 'Mod-Alt-m';

/** Whether `event` is Ctrl+Alt+M (⌘⌥M): by the key's place, since Alt changes the letter on a Mac. */
function isCommentKey(event: KeyboardEvent): boolean {
  return (
    (event.ctrlKey || event.metaKey) && event.altKey && !event.shiftKey && event.code === 'KeyM'
  );
}

export function useCommentCommand(
  view: EditorView | null,
  canComment: boolean,
  withName: (action: () => void) => void,
): { start: () => void; enabled: boolean } {
  // The window renders the panels in a transition after an editor change; the composer must
  // have the focus before the next key, or that key would replace the selected text.
  const [, render] = useReducer((count: number) => count + 1, 0);
  const start = useCallback(() => {
    if (!view || !canComment) return;
    // Without text selected the panel says so at once, before any question about the name.
    if ('problem' in findCommentTarget(view.state)) {
      startCommentDraft(view);
      return;
    }
    withName(() => {
      if (startCommentDraft(view)) flushSync(render);
    });
  }, [view, canComment, withName]);

  useWindowShortcut(isCommentKey, start);

  return { start, enabled: view !== null && canComment };
}
