/**
 * What a replica records along with its edits, so that every replica can tell later what a
 * merge did (recordWrite.ts): which text and elements y-prosemirror wrote anew as copies
 * (findDoubledText.ts), and what an element held when the replica deleted it
 * (rescueLostText.ts). Kept as attributes of Y.XmlTexts: a copy's record lies on the text that
 * holds it (an element's, on a text inside the element), a deletion's on a text in the deleted
 * element's parent. Nothing else reads Y.XmlText attributes: y-prosemirror and the strict
 * reader turn only their content into the document.
 *
 * - `copy:<client>.<clock>`: `[1, newClock, sourceClient, sourceClock, length, ...]`: the
 *   writer's characters from `newClock` copy the original characters from `sourceClock`.
 * - `elem:<client>.<clock>`: `[1, sourceClient, sourceClock]`: the element (its Yjs id in the
 *   key) copies the original element.
 * - `keep:<client>.<clock>`: `[1, client, clock, length, ...]`: copies (characters, or an
 *   element's id) that a participant chose to keep: no longer doubled.
 * - `gone:<client>.<clock>`: `[1, client, clock, ...]`: the element (its Yjs id in the key) was
 *   deleted by a replica that knew, per client, what that client had written in it up to the
 *   clock.
 *
 * Originals are always the first: a copy of a copy records what the first copy copied.
 */
import * as Y from 'yjs';
import { RECORD_VERSION } from '../../../shared/ydoc/textRecords.ts';

/** Origin of the transactions that write records, so that undo and the recorder skip them. */
export const COPY_RECORDS = 'resolutie:copy-records';

const COPY = 'copy:';
const ELEMENT = 'elem:';
const KEEP = 'keep:';
const GONE = 'gone:';
/** The format version, first in every record. */
/** The records' format version (checked by the server and the strict reader alike). */
const VERSION = RECORD_VERSION;

/** Characters (or one element, length 1) with consecutive clocks of one client. */
export interface Piece {
  client: number;
  clock: number;
  length: number;
}

/** `length` characters of `client` from `clock` copy the original ones from `sourceClock`. */
export interface CopyPiece extends Piece {
  source: number;
  sourceClock: number;
}

/** An element a replica deleted, and how far it knew each client's writing in it. */
export interface Deletion {
  client: number;
  clock: number;
  known: Map<number, number>;
}

/** What the attributes of one Y.XmlText say. */
export interface TextRecords {
  copies: CopyPiece[];
  /** Elements that copy an original element (length 1 each). */
  elements: CopyPiece[];
  kept: Piece[];
  deletions: Deletion[];
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function groups(values: number[], size: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i + size <= values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/**
 * The records on `text`; anything malformed is left out. The server and the strict reader refuse
 * malformed records (shared/ydoc/textRecords.ts), but a document may come from a server that
 * does not check: a record is never believed unread. `raw` also reads entries deleted in the current
 * transaction (a text whose element goes in it).
 */
export function readRecords(text: Y.XmlText, raw = false): TextRecords {
  const records: TextRecords = { copies: [], elements: [], kept: [], deletions: [] };
  const entries: [string, unknown][] = [];
  if (raw) {
    for (const [key, item] of text._map) {
      if (item.content instanceof Y.ContentAny)
        entries.push([key, item.content.getContent().at(-1)]);
    }
  } else entries.push(...Object.entries(text.getAttributes() as Record<string, unknown>));
  for (const [key, value] of entries) {
    const prefix = [COPY, ELEMENT, KEEP, GONE].find((p) => key.startsWith(p));
    if (!prefix || !Array.isArray(value) || value[0] !== VERSION) continue;
    const [client, clock] = key.slice(prefix.length).split('.').map(Number);
    const values = value.slice(1) as unknown[];
    if (!isCount(client) || !isCount(clock) || !values.every(isCount)) continue;
    const numbers = values as number[];
    if (prefix === COPY) {
      for (const [newClock, source, sourceClock, length] of groups(numbers, 4)) {
        records.copies.push({
          client,
          clock: newClock!,
          source: source!,
          sourceClock: sourceClock!,
          length: length!,
        });
      }
    } else if (prefix === ELEMENT) {
      const [source, sourceClock] = numbers;
      if (isCount(source) && isCount(sourceClock)) {
        records.elements.push({ client, clock, source, sourceClock, length: 1 });
      }
    } else if (prefix === KEEP) {
      for (const [kept, keptClock, length] of groups(numbers, 3)) {
        records.kept.push({ client: kept!, clock: keptClock!, length: length! });
      }
    } else {
      const known = new Map(groups(numbers, 2).map(([c, k]) => [c!, k!] as [number, number]));
      records.deletions.push({ client, clock, known });
    }
  }
  return records;
}

/** The original `client`:`clock` stands for, by `copies`; itself when it is no copy. */
export function findOriginal(copies: readonly CopyPiece[], client: number, clock: number): Piece {
  for (const copy of copies) {
    if (copy.client === client && clock >= copy.clock && clock < copy.clock + copy.length) {
      return { client: copy.source, clock: copy.sourceClock + (clock - copy.clock), length: 1 };
    }
  }
  return { client, clock, length: 1 };
}

/** Whether `pieces` hold `client`:`clock`. */
export function holds(pieces: readonly Piece[], client: number, clock: number): boolean {
  return pieces.some((p) => p.client === client && clock >= p.clock && clock < p.clock + p.length);
}

/** The attribute that records the characters `pieces` (one copy by one writer). */
export function copyAttribute(pieces: readonly CopyPiece[]): [string, number[]] {
  const first = pieces[0]!;
  const values = pieces.flatMap((p) => [p.clock, p.source, p.sourceClock, p.length]);
  return [`${COPY}${first.client}.${first.clock}`, [VERSION, ...values]];
}

/** The attribute that records the element `id` as a copy of the original `source`. */
export function elementAttribute(id: Y.ID, source: Piece): [string, number[]] {
  return [`${ELEMENT}${id.client}.${id.clock}`, [VERSION, source.client, source.clock]];
}

/** The attribute that keeps the copies `pieces` (a participant's decision). */
export function keepAttribute(pieces: readonly Piece[]): [string, number[]] {
  const first = pieces[0]!;
  const values = pieces.flatMap((p) => [p.client, p.clock, p.length]);
  return [`${KEEP}${first.client}.${first.clock}`, [VERSION, ...values]];
}

/** The attribute that records the deletion of the element `id`, knowing `known`. */
export function goneAttribute(id: Y.ID, known: ReadonlyMap<number, number>): [string, number[]] {
  const values = [...known].flatMap(([client, clock]) => [client, clock]);
  return [`${GONE}${id.client}.${id.clock}`, [VERSION, ...values]];
}

/** The text inside `element` that holds its records: its first text, made when it has none. */
export function recordText(element: Y.XmlElement): Y.XmlText {
  const found = element.toArray().find((child): child is Y.XmlText => child instanceof Y.XmlText);
  if (found) return found;
  // An empty text adds nothing to the document (y-prosemirror reads it as no text nodes).
  const text = new Y.XmlText();
  element.insert(element.length, [text]);
  return text;
}
