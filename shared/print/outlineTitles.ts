/**
 * The titles of the PDF's outline, read from the printed page: the text of every heading
 * (`<h1>`–`<h6>`), in document order, which is the order Chromium builds the outline in.
 *
 * Chromium writes the outline itself, but joins a heading that wraps over several lines
 * without the space at the break ("Een heellange titel") and, for the title line, sometimes
 * twice. The finishing step puts these titles in its place, so the bookmarks read as the
 * headings do. Text proposed for deletion (shown struck through, `<del>`) is not part of a
 * title, unless it is all the heading holds: a bookmark reads as the stuk will, never blank.
 */

const HEADING = /<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/g;
// Footnote numbers are part of the heading's text on paper, not of its title.
const NOTE_REFERENCE = /<sup class="noteref"[^>]*>[\s\S]*?<\/sup>/g;
// A deletion mark excludes itself, so a <del> holds no other.
const DELETED_TEXT = /<del\b[^>]*>[\s\S]*?<\/del>/g;

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** Every heading's text in `html` (made by the print template), in order. */
export function listOutlineTitles(html: string): string[] {
  return [...html.matchAll(HEADING)].map((match) => {
    const heading = match[2] ?? '';
    return readHeadingText(heading.replace(DELETED_TEXT, '')) || readHeadingText(heading);
  });
}

function readHeadingText(heading: string): string {
  return heading
    .replace(NOTE_REFERENCE, '')
    .replace(/<br\b[^>]*>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
}
