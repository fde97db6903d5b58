/**
 * Assembles the editor: the shared document bound through Yjs, the keymaps, the structure
 * guard, derived numbering, the comments on the text and the node views. Returns the
 * EditorView; React only mounts it and listens to its updates.
 */
import { EditorState, Plugin } from 'prosemirror-state';
import type { Transaction } from 'prosemirror-state';
import { KEEP_AS_IS, suggestTransaction } from '../../shared/editor/suggestions/suggestChanges.ts';
import {
  getSuggestionAuthor,
  isSuggestionForced,
  proposeOnly,
  suggestionModePlugin,
} from '../../shared/editor/suggestions/suggestionMode.ts';
import { EditorView } from 'prosemirror-view';
import type { EditorProps } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { keymap } from 'prosemirror-keymap';
import { dropCursor } from 'prosemirror-dropcursor';
import { gapCursor } from 'prosemirror-gapcursor';
import { schema } from '../../shared/editor/schema.ts';
import { baseKeymap, buildKeymap } from '../../shared/editor/keymap.ts';
import { structureGuardPlugin } from '../../shared/editor/plugins/structureGuard.ts';
import {
  bindCollabDocument,
  getBindingMapping,
  history,
  isRemoteTransaction,
  startNewUndoGroup,
} from './yjsBinding.ts';
import { isTypingTransaction } from '../../shared/editor/queries/isTypingTransaction.ts';
import type { CollabDocument } from './yjsBinding.ts';
import type { AwarenessSlot } from '../liveSession/awarenessSlot.ts';
import { decorationsPlugin } from './decorationsPlugin.ts';
import { pastePlugin } from './pastePlugin.ts';
import { EDITOR_LABELS } from './labels.ts';
import { TitleView } from './nodeviews/TitleView.ts';
import { PreambleView } from './nodeviews/PreambleView.ts';
import { ClauseBlockView } from './nodeviews/ClauseBlockView.ts';
import { ContainerView } from './nodeviews/ContainerView.ts';
import { ExplanationView } from './nodeviews/ExplanationView.ts';
import { FootnoteView } from './nodeviews/FootnoteView.ts';
import { ReferenceView } from './nodeviews/ReferenceView.ts';
import { referenceLabelsPlugin } from './referenceLabels.ts';
import { referenceSuggestionPlugin } from './referenceSuggestion.ts';
import { referenceJumpPlugin } from './referenceJump.ts';
import { referenceClipboardPlugin } from './referenceClipboard.ts';
import { linkClickPlugin } from './linkClickPlugin.ts';
import { commentsPlugin } from './comments/commentsPlugin.ts';
import { amendmentHighlightPlugin } from './amendmentHighlight.ts';
import { PROPOSER_DIRECT_EDIT } from '../liveSession/roleReasons.ts';

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The node views of the document page: title, preamble, blocks, Toelichting, footnotes,
 * cross-references.
 */
const NODE_VIEWS: EditorProps['nodeViews'] = {
  title: (node, v) => new TitleView(node, v),
  preamble: (node, v) => new PreambleView(node, v),
  recitals: (node, v) => new ContainerView(node, v),
  operatives: (node, v) => new ContainerView(node, v),
  recital_block: (node, v, getPos) => new ClauseBlockView(node, v, getPos),
  operative_block: (node, v, getPos) => new ClauseBlockView(node, v, getPos),
  explanation: (node, v, getPos) => new ExplanationView(node, v, getPos),
  footnote: (node, v, getPos, decorations) => new FootnoteView(node, v, getPos, decorations),
  reference: (node, v, _getPos, decorations) => new ReferenceView(node, v, decorations, IS_MAC),
};

/**
 * A document shown as the editor shows it (page, numbering, node views) but read-only and on
 * its own, without Yjs: a comparison of versions, which nobody edits and nothing shares.
 */
export function createDocumentView(place: HTMLElement, doc: Node): EditorView {
  const state = EditorState.create({
    schema,
    doc,
    plugins: [decorationsPlugin(), referenceLabelsPlugin()],
  });
  return new EditorView(place, {
    state,
    editable: () => false,
    attributes: { ...EDITOR_ATTRIBUTES, 'aria-readonly': 'true' },
    nodeViews: NODE_VIEWS,
    // Read-only: selections only, nothing changes the document.
    dispatchTransaction(this: EditorView, tr) {
      if (!tr.docChanged) this.updateState(this.state.apply(tr));
    },
  });
}

/** The editor element's attributes: a labelled, multi-line text box in Dutch. */
const EDITOR_ATTRIBUTES = {
  'aria-label': EDITOR_LABELS.editor,
  'aria-multiline': 'true',
  role: 'textbox',
  class: 'document-page',
  spellcheck: 'true',
  lang: 'nl',
};

/** Creates the editor in `place` for a shared document; `onChange` hears every new state. */
export function createEditor(
  place: HTMLElement,
  collab: CollabDocument,
  onChange: (view: EditorView) => void,
  /** Where a co-editing session's awareness goes: colleagues' cursors and one's own shared. */
  awareness?: AwarenessSlot,
  /** Hears what the editor tells the user about their action: what a paste left out. */
  notify?: (message: string) => void,
): EditorView {
  const bound = bindCollabDocument(collab, awareness);
  const state = EditorState.create({
    schema,
    doc: bound.doc,
    plugins: [
      ...bound.plugins,
      structureGuardPlugin(isRemoteTransaction),
      pastePlugin(notify),
      referenceClipboardPlugin(),
      // Before the keymaps: their Enter takes a reference offer or follows a reference.
      referenceSuggestionPlugin(),
      referenceJumpPlugin(IS_MAC),
      keymap(buildKeymap(history)),
      keymap(baseKeymap),
      decorationsPlugin(),
      referenceLabelsPlugin(),
      commentsPlugin({ ...collab, mapping: getBindingMapping }),
      amendmentHighlightPlugin(),
      suggestionModePlugin(),
      proposalsOnlyMarker(),
      linkClickPlugin(IS_MAC),
      dropCursor(),
      gapCursor(),
    ],
  });
  const view: EditorView = new EditorView(place, {
    state,
    attributes: EDITOR_ATTRIBUTES,
    nodeViews: NODE_VIEWS,
    // `this`, not the `view` constant: y-prosemirror dispatches while the view is still
    // being constructed, before the constant is assigned.
    dispatchTransaction(this: EditorView, original) {
      // What the window says when a change is no proposal (a voorsteller's words by default).
      const tell =
        notify && ((message: string) => notify(this.dom.dataset.proposalsNotice ?? message));
      const tr = proposeIfSuggesting(this.state, original, tell);
      if (!tr) return;
      const structural = tr.docChanged && !isRemoteTransaction(tr) && !isTypingTransaction(tr);
      if (structural) startNewUndoGroup(this.state);
      this.updateState(this.state.apply(tr));
      if (structural) startNewUndoGroup(this.state);
      onChange(this);
    },
  });
  return view;
}

/**
 * In suggestion mode, the user's own change as a proposal (see suggestChanges.ts); remote
 * changes, undo and redo (which come through Yjs) and decisions on changes pass as they are.
 * Null when the change proposes nothing (Backspace at the start of an item): nothing happens.
 * A voorsteller's change that is no proposal (suggestionMode.ts, proposeOnly) is not made: the
 * server would refuse it and end their connection; `notify` tells them why.
 */
function proposeIfSuggesting(
  state: EditorState,
  tr: Transaction,
  notify?: (message: string) => void,
): Transaction | null {
  const author = getSuggestionAuthor(state);
  if (!author || !tr.docChanged || isRemoteTransaction(tr)) return tr;
  const context = { author, now: Date.now(), newId: () => crypto.randomUUID() };
  if (isSuggestionForced(state)) {
    const proposal = proposeOnly(state, tr, context);
    if (proposal !== 'direct') return proposal;
    notify?.(PROPOSER_DIRECT_EDIT);
    return null;
  }
  return tr.getMeta(KEEP_AS_IS) ? tr : suggestTransaction(state, tr, context);
}

/**
 * Marks the editor element of a voorsteller (`data-proposals-only`), so the node views'
 * controls that change the document other than by a proposal are disabled, as a reader's are
 * (nodeviews/readOnly.ts).
 */
function proposalsOnlyMarker(): Plugin {
  return new Plugin({
    props: {
      attributes: (state): Record<string, string> =>
        isSuggestionForced(state) ? { 'data-proposals-only': 'true' } : {},
    },
  });
}

/**
 * What the editor says while it may only propose: `reason` on the page's controls that are off
 * (nodeviews/readOnly.ts) and `notice` when a change was no proposal. A voorsteller's words
 * unless the window gives others (a member drafting an amendment in their own copy).
 */
export function setProposingWords(view: EditorView, reason: string, notice: string): void {
  view.dom.dataset.proposalsReason = reason;
  view.dom.dataset.proposalsNotice = notice;
}

/**
 * Makes the editor read-only (a reader in a session) or editable again, keeping its state and
 * undo history.
 */
export function setEditorReadOnly(view: EditorView, readOnly: boolean): void {
  view.setProps({
    editable: () => !readOnly,
    attributes: { ...EDITOR_ATTRIBUTES, 'aria-readonly': readOnly ? 'true' : 'false' },
  });
}
