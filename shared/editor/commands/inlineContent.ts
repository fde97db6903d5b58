/** Marks, links and footnotes: inline commands for items, paragraphs and headings alike. */
import { toggleMark } from 'prosemirror-commands';
import type { Command, EditorState } from 'prosemirror-state';
import type { MarkType } from 'prosemirror-model';
import { schema } from '../schema.ts';
import { isSafeLinkHref } from '../queries/isSafeLinkHref.ts';

export const toggleBold: Command = toggleMark(schema.marks.bold);
export const toggleItalic: Command = toggleMark(schema.marks.italic);
export const toggleUnderline: Command = toggleMark(schema.marks.underline);

/** True when the mark is active at the cursor or over the whole selection. */
export function isMarkActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection;
  if (empty) return !!type.isInSet(state.storedMarks ?? $from.marks());
  return state.doc.rangeHasMark(from, to, type);
}

/** The link at the cursor, if any. */
export function getLinkAtSelection(state: EditorState): string | null {
  const mark = schema.marks.link.isInSet(state.selection.$from.marks());
  return mark ? (mark.attrs.href as string) : null;
}

/** True when the selection is text that may carry a link. */
export function canSetLink(state: EditorState): boolean {
  const { empty, $from } = state.selection;
  return !empty && $from.parent.type.allowsMarkType(schema.marks.link);
}

/**
 * Links the selected text to `href`; an empty href removes links from the selection. Refuses
 * targets other than http(s) and mailto.
 */
export function setLink(href: string): Command {
  return (state, dispatch) => {
    const { from, to, empty } = state.selection;
    const trimmed = href.trim();
    if (trimmed === '') {
      if (dispatch) dispatch(state.tr.removeMark(from, to, schema.marks.link));
      return true;
    }
    if (empty || !canSetLink(state) || !isSafeLinkHref(trimmed)) return false;
    if (dispatch) {
      dispatch(
        state.tr
          .removeMark(from, to, schema.marks.link)
          .addMark(from, to, schema.marks.link.create({ href: trimmed })),
      );
    }
    return true;
  };
}

/** True where a footnote may go: in the text of an item, paragraph or heading, not the title. */
export function canInsertFootnote(state: EditorState): boolean {
  const { parent } = state.selection.$from;
  return parent.inlineContent && parent.type !== schema.nodes.title;
}

/** Inserts a footnote holding `text` at the cursor. */
export function insertFootnote(text: string): Command {
  return (state, dispatch) => {
    if (!canInsertFootnote(state) || text.trim() === '') return false;
    if (dispatch) {
      dispatch(state.tr.replaceSelectionWith(schema.nodes.footnote.create({ text: text.trim() })));
    }
    return true;
  };
}

/** Changes the text of the footnote at `pos`. */
export function setFootnoteText(pos: number, text: string): Command {
  return (state, dispatch) => {
    const node = state.doc.nodeAt(pos);
    if (!node || node.type !== schema.nodes.footnote || text.trim() === '') return false;
    if (dispatch) dispatch(state.tr.setNodeMarkup(pos, undefined, { text: text.trim() }));
    return true;
  };
}
