/**
 * The comments in the editor: the threads of the document's comments map (shared/comments/),
 * where their text lies, which one the cursor is in, the highlight of their text, and the
 * comment being written. The comments panel reads all of it from the editor's state, so that
 * it follows every transaction as the other panels do.
 *
 * The anchors are read again (commentRanges.ts) when the comments change (written here or by a
 * colleague), shortly after a remote or structural change of the text, and once typing pauses;
 * in between, the ranges follow the editor's transactions by mapping, so a keystroke costs a
 * few additions per thread. Comments are written to the Y.Doc (commentStore.ts), never through
 * a transaction: suggestion mode and undo do not touch them.
 */
import { Plugin, PluginKey, TextSelection } from 'prosemirror-state';
import type { EditorState, Transaction } from 'prosemirror-state';
import type { DecorationSet, EditorView } from 'prosemirror-view';
import { isTypingTransaction } from '../../../shared/editor/queries/isTypingTransaction.ts';
import { getCommentsMap, readCommentEntries } from '../../../shared/comments/commentRecords.ts';
import type { CommentAnchor, CommentEntries } from '../../../shared/comments/commentRecords.ts';
import { createAnchor, resolveAnchor } from '../../../shared/comments/commentAnchors.ts';
import type { AnchorRange, YMapping } from '../../../shared/comments/commentAnchors.ts';
import { listThreads, threadAnchors } from '../../../shared/comments/commentThreads.ts';
import type { CommentThread } from '../../../shared/comments/commentThreads.ts';
import type { CollabDocument } from '../yjsBinding.ts';
import { isRemoteTransaction } from '../yjsBinding.ts';
import {
  findChangedPart,
  findThreadAt,
  mapRange,
  mapRanges,
  partMapping,
  sameRanges,
} from './commentRanges.ts';
import type { ChangedPart, ThreadRanges } from './commentRanges.ts';
import { buildCommentDecorations } from './commentDecorations.ts';
import { findCommentTarget } from './commentTarget.ts';

/** The document's comments as the editor binds them. */
export interface CommentsConfig {
  ydoc: CollabDocument['ydoc'];
  fragment: CollabDocument['fragment'];
  /** y-prosemirror's map from Yjs types to the nodes of `state` (yjsBinding's getBindingMapping). */
  mapping: (state: EditorState) => YMapping | null;
}

/** A comment being written: what it is about, and where that text lies now. */
export interface CommentDraft {
  anchor: CommentAnchor;
  range: AnchorRange | null;
}

/** The comments as the editor holds them. */
export interface CommentsState {
  config: CommentsConfig;
  entries: CommentEntries;
  /** Why the comments could not be read (the last readable ones are shown), or null. */
  problem: string | null;
  ranges: ThreadRanges;
  /**
   * The threads in document order, those whose text is gone last (commentThreads.ts). Made
   * again when the comments are read and when a thread's text comes or goes; their `range` is
   * where the text lay then (typing moves it: `ranges` has where it lies now).
   */
  threads: readonly CommentThread[];
  /** The open threads whose text is there, in document order. */
  open: readonly string[];
  /** The open thread at the cursor (or chosen in the panel), or null. */
  active: string | null;
  draft: CommentDraft | null;
  /** What the last attempt to start a comment told the user (no text selected), or null. */
  notice: string | null;
  decorations: DecorationSet;
  /**
   * What the last change of the text was, which says when the anchors are read again: soon
   * after a remote or structural change, once typing pauses after typing.
   */
  lastChange: 'typing' | 'other' | null;
}

type CommentsMeta =
  | { type: 'read'; entries: CommentEntries; problem: string | null; ranges: ThreadRanges }
  | { type: 'draft'; draft: CommentDraft }
  | { type: 'cancelDraft' }
  | { type: 'notice'; notice: string };

export const commentsKey = new PluginKey<CommentsState>('comments');

/** After a remote or structural change, the anchors are read again this much later (ms). */
const READ_SOON = 120;
/** After typing, once it pauses this long (ms). */
const READ_IDLE = 800;

/** The comments of the editor `state`, or undefined in an editor without them. */
export function getComments(state: EditorState): CommentsState | undefined {
  return commentsKey.getState(state);
}

/**
 * The comments and where their anchors lie in `state`, read from the Y.Doc; the entries of
 * `previous` stay when the map cannot be read (a damaged entry a merge brought in), and say so.
 */
export function readComments(
  state: EditorState,
  config: CommentsConfig,
  previous: CommentEntries | null,
): { entries: CommentEntries; problem: string | null; ranges: ThreadRanges } {
  let entries: CommentEntries;
  let problem: string | null = null;
  try {
    entries = readCommentEntries(config.ydoc);
  } catch (error) {
    entries = previous ?? { comments: [], statuses: new Map() };
    const reason = error instanceof Error ? error.message : String(error);
    problem = `De opmerkingen van dit document kunnen niet worden gelezen. ${reason}`;
  }
  return { entries, problem, ranges: resolveRanges(state, config, entries) };
}

function resolveRanges(
  state: EditorState,
  config: CommentsConfig,
  entries: CommentEntries,
): ThreadRanges {
  const ranges = new Map<string, AnchorRange | null>();
  const mapping = config.mapping(state);
  for (const [thread, anchor] of threadAnchors(entries)) {
    ranges.set(thread, mapping && resolveAnchor(state.doc, config.fragment, mapping, anchor));
  }
  return ranges;
}

/**
 * The transaction that brings the comments of `state` up to date: the entries read again when
 * `entriesChanged`, and every anchor resolved; null when nothing differs from what it holds.
 */
export function readTransaction(state: EditorState, entriesChanged: boolean): Transaction | null {
  const current = getComments(state);
  if (!current) return null;
  const read = entriesChanged
    ? readComments(state, current.config, current.entries)
    : {
        entries: current.entries,
        problem: current.problem,
        ranges: resolveRanges(state, current.config, current.entries),
      };
  if (!entriesChanged && sameRanges(read.ranges, current.ranges)) return null;
  const meta: CommentsMeta = { type: 'read', ...read };
  return state.tr.setMeta(commentsKey, meta);
}

/** The open threads whose text is there, in document order. */
function openThreads(threads: readonly CommentThread[], ranges: ThreadRanges): string[] {
  return threads.filter((t) => !t.resolved && ranges.get(t.id)).map((t) => t.id);
}

/**
 * The state from `base`: the threads listed again when `threadsChanged` (else those of
 * `previous`), the active thread found, and the decorations built again unless what they show
 * is the same as before, only moved (then `mapped`, the previous ones mapped, are enough).
 */
function derive(
  state: EditorState,
  base: Omit<CommentsState, 'threads' | 'open' | 'active' | 'decorations'>,
  previous: CommentsState | null,
  mapped: DecorationSet | null,
  threadsChanged: boolean,
): CommentsState {
  const relist = threadsChanged || !previous;
  const threads = relist ? listThreads(base.entries, base.ranges) : previous.threads;
  const open = relist ? openThreads(threads, base.ranges) : previous.open;
  const { from, to } = state.selection;
  const active = findThreadAt(base.ranges, open, from, to);
  const sameShape =
    !relist &&
    mapped !== null &&
    active === previous.active &&
    !base.draft?.range === !previous.draft?.range;
  const decorations = sameShape
    ? mapped
    : buildCommentDecorations(state.doc, base.ranges, open, active, base.draft?.range ?? null);
  return { ...base, threads, open, active, decorations };
}

/** The comments plugin of an editor bound to `config`'s document. */
export function commentsPlugin(config: CommentsConfig): Plugin<CommentsState> {
  return new Plugin<CommentsState>({
    key: commentsKey,
    state: {
      init: (_spec, state) => {
        const read = readComments(state, config, null);
        const base = { config, ...read, draft: null, notice: null, lastChange: null };
        return derive(state, base, null, null, true);
      },
      apply: (tr, value, _old, state) => applyTransaction(tr, value, state),
    },
    props: {
      decorations: (state) => getComments(state)?.decorations,
    },
    view: (view) => new CommentsReader(view, config),
  });
}

function applyTransaction(
  tr: Transaction,
  value: CommentsState,
  state: EditorState,
): CommentsState {
  const meta = tr.getMeta(commentsKey) as CommentsMeta | undefined;
  if (!tr.docChanged && !tr.selectionSet && !meta) return value;
  let { entries, problem, ranges, draft, notice, lastChange } = value;
  let mapped: DecorationSet | null = value.decorations;
  let threadsChanged = false;
  if (tr.docChanged && isRemoteTransaction(tr)) {
    // A remote change replaces the whole document: what lies in the part that changed is read
    // from its anchor (Yjs and the binding's mapping have the change already), the rest maps.
    const part = findChangedPart(tr.before, tr.doc);
    const follow = (range: AnchorRange, anchor: CommentAnchor | undefined) =>
      followRemote(range, anchor, part, state, value.config);
    const anchors = threadAnchors(entries);
    ranges = new Map(
      [...ranges].map(([thread, range]) => [thread, range && follow(range, anchors.get(thread))]),
    );
    draft = draft && { ...draft, range: draft.range && follow(draft.range, draft.anchor) };
    // Built anew: a highlight in the changed part would not map.
    mapped = null;
    lastChange = 'other';
    threadsChanged = true;
  } else if (tr.docChanged) {
    const before = ranges;
    ranges = mapRanges(ranges, tr.mapping);
    draft = draft && { ...draft, range: draft.range && mapRange(draft.range, tr.mapping) };
    mapped = value.decorations.map(tr.mapping, tr.doc);
    lastChange = isTypingTransaction(tr) ? 'typing' : 'other';
    // Mapping keeps the order; the list changes only when a thread's text went.
    threadsChanged = [...before].some(([thread, range]) => range && !ranges.get(thread));
  }
  if (tr.selectionSet || tr.docChanged) notice = null;
  switch (meta?.type) {
    case 'read':
      ({ entries, problem, ranges } = meta);
      threadsChanged = true;
      mapped = null;
      break;
    case 'draft':
      draft = meta.draft;
      notice = null;
      mapped = null;
      break;
    case 'cancelDraft':
      draft = null;
      mapped = null;
      break;
    case 'notice':
      notice = meta.notice;
      break;
  }
  const base = { config: value.config, entries, problem, ranges, draft, notice, lastChange };
  return derive(state, base, value, mapped, threadsChanged);
}

/**
 * Where `range` lies after a remote change that replaced `part`: mapped when it lies outside
 * that part, read from `anchor` when the part touches it.
 */
function followRemote(
  range: AnchorRange,
  anchor: CommentAnchor | undefined,
  part: ChangedPart | null,
  state: EditorState,
  config: CommentsConfig,
): AnchorRange | null {
  if (!part) return range;
  if (range.to < part.start || range.from > part.endBefore || !anchor) {
    return mapRange(range, partMapping(part));
  }
  const mapping = config.mapping(state);
  return mapping && resolveAnchor(state.doc, config.fragment, mapping, anchor);
}

/**
 * Reads the comments again when they change, and the anchors after the text changed (soon, or
 * when typing pauses), outside the transaction that changed them: the sync plugin has written
 * the change to Yjs by then.
 */
class CommentsReader {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private due = 0;
  /** Whether the reading planned waits for typing to pause (and moves on with it). */
  private afterTyping = false;
  private entriesChanged = false;
  private readonly map: ReturnType<typeof getCommentsMap>;
  private readonly view: EditorView;

  constructor(view: EditorView, config: CommentsConfig) {
    this.view = view;
    this.map = getCommentsMap(config.ydoc);
    this.map.observe(this.onComments);
  }

  private readonly onComments = (): void => {
    this.entriesChanged = true;
    this.schedule(0, false);
  };

  update(view: EditorView, previous: EditorState): void {
    if (view.state.doc === previous.doc) return;
    const typing = getComments(view.state)?.lastChange === 'typing';
    this.schedule(typing ? READ_IDLE : READ_SOON, typing);
  }

  /**
   * Reads in `delay` ms. A reading planned earlier stays, unless it waits for typing to pause
   * and this is typing too (`afterTyping`): then it moves on.
   */
  private schedule(delay: number, afterTyping: boolean): void {
    const at = Date.now() + delay;
    if (this.timer !== null) {
      if (this.due <= at && !(afterTyping && this.afterTyping)) return;
      clearTimeout(this.timer);
    }
    this.due = at;
    this.afterTyping = afterTyping;
    this.timer = setTimeout(this.read, delay);
  }

  private readonly read = (): void => {
    this.timer = null;
    const entriesChanged = this.entriesChanged;
    this.entriesChanged = false;
    const tr = readTransaction(this.view.state, entriesChanged);
    if (tr) this.view.dispatch(tr);
  };

  destroy(): void {
    this.map.unobserve(this.onComments);
    if (this.timer !== null) clearTimeout(this.timer);
  }
}

/**
 * Starts a comment on the selection: the composer opens in the panel with what it is about.
 * Without text selected, the panel says that text must be selected first; returns false.
 */
export function startCommentDraft(view: EditorView): boolean {
  const state = getComments(view.state);
  if (!state) return false;
  const target = findCommentTarget(view.state);
  if ('problem' in target) {
    view.dispatch(view.state.tr.setMeta(commentsKey, { type: 'notice', notice: target.problem }));
    return false;
  }
  const mapping = state.config.mapping(view.state);
  if (!mapping) return false;
  const { from, to, change } = target;
  const anchor = createAnchor(view.state.doc, state.config.fragment, mapping, from, to, change);
  const meta: CommentsMeta = { type: 'draft', draft: { anchor, range: { from, to } } };
  view.dispatch(view.state.tr.setMeta(commentsKey, meta));
  return true;
}

/** Closes the composer of a new comment (written or cancelled). */
export function closeCommentDraft(view: EditorView): void {
  if (!getComments(view.state)?.draft) return;
  view.dispatch(view.state.tr.setMeta(commentsKey, { type: 'cancelDraft' }));
}

/**
 * Selects the text of `thread` in the editor and scrolls it into view (it becomes the active
 * thread); false when its text is gone.
 */
export function selectThreadText(view: EditorView, thread: string): boolean {
  const range = getComments(view.state)?.ranges.get(thread);
  if (!range) return false;
  const selection = TextSelection.create(view.state.doc, range.from, range.to);
  view.dispatch(view.state.tr.setSelection(selection).scrollIntoView());
  return true;
}
