/**
 * Sequence diffs for comparing two versions: the longest common subsequence of two sequences
 * of keys (Myers' O((N+M)·D) algorithm, so near-equal sequences cost about their length), and
 * an order-keeping alignment of two sequences by similarity, for the stretches between equal
 * elements where an edited element should pair with its old version.
 */

/** A pair of indices, one in each sequence. */
export type IndexPair = [number, number];

const NONE = -1;

/**
 * The index pairs of a longest common subsequence of `a` and `b` (elements equal by `===`), in
 * order; null when the two differ in more than `maxEdits` insertions and deletions, where the
 * search would cost too much and every element may as well count as changed.
 */
export function matchSequences<T>(
  a: readonly T[],
  b: readonly T[],
  maxEdits = 4000,
): IndexPair[] | null {
  // Common ends first: most versions differ in a few places only.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const middle = myers(a, b, start, endA - start, endB - start, maxEdits);
  if (!middle) return null;
  const pairs: IndexPair[] = [];
  for (let i = 0; i < start; i += 1) pairs.push([i, i]);
  pairs.push(...middle);
  for (let i = 0; endA + i < a.length; i += 1) pairs.push([endA + i, endB + i]);
  return pairs;
}

// Myers' greedy forward search over a[offset, offset + n) and b[offset, offset + m), keeping
// the furthest x of every diagonal k = x - y after each number of edits d, then walking back
// from the end. Moves that would leave the grid are never taken (NONE), so every path found
// is a real edit script.
function myers<T>(
  a: readonly T[],
  b: readonly T[],
  offset: number,
  n: number,
  m: number,
  maxEdits: number,
): IndexPair[] | null {
  if (n === 0 || m === 0) return [];
  const limit = Math.min(n + m, maxEdits);
  // trace[d][k + d] is the furthest x on diagonal k after d edits.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d += 1) {
    const row = new Int32Array(2 * d + 1);
    const prev = trace[d - 1];
    for (let k = -d; k <= d; k += 2) {
      let x = prev ? originX(prev, k, d, n, m) : 0;
      if (x === NONE) {
        row[k + d] = NONE;
        continue;
      }
      let y = x - k;
      while (x < n && y < m && a[offset + x] === b[offset + y]) {
        x += 1;
        y += 1;
      }
      row[k + d] = x;
      if (x === n && y === m) {
        trace.push(row);
        return walkBack(trace, n, m, offset);
      }
    }
    trace.push(row);
  }
  return null;
}

// Where diagonal k starts after d edits: one step down from diagonal k + 1 or one step right
// from diagonal k - 1, whichever reaches further while staying on the grid; NONE when neither
// stays on it.
function originX(prev: Int32Array, k: number, d: number, n: number, m: number): number {
  const from = origin(prev, k, d, n, m);
  if (from === null) return NONE;
  return from === k + 1 ? prev[k + 1 + d - 1]! : prev[k - 1 + d - 1]! + 1;
}

function origin(prev: Int32Array, k: number, d: number, n: number, m: number): number | null {
  const down = k + 1 <= d - 1 ? prev[k + 1 + d - 1]! : NONE;
  const right = k - 1 >= -(d - 1) ? prev[k - 1 + d - 1]! : NONE;
  const downValid = down !== NONE && down - k <= m;
  const rightValid = right !== NONE && right + 1 <= n;
  if (downValid && (!rightValid || down >= right + 1)) return k + 1;
  if (rightValid) return k - 1;
  return null;
}

function walkBack(trace: Int32Array[], n: number, m: number, offset: number): IndexPair[] {
  const pairs: IndexPair[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d -= 1) {
    const prev = trace[d - 1]!;
    const k = x - y;
    const from = origin(prev, k, d, n, m)!;
    const prevX = prev[from + d - 1]!;
    const startX = from === k + 1 ? prevX : prevX + 1;
    while (x > startX) {
      x -= 1;
      y -= 1;
      pairs.push([offset + x, offset + y]);
    }
    x = prevX;
    y = prevX - from;
  }
  while (x > 0) {
    x -= 1;
    y -= 1;
    pairs.push([offset + x, offset + y]);
  }
  return pairs.reverse();
}

/**
 * An order-keeping pairing of `aLength` and `bLength` elements that maximises the total
 * `similarity` of the pairs, making no pair below `threshold`. Past `maxCells` comparisons
 * the elements pair by position instead (the first with the first …), still only when similar.
 */
export function alignBySimilarity(
  aLength: number,
  bLength: number,
  similarity: (i: number, j: number) => number,
  threshold: number,
  maxCells = 250_000,
): IndexPair[] {
  const pairs: IndexPair[] = [];
  if (aLength === 0 || bLength === 0) return pairs;
  if (aLength * bLength > maxCells) {
    for (let i = 0; i < Math.min(aLength, bLength); i += 1) {
      if (similarity(i, i) >= threshold) pairs.push([i, i]);
    }
    return pairs;
  }
  const width = bLength + 1;
  const sims = new Float64Array(aLength * bLength);
  // best[i * width + j]: the best total for the suffixes a[i…] and b[j…].
  const best = new Float64Array((aLength + 1) * width);
  for (let i = aLength - 1; i >= 0; i -= 1) {
    for (let j = bLength - 1; j >= 0; j -= 1) {
      const sim = similarity(i, j);
      sims[i * bLength + j] = sim;
      const paired = sim >= threshold ? sim + best[(i + 1) * width + j + 1]! : 0;
      best[i * width + j] = Math.max(paired, best[(i + 1) * width + j]!, best[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < aLength && j < bLength) {
    const sim = sims[i * bLength + j]!;
    const here = best[i * width + j]!;
    if (sim >= threshold && here === sim + best[(i + 1) * width + j + 1]!) {
      pairs.push([i, j]);
      i += 1;
      j += 1;
    } else if (best[(i + 1) * width + j]! >= best[i * width + j + 1]!) {
      i += 1;
    } else {
      j += 1;
    }
  }
  return pairs;
}
