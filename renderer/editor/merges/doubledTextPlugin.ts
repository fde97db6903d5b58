/**
 * Doubled text in the editor: the plugin records the copies undo makes (recordWrite.ts; the
 * sync plugin's onWrite records the others), finds the text a merge doubled
 * (findDoubledText.ts) whenever changes come
 * in from Yjs, marks it in the text, and holds it for the changes panel, which proposes to
 * remove it (decideDoubledText.ts). Nothing is written until someone decides: the proposals are
 * derived from the shared document, the same on every replica.
 */
import { Plugin, PluginKey } from 'prosemirror-state';
import type { EditorState, Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type * as Y from 'yjs';
import { ySyncPluginKey } from 'y-prosemirror';
import { findDoubledText } from './findDoubledText.ts';
import type { DoubledText } from './findDoubledText.ts';
import { recordUndo } from './recordWrite.ts';

/** What the plugin holds: the doubled text the document shows now. */
export interface DoubledTextState {
  found: DoubledText[];
  decorations: DecorationSet;
  /** The shared document, for keeping doubled text after all (keepDoubledText). */
  ydoc: Y.Doc;
}

/** The plugin's key. */
export const doubledTextKey = new PluginKey<DoubledTextState>('doubledText');

const TITLE = 'Deze tekst staat er twee keer door het samenvoegen van gelijktijdige bewerkingen';

function decorate(state: EditorState, found: readonly DoubledText[]): DecorationSet {
  return DecorationSet.create(
    state.doc,
    found.map((d) =>
      Decoration.inline(d.from, d.to, { class: 'doubled-text', title: TITLE }, { id: d.id }),
    ),
  );
}

function find(state: EditorState, ydoc: Y.Doc, fragment: Y.XmlFragment): DoubledTextState {
  const { doc } = state;
  // Only what the document shows: Yjs and the editor agree after a change from Yjs.
  const found = findDoubledText(fragment, doc.type.schema).filter(
    (d) => d.to <= doc.content.size && doc.textBetween(d.from, d.to) === d.text,
  );
  return { found, decorations: decorate(state, found), ydoc };
}

/** Moves what was found along a local edit (Yjs gets it only after this). */
function mapAlong(value: DoubledTextState, tr: Transaction, state: EditorState): DoubledTextState {
  const found = value.found.flatMap((d) => {
    const from = tr.mapping.mapResult(d.from, 1);
    const to = tr.mapping.mapResult(d.to, -1);
    if (from.deleted && to.deleted) return [];
    if (to.pos <= from.pos || state.doc.textBetween(from.pos, to.pos) !== d.text) return [];
    const item = d.item && {
      ...d.item,
      from: tr.mapping.map(d.item.from, 1),
      to: tr.mapping.map(d.item.to, -1),
    };
    return [{ ...d, from: from.pos, to: to.pos, ...(item ? { item } : {}) }];
  });
  return { found, decorations: value.decorations.map(tr.mapping, tr.doc), ydoc: value.ydoc };
}

/** The plugin, for the editor bound to `fragment` of `ydoc`. */
export function doubledTextPlugin(ydoc: Y.Doc, fragment: Y.XmlFragment): Plugin<DoubledTextState> {
  return new Plugin<DoubledTextState>({
    key: doubledTextKey,
    state: {
      init: (_config, state) => find(state, ydoc, fragment),
      apply: (tr, value, _old, state) => {
        if (!tr.docChanged) return value;
        const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
        return meta?.isChangeOrigin ? find(state, ydoc, fragment) : mapAlong(value, tr, state);
      },
    },
    props: {
      decorations: (state) => doubledTextKey.getState(state)?.decorations,
    },
    view: () => ({ destroy: recordUndo(ydoc, fragment) }),
  });
}
