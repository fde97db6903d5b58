/**
 * Whether this editor is in suggestion mode, and as whom: per user and per window, never part
 * of the shared document (a colleague's editor is not in suggestion mode because one is).
 *
 * A voorsteller in a session is in suggestion mode for good ("forced"): they may only propose,
 * and the server refuses anything else from them. What suggestion mode would let pass as it is
 * (a change of attributes such as Tab or a block's heading, a moved block, a decision on
 * changes) is then no proposal, and {@link proposeOnly} says so instead of letting it through.
 * So does a proposal that adds what the server does not take back as only theirs (the
 * Toelichting's headings, lists, list items and quotes, footnotes and line breaks: see
 * {@link NOT_PROPOSED_NODES}), which would end their connection as well.
 */
import type { Node } from 'prosemirror-model';
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
 * Nodes a voorsteller's proposal may not add. The server holds a voorsteller's update to "the
 * document without their proposals is the same before and after" (shared/session/roleRules.ts);
 * taking back a proposed heading, list, list item or quote leaves the node itself, empty, so the
 * server refuses the update, and it refuses a proposed footnote, line break (Shift+Enter) or
 * cross-reference too: y-prosemirror keeps an inline node's marks as an attribute of its own
 * element, not as formatting of text, so the server cannot tell who proposed it. Suggestion mode proposes them (Enter in a list, a pasted heading), so they are kept from
 * a voorsteller here.
 */
export const NOT_PROPOSED_NODES: ReadonlySet<string> = new Set([
  'heading',
  'bullet_list',
  'ordered_list',
  'list_item',
  'blockquote',
  'footnote',
  'hard_break',
  'reference',
]);

const OWN_WITHDRAWAL = 'ownWithdrawal';

/**
 * Marks `tr` as the withdrawal of the user's own proposal ("Intrekken" in the changes panel):
 * it passes a voorsteller's editor as it is (see {@link proposeOnly}).
 */
export function markOwnWithdrawal(tr: Transaction): Transaction {
  return tr.setMeta(OWN_WITHDRAWAL, true);
}

/**
 * What `tr` (made on `state`, changing the document) becomes for a user who may only propose:
 * its proposal, null when it proposes nothing (Backspace at the start of an item), or 'direct'
 * when it is no proposal the server takes: one that would change the document as it is
 * (attributes such as indenting an item, a block's heading or the metadata, a moved block, a
 * decision on changes) or one that adds a node of {@link NOT_PROPOSED_NODES}.
 */
export function proposeOnly(
  state: EditorState,
  tr: Transaction,
  context: SuggestionContext,
): Transaction | null | 'direct' {
  // Withdrawing one's own proposal is the one decision a voorsteller makes (the server checks
  // that it touches only their own proposals).
  if (tr.getMeta(OWN_WITHDRAWAL) === true) return tr;
  if (tr.getMeta(KEEP_AS_IS)) return 'direct';
  const proposal = suggestTransaction(state, tr, context);
  if (proposal === tr) return 'direct';
  if (proposal && addsNotProposedNode(state.doc, proposal.doc)) return 'direct';
  return proposal;
}

/** Whether `after` holds more nodes of {@link NOT_PROPOSED_NODES} than `before`, of any type. */
function addsNotProposedNode(before: Node, after: Node): boolean {
  const counted = countNotProposed(before);
  for (const [type, count] of countNotProposed(after)) {
    if (count > (counted.get(type) ?? 0)) return true;
  }
  return false;
}

function countNotProposed(doc: Node): Map<string, number> {
  const counts = new Map<string, number>();
  doc.descendants((node) => {
    const type = node.type.name;
    if (NOT_PROPOSED_NODES.has(type)) counts.set(type, (counts.get(type) ?? 0) + 1);
  });
  return counts;
}
