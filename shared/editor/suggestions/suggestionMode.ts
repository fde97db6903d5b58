/**
 * Whether this editor is in suggestion mode, and as whom: per user and per window, never part
 * of the shared document (a colleague's editor is not in suggestion mode because one is).
 *
 * A voorsteller in a session is in suggestion mode for good ("forced"): they may only propose,
 * and the server refuses anything else from them. What suggestion mode would let pass as it is
 * (a change of attributes such as Tab or a block's heading, a moved block, a decision on
 * changes) is then no proposal, and {@link proposeOnly} says so instead of letting it through.
 */
import { Plugin, PluginKey } from 'prosemirror-state';
import type { EditorState, Transaction } from 'prosemirror-state';
import type { ChangeAuthor } from './changeMarks.ts';
import { KEEP_AS_IS, suggestTransaction } from './suggestChanges.ts';
import type { SuggestionContext } from './suggestChanges.ts';

/** The mode: the author of this editor's proposals (null: it edits directly), and whether fixed. */
interface SuggestionMode {
  author: ChangeAuthor | null;
  forced: boolean;
}

const OFF: SuggestionMode = { author: null, forced: false };
const suggestionModeKey = new PluginKey<SuggestionMode>('suggestionMode');

/** The plugin that keeps the mode; off at first. */
export function suggestionModePlugin(): Plugin<SuggestionMode> {
  return new Plugin<SuggestionMode>({
    key: suggestionModeKey,
    state: {
      init: () => OFF,
      apply: (tr, current) => {
        const next = tr.getMeta(suggestionModeKey) as SuggestionMode | undefined;
        return next ?? current;
      },
    },
  });
}

/** The author whose suggestions this editor makes, or null when it edits directly. */
export function getSuggestionAuthor(state: EditorState): ChangeAuthor | null {
  return suggestionModeKey.getState(state)?.author ?? null;
}

/** Whether this editor may only propose (a voorsteller in a session). */
export function isSuggestionForced(state: EditorState): boolean {
  const mode = suggestionModeKey.getState(state);
  return !!mode?.forced && mode.author !== null;
}

/**
 * Turns suggestion mode on as `author`, or off with null; `forced` makes every change a
 * proposal or nothing (see {@link proposeOnly}).
 */
export function setSuggestionAuthor(
  tr: Transaction,
  author: ChangeAuthor | null,
  forced = false,
): Transaction {
  return tr.setMeta(suggestionModeKey, author ? { author, forced } : OFF);
}

/**
 * What `tr` (made on `state`, changing the document) becomes for a user who may only propose:
 * its proposal, null when it proposes nothing (Backspace at the start of an item), or 'direct'
 * when it is no proposal and would change the document as it is: attributes (indenting an
 * item, a block's heading, the metadata), a moved block, a decision on changes.
 */
export function proposeOnly(
  state: EditorState,
  tr: Transaction,
  context: SuggestionContext,
): Transaction | null | 'direct' {
  if (tr.getMeta(KEEP_AS_IS)) return 'direct';
  const proposal = suggestTransaction(state, tr, context);
  return proposal === tr ? 'direct' : proposal;
}
