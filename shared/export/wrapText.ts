/**
 * Word wrapping for the plain-text export: lines of at most a given number of columns, with a
 * prefix on the first line (a label, a quote mark) and another on the lines that follow (the
 * hanging indent). Words are never broken.
 */

// Only ASCII whitespace separates words: a no-break space (U+00A0), as between "€" and an
// amount or in "art. 108", keeps its neighbours together on one line. "\n" is not in here,
// because it is a hard line break, handled before words are split.
const WORD_SEPARATOR = /[ \t\r\f\v]+/;

const TRAILING_SPACES = /[ \t]+$/;

const COMBINING_MARK = /^\p{M}$/u;

/**
 * The columns a string takes in a monospaced terminal: one per code point, none for
 * combining marks (so "ë" counts one whether it is stored composed or decomposed).
 */
export function columnWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    if (!COMBINING_MARK.test(char)) width += 1;
  }
  return width;
}

/** How to wrap: the total width, prefixes included, and the prefixes themselves. */
export interface WrapOptions {
  /** The most columns a line may take, prefix included. */
  width: number;
  /** Put before the first line, e.g. "1.  ". Empty by default. */
  firstPrefix?: string;
  /** Put before every later line, e.g. four spaces for a hanging indent. Empty by default. */
  restPrefix?: string;
}

/**
 * Wraps text into lines of at most `width` columns, prefixes included. Words are never
 * broken: a word longer than the room on a line stands alone on its own line. Every "\n"
 * starts a new line (a hard break), which is continued with `restPrefix`. Runs of spaces
 * collapse to one; lines carry no trailing whitespace, and empty text gives the first
 * prefix alone.
 */
export function wrapText(text: string, options: WrapOptions): string[] {
  const firstPrefix = options.firstPrefix ?? '';
  const restPrefix = options.restPrefix ?? '';
  const restPrefixWidth = columnWidth(restPrefix);
  const lines: string[] = [];

  text.split('\n').forEach((segment, segmentIndex) => {
    let line = segmentIndex === 0 ? firstPrefix : restPrefix;
    let lineWidth = columnWidth(line);
    let lineHasWord = false;
    for (const word of segment.split(WORD_SEPARATOR)) {
      if (word.length === 0) continue;
      const wordWidth = columnWidth(word);
      // A word goes to the next line only when the current one already holds a word: so a
      // word wider than the whole line still stands alone rather than leaving an empty line.
      if (lineHasWord && lineWidth + 1 + wordWidth > options.width) {
        lines.push(line);
        line = restPrefix;
        lineWidth = restPrefixWidth;
        lineHasWord = false;
      }
      if (lineHasWord) {
        line += ' ';
        lineWidth += 1;
      }
      line += word;
      lineWidth += wordWidth;
      lineHasWord = true;
    }
    // Only the prefix can leave trailing spaces (an empty item's label, a blank quote line).
    lines.push(line.replace(TRAILING_SPACES, ''));
  });
  return lines;
}
