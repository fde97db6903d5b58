/** The five fixed parts of a document: title, preamble, recitals, operatives, explanation. */
import type { Node } from 'prosemirror-model';

/** The names of the document's fixed top-level parts, in their order. */
export type TopLevelPart = 'title' | 'preamble' | 'recitals' | 'operatives' | 'explanation';

/**
 * The child of the document with the given type. The schema guarantees each part exists; a
 * document without it is not one of ours, and reading on would print or store nonsense.
 */
export function getTopLevelNode(doc: Node, part: TopLevelPart): Node {
  for (let index = 0; index < doc.childCount; index += 1) {
    const child = doc.child(index);
    if (child.type.name === part) return child;
  }
  throw new Error(`het document mist het onderdeel ${part}`);
}
