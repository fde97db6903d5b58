/**
 * The text the checks read: a text block as it will read once its pending proposals are taken
 * (text proposed for deletion left out, proposed text in), with the document position of every
 * character, so that a finding can point at its words and a fix can edit them. A reference
 * reads as its label, a hard break as a space; a footnote's marker is no part of the sentence.
 */
import type { Node } from 'prosemirror-model';
import { findDeletion } from '../editor/suggestions/changeMarks.ts';
import type { ItemChange } from '../editor/suggestions/changeMarks.ts';
import { getReferenceText } from '../editor/queries/getReferences.ts';

/** A text block's readable text and, for each character, its position in the document. */
export interface BlockText {
  text: string;
  /** `positions[i]` is the position before character `i` (for a reference: before its node). */
  positions: number[];
  /** The position just after the last character read, or inside the block when it is empty. */
  end: number;
}

/** The text of the text block `node`, which starts at `pos` (the position before it). */
export function readBlockText(doc: Node, node: Node, pos: number): BlockText {
  let text = '';
  const positions: number[] = [];
  let end = pos + 1;
  node.forEach((child, offset) => {
    const at = pos + 1 + offset;
    if (child.isText) {
      if (findDeletion(child.marks)) return;
      const value = child.text ?? '';
      for (let i = 0; i < value.length; i += 1) positions.push(at + i);
      text += value;
      end = at + value.length;
    } else if (child.type.name === 'reference') {
      const label = getReferenceText(doc, child.attrs.target as string);
      for (let i = 0; i < label.length; i += 1) positions.push(at);
      text += label;
      end = at + 1;
    } else if (child.type.name === 'hard_break') {
      positions.push(at);
      text += ' ';
      end = at + 1;
    }
  });
  return { text, positions, end };
}

/** Whether someone proposed to delete the whole item: its text then no longer counts. */
export function isProposedForDeletion(item: Node): boolean {
  return (item.attrs.change as ItemChange | null)?.type === 'delete';
}

/** Whether a text reads as nothing (only white space). */
export function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** One text block the checks read, with where it stands. */
export interface TextBlockEntry {
  node: Node;
  /** The position before it: text blocks keep their ignored checks themselves. */
  pos: number;
}

/**
 * Every text block of the stuk whose words a reader reads: the title, the items (not those
 * proposed for deletion) and the Toelichting's headings and paragraphs (in lists and quotes
 * too), in document order.
 */
export function getTextBlocks(doc: Node): TextBlockEntry[] {
  const out: TextBlockEntry[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'item' && isProposedForDeletion(node)) return false;
    if (node.isTextblock) {
      out.push({ node, pos });
      return false;
    }
    return true;
  });
  return out;
}

/** An item of a recital or operative block, with where it stands. */
export interface ClauseItem {
  node: Node;
  pos: number;
  index: number;
}

/** A recital or operative block with its items. */
export interface ClauseBlock {
  kind: 'recital' | 'operative';
  node: Node;
  pos: number;
  items: ClauseItem[];
}

/** Every recital and operative block of the document, in order. */
export function getClauseBlocks(doc: Node): ClauseBlock[] {
  const out: ClauseBlock[] = [];
  doc.forEach((section, sectionOffset) => {
    const name = section.type.name;
    if (name !== 'recitals' && name !== 'operatives') return;
    section.forEach((block, blockOffset) => {
      const pos = sectionOffset + 1 + blockOffset;
      const items: ClauseItem[] = [];
      block.forEach((item, itemOffset, index) => {
        items.push({ node: item, pos: pos + 1 + itemOffset, index });
      });
      out.push({ kind: name === 'recitals' ? 'recital' : 'operative', node: block, pos, items });
    });
  });
  return out;
}
