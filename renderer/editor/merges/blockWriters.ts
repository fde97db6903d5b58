/**
 * Which Yjs character stands at each position of a text block: the Y.XmlElement that y-prosemirror
 * keeps for the block, followed down the document as ProseMirror holds it, and its characters
 * in order. A character that y-prosemirror wrote anew (a split item's tail, a moved block)
 * stands for the original it copies, as its copy record says (records.ts).
 */
import * as Y from 'yjs';
import type { Node } from 'prosemirror-model';
import { findOriginal, readRecords } from './records.ts';
import type { Piece } from './records.ts';

/**
 * The original character (its Yjs id, a piece of length 1) at each position of the content of
 * the text block `element` holds (an inline element's own id), or null when the content does
 * not match `size` positions (then nothing is known of it).
 */
function originalsOf(element: Y.XmlElement, size: number): Piece[] | null {
  const originals: Piece[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      const { copies } = readRecords(child);
      for (let item = child._start; item; item = item.right) {
        if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
        for (let i = 0; i < item.length; i += 1) {
          originals.push(findOriginal(copies, item.id.client, item.id.clock + i));
        }
      }
    } else if (child instanceof Y.XmlElement && child._item) {
      originals.push({ ...child._item.id, length: 1 });
    }
  }
  return originals.length === size ? originals : null;
}

/** The Y.XmlElement that holds the text block around `pos` in `doc`, if Yjs has it there. */
function elementAt(fragment: Y.XmlFragment, doc: Node, pos: number): Y.XmlElement | null {
  const $pos = doc.resolve(pos);
  let type: Y.XmlFragment | Y.XmlElement = fragment;
  for (let depth = 0; depth < $pos.depth; depth += 1) {
    // Y.XmlTexts outside text blocks are empty holders of records: only elements count.
    const elements: Y.XmlElement[] = type
      .toArray()
      .filter((child): child is Y.XmlElement => child instanceof Y.XmlElement);
    const child: Y.XmlElement | undefined = elements[$pos.index(depth)];
    if (!child || child.nodeName !== $pos.node(depth + 1).type.name) return null;
    type = child;
  }
  return type instanceof Y.XmlElement ? type : null;
}

/** A text block of the document, and the original Yjs character at each of its positions. */
export interface BlockOriginals {
  /** Where its content starts. */
  start: number;
  node: Node;
  /** Null when Yjs does not hold the block as the document does. */
  originals: Piece[] | null;
}

/** For `doc`, the document the editor holds for `fragment`: the text block around a position. */
export function readBlocks(fragment: Y.XmlFragment, doc: Node): (pos: number) => BlockOriginals {
  const blocks = new Map<number, BlockOriginals>();
  return (pos) => {
    const $pos = doc.resolve(pos);
    const start = $pos.start();
    let block = blocks.get(start);
    if (!block) {
      const element = $pos.parent.inlineContent ? elementAt(fragment, doc, pos) : null;
      const originals = element && originalsOf(element, $pos.parent.content.size);
      block = { start, node: $pos.parent, originals };
      blocks.set(start, block);
    }
    return block;
  };
}
