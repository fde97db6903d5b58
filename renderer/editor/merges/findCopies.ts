/**
 * The copies a local transaction made. The editor writes a transaction into Yjs as
 * y-prosemirror's difference of the documents, so splitting an item deletes its tail and
 * writes it into the new item, joining writes the joined item's text into the one before, and
 * moving a block re-writes the text of the blocks it passes (and makes new items where their
 * numbers differ). Yjs has no move: when two co-editors do that to the same text at once, each
 * writes a copy. Text a transaction inserted that equals text it deleted, and elements it made
 * that equal elements it deleted, are such copies (records.ts keeps them).
 */
import * as Y from 'yjs';
import type { CopyPiece, Piece } from './records.ts';
import { findOriginal, readRecords } from './records.ts';

/** Text longer than this on either side of a transaction is not compared (a whole document). */
const MAX_COMPARED = 200_000;

/** What one transaction copied. */
export interface Copies {
  /** Per text, the copies of characters in it (each a list of pieces, one record). */
  texts: Map<Y.XmlText, CopyPiece[][]>;
  /** New elements that copy an element the transaction deleted, with that element's original. */
  elements: { element: Y.XmlElement; source: Piece }[];
}

/** A run of characters in one Y.XmlText, in document order, with their ids. */
interface CharRun {
  text: Y.XmlText;
  str: string;
  pieces: Piece[];
}

/** A Yjs type, as far as its place in the document goes. */
export interface Placed {
  _item: Y.Item | null;
}

/** Whether `type` lies in `fragment` (deleted or not). */
export function isInside(type: Placed, fragment: Y.XmlFragment): boolean {
  for (let t: Placed | null = type; t; t = (t._item?.parent ?? null) as Placed | null) {
    if (t === (fragment as Placed)) return true;
  }
  return false;
}

// The items of each text in document order, as runs broken by visible characters that are not
// among them (formatting and earlier deletions do not break a run).
function toRuns(items: readonly Y.Item[]): CharRun[] {
  const byText = new Map<Y.XmlText, Set<Y.Item>>();
  for (const item of items) {
    const text = item.parent as Y.XmlText;
    byText.set(text, (byText.get(text) ?? new Set<Y.Item>()).add(item));
  }
  const runs: CharRun[] = [];
  for (const [text, set] of byText) {
    let run: CharRun | null = null;
    for (let item = text._start; item; item = item.right) {
      if (set.has(item)) {
        const str = (item.content as Y.ContentString).str;
        run ??= { text, str: '', pieces: [] };
        run.str += str;
        const last = run.pieces.at(-1);
        if (last && last.client === item.id.client && last.clock + last.length === item.id.clock) {
          last.length += str.length;
        } else
          run.pieces.push({ client: item.id.client, clock: item.id.clock, length: str.length });
      } else if (item.countable && !item.deleted && run) {
        runs.push(run);
        run = null;
      }
    }
    if (run) runs.push(run);
  }
  return runs;
}

/** Each character of `pieces` from `offset`, `length` of them, as [client, clock]. */
function characters(pieces: readonly Piece[], offset: number, length: number): [number, number][] {
  const out: [number, number][] = [];
  let at = 0;
  for (const piece of pieces) {
    for (let i = 0; i < piece.length; i++, at++) {
      if (at >= offset && at < offset + length) out.push([piece.client, piece.clock + i]);
    }
  }
  return out;
}

/** The originals of the characters of `run` from `offset`, `length` of them. */
function originalsOf(run: CharRun, offset: number, length: number): Piece[] {
  const sources = readRecords(run.text, true).copies;
  return characters(run.pieces, offset, length).map(([client, clock]) =>
    findOriginal(sources, client, clock),
  );
}

/** The most characters compared pairwise when a copy holds new text too (see originalsAcross). */
const MAX_ALIGNED = 4_000_000;

/**
 * The originals of the characters of `str` found in `runs` read one after the other, in
 * order (a longest common subsequence; null for a character not found there): a text written
 * anew may leave out what the same edit deleted for real, and hold new text besides (a
 * selection across items typed over). Null when nothing is found, or the texts are too long
 * to compare.
 */
function originalsAcross(runs: readonly CharRun[], str: string): (Piece | null)[] | null {
  const chars = runs.map((run) => run.str).join('');
  if (chars.length * str.length > MAX_ALIGNED) return null;
  const all = runs.flatMap((run) => originalsOf(run, 0, run.str.length));
  // lengths[i][j]: the longest common subsequence of chars[i..] and str[j..], by UTF-16 unit.
  const width = str.length + 1;
  const lengths = new Uint32Array((chars.length + 1) * width);
  for (let i = chars.length - 1; i >= 0; i--) {
    for (let j = str.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        chars[i] === str[j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  if (lengths[0] === 0) return null;
  const out: (Piece | null)[] = [];
  let i = 0;
  for (let j = 0; j < str.length;) {
    if (i < chars.length && chars[i] === str[j]) {
      out.push(all[i]!);
      i += 1;
      j += 1;
    } else if (i < chars.length && lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      i += 1;
    } else {
      out.push(null);
      j += 1;
    }
  }
  return out;
}

/** Where `type` lies in the document, as the indices of it and its parents from the top. */
function placeOf(type: Placed): number[] {
  const place: number[] = [];
  for (let item = type._item; item; item = (item.parent as Placed)._item) {
    let index = 0;
    for (let other = (item.parent as Y.AbstractType<unknown>)._start; other !== item;) {
      index += 1;
      other = other!.right;
    }
    place.unshift(index);
  }
  return place;
}

/** `runs` in document order. */
function inDocumentOrder(runs: readonly CharRun[]): CharRun[] {
  const places = new Map(runs.map((run) => [run, placeOf(run.text)]));
  const compare = (a: number[], b: number[]): number => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  };
  // Runs of one text stay in their order (sort is stable).
  return [...runs].sort((a, b) => compare(places.get(a)!, places.get(b)!));
}

/** `inserted` copying the characters `from` (their originals, one each; null: new text). */
function alignCopy(inserted: CharRun, from: readonly (Piece | null)[]): CopyPiece[] {
  const out: CopyPiece[] = [];
  characters(inserted.pieces, 0, inserted.str.length).forEach(([client, clock], i) => {
    const source = from[i];
    if (!source) return;
    const last = out.at(-1);
    const runsOn =
      last?.client === client &&
      last.clock + last.length === clock &&
      last.source === source.client &&
      last.sourceClock + last.length === source.clock;
    if (runsOn) last.length += 1;
    else out.push({ client, clock, source: source.client, sourceClock: source.clock, length: 1 });
  });
  return out;
}

/** Whether `item` is visible after `transaction`, or was until `transaction` deleted it. */
export function wasThere(item: Y.Item, transaction: Y.Transaction): boolean {
  return !item.deleted || Y.isDeleted(transaction.deleteSet, item.id);
}

/** What an element holds (its name, attributes and content), as it was before `transaction`. */
function signature(element: Y.XmlElement, transaction: Y.Transaction): string {
  const attributes: [string, unknown][] = [];
  for (const [key, item] of element._map) {
    if (wasThere(item, transaction)) attributes.push([key, item.content.getContent().at(-1)]);
  }
  attributes.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const content: unknown[] = [];
  for (let item = element._start; item; item = item.right) {
    if (!wasThere(item, transaction)) continue;
    if (item.content instanceof Y.ContentType) {
      const type = item.content.type;
      if (type instanceof Y.XmlElement) content.push(signature(type, transaction));
      else if (type instanceof Y.XmlText) {
        let str = '';
        for (let t = type._start; t; t = t.right) {
          if (wasThere(t, transaction) && t.content instanceof Y.ContentString)
            str += t.content.str;
        }
        // Adjacent texts are one run of text, as ProseMirror sees them.
        if (typeof content.at(-1) === 'string') content[content.length - 1] += str;
        else content.push(str);
      }
    }
  }
  return JSON.stringify([element.nodeName, attributes, content.filter((c) => c !== '')]);
}

/** The original element `element` stands for: by its record when it is a copy, else itself. */
function originalElement(element: Y.XmlElement): Piece {
  const id = element._item!.id;
  // Its record lies on a text inside it; read raw, as the element may go in this transaction.
  for (let item = element._start; item; item = item.right) {
    const type = item.content instanceof Y.ContentType ? item.content.type : null;
    if (!(type instanceof Y.XmlText)) continue;
    const record = readRecords(type, true).elements.find(
      (e) => e.client === id.client && e.clock === id.clock,
    );
    if (record) return { client: record.source, clock: record.sourceClock, length: 1 };
  }
  return { client: id.client, clock: id.clock, length: 1 };
}

/** The copies `transaction` (a local one, ended or not) made in `fragment`. */
export function findCopies(transaction: Y.Transaction, fragment: Y.XmlFragment): Copies {
  const found: Copies = { texts: new Map(), elements: [] };
  const { doc } = transaction;
  const before = (client: number) => transaction.beforeState.get(client) ?? 0;
  const own = doc.store.clients.get(doc.clientID) ?? [];
  const start = before(doc.clientID);
  // The state now: inside the transaction (onWrite) its afterState is not known yet.
  if (own.length === 0 || start >= Y.getState(doc.store, doc.clientID)) return found;
  const newTexts: Y.Item[] = [];
  const newElements: Y.XmlElement[] = [];
  for (let i = Y.findIndexSS(own, start); i < own.length; i++) {
    const item = own[i];
    if (!(item instanceof Y.Item) || item.deleted) continue;
    if (item.content instanceof Y.ContentString && item.parent instanceof Y.XmlText) {
      newTexts.push(item);
    } else if (item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlElement) {
      // Only the outermost new element: its content is part of its copy.
      const parent = item.parent as Placed;
      const parentIsNew =
        parent._item !== null &&
        parent._item.id.client === doc.clientID &&
        parent._item.id.clock >= start;
      if (!parentIsNew) newElements.push(item.content.type);
    }
  }
  if (newTexts.length === 0 && newElements.length === 0) return found;
  // Sets: inside the transaction its delete set is not merged yet, and may name an item twice.
  const deletedTexts = new Set<Y.Item>();
  const deletedElements = new Set<Y.XmlElement>();
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item) || struct.id.clock >= before(struct.id.client)) return;
    if (struct.content instanceof Y.ContentString && struct.parent instanceof Y.XmlText) {
      deletedTexts.add(struct);
    } else if (
      struct.content instanceof Y.ContentType &&
      struct.content.type instanceof Y.XmlElement
    ) {
      deletedElements.add(struct.content.type);
    }
  });
  const inserted = toRuns(newTexts).filter((run) => isInside(run.text, fragment));
  const deleted = toRuns([...deletedTexts]).filter((run) => isInside(run.text, fragment));
  const size = (runs: CharRun[]) => runs.reduce((sum, run) => sum + run.str.length, 0);
  if (size(inserted) > MAX_COMPARED || size(deleted) > MAX_COMPARED) return found;
  const used = new Set<CharRun>();
  let ordered: CharRun[] | undefined;
  for (const run of inserted) {
    // The same text deleted (a split's tail, a joined item, a block's re-written text), else
    // text it lies in, else what it has of the text deleted (in several texts of one element,
    // which y-prosemirror reads as one run and writes anew as one, with text typed besides).
    let match = deleted.find((d) => !used.has(d) && d.str === run.str);
    if (match) used.add(match);
    else match = deleted.find((d) => d.str.includes(run.str));
    const from = match
      ? originalsOf(match, match.str.indexOf(run.str), run.str.length)
      : originalsAcross((ordered ??= inDocumentOrder(deleted)), run.str);
    const pieces = from ? alignCopy(run, from) : [];
    if (pieces.length > 0)
      found.texts.set(run.text, [...(found.texts.get(run.text) ?? []), pieces]);
  }
  const candidates = [...deletedElements]
    .filter((element) => isInside(element, fragment))
    .map((element) => ({ element, signature: signature(element, transaction) }));
  for (const element of newElements.filter((e) => isInside(e, fragment))) {
    const sig = signature(element, transaction);
    const index = candidates.findIndex((c) => c.signature === sig);
    if (index < 0) continue;
    const [match] = candidates.splice(index, 1);
    found.elements.push({ element, source: originalElement(match!.element) });
  }
  return found;
}
