/**
 * View-only decorations: the derived numbers of items (1., a., •) and footnotes, the mark of a
 * block proposed as a whole, change marks that do not apply where a merge left them
 * (changeOrigins.ts), and placeholders in empty items and an empty Toelichting (the title's is
 * its node view's).
 * Nothing here is written to the document, so no replica ever "repairs" another's work.
 */
import { Plugin, PluginKey } from 'prosemirror-state';
import type { EditorState, Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { ReplaceStep } from 'prosemirror-transform';
import { isTypingTransaction } from '../../shared/editor/queries/isTypingTransaction.ts';
import { getItemNumbering } from '../../shared/editor/queries/getItemLabels.ts';
import { getFootnotes } from '../../shared/editor/queries/getFootnoteNumbers.ts';
import { getExplanation } from '../../shared/editor/queries/getExplanation.ts';
import { PLACEHOLDERS } from './labels.ts';
import { footnoteListDecoration } from './footnoteList.ts';
import { getBlockChange } from '../../shared/editor/suggestions/trackedChanges.ts';
import {
  checkChanges,
  getChangeOrigins,
  partsOf,
} from '../../shared/editor/suggestions/changeOrigins.ts';
import type { MarkApplies } from '../../shared/editor/suggestions/changeOrigins.ts';

export const decorationsKey = new PluginKey<DecorationSet>('resolutieDecorations');

function buildDecorations(doc: Node, applies: MarkApplies): DecorationSet {
  const decorations: Decoration[] = [];
  const numbering = getItemNumbering(doc);
  for (const { pos, label } of numbering) {
    const item = doc.nodeAt(pos)!;
    const attrs: Record<string, string> = { 'data-number': label };
    if (item.content.size === 0) {
      const $pos = doc.resolve(pos);
      const kind = $pos.parent.type.name === 'recital_block' ? 'recital' : 'operative';
      attrs.class = 'is-empty';
      attrs['data-placeholder'] =
        item.attrs.indent === 1 ? PLACEHOLDERS.subitem : PLACEHOLDERS[kind];
    }
    decorations.push(Decoration.node(pos, pos + item.nodeSize, attrs));
  }
  // A block added or deleted as a whole in suggestion mode shows it on its heading too.
  doc.forEach((container, offset) => {
    if (container.type.name !== 'recitals' && container.type.name !== 'operatives') return;
    container.forEach((block, blockOffset) => {
      const change = getBlockChange(block);
      if (!change) return;
      const pos = offset + 1 + blockOffset;
      decorations.push(
        Decoration.node(pos, pos + block.nodeSize, {
          'data-change-type': change.type,
          style: `--change-colour: ${change.colour}`,
        }),
      );
    });
  });
  // A change mark that does not apply where it lies (a deletion a merge spread over a
  // colleague's proposal typed inside it meanwhile, a mark that ran on over other text): that
  // text shows without it.
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    for (const mark of node.marks) {
      const kind = mark.type.name;
      if (kind !== 'insertion' && kind !== 'deletion') continue;
      for (const part of partsOf(mark, pos, pos + node.nodeSize, applies)) {
        if (part.applies) continue;
        const attrs = { class: `change-stray-${kind}` };
        decorations.push(Decoration.inline(part.from, part.to, attrs));
      }
    }
    return false;
  });
  for (const { pos, number } of getFootnotes(doc)) {
    decorations.push(Decoration.node(pos, pos + 1, {}, { footnoteNumber: number }));
  }
  const { node: explanation, pos: explanationPos } = getExplanation(doc);
  if (explanation.childCount === 1 && explanation.firstChild!.content.size === 0) {
    const para = explanation.firstChild!;
    decorations.push(
      Decoration.node(explanationPos + 1, explanationPos + 1 + para.nodeSize, {
        class: 'is-empty',
        'data-placeholder': PLACEHOLDERS.explanation,
      }),
    );
  }
  const footnotes = footnoteListDecoration(doc);
  if (footnotes) decorations.push(footnotes);
  return DecorationSet.create(doc, decorations);
}

/**
 * Whether what the decorations show is the same after `tr`, only moved: true when every step
 * types or deletes plain text inside one text block that is not empty before or after, with
 * no footnote, line break or deletion mark in what is removed or inserted. Numbers, whole-block
 * proposals and footnote numbers follow items, blocks and footnotes, which such a step leaves
 * alone; placeholders follow emptiness, and stray deletions deletion marks, which it does not
 * change either. Typing in a long document then maps the decorations instead of rebuilding
 * them all (and the view compares the same decorations instead of new ones): the typing
 * benchmark's profile showed the rebuild and the comparison on every keystroke.
 */
export function onlyMovesDecorations(tr: Transaction): boolean {
  if (!isTypingTransaction(tr)) return false;
  const deletion = tr.doc.type.schema.marks.deletion;
  const isPlainText = (node: Node) => node.isText && !(deletion && deletion.isInSet(node.marks));
  return tr.steps.every((step, index) => {
    if (!(step instanceof ReplaceStep)) return false;
    const { from, to, slice } = step;
    const before = tr.docs[index]!;
    let plain = true;
    slice.content.forEach((node) => {
      if (!isPlainText(node)) plain = false;
    });
    before.nodesBetween(from, to, (node) => {
      if (node.isInline && !isPlainText(node)) plain = false;
      return plain;
    });
    const parentSize = before.resolve(from).parent.content.size;
    return plain && parentSize > 0 && parentSize - (to - from) + slice.size > 0;
  });
}

/** The decorations of `state`, with what its collaboration layer tells of its changes. */
function build(state: EditorState): DecorationSet {
  return buildDecorations(state.doc, checkChanges(state.doc, getChangeOrigins(state)));
}

/**
 * The decorations plugin; recomputes on every document change (a linear pass), except when
 * the change only moves what it shows (see onlyMovesDecorations).
 */
export function decorationsPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: decorationsKey,
    state: {
      init: (_config, state) => build(state),
      apply: (tr, set, _old, state) => {
        if (!tr.docChanged) return set;
        if (onlyMovesDecorations(tr)) return set.map(tr.mapping, tr.doc);
        return build(state);
      },
    },
    props: {
      decorations: (state) => decorationsKey.getState(state),
    },
  });
}
