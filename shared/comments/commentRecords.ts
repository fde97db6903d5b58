/**
 * Comments on the text ("Opmerkingen"), as they are kept: in a Yjs map beside the document's
 * text and its versions, so they travel with the file, through a session and through an
 * offline merge like everything else, yet are no document text (suggestion mode never turns
 * them into proposals, print leaves them out).
 *
 * The map holds two kinds of entries, each written by one person and read strictly:
 *
 * - **A comment**, under its own id: who wrote it and when, its plain text, whether it was
 *   edited or deleted (a deleted comment stays as a marker, so that replies keep their place),
 *   and the thread it belongs to: the id of the thread's first comment. Only a first comment
 *   has an anchor: the text the thread is about, as two Yjs relative positions (which follow
 *   the text through every edit, local or remote), the text it was on when it was made (shown
 *   when that text is deleted) and the proposal it is about, if any.
 * - **A thread's state**, under `status:<thread>`: resolved or open, by whom and when. Kept
 *   apart from the first comment so that resolving a thread and its author editing that
 *   comment at the same moment do not overwrite each other.
 *
 * Entries are never removed, only replaced by their writer: a bounded store (MAX_COMMENTS,
 * MAX_COMMENTS_TEXT) that a hostile participant cannot grow without limit and an honest one
 * cannot fill by accident.
 */
import type * as Y from 'yjs';
import { USER_COLOUR_PATTERN } from '../model/userColours.ts';
import { isUserName } from '../model/userNames.ts';
import { InvalidDocumentError } from '../ydoc/invalidDocument.ts';
import { describeFields, hasControl, isRecord, isTime } from '../ydoc/jsonEntries.ts';
import { refuseKeylessContent } from '../ydoc/keylessContent.ts';

/** The Yjs map of the comments. */
export const COMMENTS_MAP = 'opmerkingen';

/** The longest comment, in characters. */
export const MAX_COMMENT_LENGTH = 4000;
/** The most entries (comments and thread states) a document holds. */
export const MAX_COMMENTS = 2000;
/** The most characters of comment text a document holds, all comments together. */
export const MAX_COMMENTS_TEXT = 400_000;
/** The longest quote of the text a thread was made on. */
export const MAX_QUOTE_LENGTH = 500;
/** The longest encoded relative position of an anchor (a few dozen bytes in practice). */
const MAX_POSITION_LENGTH = 200;

/** Comment and thread ids: letters, digits, `-` and `_`. */
export const COMMENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const STATUS_PREFIX = 'status:';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The text a thread is about. */
export interface CommentAnchor {
  /** Where it starts and ends: Yjs relative positions, base64 (see commentAnchors.ts). */
  start: string;
  end: string;
  /** The text as it was when the thread was made (cut at MAX_QUOTE_LENGTH). */
  quote: string;
  /** The proposal the thread is about (its change id), or null. */
  change: string | null;
}

/** One comment as stored. */
export interface StoredComment {
  /** The id of the thread's first comment (its own id for a first comment). */
  thread: string;
  author: string;
  colour: string;
  /** When it was written (ms since the epoch). */
  time: number;
  /** When its text was last changed, or null. */
  edited: number | null;
  /** Plain text ('' once deleted). */
  text: string;
  deleted: boolean;
  /** The text the thread is about: on a first comment only. */
  anchor: CommentAnchor | null;
}

/** A comment with its id. */
export interface CommentRecord extends StoredComment {
  id: string;
}

/** A thread's state as stored. */
export interface ThreadStatus {
  resolved: boolean;
  /** Who resolved or reopened it, and when. */
  name: string;
  time: number;
}

/** Everything the comments map holds, read and checked. */
export interface CommentEntries {
  comments: CommentRecord[];
  /** Thread states by thread id. */
  statuses: Map<string, ThreadStatus>;
}

/** The key of a thread's state. */
export function statusKey(thread: string): string {
  return `${STATUS_PREFIX}${thread}`;
}

/** The thread a state key belongs to, or null when `key` is no state key. */
export function threadOfStatusKey(key: string): string | null {
  return key.startsWith(STATUS_PREFIX) ? key.slice(STATUS_PREFIX.length) : null;
}

/** The comments map of `ydoc`. */
export function getCommentsMap(ydoc: Y.Doc): Y.Map<unknown> {
  return ydoc.getMap<unknown>(COMMENTS_MAP);
}

/**
 * Every entry of the comments map, checked: each comment and state well formed, and the whole
 * within the bounds. Throws InvalidDocumentError naming the first entry that is not.
 *
 * A reply (or a thread's state) may be there before its thread's first comment: map entries
 * of different people travel independently, so a replica can hear of a reply before the
 * thread it answers (and save a file then). Such an entry is kept and shown once its thread
 * arrives (commentThreads.ts skips it until then); refusing it would refuse an honest file.
 */
export function readCommentEntries(ydoc: Y.Doc): CommentEntries {
  if (!ydoc.share.has(COMMENTS_MAP)) return { comments: [], statuses: new Map() };
  const map = getCommentsMap(ydoc);
  refuseKeylessContent(map, 'De lijst van opmerkingen');
  if (map.size > MAX_COMMENTS) {
    throw new InvalidDocumentError(
      `Het document heeft meer dan ${MAX_COMMENTS} opmerkingen; zoveel kan het niet bewaren.`,
    );
  }
  const comments: CommentRecord[] = [];
  const statuses = new Map<string, ThreadStatus>();
  let textLength = 0;
  map.forEach((value, key) => {
    const thread = threadOfStatusKey(key);
    if (thread !== null) {
      statuses.set(thread, readStatus(key, thread, value));
      return;
    }
    const comment = readComment(key, value);
    textLength += comment.text.length + (comment.anchor?.quote.length ?? 0);
    comments.push(comment);
  });
  if (textLength > MAX_COMMENTS_TEXT) {
    throw new InvalidDocumentError(
      'De opmerkingen van het document zijn samen langer dan het kan bewaren.',
    );
  }
  return { comments, statuses };
}

/**
 * Checks that none of the entries `keys` of the comments map (those a change touched) was
 * removed, and then the whole map as readCommentEntries does; for the sync server, which checks
 * every update that touches the comments. Throws InvalidDocumentError.
 */
export function checkCommentEntries(ydoc: Y.Doc, keys: Iterable<string>): void {
  const map = getCommentsMap(ydoc);
  if (map.size > MAX_COMMENTS) {
    throw new InvalidDocumentError(
      `Het document heeft meer dan ${MAX_COMMENTS} opmerkingen; zoveel kan het niet bewaren.`,
    );
  }
  refuseKeylessContent(map, 'De lijst van opmerkingen');
  for (const key of keys as Iterable<unknown>) {
    // Content without a key shows as `null` among the keys a change touched (refused above
    // while it is visible).
    if (typeof key !== 'string') continue;
    if (!map.has(key)) throw damaged(key, 'verwijderd; opmerkingen worden nooit weggehaald');
  }
  // The bounds of the whole (a few thousand entries at most: cheap).
  readCommentEntries(ydoc);
}

/** Whether `text` is a comment's text as the store takes it: plain, 1 to MAX characters. */
export function isCommentText(text: string): boolean {
  return text.trim().length > 0 && text.length <= MAX_COMMENT_LENGTH && !hasControl(text);
}

function readComment(id: string, value: unknown): CommentRecord {
  if (!COMMENT_ID_PATTERN.test(id)) throw damaged(id, 'id');
  if (!isRecord(value)) throw damaged(id, 'geen opmerking');
  const { thread, author, colour, time, edited, text, deleted, anchor } = value;
  expectKeys(id, value, [
    'thread',
    'author',
    'colour',
    'time',
    'edited',
    'text',
    'deleted',
    'anchor',
  ]);
  if (typeof thread !== 'string' || !COMMENT_ID_PATTERN.test(thread)) throw damaged(id, 'draad');
  if (!isUserName(author)) throw damaged(id, 'auteur');
  if (typeof colour !== 'string' || !USER_COLOUR_PATTERN.test(colour)) throw damaged(id, 'kleur');
  if (!isTime(time)) throw damaged(id, 'tijdstip');
  if (edited !== null && !isTime(edited)) throw damaged(id, 'tijdstip van wijzigen');
  if (typeof deleted !== 'boolean') throw damaged(id, 'verwijderd');
  if (typeof text !== 'string' || (deleted ? text !== '' : !isCommentText(text))) {
    throw damaged(id, 'tekst');
  }
  const first = thread === id;
  if (first !== (anchor !== null)) throw damaged(id, 'plaats in de tekst');
  return {
    id,
    thread,
    author,
    colour,
    time,
    edited,
    text,
    deleted,
    anchor: anchor === null ? null : readAnchor(id, anchor),
  };
}

function readAnchor(id: string, value: unknown): CommentAnchor {
  if (!isRecord(value)) throw damaged(id, 'plaats in de tekst');
  expectKeys(id, value, ['start', 'end', 'quote', 'change']);
  const { start, end, quote, change } = value;
  if (!isPosition(start) || !isPosition(end)) throw damaged(id, 'plaats in de tekst');
  if (typeof quote !== 'string' || quote.length > MAX_QUOTE_LENGTH) throw damaged(id, 'citaat');
  if (change !== null && !(typeof change === 'string' && COMMENT_ID_PATTERN.test(change))) {
    throw damaged(id, 'voorstel');
  }
  return { start, end, quote, change };
}

function readStatus(key: string, thread: string, value: unknown): ThreadStatus {
  if (!COMMENT_ID_PATTERN.test(thread)) throw damaged(key, 'id');
  if (!isRecord(value)) throw damaged(key, 'geen status');
  expectKeys(key, value, ['resolved', 'name', 'time']);
  const { resolved, name, time } = value;
  if (typeof resolved !== 'boolean') throw damaged(key, 'status');
  if (!isUserName(name)) throw damaged(key, 'naam');
  if (!isTime(time)) throw damaged(key, 'tijdstip');
  return { resolved, name, time };
}

function isPosition(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= MAX_POSITION_LENGTH &&
    BASE64.test(value)
  );
}

function damaged(key: string, what: string): InvalidDocumentError {
  return new InvalidDocumentError(
    `Opmerking ${JSON.stringify(key.slice(0, 64))} is beschadigd (${what}).`,
  );
}

function expectKeys(key: string, value: Record<string, unknown>, keys: readonly string[]): void {
  const wrong = describeFields(value, keys);
  if (wrong) throw damaged(key, wrong);
}
