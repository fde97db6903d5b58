/**
 * Where the comment threads lie in the editor's document, between two readings of their
 * anchors: the anchors (Yjs relative positions, shared/comments/commentAnchors.ts) are the
 * truth, resolved when the comments or the shared text changed; in between, the ranges follow
 * the editor's own transactions by position mapping, which costs nothing per keystroke.
 *
 * A remote change reaches the editor as one step that replaces the whole document
 * (y-prosemirror renders the fragment anew), through which every position would map to an
 * end; `findChangedPart` finds the part that really changed, outside of which positions map
 * through that part, and inside of which the anchors are read.
 */
import { Mapping, StepMap } from 'prosemirror-transform';
import type { Mappable } from 'prosemirror-transform';
import type { Node } from 'prosemirror-model';
import type { AnchorRange } from '../../../shared/comments/commentAnchors.ts';

/** Where each thread's text lies now (by thread id); null when its text is gone. */
export type ThreadRanges = ReadonlyMap<string, AnchorRange | null>;

/**
 * `range` after a change: text typed at either edge stays outside (as the anchor's relative
 * positions keep it), and a range whose text was all deleted is gone (null).
 */
export function mapRange(range: AnchorRange, mapping: Mappable): AnchorRange | null {
  const from = mapping.map(range.from, 1);
  const to = mapping.map(range.to, -1);
  return to > from ? { from, to } : null;
}

/** Every range of `ranges` after a change (see mapRange). */
export function mapRanges(ranges: ThreadRanges, mapping: Mappable): ThreadRanges {
  const mapped = new Map<string, AnchorRange | null>();
  for (const [thread, range] of ranges) mapped.set(thread, range && mapRange(range, mapping));
  return mapped;
}

/** Whether two readings of the ranges say the same. */
export function sameRanges(a: ThreadRanges, b: ThreadRanges): boolean {
  if (a.size !== b.size) return false;
  for (const [thread, range] of a) {
    if (!b.has(thread)) return false;
    const other = b.get(thread) ?? null;
    if (range === null || other === null) {
      if (range !== other) return false;
    } else if (range.from !== other.from || range.to !== other.to) {
      return false;
    }
  }
  return true;
}

/** The part of a document that a change replaced: `start`–`endBefore` became `start`–`endAfter`. */
export interface ChangedPart {
  start: number;
  endBefore: number;
  endAfter: number;
}

/**
 * The change from `before` to `after` as one replacement of the part that differs, or null
 * when they are equal. Unchanged nodes are shared between the two documents (y-prosemirror
 * keeps them), so finding it skips them at once.
 */
export function findChangedPart(before: Node, after: Node): ChangedPart | null {
  const start = before.content.findDiffStart(after.content);
  if (start === null) return null;
  const end = before.content.findDiffEnd(after.content);
  let endBefore = end?.a ?? before.content.size;
  let endAfter = end?.b ?? after.content.size;
  // Repeated content can make the two ends overlap the start: move them past it.
  const overlap = start - Math.min(endBefore, endAfter);
  if (overlap > 0) {
    endBefore += overlap;
    endAfter += overlap;
  }
  return { start, endBefore, endAfter };
}

/** The mapping of a change that replaced `part` (nothing when null). */
export function partMapping(part: ChangedPart | null): Mapping {
  if (!part) return new Mapping();
  const { start, endBefore, endAfter } = part;
  return new Mapping([new StepMap([start, endBefore - start, endAfter - start])]);
}

/**
 * The thread whose text holds the selection `from`–`to` (the cursor when they are equal),
 * among `candidates`: the innermost one when threads overlap; null when none does.
 */
export function findThreadAt(
  ranges: ThreadRanges,
  candidates: Iterable<string>,
  from: number,
  to: number,
): string | null {
  let found: string | null = null;
  let size = Infinity;
  for (const thread of candidates) {
    const range = ranges.get(thread);
    if (!range || range.from > from || range.to < to) continue;
    if (range.to - range.from < size) {
      found = thread;
      size = range.to - range.from;
    }
  }
  return found;
}
