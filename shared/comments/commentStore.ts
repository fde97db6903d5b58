/**
 * Writing comments (commentRecords.ts): a new thread on a piece of text, a reply, editing or
 * deleting one's own comment, resolving or reopening a thread. Each is one Yjs transaction on
 * the comments map, so it reaches co-editors, the journal and the file like any edit; none
 * touches the document's text.
 *
 * What one may do is checked here for the app, and again by the sync server for every
 * participant (shared/session/roleRules.ts): only one's own comments are edited or deleted.
 */
import type * as Y from 'yjs';
import type { CommentAnchor, StoredComment, ThreadStatus } from './commentRecords.ts';
import { isUserName } from '../model/userNames.ts';
import {
  COMMENT_ID_PATTERN,
  MAX_COMMENTS,
  MAX_COMMENTS_TEXT,
  MAX_COMMENT_LENGTH,
  getCommentsMap,
  isCommentText,
  readCommentEntries,
  statusKey,
} from './commentRecords.ts';

/** Who writes: the name and colour the comment shows. */
export interface CommentWriter {
  name: string;
  colour: string;
}

/** What cannot be written, with a Dutch message for the user. */
export class CommentError extends Error {
  override name = 'CommentError';
}

/** A new id for a comment. */
export function newCommentId(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 20);
}

/** Starts a thread on `anchor` with its first comment; returns the thread's id. */
export function addThread(
  ydoc: Y.Doc,
  writer: CommentWriter,
  text: string,
  anchor: CommentAnchor,
  now: number = Date.now(),
  id: string = newCommentId(),
): string {
  return addComment(ydoc, { id, thread: id, anchor }, writer, text, now);
}

/** Adds a reply to `thread`; returns the reply's id. */
export function addReply(
  ydoc: Y.Doc,
  thread: string,
  writer: CommentWriter,
  text: string,
  now: number = Date.now(),
  id: string = newCommentId(),
): string {
  return addComment(ydoc, { id, thread, anchor: null }, writer, text, now, () => {
    const first = getComment(ydoc, thread);
    if (!first || first.thread !== thread) {
      throw new CommentError('Deze opmerking bestaat niet meer.');
    }
  });
}

/**
 * Writes a new comment `place.id` in `place.thread` (its own id for a first comment, which has
 * the anchor), after checking its text, its writer, then `check` (what else must hold) and the
 * room left in the store. Returns its id.
 */
function addComment(
  ydoc: Y.Doc,
  place: { id: string; thread: string; anchor: CommentAnchor | null },
  writer: CommentWriter,
  text: string,
  now: number,
  check?: () => void,
): string {
  const body = checkText(text);
  checkWriter(writer);
  check?.();
  checkRoom(ydoc, body.length + (place.anchor?.quote.length ?? 0));
  write(ydoc, place.id, {
    thread: place.thread,
    author: writer.name,
    colour: writer.colour,
    time: now,
    edited: null,
    text: body,
    deleted: false,
    anchor: place.anchor,
  });
  return place.id;
}

/** Changes the text of one's own comment `id`. */
export function editComment(
  ydoc: Y.Doc,
  id: string,
  name: string,
  text: string,
  now: number = Date.now(),
): void {
  const body = checkText(text);
  const comment = getOwnComment(ydoc, id, name);
  if (comment.text === body) return;
  checkRoom(ydoc, body.length - comment.text.length, false);
  write(ydoc, id, { ...comment, text: body, edited: now });
}

/**
 * Deletes one's own comment `id`: its text goes, a marker stays, so that the replies after it
 * keep their place (and a thread whose first comment is deleted keeps its anchor).
 */
export function deleteComment(
  ydoc: Y.Doc,
  id: string,
  name: string,
  now: number = Date.now(),
): void {
  const comment = getOwnComment(ydoc, id, name);
  if (comment.deleted) return;
  write(ydoc, id, { ...comment, text: '', deleted: true, edited: now });
}

/** Resolves (or reopens) `thread`, in the name of `name`. */
export function setThreadResolved(
  ydoc: Y.Doc,
  thread: string,
  resolved: boolean,
  name: string,
  now: number = Date.now(),
): void {
  if (!isUserName(name)) throw new CommentError('Vul eerst uw naam in bij Voorkeuren.');
  const first = getComment(ydoc, thread);
  if (!first || first.thread !== thread)
    throw new CommentError('Deze opmerking bestaat niet meer.');
  const map = getCommentsMap(ydoc);
  const key = statusKey(thread);
  const current = map.get(key) as ThreadStatus | undefined;
  if ((current?.resolved ?? false) === resolved) return;
  if (!current && map.size >= MAX_COMMENTS) throw full();
  const status: ThreadStatus = { resolved, name, time: now };
  map.set(key, status);
}

function getComment(ydoc: Y.Doc, id: string): StoredComment | undefined {
  if (!COMMENT_ID_PATTERN.test(id)) return undefined;
  const value = getCommentsMap(ydoc).get(id);
  return typeof value === 'object' && value !== null ? (value as StoredComment) : undefined;
}

function getOwnComment(ydoc: Y.Doc, id: string, name: string): StoredComment {
  const comment = getComment(ydoc, id);
  if (!comment) throw new CommentError('Deze opmerking bestaat niet meer.');
  if (comment.author !== name) {
    throw new CommentError('U kunt alleen uw eigen opmerkingen wijzigen of verwijderen.');
  }
  return comment;
}

function write(ydoc: Y.Doc, id: string, comment: StoredComment): void {
  if (!COMMENT_ID_PATTERN.test(id)) throw new RangeError(`Not a comment id: ${id}`);
  getCommentsMap(ydoc).set(id, comment);
}

function checkText(text: string): string {
  const body = text.replace(/\r\n?/g, '\n').trim();
  if (body.length === 0) throw new CommentError('Een opmerking heeft tekst nodig.');
  if (body.length > MAX_COMMENT_LENGTH) {
    throw new CommentError(
      `Een opmerking is hoogstens ${MAX_COMMENT_LENGTH} tekens lang; deze heeft er ${body.length}.`,
    );
  }
  if (!isCommentText(body)) {
    throw new CommentError('De opmerking bevat tekens die niet als tekst te zien zijn.');
  }
  return body;
}

function checkWriter(writer: CommentWriter): void {
  if (!isUserName(writer.name)) throw new CommentError('Vul eerst uw naam in bij Voorkeuren.');
}

// Room in the bounded store for `moreText` more characters (and one more entry if `newEntry`).
function checkRoom(ydoc: Y.Doc, moreText: number, newEntry = true): void {
  const map = getCommentsMap(ydoc);
  if (newEntry && map.size >= MAX_COMMENTS) throw full();
  const { comments } = readCommentEntries(ydoc);
  const used = comments.reduce((sum, c) => sum + c.text.length + (c.anchor?.quote.length ?? 0), 0);
  if (used + moreText > MAX_COMMENTS_TEXT) throw full();
}

function full(): CommentError {
  return new CommentError(
    'Het document heeft zoveel opmerkingen als het kan bewaren; er kan geen opmerking meer bij.',
  );
}
