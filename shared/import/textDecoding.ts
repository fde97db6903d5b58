/**
 * Reads the bytes of a text file as Word and editors write them: UTF-8 (with or without BOM),
 * UTF-16 with a BOM ("Unicode" in Word's save dialog), or Windows-1252 ("Tekst zonder
 * opmaak" on older Windows), which is what invalid UTF-8 almost always is here.
 */
export function decodeTextFile(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
