/**
 * Inline text in the shape the JSON export uses: `text`, with `links` and `references` only
 * when there are any.
 */
import type { InlineText } from '../editor/queries/getInlineText.ts';
import type { ResolutieJsonReference, ResolutieJsonText } from './resolutieJson.ts';

/** `{ text }`, with `links` and `references` when the text holds any (never `undefined`). */
export function toJsonText(inline: InlineText): ResolutieJsonText {
  const json: ResolutieJsonText = { text: inline.text };
  if (inline.links.length > 0) json.links = inline.links.map((link) => ({ ...link }));
  if (inline.references.length > 0) {
    json.references = inline.references.map(
      ({ target, label, broken, start, end }): ResolutieJsonReference => ({
        type: 'reference',
        target,
        label,
        ...(broken ? { broken: true as const } : {}),
        start,
        end,
      }),
    );
  }
  return json;
}

/** `{ id }` when `id` is not null, else nothing: to spread into an object of the export. */
export function jsonId(id: string | null): { id?: string } {
  return id === null ? {} : { id };
}
