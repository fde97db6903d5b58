/**
 * "Opmerkingen": the comment threads on the text, beside the changes. At the top, the comment
 * being written (the toolbar's "Opmerking", Ctrl+Alt+M or the context menu opened it); then
 * the open threads in document order, the thread at the cursor drawn stronger and scrolled into
 * view; then "Opgelost (n)", folded; then the threads whose text was deleted, with the text
 * they were on.
 *
 * The panel reads the threads from the editor's comments plugin (editor/comments/) and writes
 * them to the document's Y.Doc through the comment store, never through the editor: a comment
 * is no text, and suggestion mode and undo leave it alone. Writing asks for the user's name
 * first while it is still the account's default, as proposals do.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import {
  CommentError,
  addReply,
  addThread,
  deleteComment,
  editComment,
  setThreadResolved,
} from '../../shared/comments/commentStore.ts';
import type { CommentWriter } from '../../shared/comments/commentStore.ts';
import type { CommentThread } from '../../shared/comments/commentThreads.ts';
import {
  closeCommentDraft,
  getComments,
  selectThreadText,
} from '../editor/comments/commentsPlugin.ts';
import { findProposer } from '../editor/comments/commentProposals.ts';
import { formatShortcut } from '../keyboard/shortcuts.ts';
import { CommentComposer } from './CommentComposer.tsx';
import { CommentThreadCard, shortQuote } from './CommentThreadCard.tsx';
import type { ThreadActions } from './CommentThreadCard.tsx';
import '../styles/comments.css';

/** How often the relative times ("5 min. geleden") are brought up to date (ms). */
const CLOCK_TICK = 30_000;

/** What a write says to the user when the store refuses it. */
function failure(error: unknown): string {
  if (error instanceof CommentError) return error.message;
  return `De opmerking kon niet worden opgeslagen. ${error instanceof Error ? error.message : ''}`.trim();
}

/** Runs a write; null when it succeeded, else why not. */
function attempt(write: () => unknown): string | null {
  try {
    write();
    return null;
  } catch (error) {
    return failure(error);
  }
}

/**
 * Scrolls `element` into view inside the side column it lies in, when that column scrolls on
 * its own; on a narrow window the columns stack in one scrolling workspace with the page, and
 * following the cursor there would pull the page away from the text being written.
 */
function scrollIntoColumn(element: HTMLElement): void {
  const column = element.closest<HTMLElement>('.side-column');
  if (!column || getComputedStyle(column).overflowY === 'visible') return;
  const box = element.getBoundingClientRect();
  const frame = column.getBoundingClientRect();
  if (box.top < frame.top) column.scrollTop -= frame.top - box.top + 8;
  else if (box.bottom > frame.bottom) {
    column.scrollTop += Math.min(box.bottom - frame.bottom + 8, box.top - frame.top - 8);
  }
}

export function CommentsPanel({
  view,
  canComment,
  canResolveAll = true,
  user,
  withName,
}: {
  view: EditorView | null;
  /**
   * Whether this user may comment: outside a session always; in one, an editor and a
   * voorsteller always, a lezer when the invitation allows it.
   */
  canComment: boolean;
  /**
   * Whether this user may resolve and reopen every thread (outside a session, a redacteur), or
   * only the threads they started (a voorsteller, a lezer: the server holds them to that).
   */
  canResolveAll?: boolean;
  /** The name and colour this user's comments carry. */
  user: CommentWriter;
  /** Runs `action` once the user has a name of their own (asked first while it is not). */
  withName: (action: () => void) => void;
}) {
  const comments = view ? getComments(view.state) : undefined;
  const threads = comments?.threads ?? [];
  const draft = comments?.draft ?? null;
  const active = comments?.active ?? null;
  const [now, setNow] = useState(() => Date.now());
  const [showResolved, setShowResolved] = useState(false);
  const panel = useRef<HTMLElement>(null);
  const headingId = useId();
  const resolvedToggleId = useId();

  // Relative times ("zojuist"; a comment newer than the last tick says so too).
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_TICK);
    return () => clearInterval(timer);
  }, []);

  // The user as last rendered, for a write that waits for the name question: the name given
  // there is rendered before the write runs (see setResolved).
  const latestUser = useRef(user);
  useLayoutEffect(() => {
    latestUser.current = user;
  });
  const ydoc = comments?.config.ydoc;
  const [resolveProblem, setResolveProblem] = useState<string | null>(null);

  // The card resolved or reopened leaves its place: the focus goes to "Opgelost (n)" (or, when
  // no thread is resolved any more, to the panel's heading), once the panel shows the change.
  const focusAfterResolve = useRef(false);
  const resolvedCount = threads.filter((thread) => thread.resolved).length;
  useEffect(() => {
    if (!focusAfterResolve.current) return;
    focusAfterResolve.current = false;
    const target = document.getElementById(resolvedToggleId) ?? document.getElementById(headingId);
    target?.focus({ preventScroll: true });
  }, [resolvedCount, resolvedToggleId, headingId]);

  // What the cards do, on the document's Y.Doc.
  const actions: ThreadActions | null =
    ydoc && view
      ? {
          goTo: (thread, focus) => {
            if (selectThreadText(view, thread) && focus) view.focus();
          },
          reply: (thread, text) => attempt(() => addReply(ydoc, thread, user, text)),
          edit: (comment, text) => attempt(() => editComment(ydoc, comment, user.name, text)),
          remove: (comment) => attempt(() => deleteComment(ydoc, comment, user.name)),
          withName,
        }
      : null;
  // Resolving signs with the user's name: at once when the user has one of their own. When it
  // is asked first, the answer is rendered (a store update React applies at once) before a
  // timer's turn, and the write waits for that.
  const setResolved = (thread: string, resolved: boolean) => {
    const write = () => {
      if (!ydoc) return;
      const name = latestUser.current.name;
      const problem = attempt(() => setThreadResolved(ydoc, thread, resolved, name));
      setResolveProblem(problem);
      focusAfterResolve.current = problem === null;
    };
    // Whether the name was asked: then the action runs later, not within this call.
    let asked = false;
    withName(() => (asked ? setTimeout(write) : write()));
    asked = true;
  };

  // The thread at the cursor comes into view in the panel.
  useEffect(() => {
    if (!active) return;
    const card = panel.current?.querySelector<HTMLElement>(`[data-thread="${active}"]`);
    if (card) scrollIntoColumn(card);
  }, [active]);
  // So does what the panel says when a comment could not be started.
  const notice = comments?.notice ?? null;
  const noticeLine = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice && noticeLine.current) scrollIntoColumn(noticeLine.current);
  }, [notice]);

  const open = threads.filter((thread) => !thread.resolved && thread.range);
  const resolved = threads.filter((thread) => thread.resolved);
  const gone = threads.filter((thread) => !thread.resolved && !thread.range);
  const doc = view?.state.doc;
  const ranges = comments?.ranges;
  const proposalOf = (thread: CommentThread): string | undefined =>
    thread.anchor.change === null || !doc
      ? undefined
      : (findProposer(doc, ranges?.get(thread.id) ?? null, thread.anchor.change) ?? '');

  const card = (thread: CommentThread) =>
    actions && (
      <li key={thread.id}>
        <CommentThreadCard
          thread={thread}
          active={thread.id === active}
          proposal={proposalOf(thread)}
          userName={user.name}
          canComment={canComment}
          canResolve={canComment && (canResolveAll || thread.comments[0]?.author === user.name)}
          now={now}
          actions={actions}
          onResolve={setResolved}
        />
      </li>
    );

  const closeDraft = useCallback(() => {
    if (!view) return;
    closeCommentDraft(view);
    view.focus();
  }, [view]);

  return (
    <section className="comments" aria-labelledby={headingId} ref={panel}>
      <h2 className="panel-title" id={headingId} tabIndex={-1}>
        Opmerkingen
        {open.length + gone.length > 0 && (
          <span className="count"> {open.length + gone.length}</span>
        )}
      </h2>
      {comments?.problem && (
        <p className="form-error comments-problem" role="alert">
          {comments.problem}
        </p>
      )}
      <p className="comments-notice" role="status" ref={noticeLine}>
        {notice}
      </p>
      {!canComment && (
        <p className="comments-note">
          U kunt de opmerkingen lezen; opmerkingen maken kan niet met deze uitnodiging.
        </p>
      )}
      {draft && ydoc && canComment && (
        <div className="comment-draft-box">
          <p className="comment-quote comment-quote-draft">
            <span className="comment-quote-text">“{shortQuote(draft.anchor.quote)}”</span>
          </p>
          <CommentComposer
            label="Nieuwe opmerking"
            submitLabel="Plaatsen"
            onSubmit={(text) => {
              const failed = attempt(() => addThread(ydoc, user, text, draft.anchor));
              if (!failed) closeDraft();
              return failed;
            }}
            onCancel={closeDraft}
          />
        </div>
      )}
      {threads.length === 0 && !draft && (
        <p className="comments-empty">
          {canComment
            ? `Nog geen opmerkingen. Selecteer tekst en kies Opmerking (${formatShortcut('Mod-Alt-m')}).`
            : 'Nog geen opmerkingen.'}
        </p>
      )}
      {resolveProblem && (
        <p className="form-error" role="alert">
          {resolveProblem}
        </p>
      )}
      {open.length > 0 && (
        <ol className="comment-threads" aria-label="Open opmerkingen">
          {open.map(card)}
        </ol>
      )}
      {resolved.length > 0 && (
        <div className="comments-resolved">
          <button
            type="button"
            id={resolvedToggleId}
            className="comments-section-toggle"
            aria-expanded={showResolved}
            onClick={() => setShowResolved((shown) => !shown)}
          >
            <span className="comments-section-mark" aria-hidden="true">
              {showResolved ? '▾' : '▸'}
            </span>
            Opgelost ({resolved.length})
          </button>
          {showResolved && (
            <ol className="comment-threads" aria-label="Opgeloste opmerkingen">
              {resolved.map(card)}
            </ol>
          )}
        </div>
      )}
      {gone.length > 0 && (
        <div className="comments-gone">
          <h3 className="comments-section-title">Tekst verwijderd ({gone.length})</h3>
          <ol className="comment-threads" aria-label="Opmerkingen bij verwijderde tekst">
            {gone.map(card)}
          </ol>
        </div>
      )}
    </section>
  );
}
