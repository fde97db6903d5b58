/**
 * Comparing two versions of a stuk: one document that reads as the newer version, with the
 * differences from the older one shown as tracked changes: text only the newer has marked as
 * `insertion`, text only the older had marked as `deletion`, kept in place and struck through.
 * Because the result uses the ordinary change marks, the editor, the changes panel and the
 * print template show it as they show any proposal; accepting all of it gives the newer text,
 * rejecting all of it the older.
 *
 * How: the fixed top level pairs by position; the children of every container (blocks, items,
 * the Toelichting's paragraphs, lists and list items) are aligned, first on equal text (a
 * longest common subsequence), then, between those anchors, by similarity, so that an edited
 * item pairs with its old version instead of showing as deleted and inserted. Paired text
 * blocks are compared word by word.
 */
import { Fragment } from 'prosemirror-model';
import type { MarkType, Node, Schema } from 'prosemirror-model';
import type { ChangeAttrs, ChangeAuthor } from './changeMarks.ts';
import { alignBySimilarity, matchSequences } from './sequenceDiff.ts';
import type { IndexPair } from './sequenceDiff.ts';

/** How the two sides of a comparison are shown, e.g. "Versie 12 nov" and "Huidige tekst". */
export interface CompareLabels {
  /** Shown on deleted text: what only the older version had. */
  older: ChangeAuthor;
  /** Shown on inserted text: what only the newer version has. */
  newer: ChangeAuthor;
}

export interface CompareOptions {
  /** The time on every change mark (ms since the epoch); 0 by default. */
  time?: number;
}

/** Paired text blocks (items, paragraphs) must share at least this part of their words. */
const TEXT_THRESHOLD = 0.5;
/** Paired containers (blocks, lists, quotes) at least this part. */
const CONTAINER_THRESHOLD = 0.3;
/** Beyond this many edits a word diff gives up and shows the whole text as replaced. */
const MAX_EDITS = 2000;

/** Node types that may pair with each other; the result takes the newer's type. */
const COMPATIBLE = [
  ['paragraph', 'heading'],
  ['bullet_list', 'ordered_list'],
];

/**
 * `newer`, with what differs from `older` marked as inserted or deleted; a deleted item,
 * paragraph or block stays at its place with all its text marked deleted (one without any
 * text is left out). Attributes (block headings, item indents, the title's metadata, the
 * preamble) and a paragraph turned heading or a list renumbered are the newer's, unmarked;
 * so is formatting (bold, links): kept and inserted text has the newer's, deleted the older's.
 * Change ids are `cmp-1`, `cmp-2` … in document order: one per stretch of changed
 * words, per deleted or inserted item, paragraph or block. A stretch where text was replaced
 * is one change when both labels are the same author; otherwise its deleted and its inserted
 * part are two changes, so every change has one author. Pending changes already in either
 * version count as its text (their marks are dropped); to compare versions as they would read
 * accepted, pass `getAcceptedDoc(version)`. Throws (a RangeError from the mark's validators)
 * when a label's name or colour is not valid on a change.
 */
export function compareDocuments(
  older: Node,
  newer: Node,
  labels: CompareLabels,
  options: CompareOptions = {},
): Node {
  const comparison = new Comparison(newer.type.schema, labels, options.time ?? 0);
  const before = withoutChangeMarks(older, comparison.changeTypes);
  const after = withoutChangeMarks(newer, comparison.changeTypes);
  // The top level is fixed: title, preamble, recitals, operatives, Toelichting.
  const children: Node[] = [];
  after.forEach((child, _offset, index) => {
    const old = index < before.childCount ? before.child(index) : null;
    children.push(old && old.type === child.type ? comparison.compare(old, child) : child);
  });
  return after.copy(Fragment.fromArray(children));
}

/** What a node is compared by: its text as one key, and its words as a bag. */
interface NodeInfo {
  key: string;
  words: Map<string, number>;
  size: number;
  /** A text block's tokens; null for other nodes. */
  tokens: Tokens | null;
}

/** A textblock's content cut into words, spaces, punctuation and inline atoms. */
interface Tokens {
  keys: string[];
  /** Where each token starts in the content; `starts[keys.length]` is the content's size. */
  starts: number[];
}

/** A stretch of tokens, equal in both versions or changed, as content positions. */
interface Segment {
  equal: boolean;
  oldFrom: number;
  oldTo: number;
  newFrom: number;
  newTo: number;
}

// Words (letters, digits and their combining marks), runs of white space, or any one other
// character: punctuation, or the placeholder of an inline atom.
const TOKEN = /[\p{L}\p{N}\p{M}]+|\s+|[^]/gu;
const ATOM = '\uFFFC';
// What similarity counts: words and inline atoms, not spaces or punctuation (every item ends
// in ";", which would make any two short items look alike).
const IS_WORD = /^[\p{L}\p{N}\uFFFC]/u;

class Comparison {
  readonly changeTypes: MarkType[];
  private readonly insertion: MarkType;
  private readonly deletion: MarkType;
  private readonly labels: CompareLabels;
  private readonly time: number;
  private readonly sameAuthor: boolean;
  private readonly infos = new WeakMap<Node, NodeInfo>();
  private nextId = 1;

  constructor(schema: Schema, labels: CompareLabels, time: number) {
    this.insertion = schema.marks.insertion!;
    this.deletion = schema.marks.deletion!;
    this.changeTypes = [this.insertion, this.deletion];
    this.labels = labels;
    this.time = time;
    this.sameAuthor =
      labels.older.name === labels.newer.name && labels.older.colour === labels.newer.colour;
  }

  /** The newer node with its differences from the older one (of a compatible type) marked. */
  compare(old: Node, node: Node): Node {
    if (old === node) return node;
    if (node.isTextblock) return this.compareText(old, node);
    if (node.isLeaf) return node;
    return node.copy(Fragment.fromArray(this.alignChildren(old, node)));
  }

  // Children with equal text anchor the alignment; the stretches between anchors pair by
  // similarity, and what stays unpaired is shown wholly deleted (older) or inserted (newer).
  private alignChildren(old: Node, node: Node): Node[] {
    const olds = childrenOf(old);
    const news = childrenOf(node);
    const anchors =
      matchSequences(
        olds.map((child) => this.info(child).key),
        news.map((child) => this.info(child).key),
        MAX_EDITS,
      ) ?? [];
    const out: Node[] = [];
    const empty = new Set<number>();
    let i = 0;
    let j = 0;
    for (const [ai, bi] of [...anchors, [olds.length, news.length] as IndexPair]) {
      this.alignStretch(olds.slice(i, ai), news.slice(j, bi), out, empty);
      // Equal keys: the same text and structure, so the newer child as it is.
      if (ai < olds.length) out.push(news[bi]!);
      i = ai + 1;
      j = bi + 1;
    }
    // A deleted child without any text would show as nothing, so it is left out, unless the
    // content would no longer be valid without it (a list item's empty first paragraph).
    const shown = out.filter((_child, index) => !empty.has(index));
    return node.type.validContent(Fragment.fromArray(shown)) ? shown : out;
  }

  // A stretch between anchors: similar children pair, the rest is shown deleted or inserted.
  // The indices in `out` of deleted children without text go to `empty`.
  private alignStretch(olds: Node[], news: Node[], out: Node[], empty: Set<number>): void {
    const pairs = alignBySimilarity(
      olds.length,
      news.length,
      (i, j) => this.similarity(olds[i]!, news[j]!),
      // similarity() is 0 below its pair's own threshold.
      Number.MIN_VALUE,
    );
    let i = 0;
    let j = 0;
    for (const [pi, pj] of [...pairs, [olds.length, news.length] as IndexPair]) {
      for (; i < pi; i += 1) {
        if (!hasInlineContent(olds[i]!)) empty.add(out.length);
        out.push(this.markWhole(olds[i]!, 'deletion'));
      }
      for (; j < pj; j += 1) out.push(this.markWhole(news[j]!, 'insertion'));
      if (pi < olds.length) out.push(this.compare(olds[pi]!, news[pj]!));
      i = pi + 1;
      j = pj + 1;
    }
  }

  // The share of words two compatible nodes have in common (Dice's coefficient over their bags
  // of words, case folded), or 0 when under the threshold for their kind.
  private similarity(old: Node, node: Node): number {
    if (!isCompatible(old, node)) return 0;
    const a = this.info(old);
    const b = this.info(node);
    if (a.size + b.size === 0) return 1;
    const [small, large] = a.words.size <= b.words.size ? [a, b] : [b, a];
    let common = 0;
    for (const [word, count] of small.words) common += Math.min(count, large.words.get(word) ?? 0);
    const share = (2 * common) / (a.size + b.size);
    return share >= (node.isTextblock ? TEXT_THRESHOLD : CONTAINER_THRESHOLD) ? share : 0;
  }

  private info(node: Node): NodeInfo {
    let info = this.infos.get(node);
    if (info) return info;
    const words = new Map<string, number>();
    let size = 0;
    const add = (word: string, count: number) => {
      words.set(word, (words.get(word) ?? 0) + count);
      size += count;
    };
    let key: string;
    let tokens: Tokens | null = null;
    if (node.isTextblock) {
      tokens = tokenize(node);
      key = `${node.type.name}(${tokens.keys.join('')})`;
      for (const token of tokens.keys) if (IS_WORD.test(token)) add(token.toLowerCase(), 1);
    } else {
      const keys: string[] = [];
      node.forEach((child) => {
        const childInfo = this.info(child);
        keys.push(childInfo.key);
        for (const [word, count] of childInfo.words) add(word, count);
      });
      key = `${node.type.name}[${keys.join('\u0000')}]`;
    }
    info = { key, words, size, tokens };
    this.infos.set(node, info);
    return info;
  }

  // The newer text block, its content rebuilt from the word diff: equal stretches from the
  // newer (with its formatting), changed ones as the older's words marked deleted followed by
  // the newer's words marked inserted.
  private compareText(old: Node, node: Node): Node {
    const a = this.info(old).tokens ?? tokenize(old);
    const b = this.info(node).tokens ?? tokenize(node);
    const pairs = matchSequences(a.keys, b.keys, MAX_EDITS) ?? [];
    const pieces: Fragment[] = [];
    for (const segment of mergeSmallEqualities(toSegments(pairs, a, b))) {
      if (segment.equal) {
        pieces.push(node.content.cut(segment.newFrom, segment.newTo));
        continue;
      }
      const hasOld = segment.oldTo > segment.oldFrom;
      const hasNew = segment.newTo > segment.newFrom;
      const oldId = hasOld ? this.newId() : '';
      const newId = hasNew ? (hasOld && this.sameAuthor ? oldId : this.newId()) : '';
      if (hasOld) {
        const cut = old.content.cut(segment.oldFrom, segment.oldTo);
        pieces.push(this.markFragment(cut, 'deletion', oldId));
      }
      if (hasNew) {
        const cut = node.content.cut(segment.newFrom, segment.newTo);
        pieces.push(this.markFragment(cut, 'insertion', newId));
      }
    }
    const nodes: Node[] = [];
    for (const piece of pieces) piece.forEach((child) => nodes.push(child));
    return node.copy(Fragment.fromArray(nodes));
  }

  /** A whole deleted or inserted child: all its text marked, as one change. */
  private markWhole(node: Node, kind: 'insertion' | 'deletion'): Node {
    if (!hasInlineContent(node)) return node;
    return this.markNode(node, kind, this.newId());
  }

  private markNode(node: Node, kind: 'insertion' | 'deletion', id: string): Node {
    if (node.isInline) {
      const { name, colour } = this.labels[kind === 'insertion' ? 'newer' : 'older'];
      const attrs: ChangeAttrs = { id, name, colour, time: this.time };
      return node.mark(this[kind].create(attrs).addToSet(node.marks));
    }
    if (node.isLeaf) return node;
    return node.copy(this.markFragment(node.content, kind, id));
  }

  private markFragment(fragment: Fragment, kind: 'insertion' | 'deletion', id: string): Fragment {
    const nodes: Node[] = [];
    fragment.forEach((child) => nodes.push(this.markNode(child, kind, id)));
    return Fragment.fromArray(nodes);
  }

  private newId(): string {
    const id = `cmp-${this.nextId}`;
    this.nextId += 1;
    return id;
  }
}

function childrenOf(node: Node): Node[] {
  const out: Node[] = [];
  node.forEach((child) => out.push(child));
  return out;
}

function isCompatible(a: Node, b: Node): boolean {
  if (a.type === b.type) return true;
  return COMPATIBLE.some((group) => group.includes(a.type.name) && group.includes(b.type.name));
}

function hasInlineContent(node: Node): boolean {
  let found = false;
  node.descendants((child) => {
    if (child.isInline) found = true;
    return !found;
  });
  return found;
}

/** The tokens of a text block; an inline atom is one token keyed by its type and attrs. */
function tokenize(node: Node): Tokens {
  let text = '';
  const atoms = new Map<number, string>();
  node.forEach((child, offset) => {
    if (child.isText) {
      text += child.text!;
    } else {
      atoms.set(offset, `${ATOM}${child.type.name}${JSON.stringify(child.attrs)}`);
      text += ATOM;
    }
  });
  const keys: string[] = [];
  const starts: number[] = [];
  for (const match of text.matchAll(TOKEN)) {
    starts.push(match.index);
    keys.push((match[0] === ATOM && atoms.get(match.index)) || match[0]);
  }
  starts.push(text.length);
  return { keys, starts };
}

/** The equal and changed stretches between the matched token pairs, as content positions. */
function toSegments(pairs: readonly IndexPair[], a: Tokens, b: Tokens): Segment[] {
  const segments: Segment[] = [];
  const push = (equal: boolean, i0: number, i1: number, j0: number, j1: number) => {
    const last = segments[segments.length - 1];
    if (last && last.equal === equal) {
      last.oldTo = a.starts[i1]!;
      last.newTo = b.starts[j1]!;
    } else {
      segments.push({
        equal,
        oldFrom: a.starts[i0]!,
        oldTo: a.starts[i1]!,
        newFrom: b.starts[j0]!,
        newTo: b.starts[j1]!,
      });
    }
  };
  let i = 0;
  let j = 0;
  for (const [pi, pj] of pairs) {
    if (pi > i || pj > j) push(false, i, pi, j, pj);
    push(true, pi, pi + 1, pj, pj + 1);
    i = pi + 1;
    j = pj + 1;
  }
  if (i < a.keys.length || j < b.keys.length) push(false, i, a.keys.length, j, b.keys.length);
  return segments;
}

// A short equal stretch between two changes (a space, "de", a comma) makes the changes read
// as confetti: "[-De kosten+Het geld] [-stijgen+daalt]". It is folded into the change around
// it when it is no longer than the change on either side (as diff-match-patch's semantic
// clean-up does), so that reads "[-De kosten stijgen+Het geld daalt]".
function mergeSmallEqualities(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const segment of segments) {
    const equality = out[out.length - 1];
    const before = out[out.length - 2];
    if (!segment.equal && equality?.equal && before && !before.equal) {
      const length = equality.newTo - equality.newFrom;
      if (length <= changeLength(before) && length <= changeLength(segment)) {
        out.pop();
        before.oldTo = segment.oldTo;
        before.newTo = segment.newTo;
        continue;
      }
    }
    out.push({ ...segment });
  }
  return out;
}

function changeLength(segment: Segment): number {
  return Math.max(segment.oldTo - segment.oldFrom, segment.newTo - segment.newFrom);
}

/** `node` without insertion and deletion marks; `node` itself when it has none. */
function withoutChangeMarks(node: Node, types: readonly MarkType[]): Node {
  if (node.isInline) {
    const marks = node.marks.filter((mark) => !types.includes(mark.type));
    return marks.length === node.marks.length ? node : node.mark(marks);
  }
  if (node.isLeaf) return node;
  let changed = false;
  const children = childrenOf(node).map((child) => {
    const stripped = withoutChangeMarks(child, types);
    if (stripped !== child) changed = true;
    return stripped;
  });
  return changed ? node.copy(Fragment.fromArray(children)) : node;
}
