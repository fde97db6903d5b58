/**
 * Derived numbering of items: 1., 2., 3. for items, a., b., c. for lettered sub-items
 * (restarting under every numbered item) and a bullet for bulleted ones. Numbers are never
 * stored; the editor's view, the print template and the command line all derive them here.
 */
import type { Node } from 'prosemirror-model';

/** The bullet a bulleted sub-item shows. */
export const BULLET_LABEL = '•';

/** a, b, … z, aa, ab, … for the n-th (0-based) lettered sub-item. */
export function getLetterLabel(index: number): string {
  let n = index;
  let out = '';
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

/** The labels of a block's items, in order ("1.", "a.", "•", "2." …). */
export function getItemLabels(block: Node): string[] {
  const labels: string[] = [];
  let number = 0;
  let letter = 0;
  block.forEach((item) => {
    if (item.attrs.indent === 0) {
      number += 1;
      letter = 0;
      labels.push(`${number}.`);
    } else if (item.attrs.marker === 'bullet') {
      labels.push(BULLET_LABEL);
    } else {
      labels.push(`${getLetterLabel(letter)}.`);
      letter += 1;
    }
  });
  return labels;
}

/** Number of top-level (numbered) items in a block. */
export function getNumberedItemCount(block: Node): number {
  let count = 0;
  block.forEach((item) => {
    if (item.attrs.indent === 0) count += 1;
  });
  return count;
}

/** Every item of the document with its position and label, in document order. */
export function getItemNumbering(doc: Node): { pos: number; label: string }[] {
  const out: { pos: number; label: string }[] = [];
  doc.forEach((section, sectionOffset) => {
    if (section.type.name !== 'recitals' && section.type.name !== 'operatives') return;
    section.forEach((block, blockOffset) => {
      const labels = getItemLabels(block);
      block.forEach((_item, itemOffset, index) => {
        // doc content starts at 0; +1 to enter the section, +1 to enter the block.
        out.push({ pos: sectionOffset + 1 + blockOffset + 1 + itemOffset, label: labels[index]! });
      });
    });
  });
  return out;
}
