/**
 * Which characters a proposed deletion applies to. Each piece of a deletion (what one edit
 * marked in one text node) carries the text it was made on (`DeletionAttrs.text`). Yjs keeps
 * the mark as formatting between two markers; when concurrent edits remove a marker that ended
 * it, the mark runs on over the text beside it, which its author never proposed to delete. So
 * a piece applies to its own characters only: the characters carrying it that match its text
 * in order (some may be gone meanwhile). Characters a colleague typed inside it meanwhile
 * carry their own insertion, which the deletion was not made on (`covers`), and are left out.
 * Pure ProseMirror, so that every view of a document (the editor, the changes panel, print)
 * agrees.
 */
import type { Mark, Node } from 'prosemirror-model';
import type { DeletionAttrs } from './changeMarks.ts';

/** How an inline leaf (a footnote reference, a line break) counts in a deletion's text. */
export const LEAF_TEXT = '\ufffc';

/** The text of `node` from `from` to `to` (offsets in it), as a deletion records it. */
export function textOf(node: Node, from = 0, to = node.nodeSize): string {
  return node.isText ? node.text!.slice(from, to) : LEAF_TEXT;
}

/** A deletion piece, as one key: equal attributes make one piece. */
function pieceKey(mark: Mark): string {
  return JSON.stringify(mark.attrs);
}

/** The longest pieces compared character by character (longer ones apply where they lie). */
const MAX_COMPARED = 1_000_000;

/**
 * The positions in `doc` where a deletion applies, by the text it was made on: among the
 * characters whose deletion was made on the text they are (`madeOn`, by its `covers`), those
 * that are the piece's own: a longest run of them, in order, that its text holds (a longest
 * common subsequence, as the earliest such characters). Text typed inside it, and text it ran
 * on over before or after it, is left out.
 */
export function findDeletionTexts(
  doc: Node,
  madeOn: (deletion: Mark, pos: number) => boolean,
): Set<number> {
  const pieces = new Map<string, { text: string | null; at: number[]; chars: string }>();
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    const mark = node.marks.find((other) => other.type.name === 'deletion');
    if (!mark) return false;
    const key = pieceKey(mark);
    const piece = pieces.get(key) ?? {
      text: (mark.attrs as DeletionAttrs).text,
      at: [],
      chars: '',
    };
    pieces.set(key, piece);
    const chars = textOf(node);
    for (let i = 0; i < chars.length; i += 1) {
      if (!madeOn(mark, pos + i)) continue;
      piece.at.push(pos + i);
      piece.chars += chars[i];
    }
    return false;
  });
  const applies = new Set<number>();
  for (const { text, at, chars } of pieces.values()) {
    const own =
      text === null || chars.length * text.length > MAX_COMPARED
        ? at.map((_pos, i) => i)
        : commonSubsequence(chars, text);
    for (const i of own) applies.add(at[i]!);
  }
  return applies;
}

/** The indices in `a` of a longest common subsequence of `a` and `b` (UTF-16 units). */
function commonSubsequence(a: string, b: string): number[] {
  const width = b.length + 1;
  // lengths[i * width + j]: the longest common subsequence of a[i..] and b[j..].
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j] && lengths[i * width + j] === lengths[(i + 1) * width + j + 1]! + 1) {
      out.push(i);
      i += 1;
      j += 1;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) i += 1;
    else j += 1;
  }
  return out;
}
