/**
 * Content in a Yjs map that has no key. A Y.Map is a Yjs type whose entries are items with a
 * key (`parentSub`); an update can also put items without a key into it, as into a list. No
 * client of ours writes such content, `forEach` and `get` never show it, and yet it is stored,
 * sent to everyone and kept in every file: hidden content. Every map the document holds
 * (versions, comments, procedure) is refused when it has any.
 */
import type * as Y from 'yjs';
import { InvalidDocumentError } from './invalidDocument.ts';

/** Throws InvalidDocumentError when `map` holds visible content without a key. */
export function refuseKeylessContent<T>(map: Y.Map<T>, what: string): void {
  for (let item = map._start; item !== null; item = item.right) {
    if (!item.deleted) {
      throw new InvalidDocumentError(
        `${what} bevat inhoud zonder sleutel, die geen versie van de editor schrijft.`,
      );
    }
  }
}
