/**
 * How commented text shows in the page: a soft background under the text of every open thread,
 * a stronger one under the thread being read (the one at the cursor, or chosen in the panel),
 * and the text a new comment is being written about. Resolved threads show nothing. Nothing
 * here is written to the document.
 */
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import type { AnchorRange } from '../../../shared/comments/commentAnchors.ts';
import type { ThreadRanges } from './commentRanges.ts';

/** The classes the page's stylesheet (styles/comments.css) draws. */
export const COMMENT_CLASSES = {
  anchor: 'comment-anchor',
  active: 'comment-anchor-active',
  draft: 'comment-draft',
} as const;

/**
 * The decorations of the open threads `open` (their ranges in `ranges`), with `active`
 * stronger, and the text of a comment being written (`draft`).
 */
export function buildCommentDecorations(
  doc: Node,
  ranges: ThreadRanges,
  open: Iterable<string>,
  active: string | null,
  draft: AnchorRange | null,
): DecorationSet {
  const decorations: Decoration[] = [];
  const size = doc.content.size;
  for (const thread of open) {
    const range = ranges.get(thread);
    if (!range || range.to > size) continue;
    const className =
      thread === active
        ? `${COMMENT_CLASSES.anchor} ${COMMENT_CLASSES.active}`
        : COMMENT_CLASSES.anchor;
    decorations.push(
      Decoration.inline(range.from, range.to, { class: className, 'data-thread': thread }),
    );
  }
  if (draft && draft.to <= size) {
    decorations.push(Decoration.inline(draft.from, draft.to, { class: COMMENT_CLASSES.draft }));
  }
  return DecorationSet.create(doc, decorations);
}
