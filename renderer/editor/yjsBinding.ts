/**
 * The editor's binding to Yjs: a document is a `Y.Doc` (see shared/ydoc/) whose XML
 * fragment y-prosemirror binds to the editor. The renderer meets Yjs only here, in the plugins
 * this binding installs (merges/: the repairs of what merges do; pendingUpdates.ts: updates
 * Yjs leaves pending) and in the live session (renderer/liveSession/: the provider and presence).
 * Everything else in the editor sees ProseMirror only.
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
import type { AwarenessSlot } from '../liveSession/awarenessSlot.ts';
import { createYDoc, getDocumentFragment } from '../../shared/ydoc/yDocument.ts';
import { pendingUpdatesPlugin } from './pendingUpdates.ts';
import { doubledTextPlugin } from './merges/doubledTextPlugin.ts';
import { afterEditorWrite } from './merges/afterWrite.ts';
import { rescueLostTextPlugin } from './merges/rescueLostText.ts';
import { isSuggestionForced } from '../../shared/editor/suggestions/suggestionMode.ts';
import { changeOriginsPlugin } from './merges/changeOrigins.ts';
import type { YMapping } from '../../shared/comments/commentAnchors.ts';

export { DOCUMENT_FRAGMENT } from '../../shared/ydoc/yDocument.ts';

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

/**
 * The document the shared fragment holds now, for a fresh editor state, with the sync and undo
 * plugins bound to it (and colleagues' cursors when `awareness` is given), the plugin that
 * integrates updates Yjs would leave pending (pendingUpdates.ts) and the one that finds text a
 * merge doubled (doubledText/).
 *
 * The sync plugin gets the mapping from Yjs types to the nodes just read. Without it,
 * y-prosemirror renders the whole document again when the view starts, into equal but new
 * nodes; the view keeps its own (equal) nodes for every part that did not change, and then
 * compares the whole document deeply on every keystroke (0.4 ms per key in 300 items).
 */
export function bindCollabDocument(
  collab: CollabDocument,
  awareness?: AwarenessSlot,
): { doc: Node; plugins: Plugin[] } {
  const { doc, mapping } = initProseMirrorDoc(collab.fragment, schema);
  // `onWrite` is our patch's option (patches/y-prosemirror+1.3.7.patch): the records of each
  // edit go into the transaction that writes it (merges/afterWrite.ts).
  const options: Parameters<typeof ySyncPlugin>[1] & {
    onWrite: (transaction: Y.Transaction) => void;
  } = { mapping, onWrite: (transaction) => afterEditorWrite(transaction, collab.fragment) };
  // pendingUpdatesPlugin: Yjs alone can leave a colleague's updates pending forever.
  // doubledTextPlugin: text a merge wrote twice, proposed for removal.
  // rescueLostTextPlugin: one's own text a colleague deleted unseen with its item, put back.
  const plugins = [
    ySyncPlugin(collab.fragment, options),
    yUndoPlugin(),
    pendingUpdatesPlugin(collab.ydoc),
    doubledTextPlugin(collab.ydoc, collab.fragment),
    rescueLostTextPlugin(collab.ydoc, collab.fragment, isSuggestionForced),
    changeOriginsPlugin(collab.ydoc, collab.fragment),
  ];
  // The slot has the members the cursor plugin uses (see awarenessSlot.ts), not the whole type.
  if (awareness) {
    plugins.push(yCursorPlugin(awareness as unknown as Parameters<typeof yCursorPlugin>[0]));
  }
  return { doc, plugins };
}

/** True for transactions that carry changes from Yjs (remote edits, sync, undo/redo). */
export function isRemoteTransaction(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return meta?.isChangeOrigin === true;
}

/**
 * The live binding's map from Yjs types to the editor's nodes, which comment anchors are made
 * and resolved with (renderer/editor/comments/); null in a state without the sync plugin.
 */
export function getBindingMapping(state: EditorState): YMapping | null {
  const sync = ySyncPluginKey.getState(state) as { binding?: { mapping: YMapping } } | undefined;
  return sync?.binding?.mapping ?? null;
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
