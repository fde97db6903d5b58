import type { Node } from 'prosemirror-model';

/** The texts of every item in a document, in order: where the crash test's items land. */
export function getItemTexts(doc: Node): string[] {
  const texts: string[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'item') {
      texts.push(node.textContent);
      return false;
    }
    return true;
  });
  return texts;
}
