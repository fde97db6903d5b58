/**
 * Comments that arrive with an imported document (a Word file's comments): each becomes a
 * thread on its text, in the name of the Word author and at the time Word gave it, in a
 * document that was just made from the import. Like every comment, each is checked
 * (commentStore.ts); one that cannot be kept as it is (no name, too long) is kept as the
 * store allows: a name the store accepts, the text cut at its limit.
 */
import type * as Y from 'yjs';
import { initProseMirrorDoc } from 'y-prosemirror';
import { schema } from '../editor/schema.ts';
import { getDocumentFragment } from '../ydoc/yDocument.ts';
import { pickUserColour } from '../model/userColours.ts';
import { MAX_USER_NAME_LENGTH, hasHiddenNameCharacter } from '../model/userNames.ts';
import { createAnchor, type YMapping } from './commentAnchors.ts';
import { CommentError, addReply, addThread, setThreadResolved } from './commentStore.ts';
import { MAX_COMMENT_LENGTH } from './commentRecords.ts';
import { hasControl } from '../ydoc/jsonEntries.ts';

/**
 * A comment to add: who, when (ms), what, and where its text lies in the document; an answer
 * names the comment it answers by its index (an earlier one), a thread's first comment whether
 * it is resolved.
 */
export interface ImportedComment {
  author: string;
  time: number;
  text: string;
  from: number;
  to: number;
  replyTo?: number | null;
  resolved?: boolean;
}

/** The name a comment carries when its author wrote none. */
const UNKNOWN_AUTHOR = 'Onbekend';

/**
 * Adds `comments` to `ydoc` as threads; returns how many were added. Stops, without failing
 * the import, when the store is full.
 */
export function addImportedComments(ydoc: Y.Doc, comments: readonly ImportedComment[]): number {
  if (comments.length === 0) return 0;
  const fragment = getDocumentFragment(ydoc);
  const { doc, mapping } = initProseMirrorDoc(fragment, schema);
  let added = 0;
  // The thread each comment landed in, by its index.
  const threads: (string | null)[] = [];
  for (const comment of comments) {
    const name = cleanName(comment.author);
    const text = cleanText(comment.text);
    const thread = comment.replyTo != null ? (threads[comment.replyTo] ?? null) : null;
    threads.push(null);
    if (text === '' || comment.to > doc.content.size) continue;
    const writer = { name, colour: pickUserColour(name) };
    try {
      if (thread) {
        addReply(ydoc, thread, writer, text, comment.time);
        threads[threads.length - 1] = thread;
      } else {
        const anchor = createAnchor(
          doc,
          fragment,
          mapping as YMapping,
          comment.from,
          comment.to,
          null,
        );
        const id = addThread(ydoc, writer, text, anchor, comment.time);
        threads[threads.length - 1] = id;
        if (comment.resolved) setThreadResolved(ydoc, id, true, name, comment.time);
      }
      added += 1;
    } catch (error) {
      if (error instanceof CommentError) break;
      throw error;
    }
  }
  return added;
}

function cleanName(author: string): string {
  const visible = [...author].filter((char) => !hasHiddenNameCharacter(char)).join('');
  const name = visible.replace(/\s+/g, ' ').trim().slice(0, MAX_USER_NAME_LENGTH).trim();
  return name === '' ? UNKNOWN_AUTHOR : name;
}

// Control characters other than line breaks and tabs leave (as the store refuses them, see
// hasControl); the text is cut at the limit.
function cleanText(text: string): string {
  const visible = [...text.replace(/\r\n?/g, '\n')]
    .filter((char) => char === '\n' || char === '\t' || !hasControl(char))
    .join('');
  const trimmed = visible.trim();
  return trimmed.length <= MAX_COMMENT_LENGTH
    ? trimmed
    : `${trimmed.slice(0, MAX_COMMENT_LENGTH - 1)}…`;
}
