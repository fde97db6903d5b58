/**
 * The proposals of the amendment chosen in the amendments panel, drawn stronger in the page:
 * an amendment's proposals are ordinary tracked changes (in their author's colour like any
 * other), and this shows which of them belong to it. The choice is this window's only, never
 * part of the document; a transaction's meta sets or clears it.
 */
import { Plugin, PluginKey } from 'prosemirror-state';
import type { EditorState, Transaction } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import type { Mark } from 'prosemirror-model';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { findPendingInsertion } from '../../shared/editor/suggestions/changeMarks.ts';

const isDeletion = (mark: Mark) => mark.type.name === 'deletion';

interface Highlight {
  ids: ReadonlySet<string>;
  decorations: DecorationSet;
}

const NONE: Highlight = { ids: new Set(), decorations: DecorationSet.empty };
const highlightKey = new PluginKey<Highlight>('amendmentHighlight');

/** The plugin; nothing highlighted at first. */
export function amendmentHighlightPlugin(): Plugin<Highlight> {
  return new Plugin<Highlight>({
    key: highlightKey,
    state: {
      init: () => NONE,
      apply: (tr, current) => {
        const ids = tr.getMeta(highlightKey) as ReadonlySet<string> | undefined;
        if (ids !== undefined) return ids.size === 0 ? NONE : draw(tr.doc, ids);
        if (!tr.docChanged || current.ids.size === 0) return current;
        return draw(tr.doc, current.ids);
      },
    },
    props: {
      decorations: (state) => highlightKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}

/** Highlights the proposals `ids` (an empty list: none). */
export function setHighlightedChanges(tr: Transaction, ids: Iterable<string>): Transaction {
  return tr.setMeta(highlightKey, new Set(ids));
}

/** The proposals highlighted now. */
export function getHighlightedChanges(state: EditorState): ReadonlySet<string> {
  return highlightKey.getState(state)?.ids ?? NONE.ids;
}

/** The decorations of the text and items the proposals `ids` mark. */
function draw(doc: Node, ids: ReadonlySet<string>): Highlight {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    const change = node.type.name === 'item' ? (node.attrs.change as { id: string } | null) : null;
    if (change && ids.has(change.id)) {
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: 'amendment-item' }));
    }
    if (!node.isInline) return true;
    // Pending text only: once decided, an amendment's text is the resolution's own.
    const marks = [findPendingInsertion(node.marks), node.marks.find(isDeletion)];
    const marked = marks.some((mark) => mark && ids.has((mark.attrs as { id: string }).id));
    if (marked) {
      decorations.push(
        Decoration.inline(pos, pos + node.nodeSize, { class: 'amendment-highlight' }),
      );
    }
    return false;
  });
  return { ids, decorations: DecorationSet.create(doc, decorations) };
}
