/**
 * Escaping for the print template. Everything the document holds (titles, items, notes, link
 * targets) is text a drafter typed or pasted, so it may contain "<img onerror=…>", "</style>"
 * or quotes; escaped, it prints as those characters and never becomes markup.
 */

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for between tags: `&`, `<` and `>` escaped. */
export function escapeHtmlText(text: string): string {
  return text.replace(/[&<>]/g, (char) => TEXT_ESCAPES[char] ?? char);
}

/**
 * A value for inside a quoted attribute: as text, and both quote marks too, so the value can
 * never close its attribute, whichever quote the markup around it uses.
 */
export function escapeHtmlAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ATTRIBUTE_ESCAPES[char] ?? char);
}
