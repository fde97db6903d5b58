/**
 * The baseline editor of the Chromium benchmarks: bare ProseMirror + y-prosemirror on the
 * app's schema (ySyncPlugin, yUndoPlugin and the base keymap; no node views, decorations,
 * guards, suggestion mode or React).
 */
import * as Y from 'yjs';
import { initProseMirrorDoc, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
import { schema } from '../../shared/editor/schema.ts';
import { getDocumentFragment } from '../../shared/ydoc/yDocument.ts';

/** A Y.Doc holding `state`. */
export function openBareState(state: Uint8Array): Y.Doc {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, state);
  return ydoc;
}

/** The bare editor on `ydoc`, in `place`. */
export function createBareEditor(place: HTMLElement, ydoc: Y.Doc): EditorView {
  const fragment = getDocumentFragment(ydoc);
  const { doc, mapping } = initProseMirrorDoc(fragment, schema);
  const state = EditorState.create({
    schema,
    doc,
    plugins: [ySyncPlugin(fragment, { mapping }), yUndoPlugin(), keymap(baseKeymap)],
  });
  return new EditorView(place, { state });
}
