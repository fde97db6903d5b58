/**
 * Block types of the Toelichting: headings, paragraphs, lists and quotes. They only apply
 * inside the Toelichting; elsewhere they report "not applicable" so the toolbar disables them.
 */
import { lift, setBlockType, wrapIn } from 'prosemirror-commands';
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import type { Command, EditorState } from 'prosemirror-state';
import { schema } from '../schema.ts';

/** True when the selection lies inside the Toelichting. */
export function isInExplanation(state: EditorState): boolean {
  const { $from } = state.selection;
  for (let d = $from.depth; d > 0; d--) {
    if ($from.node(d).type === schema.nodes.explanation) return true;
  }
  return false;
}

function onlyInExplanation(command: Command): Command {
  return (state, dispatch, view) => isInExplanation(state) && command(state, dispatch, view);
}

/** Turns the text block into a heading of the given level. */
export const setHeading = (level: 1 | 2): Command =>
  onlyInExplanation(setBlockType(schema.nodes.heading, { level }));

/** Turns the text block into a plain paragraph. */
export const setParagraph: Command = onlyInExplanation(setBlockType(schema.nodes.paragraph));

/** Wraps the selected paragraphs in a bulleted list. */
export const wrapInBulletList: Command = onlyInExplanation(wrapInList(schema.nodes.bullet_list));

/** Wraps the selected paragraphs in a numbered list. */
export const wrapInOrderedList: Command = onlyInExplanation(wrapInList(schema.nodes.ordered_list));

/** Wraps the selected paragraphs in a quote. */
export const wrapInQuote: Command = onlyInExplanation(wrapIn(schema.nodes.blockquote));

/** Lifts the selection out of its list or quote. */
export const liftOut: Command = onlyInExplanation(
  (state, dispatch) =>
    liftListItem(schema.nodes.list_item)(state, dispatch) || lift(state, dispatch),
);

/** Enter in a list item of the Toelichting. */
export const splitExplanationListItem: Command = splitListItem(schema.nodes.list_item);

/** Tab / Shift-Tab in a list item of the Toelichting. */
export const sinkExplanationListItem: Command = sinkListItem(schema.nodes.list_item);
export const liftExplanationListItem: Command = liftListItem(schema.nodes.list_item);
