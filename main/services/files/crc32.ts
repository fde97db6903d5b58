/**
 * CRC-32 as zlib, PNG and ZIP compute it (IEEE 802.3, reflected polynomial 0xEDB88320), with a
 * 256-entry table. The recovery journal stores one per record to recognise a record that was
 * cut off or damaged on disk.
 */

/** The reflected CRC-32 polynomial. */
const POLYNOMIAL = 0xedb88320;

/** The CRC of every byte value, computed once. */
const TABLE = createTable();

function createTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let bit = 0; bit < 8; bit++) c = c & 1 ? POLYNOMIAL ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/**
 * The CRC-32 of `bytes`, as an unsigned 32-bit number. Pass the CRC of what came before as
 * `previous` to continue over data in pieces: `crc32(b, crc32(a))` equals the CRC of `a`
 * followed by `b`.
 */
export function crc32(bytes: Uint8Array, previous = 0): number {
  // The register starts at all ones and is inverted at the end; continuing from `previous`
  // means undoing that final inversion first.
  let crc = ~previous >>> 0;
  for (let i = 0; i < bytes.length; i++) {
    crc = TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  }
  return ~crc >>> 0;
}
