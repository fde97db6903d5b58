/** Inline text in the shape the JSON export uses: `text`, and `links` only when there are any. */
import type { InlineText } from '../editor/queries/getInlineText.ts';
import type { ResolutieJsonText } from './resolutieJson.ts';

/** `{ text }`, or `{ text, links }` when the text holds links (never `links: undefined`). */
export function toJsonText(inline: InlineText): ResolutieJsonText {
  if (inline.links.length === 0) return { text: inline.text };
  return { text: inline.text, links: inline.links.map((link) => ({ ...link })) };
}
