/**
 * True for link targets a document may hold: http, https and mailto. Everything else
 * (javascript:, data:, file:, relative paths) is refused, so no document can carry a link
 * that runs code or reaches into the reader's machine.
 */
export function isSafeLinkHref(href: string): boolean {
  const trimmed = href.trim();
  if (trimmed.length === 0 || trimmed.length > 2048) return false;
  return /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(trimmed);
}
