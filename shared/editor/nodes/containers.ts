/**
 * The two fixed containers that hold the blocks: all recital blocks, then all operative blocks.
 * They make "recitals before operative clauses" a fact of the schema that no concurrent merge
 * can break: a block inserted anywhere by anyone lands in the container of its own kind.
 */
import type { NodeSpec } from 'prosemirror-model';

export const recitals: NodeSpec = {
  content: 'recital_block*',
  parseDOM: [{ tag: 'div.recitals' }],
  toDOM: () => ['div', { class: 'recitals' }, 0],
};

export const operatives: NodeSpec = {
  content: 'operative_block*',
  parseDOM: [{ tag: 'div.operatives' }],
  toDOM: () => ['div', { class: 'operatives' }, 0],
};
