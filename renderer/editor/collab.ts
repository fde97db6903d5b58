/**
 * The one place the renderer meets Yjs: a document is a `Y.Doc` (see shared/collab/) whose
 * XML fragment y-prosemirror binds to the editor. Everything else in the editor sees
 * ProseMirror only.
 */
import type * as Y from 'yjs';
import {
  initProseMirrorDoc,
  redoCommand,
  undoCommand,
  yCursorPlugin,
  ySyncPlugin,
  ySyncPluginKey,
  yUndoPlugin,
  yUndoPluginKey,
} from 'y-prosemirror';
import type { Node } from 'prosemirror-model';
import type { EditorState, Plugin, Transaction } from 'prosemirror-state';
import { schema } from '../../shared/editor/schema.ts';
import type { AwarenessSlot } from '../collab/awarenessSlot.ts';
import { createYDoc, getDocumentFragment } from '../../shared/collab/yDocument.ts';

export { DOCUMENT_FRAGMENT } from '../../shared/collab/yDocument.ts';

export interface CollabDocument {
  ydoc: Y.Doc;
  fragment: Y.XmlFragment;
}

/** A new shared document holding `doc` (a template or an imported text). */
export function createCollabDocument(doc: Node): CollabDocument {
  const ydoc = createYDoc(doc);
  return { ydoc, fragment: getDocumentFragment(ydoc) };
}

/** The collaboration view of an existing Y.Doc (an opened file, a recovered journal). */
export function collabFromYDoc(ydoc: Y.Doc): CollabDocument {
  return { ydoc, fragment: getDocumentFragment(ydoc) };
}

/** The ProseMirror document the shared document holds now, for a fresh editor state. */
export function readCollabDocument(collab: CollabDocument): Node {
  return initProseMirrorDoc(collab.fragment, schema).doc;
}

/** The sync and undo plugins; `awareness`, when given, adds colleagues' cursors. */
export function collabPlugins(collab: CollabDocument, awareness?: AwarenessSlot): Plugin[] {
  const plugins = [ySyncPlugin(collab.fragment), yUndoPlugin()];
  // The slot has the members the cursor plugin uses (see awarenessSlot.ts), not the whole type.
  if (awareness) {
    plugins.push(yCursorPlugin(awareness as unknown as Parameters<typeof yCursorPlugin>[0]));
  }
  return plugins;
}

/** True for transactions that carry changes from Yjs (remote edits, sync, undo/redo). */
export function isRemoteTransaction(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return meta?.isChangeOrigin === true;
}

/** Undo and redo of the user's own edits, through Yjs. */
export const history = { undo: undoCommand, redo: redoCommand };

/**
 * Closes the current undo group, so that the next change starts a new one. Yjs groups all
 * changes less than half a second apart; the editor calls this around structural edits so
 * that Ctrl+Z takes back an Enter or a join on its own, not with the typing around it.
 */
export function startNewUndoGroup(state: EditorState): void {
  const undo = yUndoPluginKey.getState(state) as { undoManager?: Y.UndoManager } | undefined;
  undo?.undoManager?.stopCapturing();
}
