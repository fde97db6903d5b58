/**
 * The bytes of a recovery journal (`<documentId>.journal`), as documented in docs/FORMAT.md:
 * an 8-byte header, then records `[u32 length][u8 kind][payload][u32 crc32(kind + payload)]`,
 * little-endian, where `length` counts the payload's bytes. Pure functions: writing and reading
 * the files is the journal store's job.
 */
import { crc32 } from '../files/crc32.ts';

/** The first four bytes of every journal: "RSJ1" in ASCII. */
export const JOURNAL_MAGIC = Uint8Array.from([0x52, 0x53, 0x4a, 0x31]);

/** The header: the magic and four reserved bytes, written as zeros and ignored on reading. */
export const JOURNAL_HEADER_BYTES = 8;

/** Bytes a record adds to its payload: length (4), kind (1) and CRC (4). */
export const RECORD_OVERHEAD_BYTES = 9;

/**
 * The largest payload a reader accepts. A length field above it can only be damage, and
 * refusing it keeps a damaged length from making the reader allocate gigabytes.
 */
export const MAX_RECORD_PAYLOAD_BYTES = 256 * 1024 * 1024;

/** What a record holds. */
export const RecordKind = {
  /** The full state, written by a reset: the journal holds nothing unsaved. */
  state: 1,
  /** One Yjs update made after the last reset: the journal holds unsaved edits. */
  update: 2,
  /** The full state merged from a journal that held unsaved edits: still unsaved. */
  compacted: 3,
} as const;

/** One of the {@link RecordKind} values. */
export type RecordKind = (typeof RecordKind)[keyof typeof RecordKind];

/** One record read from a journal. */
export interface JournalRecord {
  kind: RecordKind;
  /** A view into the journal's bytes: copy it to keep it beyond them. */
  payload: Uint8Array;
}

/** Why a journal's bytes end before their end: nothing, a cut-off record, or a damaged one. */
export type JournalTail = 'none' | 'incomplete' | 'damaged';

/** What reading a journal's bytes found. */
export interface ParsedJournal {
  /** Whether the bytes start with the journal header; if not, nothing else was read. */
  headerValid: boolean;
  /** The records before the first incomplete or damaged one, in order. */
  records: JournalRecord[];
  /** The length of the well-formed part: header plus those records. */
  validLength: number;
  /** What follows the well-formed part. */
  tail: JournalTail;
}

/** The header of a new journal. */
export function encodeJournalHeader(): Uint8Array {
  const header = new Uint8Array(JOURNAL_HEADER_BYTES);
  header.set(JOURNAL_MAGIC);
  return header;
}

/** The bytes of one record. */
export function encodeJournalRecord(kind: RecordKind, payload: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(payload.byteLength + RECORD_OVERHEAD_BYTES);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, payload.byteLength, true);
  bytes[4] = kind;
  bytes.set(payload, 5);
  view.setUint32(5 + payload.byteLength, recordChecksum(kind, payload), true);
  return bytes;
}

/** A whole journal of one record: what a reset or a compaction writes. */
export function encodeSingleRecordJournal(kind: RecordKind, payload: Uint8Array): Uint8Array {
  const record = encodeJournalRecord(kind, payload);
  const bytes = new Uint8Array(JOURNAL_HEADER_BYTES + record.byteLength);
  bytes.set(encodeJournalHeader());
  bytes.set(record, JOURNAL_HEADER_BYTES);
  return bytes;
}

/**
 * Reads a journal's bytes. Reading stops at the first record that is cut off (a process killed
 * while appending leaves one at the end) or whose length, kind or checksum is wrong, and
 * everything before it is used; nothing after it is trusted.
 */
export function parseJournal(bytes: Uint8Array): ParsedJournal {
  if (!hasHeader(bytes)) return { headerValid: false, records: [], validLength: 0, tail: 'none' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: JournalRecord[] = [];
  let offset = JOURNAL_HEADER_BYTES;
  while (offset < bytes.byteLength) {
    const remaining = bytes.byteLength - offset;
    if (remaining < 4)
      return { headerValid: true, records, validLength: offset, tail: 'incomplete' };
    const length = view.getUint32(offset, true);
    if (length > MAX_RECORD_PAYLOAD_BYTES) {
      return { headerValid: true, records, validLength: offset, tail: 'damaged' };
    }
    if (remaining < length + RECORD_OVERHEAD_BYTES) {
      return { headerValid: true, records, validLength: offset, tail: 'incomplete' };
    }
    const kind = bytes[offset + 4]!;
    const payload = bytes.subarray(offset + 5, offset + 5 + length);
    const storedChecksum = view.getUint32(offset + 5 + length, true);
    if (!isRecordKind(kind) || storedChecksum !== recordChecksum(kind, payload)) {
      return { headerValid: true, records, validLength: offset, tail: 'damaged' };
    }
    records.push({ kind, payload });
    offset += length + RECORD_OVERHEAD_BYTES;
  }
  return { headerValid: true, records, validLength: offset, tail: 'none' };
}

/**
 * Whether records hold edits made after the last reset: anything but a lone full state. A
 * journal without records holds nothing at all.
 */
export function holdsUnsavedEdits(records: readonly JournalRecord[]): boolean {
  return records.some((record) => record.kind !== RecordKind.state);
}

function hasHeader(bytes: Uint8Array): boolean {
  if (bytes.byteLength < JOURNAL_HEADER_BYTES) return false;
  return JOURNAL_MAGIC.every((byte, i) => bytes[i] === byte);
}

function isRecordKind(kind: number): kind is RecordKind {
  return kind === RecordKind.state || kind === RecordKind.update || kind === RecordKind.compacted;
}

/** The checksum of a record: CRC-32 over its kind byte followed by its payload. */
function recordChecksum(kind: RecordKind, payload: Uint8Array): number {
  return crc32(payload, crc32(Uint8Array.of(kind)));
}
