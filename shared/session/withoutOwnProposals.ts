/**
 * A document as a voorsteller cannot change it: what stays when their own proposals are taken
 * out. A voorsteller's update is allowed when this is the same before and after it
 * (roleRules.ts). Written as canonical tokens rather than a document, so that taking things
 * out never has to leave a valid resolution behind:
 *
 * - the voorsteller's proposed text is out: every character that carries their insertion mark
 *   (pending, or accepted: taking back one's proposal while a colleague accepts it cannot be
 *   told apart from taking back accepted text, and both concern only their proposal). That
 *   includes what a colleague typed inside their proposal: the editor gives typed text the
 *   marks around it, and takes such text back with the proposal. A character the update itself
 *   writes is theirs only when it carries their mark naming the editing session that wrote it
 *   (`session`, a Yjs client id, as the editor reads it: changeOrigins.ts), so that new text is
 *   always their proposal and reads as one. Who wrote a character is read from the Yjs document
 *   itself; a character written anew as a copy of another (y-prosemirror writes a text as the
 *   difference of two strings; the editor records such copies, renderer/editor/merges/
 *   records.ts) counts as its original;
 * - an item the voorsteller proposed (its `change` an insertion of theirs) is out with all it
 *   holds: taking back one's own new item deletes it in Yjs with whatever a colleague typed in
 *   it meanwhile (their editor puts that back, renderer/editor/merges/rescueLostText.ts);
 * - change marks and the proposals on items (`change`) are left out altogether: change marks
 *   are Yjs formatting, a run of characters between two markers, and a concurrent edit can run
 *   a colleague's mark on over other text or cut it short, whoever sends the update; and two
 *   participants proposing on one item at once leave one of the two proposals. The rules check
 *   the marks apart (roleRules.ts: no change under another's name, no proposal of another
 *   accepted or taken off its text);
 * - empty items and Toelichting paragraphs and empty blocks do not count, and every block
 *   starts with a numbered item, as after any decision on changes.
 *
 * Everything else counts: all other text, in order, its other marks, every node and attribute.
 */
import type { Mark, Node } from 'prosemirror-model';
import * as Y from 'yjs';
import type { InsertionAttrs } from '../editor/suggestions/changeMarks.ts';
import type { ItemChange } from '../editor/suggestions/changeMarks.ts';
import { getDocumentFragment } from '../ydoc/yDocument.ts';

/** Who wrote a character: a Yjs client and clock (an original's, for a copy). */
export interface Writer {
  client: number;
  clock: number;
}

/** Who wrote what in a document: per inline position of a text block (null: not known). */
export interface Writers {
  chars(textblock: Node): readonly Writer[] | null;
}

/** Whose proposals are taken out. */
export interface Proposer {
  name: string;
  /** Whether a character was written by the update being checked (only for the document after). */
  isNew?: (writer: Writer) => boolean;
}

/** A character's identity: who wrote it, and when. */
export function characterId(writer: Writer): string {
  return `${writer.client}.${writer.clock}`;
}

const CHANGE_MARKS = new Set(['insertion', 'deletion']);
const CLAUSE_BLOCKS = new Set(['recital_block', 'operative_block']);

/**
 * Who wrote each inline position of the text blocks of `doc`, read from `ydoc` (the document
 * `doc` was read from, in the same state): the client of each character and inline node.
 */
export function findWriters(doc: Node, ydoc: Y.Doc): Writers {
  // Which Yjs element holds each text block: cheap. Who wrote each character is read only for
  // the text blocks asked about.
  const elements = new Map<Node, Y.XmlElement | Y.XmlFragment>();
  const walk = (node: Node, element: Y.XmlElement | Y.XmlFragment) => {
    if (node.isTextblock) {
      elements.set(node, element);
      return;
    }
    const children = element.toArray().filter((child) => child instanceof Y.XmlElement);
    node.forEach((child, _offset, index) => {
      const match = children[index];
      if (match && match.nodeName === child.type.name) walk(child, match);
    });
  };
  walk(doc, getDocumentFragment(ydoc));
  const found = new Map<Node, Writer[] | null>();
  return {
    chars: (textblock) => {
      if (!found.has(textblock)) {
        const element = elements.get(textblock);
        const writers = element ? writersOf(element) : null;
        // Read as y-prosemirror reads: when the two do not line up, nobody is known.
        found.set(textblock, writers?.length === textblock.content.size ? writers : null);
      }
      return found.get(textblock)!;
    },
  };
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

/** A character of a proposal: its identity and what it is. */
export interface ProposedCharacter {
  id: string;
  char: string;
}

/**
 * The text of every pending insertion of another than `name` in `doc`, by change id, character
 * by character in document order (with who wrote each, as far as `writers` knows).
 */
export function othersProposedText(
  doc: Node,
  name: string,
  writers: Writers,
): Map<string, ProposedCharacter[]> {
  const found = new Map<string, ProposedCharacter[]>();
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    if (!hasInsertion(node, (author) => author !== name)) return false;
    const chars = writers.chars(node);
    let pos = 0;
    node.forEach((child) => {
      const insertion = child.marks.find((mark) => mark.type.name === 'insertion');
      const attrs = insertion?.attrs as InsertionAttrs | undefined;
      if (chars && attrs && !attrs.accepted && attrs.name !== name) {
        const list = found.get(attrs.id) ?? [];
        found.set(attrs.id, list);
        for (let i = 0; i < child.nodeSize; i += 1) {
          const writer = chars[pos + i];
          const char = child.isText ? child.text![i]! : child.type.name;
          list.push({ id: writer ? characterId(writer) : '', char });
        }
      }
      pos += child.nodeSize;
    });
    return false;
  });
  return found;
}

/**
 * `doc` without the proposals of `proposer`, as canonical tokens (see above): a node's start or
 * end, a character with its marks, an inline node. `writers` tells who wrote what (null: nobody
 * is known, and insertions count wherever their marks lie).
 */
export function canonicalWithout(
  doc: Node,
  proposer: Proposer,
  writers: Writers | null,
): Canonical {
  const found: Canonical = { tokens: [], misnamed: false };
  found.tokens = canonical(doc, null, proposer, writers, found) ?? [];
  return found;
}

/** The canonical form, and whether the update wrote text under the proposer's mark that names another session. */
export interface Canonical {
  tokens: string[];
  /** Text the update being checked wrote with the proposer's mark naming another session than its writer's. */
  misnamed: boolean;
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
  found: Canonical,
): string[] | null {
  const isItem = node.type.name === 'item';
  const change = isItem ? (node.attrs.change as ItemChange | null) : null;
  if (change?.name === proposer.name && change.type === 'insert') return null;
  const attrs: Record<string, unknown> = { ...node.attrs };
  if (isItem) delete attrs.change;
  let content: string[] = [];
  if (node.isTextblock) {
    // Who wrote what matters only where the proposer's mark lies.
    const marked = hasInsertion(node, (name) => name === proposer.name);
    content = canonicalInline(
      node,
      proposer,
      marked ? (writers?.chars(node) ?? null) : null,
      found,
    );
  } else {
    let first = true;
    node.forEach((child) => {
      const kept = canonical(child, node, proposer, writers, found);
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

/** Whether text block `node` holds an insertion whose author `test` accepts. */
function hasInsertion(node: Node, test: (name: string) => boolean): boolean {
  let found = false;
  node.forEach((child) => {
    for (const mark of child.marks) {
      if (mark.type.name === 'insertion' && test(mark.attrs.name as string)) found = true;
    }
  });
  return found;
}

/** The inline content of a text block: its characters by their marks, and inline nodes. */
function canonicalInline(
  node: Node,
  proposer: Proposer,
  writers: readonly Writer[] | null,
  found: Canonical,
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
      const whose = whoseText(insertion, writers?.[at + offset], proposer);
      if (whose === 'misnamed') found.misnamed = true;
      if (whose === 'other') out.push(token);
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
 * Whose a character, written by `writer` and carrying `insertion` (if any), is: the proposer's
 * when it carries their mark; 'misnamed' when the update being checked wrote it with their mark
 * naming another editing session than the one that wrote it (which the editor would not read as
 * their proposal).
 */
function whoseText(
  insertion: Mark | undefined,
  writer: Writer | undefined,
  proposer: Proposer,
): 'proposer' | 'misnamed' | 'other' {
  const attrs = insertion?.attrs as InsertionAttrs | undefined;
  if (attrs?.name !== proposer.name) return 'other';
  if (!writer || !proposer.isNew?.(writer)) return 'proposer';
  return attrs.session === null || attrs.session === writer.client ? 'proposer' : 'misnamed';
}
