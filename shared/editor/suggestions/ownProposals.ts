/**
 * The user's own proposals, as suggestion mode treats them: their pending text and new items
 * they may simply take back, and the change of theirs that a new edit continues (a typed word
 * or a run of backspaces is one change).
 */
import type { Mark, MarkType, Node } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import type { ChangeAttrs, ChangeAuthor, InsertionAttrs, ItemChange } from './changeMarks.ts';
import { findPendingInsertion, isPendingInsertion } from './changeMarks.ts';
import type { ChangeOrigins, MarkApplies } from './changeOrigins.ts';
import { checkChanges, getChangeOrigins, partsOf } from './changeOrigins.ts';

/** What a suggestion needs besides the transaction. */
export interface SuggestionContext {
  author: ChangeAuthor;
  /** The time of the change (ms). */
  now: number;
  /** A new change id. */
  newId: () => string;
}

/** The user, and which text their own pending proposals really hold (see changeOrigins.ts). */
export interface OwnText {
  context: SuggestionContext;
  /** The session this proposal is written in (null outside Yjs). */
  session: number | null;
  /** What the collaboration layer tells (null outside Yjs). */
  origins: ChangeOrigins | null;
  /** The check of where marks apply (changeOrigins.ts). */
  applies: () => MarkApplies;
}

/**
 * The user's own text in `state`: in a Yjs document, the session the proposal is written in
 * and which text their proposals really hold (changeOrigins.ts), worked out only when needed.
 */
export function getOwnText(state: EditorState, context: SuggestionContext): OwnText {
  const origins = getChangeOrigins(state);
  let check: MarkApplies | undefined;
  return {
    context,
    session: origins?.session ?? null,
    origins,
    applies: () => (check ??= checkChanges(state.doc, origins)),
  };
}

/**
 * Whether `item` (at `pos`) is the user's own proposed item with nothing but their own text in
 * it, all written by their proposals.
 */
export function isOwnNewItem(item: Node, pos: number, own: OwnText): boolean {
  let allOwn = isOwnItem(item, 'insert', own.context);
  item.forEach((child, offset) => {
    const mark = ownInsertion(child, own);
    const from = pos + 1 + offset;
    const parts = mark ? partsOf(mark, from, from + child.nodeSize, own.applies()) : [];
    if (!mark || parts.some((part) => !part.applies)) allOwn = false;
  });
  return allOwn;
}

/** Whether `node` is an item with the user's own proposal of `type`. */
export function isOwnItem(
  node: Node,
  type: ItemChange['type'],
  context: SuggestionContext,
): boolean {
  const change = node.attrs.change as ItemChange | null | undefined;
  return change?.type === type && change.name === context.author.name;
}

/**
 * The item the range reaches into when it holds no text and the item after its start is the
 * user's own proposed, empty item (Backspace at its start, Delete before it).
 */
export function findOwnEmptyItem(
  doc: Node,
  start: number,
  end: number,
  context: SuggestionContext,
): { from: number; to: number } | null {
  if (doc.textBetween(start, end, '', '') !== '') return null;
  let found: { from: number; to: number } | null = null;
  doc.nodesBetween(start, Math.min(end + 1, doc.content.size), (node, pos) => {
    if (found || node.type.name !== 'item') return !found && !node.isTextblock;
    const inRange = pos + 1 >= start && pos + 1 <= end + 1;
    if (inRange && node.content.size === 0 && isOwnItem(node, 'insert', context)) {
      found = { from: pos, to: pos + node.nodeSize };
    }
    return false;
  });
  return found;
}

/**
 * The user's own pending proposal on `node`, which they may simply delete where it applies
 * (see changeOrigins.ts). Their accepted text is everyone's text now.
 */
export function ownInsertion(node: Node, own: OwnText): Mark | undefined {
  const mark = findPendingInsertion(node.marks);
  return mark && (mark.attrs as ChangeAttrs).name === own.context.author.name ? mark : undefined;
}

/**
 * The attributes of the change to make: those of the user's own change of `type` right
 * before or after the range (continued), else a new change; and when it continues an
 * insertion, where that insertion started.
 */
export function continueChange(
  doc: Node,
  from: number,
  to: number,
  type: MarkType,
  own: OwnText,
): { attrs: ChangeAttrs; since: number | null } {
  const { context } = own;
  // Text typed into an item the user proposed belongs to that proposal.
  const parent = doc.resolve(from).parent;
  if (isOwnItem(parent, 'insert', context)) {
    const { type: _type, ...attrs } = parent.attrs.change as ItemChange;
    return { attrs, since: null };
  }
  for (const pos of [from, to]) {
    const $pos = doc.resolve(pos);
    for (const node of [$pos.nodeBefore, $pos.nodeAfter]) {
      const mark = node ? type.isInSet(node.marks) : undefined;
      const attrs = mark?.attrs as ChangeAttrs | undefined;
      // An insertion continues only while pending, written in this session and its latest:
      // its mark applies only to text its session wrote meanwhile (changeOrigins.ts).
      const inserted = mark?.attrs as InsertionAttrs | undefined;
      const continues =
        type.name !== 'insertion' ||
        (mark !== undefined &&
          isPendingInsertion(mark) &&
          inserted!.session === own.session &&
          (own.origins === null || inserted!.since === own.origins.latestStart));
      // The same attributes, time included: equal marks keep the text one node, one change.
      if (attrs && continues && attrs.name === context.author.name) {
        const { id, name, colour, time } = attrs;
        return { attrs: { id, name, colour, time }, since: inserted?.since ?? null };
      }
    }
  }
  return { attrs: { id: context.newId(), ...context.author, time: context.now }, since: null };
}
