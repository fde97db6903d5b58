/**
 * The titles of the PDF's outline, read from the printed page: the text of every heading
 * (`<h1>`–`<h6>`), in document order, which is the order Chromium builds the outline in.
 *
 * Chromium writes the outline itself, but joins a heading that wraps over several lines
 * without the space at the break ("Een heellange titel") and, for the title line, sometimes
 * twice. The finishing step puts these titles in its place, so the bookmarks read as the
 * headings do.
 */

const HEADING = /<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/g;
// Footnote numbers are part of the heading's text on paper, not of its title.
const NOTE_REFERENCE = /<sup class="noteref"[^>]*>[\s\S]*?<\/sup>/g;

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** Every heading's text in `html` (made by the print template), in order. */
export function listOutlineTitles(html: string): string[] {
  return [...html.matchAll(HEADING)].map((match) =>
    (match[2] ?? '')
      .replace(NOTE_REFERENCE, '')
      .replace(/<br\b[^>]*>/g, ' ')
      .replace(/<[^>]*>/g, '')
      .replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)
      .replace(/\s+/g, ' ')
      .trim(),
  );
}
