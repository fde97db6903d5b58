/**
 * The Yjs side of the recovery journal: checking an update before it is appended, and merging
 * a journal's records into one state.
 */
import * as Y from 'yjs';

/**
 * Whether `bytes` parse as a Yjs update. A cheap check of the syntax only (an update that
 * parses may still not fit the document); it keeps obvious garbage out of a journal.
 */
export function isYjsUpdate(bytes: Uint8Array): boolean {
  if (bytes.byteLength === 0) return false;
  try {
    Y.decodeUpdate(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The merge of a journal's records. */
export interface MergedRecords {
  /** One Yjs update holding everything the usable records hold. */
  state: Uint8Array;
  /** How many records could not be used (they do not parse as Yjs updates). */
  skipped: number;
}

/**
 * Merges the payloads of a journal's records, in order, into one update with `Y.mergeUpdates`.
 * Should a payload not parse (it passed the record's checksum, so it was written that way),
 * the payloads are applied one by one to a Y.Doc instead and the unusable ones skipped, so one
 * bad update never costs the rest.
 */
export function mergeRecordPayloads(payloads: readonly Uint8Array[]): MergedRecords {
  try {
    return { state: Y.mergeUpdates([...payloads]), skipped: 0 };
  } catch {
    const ydoc = new Y.Doc();
    let skipped = 0;
    try {
      for (const payload of payloads) {
        try {
          Y.applyUpdate(ydoc, payload);
        } catch {
          skipped++;
        }
      }
      return { state: Y.encodeStateAsUpdate(ydoc), skipped };
    } finally {
      ydoc.destroy();
    }
  }
}
