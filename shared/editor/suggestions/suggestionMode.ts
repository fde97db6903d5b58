/**
 * Whether this editor is in suggestion mode, and as whom: per user and per window, never part
 * of the shared document (a colleague's editor is not in suggestion mode because one is).
 */
import { Plugin, PluginKey } from 'prosemirror-state';
import type { EditorState, Transaction } from 'prosemirror-state';
import type { ChangeAuthor } from './changeMarks.ts';

const suggestionModeKey = new PluginKey<ChangeAuthor | null>('suggestionMode');

/** The plugin that keeps the mode; off at first. */
export function suggestionModePlugin(): Plugin<ChangeAuthor | null> {
  return new Plugin<ChangeAuthor | null>({
    key: suggestionModeKey,
    state: {
      init: () => null,
      apply: (tr, current) => {
        const next = tr.getMeta(suggestionModeKey) as ChangeAuthor | null | undefined;
        return next === undefined ? current : next;
      },
    },
  });
}

/** The author whose suggestions this editor makes, or null when it edits directly. */
export function getSuggestionAuthor(state: EditorState): ChangeAuthor | null {
  return suggestionModeKey.getState(state) ?? null;
}

/** Turns suggestion mode on as `author`, or off with null. */
export function setSuggestionAuthor(tr: Transaction, author: ChangeAuthor | null): Transaction {
  return tr.setMeta(suggestionModeKey, author);
}
