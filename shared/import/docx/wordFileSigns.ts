/**
 * How a Word file is known before it is read: by its name, and by its first bytes (a zip, or
 * an OLE compound file: an old .doc, or a .docx Word protected with a password). Kept apart
 * from the import itself, so that the window and the command line can tell a Word file from
 * text without loading the zip reader and the XML parser until a Word file is really opened.
 */

/** File names read as Word files; anything else is read as text, unless its bytes are Word's. */
export const WORD_FILE_NAME = /\.(docx|docm|dotx|dotm|doc)$/i;

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_ARCHIVE = [0x50, 0x4b, 0x05, 0x06];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
}

/** Whether `bytes` open with a zip signature (a local header or an empty archive's end). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_LOCAL_HEADER) || startsWith(bytes, ZIP_EMPTY_ARCHIVE);
}

/** Whether `bytes` open with the OLE compound file signature. */
export function isOleCompoundFile(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE_SIGNATURE);
}

/**
 * Whether `bytes` may be a Word file (a zip or an OLE compound file), by their signatures: a
 * text that merely starts with "PK" is not one.
 */
export function looksLikeWordFile(bytes: Uint8Array): boolean {
  return looksLikeZip(bytes) || isOleCompoundFile(bytes);
}
