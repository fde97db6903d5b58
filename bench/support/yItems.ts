/** Finding the text of a numbered item in a document's Yjs form, for clients that type there. */
import * as Y from 'yjs';
import { getDocumentFragment } from '../../shared/ydoc/yDocument.ts';

/** The text node of the `n`-th item (0-based) of the shared document, if it has one. */
export function findItemText(ydoc: Y.Doc, n: number): Y.XmlText | null {
  let seen = 0;
  const walk = (element: Y.XmlFragment | Y.XmlElement): Y.XmlText | null => {
    for (const child of element.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === 'item') {
        if (seen++ === n) {
          const first = child.toArray()[0];
          return first instanceof Y.XmlText ? first : null;
        }
      } else {
        const found = walk(child);
        if (found || seen > n) return found;
      }
    }
    return null;
  };
  return walk(getDocumentFragment(ydoc));
}
