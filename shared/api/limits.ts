/**
 * Size limits of API messages. Both transports and the handlers read them from here, so a
 * message refused by one side is refused by the other with the same numbers.
 */

/** One mebibyte; the limits below and their Dutch descriptions count in these units. */
const MIB = 1024 * 1024;

/** The largest text `parseText` accepts, in UTF-8 bytes: far above any real resolution. */
export const MAX_TEXT_BYTES = 2 * MIB;

/**
 * The largest Yjs state (a whole document with its history) a request or answer carries, in
 * bytes before base64: the size limit of a .resolutie file, far above any real resolution.
 */
export const MAX_STATE_BYTES = 64 * MIB;

/**
 * The largest single Yjs update `journalAppend` takes, in bytes before base64. One keystroke
 * is a few dozen bytes; a large paste a few hundred kilobytes.
 */
export const MAX_UPDATE_BYTES = 8 * MIB;

/** The length of the (padded) base64 text of `bytes` bytes. */
export function getBase64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

/**
 * The largest HTTP request body the browser-mode host reads. It holds a largest state in base64
 * (about 85 MB) with room to spare for the other fields, and a largest text even if JSON escaping
 * tripled it (quotes, backslashes and line breaks double), so a request over a field's limit is
 * reported precisely by the handler instead of refused blindly by the transport.
 */
export const MAX_REQUEST_BYTES = 96 * MIB;

/**
 * The UTF-8 length of a string in bytes, computed without TextEncoder so that a 2 MB check does
 * not copy the string. A lone surrogate counts as the three bytes of its replacement character.
 */
export function getUtf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      // A surrogate pair is one code point above U+FFFF: four bytes for both halves.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A byte count in Dutch for messages: "2 MB", "512 kB", "300 bytes". */
export function formatByteSize(bytes: number): string {
  if (bytes >= MIB) return `${formatNumber(bytes / MIB)} MB`;
  if (bytes >= 1024) return `${formatNumber(bytes / 1024)} kB`;
  return `${bytes} bytes`;
}

function formatNumber(value: number): string {
  // Dutch writes a decimal comma; one decimal is plenty for a limit in a message.
  return (Math.round(value * 10) / 10).toString().replace('.', ',');
}
