/**
 * A document as a voorsteller cannot change it: what stays when their own proposals are taken
 * out. A voorsteller's update is allowed when this is the same before and after it
 * (roleRules.ts). Written as a canonical text rather than a document, so that taking things
 * out never has to leave a valid resolution behind:
 *
 * - the voorsteller's proposed text is out. Which text that is, is decided per character:
 *   text that carries their insertion mark (the editor takes such text back as its own, also
 *   where a colleague typed inside the proposal), and text that carries anyone's insertion mark
 *   and was written by one of the voorsteller's editing sessions as the server knows them (the
 *   Yjs clients their connections wrote under): change marks are Yjs formatting, a run of
 *   characters between two markers, and concurrent edits can run a colleague's mark on over
 *   the voorsteller's text, whoever sends the update. A character the update itself writes
 *   counts only when it carries the voorsteller's own mark, naming the session that wrote it
 *   (`session`, as the editor reads it: changeOrigins.ts), so new text is always their
 *   proposal. Accepted text counts too: taking back one's proposal while a colleague accepts
 *   it cannot be told apart from taking back accepted text, and both concern only their text;
 * - a character written anew as a copy of another (y-prosemirror writes a text as the
 *   difference of two strings; the editor records such copies, renderer/editor/merges/
 *   records.ts) counts as its original, by the original's writer;
 * - an item the voorsteller proposed (its `change` an insertion of theirs) is out with all it
 *   holds: taking back one's own new item deletes it in Yjs with whatever a colleague typed in
 *   it meanwhile (their editor puts that back, renderer/editor/merges/rescueLostText.ts);
 * - change marks and the proposals on items (`change`) are left out altogether: besides the
 *   runs of formatting above, two participants proposing on one item at once leave one of the
 *   two proposals. The rules check the marks apart (roleRules.ts: no change of another that the
 *   document never held, no proposal of another accepted);
 * - empty items and Toelichting paragraphs and empty blocks do not count, and every block
 *   starts with a numbered item, as after any decision on changes.
 *
 * Everything else counts: all other text, in order, its other marks, every node and attribute.
 */
import type { Mark, Node } from 'prosemirror-model';
import * as Y from 'yjs';
import type { InsertionAttrs } from '../../shared/editor/suggestions/changeMarks.ts';
import type { ItemChange } from '../../shared/editor/suggestions/changeMarks.ts';
import { getDocumentFragment } from '../../shared/ydoc/yDocument.ts';

/** Who wrote a character: a Yjs client and clock (an original's, for a copy). */
export interface Writer {
  client: number;
  clock: number;
}

/** Per inline position of a text block, who wrote it (null: not known). */
export type Writers = (textblock: Node) => readonly Writer[] | null;

/** Whose proposals are taken out, and what is known of who wrote what. */
export interface Proposer {
  name: string;
  /** The Yjs clients the server saw this participant's connections write under. */
  clients: ReadonlySet<number>;
  /** Whether a character was written by the update being checked (only for the document after). */
  isNew?: (writer: Writer) => boolean;
}

const CHANGE_MARKS = new Set(['insertion', 'deletion']);
const CLAUSE_BLOCKS = new Set(['recital_block', 'operative_block']);

/**
 * Who wrote each inline position of the text blocks of `doc`, read from `ydoc` (the document
 * `doc` was read from, in the same state): the client of each character and inline node.
 */
export function findWriters(doc: Node, ydoc: Y.Doc): Writers {
  const found = new Map<Node, Writer[]>();
  const walk = (node: Node, element: Y.XmlElement | Y.XmlFragment) => {
    if (node.isTextblock) {
      const writers = writersOf(element);
      // Read as y-prosemirror reads: when the two do not line up, nobody is known.
      if (writers.length === node.content.size) found.set(node, writers);
      return;
    }
    const children = element.toArray().filter((child) => child instanceof Y.XmlElement);
    node.forEach((child, _offset, index) => {
      const match = children[index];
      if (match && match.nodeName === child.type.name) walk(child, match);
    });
  };
  walk(doc, getDocumentFragment(ydoc));
  return (textblock) => found.get(textblock) ?? null;
}

function writersOf(element: Y.XmlElement | Y.XmlFragment): Writer[] {
  const writers: Writer[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      const copies = readCopies(child);
      for (let item = child._start; item; item = item.right) {
        if (item.deleted || !item.countable) continue;
        const { client, clock } = item.id;
        for (let i = 0; i < item.length; i += 1)
          writers.push(originalOf(copies, client, clock + i));
      }
    } else if (child instanceof Y.XmlElement && child._item) {
      writers.push({ client: child._item.id.client, clock: child._item.id.clock });
    }
  }
  return writers;
}

/** Characters written anew: `length` of `client` from `clock` copy `source`'s from `sourceClock`. */
interface Copy {
  client: number;
  clock: number;
  length: number;
  source: number;
  sourceClock: number;
}

/**
 * The copies a text records (`copy:<client>.<clock>` = [1, clock, source, sourceClock, length,
 * …], renderer/editor/merges/records.ts). Only a record its own writer made is believed.
 */
function readCopies(text: Y.XmlText): Copy[] {
  const copies: Copy[] = [];
  for (const [key, item] of text._map) {
    if (item.deleted || !key.startsWith('copy:')) continue;
    const client = Number(key.slice('copy:'.length).split('.')[0]);
    const value = item.content.getContent().at(-1) as unknown;
    if (item.id.client !== client || !Array.isArray(value) || value[0] !== 1) continue;
    for (let i = 1; i + 4 <= value.length; i += 4) {
      const [clock, source, sourceClock, length] = value.slice(i, i + 4) as number[];
      copies.push({
        client,
        clock: clock!,
        length: length!,
        source: source!,
        sourceClock: sourceClock!,
      });
    }
  }
  return copies;
}

/** The character `client` wrote at `clock`, or the original it copies. */
function originalOf(copies: readonly Copy[], client: number, clock: number): Writer {
  for (const copy of copies) {
    if (copy.client === client && clock >= copy.clock && clock < copy.clock + copy.length) {
      return { client: copy.source, clock: copy.sourceClock + (clock - copy.clock) };
    }
  }
  return { client, clock };
}

/**
 * `doc` without the proposals of `proposer`, as canonical tokens (see above): a node's start or
 * end, a character with its marks, an inline node. `writers` tells who wrote what (null: nobody
 * is known, and insertions count wherever their marks lie).
 */
export function canonicalWithout(doc: Node, proposer: Proposer, writers: Writers | null): string[] {
  return canonical(doc, null, proposer, writers) ?? [];
}

/** Where two canonical forms first differ, for the log: a little of each from there. */
export function describeDifference(a: readonly string[], b: readonly string[]): string {
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at += 1;
  const show = (tokens: readonly string[]) =>
    tokens
      .slice(Math.max(0, at - 12), at + 12)
      .map((token) => (token.length === 1 ? token : ` ${token.slice(0, 40)} `))
      .join('');
  return `${JSON.stringify(show(a))} werd ${JSON.stringify(show(b))}`;
}

function canonical(
  node: Node,
  parent: Node | null,
  proposer: Proposer,
  writers: Writers | null,
): string[] | null {
  const isItem = node.type.name === 'item';
  const change = isItem ? (node.attrs.change as ItemChange | null) : null;
  if (change?.name === proposer.name && change.type === 'insert') return null;
  const attrs: Record<string, unknown> = { ...node.attrs };
  if (isItem) delete attrs.change;
  let content: string[] = [];
  if (node.isTextblock) {
    content = canonicalInline(node, proposer, writers?.(node) ?? null);
  } else {
    let first = true;
    node.forEach((child) => {
      const kept = canonical(child, node, proposer, writers);
      if (!kept) return;
      // A block starts with a numbered item.
      if (first && CLAUSE_BLOCKS.has(node.type.name)) {
        kept[0] = kept[0]!.replace(/"indent":\d+/, '"indent":0');
      }
      first = false;
      content.push(...kept);
    });
  }
  const emptyText =
    isItem || (node.type.name === 'paragraph' && parent?.type.name === 'explanation');
  if ((emptyText || CLAUSE_BLOCKS.has(node.type.name)) && content.length === 0) return null;
  return [`<${node.type.name} ${JSON.stringify(attrs)}`, ...content, `>${node.type.name}`];
}

/** The inline content of a text block: its characters by their marks, and inline nodes. */
function canonicalInline(
  node: Node,
  proposer: Proposer,
  writers: readonly Writer[] | null,
): string[] {
  const out: string[] = [];
  let pos = 0;
  node.forEach((child) => {
    const insertion = child.marks.find((mark) => mark.type.name === 'insertion');
    const marks = JSON.stringify(
      child.marks.filter((mark) => !CHANGE_MARKS.has(mark.type.name)).map((m) => m.toJSON()),
    );
    const at = pos;
    pos += child.nodeSize;
    const add = (token: string, offset: number) => {
      const own = insertion && isProposerText(insertion, writers?.[at + offset], proposer);
      if (!own) out.push(token);
    };
    if (!child.isText) {
      add(`${child.type.name} ${JSON.stringify(child.attrs)} ${marks}`, 0);
      return;
    }
    const chars = child.text!;
    const suffix = marks === '[]' ? '' : marks;
    for (let i = 0; i < chars.length; i += 1) add(`${chars[i]!}${suffix}`, i);
  });
  return out;
}

/**
 * Whose a character carrying `insertion`, written by `writer`, is: the proposer's when one of
 * their editing sessions wrote it (any insertion: a colleague's mark may have run on over it),
 * or when it carries their own mark naming the session that wrote it; written by the update
 * being checked, only in the second way.
 */
function isProposerText(insertion: Mark, writer: Writer | undefined, proposer: Proposer): boolean {
  const attrs = insertion.attrs as InsertionAttrs;
  const ownMark =
    attrs.name === proposer.name &&
    (attrs.session === null || writer === undefined || attrs.session === writer.client);
  if (!writer || proposer.isNew?.(writer)) return ownMark;
  return ownMark || proposer.clients.has(writer.client);
}
