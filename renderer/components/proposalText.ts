/**
 * How the panels quote a proposal's text: an excerpt cut at a word, so that a long inserted
 * paragraph takes a line or two in the changes panel and in "Mijn amendement".
 */

/** An excerpt of at most `max` characters, cut at a word. */
export function excerpt(text: string, max = 60): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 15))}…`;
}
