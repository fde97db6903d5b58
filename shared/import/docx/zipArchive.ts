/**
 * Reading a .docx as a zip archive, hostile until checked. The central directory is read by
 * hand (it is a table of fixed-width fields) so that every declared size is checked before
 * anything is inflated; a part is inflated only when asked for, in small steps, counting the
 * real bytes: a zip bomb declares small sizes and expands far beyond them, so the count stops
 * the inflation as soon as it passes the declared size or the limit, long before memory runs
 * out. Inflation itself is fflate's streaming `Inflate`.
 *
 * Limits (a resolution in Word is some 50 kB of XML; the seeds' longest well under 1 MB):
 * - the .docx itself at most 30 MB (MAX_DOCX_BYTES), checked by the caller before reading;
 * - at most 1,000 parts (MAX_ZIP_PARTS), a Word document has some 10 to 30;
 * - a part at most 20 MB uncompressed (MAX_PART_BYTES), declared and real;
 * - the parts declared together at most 50 MB (MAX_TOTAL_BYTES).
 * Zip64 archives (for parts over 4 GB) are refused as too large.
 */
import { Inflate } from 'fflate';
import { formatBytes, refuse } from './docxErrors.ts';
import { looksLikeZip } from './wordFileSigns.ts';

export const MAX_DOCX_BYTES = 30_000_000;
export const MAX_ZIP_PARTS = 1000;
export const MAX_PART_BYTES = 20_000_000;
export const MAX_TOTAL_BYTES = 50_000_000;

// Compressed input is fed to the inflater in pieces this large: deflate expands at most
// about 1,032 times, so one piece never yields more than some 4 MB before the count is checked.
const INFLATE_STEP = 4096;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const FLAG_ENCRYPTED = 0x0001;
const STORED = 0;
const DEFLATED = 8;

/** One part of the archive as its central directory declares it. */
export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** A checked zip archive: its parts, readable one by one. */
export interface ZipArchive {
  entries: ReadonlyMap<string, ZipEntry>;
  /** The part's bytes, or null when the archive has no such part. */
  read(name: string): Uint8Array | null;
}

/** Reads and checks the central directory of `bytes`; throws a DocxImportError when it fails. */
export function openZipArchive(bytes: Uint8Array): ZipArchive {
  if (!looksLikeZip(bytes)) throw refuse.notDocx();
  const end = findEndOfDirectory(bytes);
  if (end < 0) throw refuse.damaged('het einde van het zip-archief ontbreekt');
  if (end >= 20 && readU32(bytes, end - 20) === ZIP64_LOCATOR) {
    throw refuse.tooLarge('het is een zip64-archief');
  }
  const count = readU16(bytes, end + 10);
  const directorySize = readU32(bytes, end + 12);
  const directoryOffset = readU32(bytes, end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) {
    throw refuse.tooLarge('het is een zip64-archief');
  }
  if (count > MAX_ZIP_PARTS) throw refuse.tooManyParts(count, MAX_ZIP_PARTS);
  if (directoryOffset + directorySize > end) {
    throw refuse.damaged('de inhoudsopgave van het zip-archief valt buiten het bestand');
  }

  const entries = new Map<string, ZipEntry>();
  let declaredTotal = 0;
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || readU32(bytes, at) !== CENTRAL_HEADER) {
      throw refuse.damaged('de inhoudsopgave van het zip-archief is onleesbaar');
    }
    const nameLength = readU16(bytes, at + 28);
    const next = at + 46 + nameLength + readU16(bytes, at + 30) + readU16(bytes, at + 32);
    if (next > end) throw refuse.damaged('de inhoudsopgave van het zip-archief is onleesbaar');
    const entry: ZipEntry = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      encrypted: (readU16(bytes, at + 8) & FLAG_ENCRYPTED) !== 0,
      method: readU16(bytes, at + 10),
      compressedSize: readU32(bytes, at + 20),
      size: readU32(bytes, at + 24),
      localOffset: readU32(bytes, at + 42),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) {
      throw refuse.tooLarge('het is een zip64-archief');
    }
    if (entry.encrypted) throw refuse.encrypted();
    if (entry.size > MAX_PART_BYTES) {
      throw refuse.tooLarge(
        `${entry.name} is ${formatBytes(entry.size)}, hoogstens ${formatBytes(MAX_PART_BYTES)}`,
      );
    }
    declaredTotal += entry.size;
    if (declaredTotal > MAX_TOTAL_BYTES) {
      throw refuse.tooLarge(`de onderdelen zijn samen meer dan ${formatBytes(MAX_TOTAL_BYTES)}`);
    }
    // Two parts of one name would let a reader and a checker see different documents.
    if (entries.has(entry.name)) throw refuse.damaged(`${entry.name} staat er twee keer in`);
    entries.set(entry.name, entry);
    at = next;
  }

  return {
    entries,
    read: (name) => {
      const entry = entries.get(name);
      return entry ? readEntry(bytes, entry) : null;
    },
  };
}

function readEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || readU32(bytes, at) !== LOCAL_HEADER) {
    throw refuse.damaged(`${entry.name} is onleesbaar`);
  }
  if ((readU16(bytes, at + 6) & FLAG_ENCRYPTED) !== 0) throw refuse.encrypted();
  const start = at + 30 + readU16(bytes, at + 26) + readU16(bytes, at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (start + entry.compressedSize > bytes.length) {
    throw refuse.damaged(`${entry.name} is afgebroken`);
  }
  if (entry.method === STORED) {
    if (entry.compressedSize !== entry.size) throw refuse.damaged(`${entry.name} klopt niet`);
    return data.slice();
  }
  if (entry.method !== DEFLATED) {
    throw refuse.damaged(`${entry.name} is gecomprimeerd op een onbekende manier`);
  }
  return inflateBounded(data, entry);
}

/** Thrown from the inflater's callback to stop it at once. */
class TooMuchOutput extends Error {}

// Inflates `data`, stopping as soon as the output passes the declared size (which the
// directory check held to MAX_PART_BYTES): the output never grows past it by more than one
// step's worth.
function inflateBounded(data: Uint8Array, entry: ZipEntry): Uint8Array {
  const out = new Uint8Array(entry.size);
  let length = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    if (length + chunk.length > entry.size) throw new TooMuchOutput();
    out.set(chunk, length);
    length += chunk.length;
    if (final) ended = true;
  });
  try {
    for (let i = 0; i < data.length || i === 0; i += INFLATE_STEP) {
      const last = i + INFLATE_STEP >= data.length;
      inflater.push(data.subarray(i, i + INFLATE_STEP), last);
      if (last) break;
    }
  } catch (error) {
    if (error instanceof TooMuchOutput) throw refuse.zipBomb(entry.name);
    throw refuse.damaged(`${entry.name} is niet uit te pakken`);
  }
  if (!ended || length !== entry.size) throw refuse.damaged(`${entry.name} is afgebroken`);
  return out;
}

// The end-of-directory record: 22 bytes plus a comment of at most 65,535, at the very end.
function findEndOfDirectory(bytes: Uint8Array): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (
      readU32(bytes, at) === END_OF_DIRECTORY &&
      at + 22 + readU16(bytes, at + 20) === bytes.length
    ) {
      return at;
    }
  }
  return -1;
}

function readU16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function readU32(bytes: Uint8Array, at: number): number {
  return (readU16(bytes, at) | (readU16(bytes, at + 2) << 16)) >>> 0;
}
