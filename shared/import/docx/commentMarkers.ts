/**
 * Where an imported comment starts and ends, carried through the model into the built document
 * as two markers in the text: a noncharacter (U+FDD0 start, U+FDD1 end) followed by a
 * private-use character that numbers the comment. The document builder (docxDocument.ts)
 * takes them out again and keeps their positions. Word text never holds the two
 * noncharacters (`stripMarkerCharacters` removes them on reading), so a file cannot forge one.
 */

const START = '\ufdd0';
const END = '\ufdd1';
const FIRST_NUMBER = 0xe000;
/** How many comments markers can number (the private-use area's size). */
export const MAX_MARKED_COMMENTS = 0x1900;

/** The marker text of comment `index`'s start or end. */
export function commentMarker(edge: 'start' | 'end', index: number): string {
  return (edge === 'start' ? START : END) + String.fromCharCode(FIRST_NUMBER + index);
}

/** `text` without the marker noncharacters. */
export function stripMarkerCharacters(text: string): string {
  return text.replace(/[\ufdd0\ufdd1]/g, '');
}

/** The markers in `text`: their offset, edge and comment index. */
export function findCommentMarkers(
  text: string,
): { offset: number; edge: 'start' | 'end'; index: number }[] {
  const out: { offset: number; edge: 'start' | 'end'; index: number }[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const char = text[i];
    if (char !== START && char !== END) continue;
    out.push({
      offset: i,
      edge: char === START ? 'start' : 'end',
      index: text.charCodeAt(i + 1) - FIRST_NUMBER,
    });
    i += 1;
  }
  return out;
}
