/**
 * Text as a Word file may hold it. XML 1.0 has no place for most control characters, for the
 * non-characters U+FFFE and U+FFFF or for a lone surrogate half; Word refuses a file with one
 * of them as damaged. A stuk's text can hold them (pasted or imported), so every text that goes
 * into the file passes here; the `docx` package drops some of them, not all.
 */

// Everything outside XML 1.0's Char production. With the `u` flag a lone surrogate half is a
// code point of its own, in the excluded range, so it goes too.
const NOT_XML_CHAR = /[^\t\n\r\u{20}-\u{D7FF}\u{E000}-\u{FFFD}\u{10000}-\u{10FFFF}]/gu;

/** `text` without the characters a Word file cannot hold. */
export function wordText(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}
