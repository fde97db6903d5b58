import { describe, expect, it } from 'vitest';
import { crc32 } from '../files/crc32.ts';
import {
  encodeJournalHeader,
  encodeJournalRecord,
  encodeSingleRecordJournal,
  holdsUnsavedEdits,
  JOURNAL_HEADER_BYTES,
  parseJournal,
  RecordKind,
} from './journalFormat.ts';

function concat(...parts: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

describe('the journal layout', () => {
  it('writes the header and records little-endian, with the CRC over kind and payload', () => {
    expect([...encodeJournalHeader()]).toEqual([0x52, 0x53, 0x4a, 0x31, 0, 0, 0, 0]);
    const payload = Uint8Array.from([10, 20, 30]);
    const record = encodeJournalRecord(RecordKind.update, payload);
    const crc = crc32(Uint8Array.from([2, 10, 20, 30]));
    expect([...record]).toEqual([
      3,
      0,
      0,
      0,
      2,
      10,
      20,
      30,
      crc & 0xff,
      (crc >>> 8) & 0xff,
      (crc >>> 16) & 0xff,
      crc >>> 24,
    ]);
  });

  it('reads back what it wrote', () => {
    const a = Uint8Array.from([1, 2, 3]);
    const b = new Uint8Array(0);
    const c = Uint8Array.from({ length: 300 }, (_, i) => i & 255);
    const bytes = concat(
      encodeSingleRecordJournal(RecordKind.state, a),
      encodeJournalRecord(RecordKind.update, b),
      encodeJournalRecord(RecordKind.compacted, c),
    );
    const parsed = parseJournal(bytes);
    expect(parsed.headerValid).toBe(true);
    expect(parsed.tail).toBe('none');
    expect(parsed.validLength).toBe(bytes.length);
    expect(parsed.records.map((record) => [record.kind, [...record.payload]])).toEqual([
      [1, [...a]],
      [2, []],
      [3, [...c]],
    ]);
  });

  it('stops at a cut-off record and at a damaged one', () => {
    const first = encodeSingleRecordJournal(RecordKind.state, Uint8Array.from([1]));
    const second = encodeJournalRecord(RecordKind.update, Uint8Array.from([2, 2]));
    const whole = concat(first, second);
    for (let cut = first.length + 1; cut < whole.length; cut++) {
      const parsed = parseJournal(whole.subarray(0, cut));
      expect(parsed.records, `cut ${cut}`).toHaveLength(1);
      expect(parsed.validLength).toBe(first.length);
      expect(parsed.tail).toBe('incomplete');
    }
    for (const [offset, value] of [
      [first.length + 4, 9], // unknown kind
      [first.length + 6, 7], // payload
      [whole.length - 1, 0xee], // checksum
    ] as const) {
      const damaged = whole.slice();
      damaged[offset] = value;
      const parsed = parseJournal(damaged);
      expect(parsed.records).toHaveLength(1);
      expect(parsed.tail).toBe('damaged');
    }
    // An absurd length is damage, not a reason to wait for gigabytes.
    const huge = concat(first, Uint8Array.from([0xff, 0xff, 0xff, 0xff, 2]));
    expect(parseJournal(huge).tail).toBe('damaged');
  });

  it('refuses bytes without the header', () => {
    for (const bytes of [
      new Uint8Array(),
      Uint8Array.from([0x52, 0x53]),
      new TextEncoder().encode('RSJ2....'),
    ]) {
      expect(parseJournal(bytes)).toEqual({
        headerValid: false,
        records: [],
        validLength: 0,
        tail: 'none',
      });
    }
    expect(parseJournal(encodeJournalHeader()).validLength).toBe(JOURNAL_HEADER_BYTES);
  });

  it('calls a journal dirty unless it is one clean full state', () => {
    const record = (kind: RecordKind) => ({ kind, payload: new Uint8Array() });
    expect(holdsUnsavedEdits([record(RecordKind.state)])).toBe(false);
    expect(holdsUnsavedEdits([record(RecordKind.state), record(RecordKind.update)])).toBe(true);
    expect(holdsUnsavedEdits([record(RecordKind.compacted)])).toBe(true);
    expect(holdsUnsavedEdits([])).toBe(false);
  });
});
