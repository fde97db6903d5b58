/**
 * One thread in the comments panel: the text it is about (a button that goes there, or "tekst
 * verwijderd" with the quote when that text is gone), the proposal it is about, its comments
 * with author, colour and time, and what one may do: reply, edit or delete one's own comment
 * (a deleted one stays as "Opmerking verwijderd"), resolve or reopen.
 *
 * Comment text is plain text: React writes it as text, so an address in it shows as an address
 * and markup as characters; line breaks stay (styles/comments.css).
 */
import { useRef, useState } from 'react';
import type { MouseEvent as ReactMouseEvent } from 'react';
import type { CommentThread } from '../../shared/comments/commentThreads.ts';
import type { CommentRecord } from '../../shared/comments/commentRecords.ts';
import { Avatar } from './Avatar.tsx';
import { CommentComposer } from './CommentComposer.tsx';
import { CommentTime } from './CommentTime.tsx';

/** What the card does through the panel; each write returns why it failed, or null. */
export interface ThreadActions {
  /** Selects the thread's text in the editor; `focus` moves the focus there too. */
  goTo: (thread: string, focus: boolean) => void;
  reply: (thread: string, text: string) => string | null;
  edit: (comment: string, text: string) => string | null;
  remove: (comment: string) => string | null;
  /** Runs `action` once the user has a name of their own (asked first while it is not). */
  withName: (action: () => void) => void;
}

/** A quote as a short line: at most `max` characters, cut at a word. */
export function shortQuote(quote: string, max = 90): string {
  if (quote.length <= max) return quote;
  const cut = quote.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}

interface CardProps {
  thread: CommentThread;
  /** The thread at the cursor: drawn stronger, and named as current. */
  active: boolean;
  /**
   * The proposal the thread is about: its author's name, '' when it was decided since; undefined
   * when the thread is about plain text.
   */
  proposal: string | undefined;
  userName: string;
  canComment: boolean;
  /** Whether this user may resolve and reopen this thread. */
  canResolve: boolean;
  /** The time relative times count from. */
  now: number;
  actions: ThreadActions;
  /** Resolves or reopens; the panel asks for the user's name first when needed. */
  onResolve: (thread: string, resolved: boolean) => void;
}

export function CommentThreadCard({
  thread,
  active,
  proposal,
  userName,
  canComment,
  canResolve,
  now,
  actions,
  onResolve,
}: CardProps) {
  const [replying, setReplying] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const card = useRef<HTMLElement>(null);
  const quote = shortQuote(thread.anchor.quote);
  const gone = thread.range === null;
  const about = `opmerking over “${shortQuote(thread.anchor.quote, 40)}”`;

  /** After the card changed under the focus: the focus goes to the button named `name`. */
  const focusButton = (selector: string) => {
    requestAnimationFrame(() => card.current?.querySelector<HTMLElement>(selector)?.focus());
  };

  // A click on the card itself (not on a control in it) goes to its text, as in a word processor.
  const onCardClick = (event: ReactMouseEvent) => {
    if (gone) return;
    const target = event.target as HTMLElement;
    if (target.closest('button, textarea, a, input, form')) return;
    actions.goTo(thread.id, false);
  };

  const remove = (comment: CommentRecord) => {
    const failed = actions.remove(comment.id);
    setProblem(failed);
    setConfirming(null);
    focusButton('.comment-quote');
  };

  return (
    <article
      ref={card}
      className={`comment-thread${active ? ' comment-thread-active' : ''}${
        thread.resolved ? ' comment-thread-resolved' : ''
      }`}
      aria-label={about.charAt(0).toUpperCase() + about.slice(1)}
      aria-current={active ? 'true' : undefined}
      data-thread={thread.id}
      onClick={onCardClick}
    >
      {gone ? (
        <p className="comment-quote comment-quote-gone">
          <span className="comment-gone">tekst verwijderd</span>
          <span className="comment-quote-text">“{quote}”</span>
        </p>
      ) : (
        <button
          type="button"
          className="comment-quote"
          title="Naar de tekst"
          aria-label={`Naar de tekst: “${quote}”`}
          onClick={() => actions.goTo(thread.id, true)}
        >
          <span className="comment-quote-text">“{quote}”</span>
        </button>
      )}
      {proposal !== undefined && (
        <p className="comment-proposal">
          {proposal ? (
            <>
              Over het voorstel van <strong>{proposal}</strong>
            </>
          ) : (
            'Over een voorstel dat al is afgehandeld'
          )}
        </p>
      )}
      <ol className="comment-list">
        {thread.comments.map((comment) => {
          const own = canComment && comment.author === userName && !comment.deleted;
          return (
            <li key={comment.id} className="comment">
              <div className="comment-head">
                <Avatar name={comment.author} colour={comment.colour} small />
                <span className="comment-author">{comment.author}</span>
                <CommentTime time={comment.time} now={now} />
              </div>
              {comment.deleted ? (
                <p className="comment-deleted">Opmerking verwijderd</p>
              ) : editing === comment.id ? (
                <CommentComposer
                  label="Opmerking bewerken"
                  submitLabel="Opslaan"
                  initial={comment.text}
                  onSubmit={(text) => {
                    const failed = actions.edit(comment.id, text);
                    if (!failed) {
                      setEditing(null);
                      focusButton(`[data-edit="${comment.id}"]`);
                    }
                    return failed;
                  }}
                  onCancel={() => {
                    setEditing(null);
                    focusButton(`[data-edit="${comment.id}"]`);
                  }}
                />
              ) : (
                <p className="comment-text">
                  {comment.text}
                  {comment.edited !== null && <span className="comment-edited"> (bewerkt)</span>}
                </p>
              )}
              {own && editing !== comment.id && confirming !== comment.id && (
                <div className="comment-own">
                  <button
                    type="button"
                    className="link-button"
                    data-edit={comment.id}
                    aria-label="Bewerken: uw opmerking"
                    onClick={() => {
                      setEditing(comment.id);
                      setConfirming(null);
                    }}
                  >
                    Bewerken
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    aria-label="Verwijderen: uw opmerking"
                    onClick={() => {
                      setConfirming(comment.id);
                      focusButton('.comment-confirm-delete');
                    }}
                  >
                    Verwijderen
                  </button>
                </div>
              )}
              {confirming === comment.id && (
                <div className="comment-confirm" role="group" aria-label="Verwijderen bevestigen">
                  <span>Deze opmerking verwijderen?</span>
                  <button
                    type="button"
                    className="small-button comment-confirm-delete"
                    onClick={() => remove(comment)}
                  >
                    Verwijderen
                  </button>
                  <button
                    type="button"
                    className="small-button"
                    onClick={() => {
                      setConfirming(null);
                      focusButton(`[data-edit="${comment.id}"]`);
                    }}
                  >
                    Annuleren
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {thread.resolved && thread.status && (
        <p className="comment-resolved-by">
          Opgelost door {thread.status.name}, <CommentTime time={thread.status.time} now={now} />
        </p>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {canComment && replying && (
        <CommentComposer
          label="Antwoord"
          submitLabel="Antwoorden"
          onSubmit={(text) => {
            const failed = actions.reply(thread.id, text);
            if (!failed) {
              setReplying(false);
              focusButton('.comment-reply');
            }
            return failed;
          }}
          onCancel={() => {
            setReplying(false);
            focusButton('.comment-reply');
          }}
        />
      )}
      {canComment && !replying && (!thread.resolved || canResolve) && (
        <div className="comment-thread-actions">
          {!thread.resolved && (
            <button
              type="button"
              className="small-button comment-reply"
              aria-label={`Beantwoorden: ${about}`}
              onClick={() => actions.withName(() => setReplying(true))}
            >
              Beantwoorden
            </button>
          )}
          {canResolve && (
            <button
              type="button"
              className="small-button comment-resolve"
              aria-label={`${thread.resolved ? 'Heropenen' : 'Oplossen'}: ${about}`}
              onClick={() => onResolve(thread.id, !thread.resolved)}
            >
              {thread.resolved ? 'Heropenen' : 'Oplossen'}
            </button>
          )}
        </div>
      )}
    </article>
  );
}
