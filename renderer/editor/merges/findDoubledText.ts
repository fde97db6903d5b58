/**
 * Text a merge doubled: two visible copies of one original character, or of one original
 * element (records.ts), which happens when two co-editors split the same item or move the same
 * block at once. Of the copies, the last in the document stays and the others are doubled:
 * that keeps the text in its order when two splits of one item made two tails (the longer tail
 * loses the shorter one's text). An item all of whose text is doubled (or an empty copy of an
 * item) is doubled as a whole. Derived from the Yjs document alone, so every replica finds the
 * same; shown as proposals to remove, written only when someone decides (decideDoubledText.ts).
 */
import * as Y from 'yjs';
import type { Schema } from 'prosemirror-model';
import type { Piece, TextRecords } from './records.ts';
import { findOriginal, holds, readRecords } from './records.ts';

/** A stretch of doubled text, as a proposal to remove it. */
export interface DoubledText {
  /** Stable over merges: from the Yjs id of its first character (or item). */
  id: string;
  /** Where its text lies in the ProseMirror document. */
  from: number;
  to: number;
  text: string;
  /** When the whole item is doubled: where the item lies, and its Yjs id. */
  item?: { from: number; to: number; id: Piece };
  /** Its Yjs characters. */
  pieces: Piece[];
}

interface Char {
  pos: number;
  client: number;
  clock: number;
  char: string;
}

interface TextEntry {
  text: Y.XmlText;
  pos: number;
  records: TextRecords;
}

interface ElementEntry {
  element: Y.XmlElement;
  from: number;
  to: number;
  /** The element's texts' records, and whether it is an item. */
  records: TextRecords[];
  item: boolean;
}

const key = (client: number, clock: number) => `${client}:${clock}`;

/** Every visible text and element of `fragment`, in document order, with their positions. */
function collect(
  fragment: Y.XmlFragment,
  schema: Schema,
): { texts: TextEntry[]; elements: ElementEntry[] } {
  const texts: TextEntry[] = [];
  const elements: ElementEntry[] = [];
  const walk = (type: Y.XmlFragment | Y.XmlElement, start: number): number => {
    let pos = start;
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) {
        texts.push({ text: child, pos, records: readRecords(child) });
        pos += child.length;
      } else if (child instanceof Y.XmlElement) {
        const nodeType = schema.nodes[child.nodeName];
        const entry: ElementEntry = {
          element: child,
          from: pos,
          to: pos,
          records: [],
          item: child.nodeName === 'item',
        };
        elements.push(entry);
        const first = texts.length;
        pos = nodeType?.isLeaf ? pos + 1 : walk(child, pos + 1) + 1;
        entry.to = pos;
        entry.records = texts
          .slice(first)
          .filter((t) => t.text.parent === child)
          .map((t) => t.records);
      }
    }
    return pos;
  };
  walk(fragment, 0);
  return { texts, elements };
}

/** Groups of copies of one original with more than one visible: all but the last are doubled. */
function doubledOf<T>(groups: Map<string, T[]>): T[] {
  return [...groups.values()]
    .filter((list) => list.length > 1)
    .flatMap((list) => list.slice(0, -1));
}

/** The doubled text in `fragment`, in document order. */
export function findDoubledText(fragment: Y.XmlFragment, schema: Schema): DoubledText[] {
  const { texts, elements } = collect(fragment, schema);
  // The originals any copy stands for, as clock ranges per client (a record is not trusted
  // to be small: the server does not check them).
  const ranges = new Map<number, [number, number][]>();
  for (const { records } of texts) {
    for (const c of records.copies) {
      const list = ranges.get(c.source) ?? [];
      list.push([c.sourceClock, c.sourceClock + c.length]);
      ranges.set(c.source, list);
    }
  }
  if (ranges.size === 0) return [];
  for (const list of ranges.values()) list.sort((a, b) => a[0] - b[0]);
  const isOriginal = (client: number, clock: number): boolean => {
    const list = ranges.get(client);
    if (!list) return false;
    // The ranges starting at or before `clock`, by binary search; any of them may hold it.
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (list[mid]![0] <= clock) low = mid + 1;
      else high = mid;
    }
    for (let i = low - 1; i >= 0 && i >= low - 64; i--) {
      if (clock < list[i]![1]) return true;
    }
    return false;
  };
  // Characters by the original they stand for (a copy's record lies on its own text).
  const chars = new Map<string, Char[]>();
  const charsIn = new Map<Y.XmlText, Char[]>();
  // Texts with characters that are no copies (not doubled).
  const plain = new Set<Y.XmlText>();
  for (const { text, pos: start, records } of texts) {
    // Only a text with copies in it can hold doubled text (originals are deleted by the copy).
    if (records.copies.length === 0) {
      if (text.length > 0) plain.add(text);
      continue;
    }
    let pos = start;
    const own: Char[] = [];
    for (let item = text._start; item; item = item.right) {
      if (item.deleted || !item.countable) continue;
      if (item.content instanceof Y.ContentString) {
        const str = item.content.str;
        for (let i = 0; i < str.length; i++) {
          const char = {
            pos: pos + i,
            client: item.id.client,
            clock: item.id.clock + i,
            char: str[i]!,
          };
          own.push(char);
          const original = findOriginal(records.copies, char.client, char.clock);
          if (!isOriginal(original.client, original.clock)) continue;
          if (holds(records.kept, char.client, char.clock)) continue;
          const group = key(original.client, original.clock);
          chars.set(group, [...(chars.get(group) ?? []), char]);
        }
      }
      pos += item.length;
    }
    charsIn.set(text, own);
  }
  const doubledChars = new Set(doubledOf(chars));
  // Elements by the original element they copy.
  const copies = new Map<string, ElementEntry[]>();
  for (const entry of elements) {
    const id = entry.element._item!.id;
    const record = entry.records
      .flatMap((r) => r.elements)
      .find((e) => e.client === id.client && e.clock === id.clock);
    if (!record || entry.records.some((r) => holds(r.kept, id.client, id.clock))) continue;
    const group = key(record.source, record.sourceClock);
    copies.set(group, [...(copies.get(group) ?? []), entry]);
  }
  const doubledElements = new Set(doubledOf(copies));
  const out: DoubledText[] = [];
  const inWhole: { from: number; to: number }[] = [];
  for (const entry of elements) {
    if (!entry.item) continue;
    const own = entry.element
      .toArray()
      .flatMap((c) => (c instanceof Y.XmlText ? (charsIn.get(c) ?? []) : []));
    const hasPlain = entry.element.toArray().some((c) => c instanceof Y.XmlText && plain.has(c));
    const allDoubled = !hasPlain && own.every((c) => doubledChars.has(c));
    // An item goes whole when all its text is doubled: a doubled copy of an item, or an item
    // whose text another copy holds (two splits at one place).
    if (!allDoubled || (own.length === 0 && !doubledElements.has(entry))) continue;
    // An empty copy that is its block's only item has nothing to remove: a block keeps one.
    if (own.length === 0 && (entry.element.parent as Y.XmlElement).length < 2) continue;
    const id = entry.element._item!.id;
    out.push({
      id: `dubbel-${id.client}-${id.clock}`,
      from: entry.from + 1,
      to: entry.to - 1,
      text: own.map((c) => c.char).join(''),
      item: {
        from: entry.from,
        to: entry.to,
        id: { client: id.client, clock: id.clock, length: 1 },
      },
      pieces: own.map((c) => ({ client: c.client, clock: c.clock, length: 1 })),
    });
    inWhole.push({ from: entry.from, to: entry.to });
  }
  const loose = [...doubledChars]
    .filter((c) => !inWhole.some((w) => c.pos >= w.from && c.pos < w.to))
    .sort((a, b) => a.pos - b.pos);
  for (const char of loose) {
    const last = out.at(-1);
    if (last && !last.item && last.to === char.pos) {
      last.to += 1;
      last.text += char.char;
      const piece = last.pieces.at(-1)!;
      if (piece.client === char.client && piece.clock + piece.length === char.clock)
        piece.length += 1;
      else last.pieces.push({ client: char.client, clock: char.clock, length: 1 });
    } else {
      out.push({
        id: `dubbel-${char.client}-${char.clock}`,
        from: char.pos,
        to: char.pos + 1,
        text: char.char,
        pieces: [{ client: char.client, clock: char.clock, length: 1 }],
      });
    }
  }
  return out.sort((a, b) => a.from - b.from);
}
