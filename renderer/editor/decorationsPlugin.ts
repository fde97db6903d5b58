/**
 * View-only decorations: the derived numbers of items (1., a., •) and footnotes, the mark of a
 * block proposed as a whole, deletions that do not apply where a merge spread them, and
 * placeholders in empty items and an empty Toelichting (the title's is its node view's).
 * Nothing here is written to the document, so no replica ever "repairs" another's work.
 */
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { getItemNumbering } from '../../shared/editor/queries/getItemLabels.ts';
import { getFootnotes } from '../../shared/editor/queries/getFootnoteNumbers.ts';
import { getExplanation } from '../../shared/editor/queries/getExplanation.ts';
import { PLACEHOLDERS } from './labels.ts';
import { footnoteListDecoration } from './footnoteList.ts';
import { getBlockChange } from '../../shared/editor/suggestions/trackedChanges.ts';
import { findStrayDeletion } from '../../shared/editor/suggestions/changeMarks.ts';

export const decorationsKey = new PluginKey<DecorationSet>('resolutieDecorations');

function buildDecorations(doc: Node): DecorationSet {
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
  // A deletion that a merge spread over a colleague's proposal typed inside it meanwhile does
  // not apply there (see findDeletion): that text shows as the proposal only.
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    if (findStrayDeletion(node.marks)) {
      decorations.push(Decoration.inline(pos, pos + node.nodeSize, { class: 'change-stray' }));
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

/** The decorations plugin; recomputes on every document change (a linear pass). */
export function decorationsPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: decorationsKey,
    state: {
      init: (_config, state) => buildDecorations(state.doc),
      apply: (tr, set) => (tr.docChanged ? buildDecorations(tr.doc) : set),
    },
    props: {
      decorations: (state) => decorationsKey.getState(state),
    },
  });
}
