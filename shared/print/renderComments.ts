/**
 * The appendix "Opmerkingen" that `resolutie export --pdf --comments` adds after the stuk:
 * every thread with the place and text it is on, the proposal it is about, whether it is
 * resolved, and its comments with author and time. Comments are plain text: escaped, line
 * breaks kept, links printed as the text they are.
 */
import { formatDutchDateTime } from '../dates.ts';
import { escapeHtmlText } from './escapeHtml.ts';

/** One thread as the appendix prints it (shared/comments/commentReport.ts reads them). */
export interface PrintedCommentThread {
  /** Where its text stands ("Spreekt uit: punt 2"), or null when it is gone. */
  place: string | null;
  /** Its text now, or the quote it was made on when `textGone`. */
  text: string;
  textGone: boolean;
  /** The author of the proposal it is about, or null. */
  proposal: string | null;
  resolved: boolean;
  comments: readonly {
    author: string;
    time: number;
    edited: boolean;
    text: string;
    deleted: boolean;
  }[];
}

/** The heading of the appendix. */
export const COMMENTS_HEADING = 'Opmerkingen';

/** The appendix as a section, or '' when there are no threads. */
export function renderCommentsAppendix(threads: readonly PrintedCommentThread[]): string {
  if (threads.length === 0) return '';
  const items = threads.map((thread, index) => renderThread(thread, index + 1)).join('');
  return (
    `<section class="comments-appendix">` +
    `<h2 class="comments-heading">${COMMENTS_HEADING}</h2>` +
    `<ol class="comment-threads">${items}</ol></section>\n`
  );
}

function renderThread(thread: PrintedCommentThread, number: number): string {
  const where = thread.textGone ? 'Tekst verwijderd' : (thread.place ?? '');
  const state = thread.resolved ? ' <span class="comment-state">opgelost</span>' : '';
  const proposal = thread.proposal
    ? `<p class="comment-proposal">Over het voorstel van ${escapeHtmlText(thread.proposal)}</p>`
    : '';
  const comments = thread.comments
    .map((comment) => {
      const edited = comment.edited ? ' (bewerkt)' : '';
      const body = comment.deleted
        ? '<span class="comment-deleted">Opmerking verwijderd</span>'
        : escapeHtmlText(comment.text).replace(/\n/g, '<br>');
      return (
        `<li class="comment"><p class="comment-meta">${escapeHtmlText(comment.author)}, ` +
        `${formatDutchDateTime(comment.time)}${edited}</p><p class="comment-text">${body}</p></li>`
      );
    })
    .join('');
  // Numbered like the items of a stuk: the number in its column, the thread beside it.
  return (
    `<li class="comment-thread"><span class="label">${number}.</span><div class="text">` +
    `<p class="comment-place">${escapeHtmlText(where)}${state}</p>` +
    `<blockquote class="comment-quote">${escapeHtmlText(thread.text)}</blockquote>` +
    `${proposal}<ul class="comments">${comments}</ul></div></li>`
  );
}

/** The appendix's print styles. */
export const COMMENTS_STYLES = `
/* The appendix "Opmerkingen": on a page of its own, after the stuk. */
.comments-appendix {
  break-before: page;
  font-size: 9.5pt;
  line-height: 1.4;
}

.comments-heading {
  font-size: 13pt;
  margin: 0 0 10pt;
}

ol.comment-threads {
  list-style: none;
  margin: 0;
  padding: 0;
}

li.comment-thread {
  margin: 0 0 12pt;
  break-inside: avoid;
}

.comment-place {
  font-weight: bold;
  margin: 0 0 2pt;
}

.comment-state {
  font-weight: normal;
  font-style: italic;
  color: #555;
}

blockquote.comment-quote {
  margin: 0 0 4pt;
  padding: 0 0 0 8pt;
  border-left: 1.5pt solid #a6a6a6;
  font-style: italic;
  overflow-wrap: anywhere;
}

.comment-proposal {
  margin: 0 0 4pt;
  color: #555;
}

ul.comments {
  list-style: none;
  margin: 0;
  padding: 0;
}

li.comment {
  display: block;
  margin: 0 0 4pt;
}

.comment-meta {
  margin: 0;
  color: #555;
  font-size: 8.5pt;
}

.comment-text {
  margin: 0;
  overflow-wrap: anywhere;
}

.comment-deleted {
  font-style: italic;
  color: #555;
}
`;
