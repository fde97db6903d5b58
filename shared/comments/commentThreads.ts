/**
 * The comments of a document as threads, the way the panel, the command line and print show
 * them: each thread with its first comment, its replies in the order they were written, its
 * state and where its text lies now; threads in document order, those whose text is gone last.
 */
import type {
  CommentAnchor,
  CommentEntries,
  CommentRecord,
  ThreadStatus,
} from './commentRecords.ts';
import type { AnchorRange } from './commentAnchors.ts';

/** One thread. */
export interface CommentThread {
  id: string;
  anchor: CommentAnchor;
  /** The first comment, then the replies, oldest first. */
  comments: CommentRecord[];
  resolved: boolean;
  /** The last resolve or reopen, or null when it never was. */
  status: ThreadStatus | null;
  /** Where its text lies now, or null when the text is gone. */
  range: AnchorRange | null;
}

/** The threads of `entries`, given where their anchors lie now (by thread id). */
export function listThreads(
  entries: CommentEntries,
  ranges: ReadonlyMap<string, AnchorRange | null>,
): CommentThread[] {
  const byThread = new Map<string, CommentRecord[]>();
  for (const comment of entries.comments) {
    const list = byThread.get(comment.thread);
    if (list) list.push(comment);
    else byThread.set(comment.thread, [comment]);
  }
  const threads: CommentThread[] = [];
  for (const [id, comments] of byThread) {
    const first = comments.find((comment) => comment.id === id);
    if (!first?.anchor) continue;
    comments.sort((a, b) =>
      a === first ? -1 : b === first ? 1 : a.time - b.time || a.id.localeCompare(b.id),
    );
    const status = entries.statuses.get(id) ?? null;
    // A thread of only deleted comments has nothing left to show.
    if (comments.every((comment) => comment.deleted)) continue;
    threads.push({
      id,
      anchor: first.anchor,
      comments,
      resolved: status?.resolved ?? false,
      status,
      range: ranges.get(id) ?? null,
    });
  }
  return threads.sort(compareThreads);
}

/** The anchors of `entries`, by thread id. */
export function threadAnchors(entries: CommentEntries): Map<string, CommentAnchor> {
  const anchors = new Map<string, CommentAnchor>();
  for (const comment of entries.comments) {
    if (comment.anchor) anchors.set(comment.id, comment.anchor);
  }
  return anchors;
}

function compareThreads(a: CommentThread, b: CommentThread): number {
  if (a.range && b.range) return a.range.from - b.range.from || a.range.to - b.range.to;
  if (a.range || b.range) return a.range ? -1 : 1;
  return a.comments[0]!.time - b.comments[0]!.time;
}
