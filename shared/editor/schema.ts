/**
 * The ProseMirror schema of a resolution. The top level is fixed (title, preamble, recital
 * blocks, operative blocks, Toelichting); every content expression below it accepts the empty
 * case, so that a concurrent merge can never produce content y-prosemirror would have to
 * delete (see docs/ARCHITECTURE.md, "Merge-safe schema").
 */
import { Schema } from 'prosemirror-model';
import { title } from './nodes/title.ts';
import { preamble } from './nodes/preamble.ts';
import { operatives, recitals } from './nodes/containers.ts';
import { operative_block, recital_block } from './nodes/clauseBlocks.ts';
import { item } from './nodes/item.ts';
import { explanation } from './nodes/explanation.ts';
import {
  blockquote,
  bullet_list,
  heading,
  list_item,
  ordered_list,
  paragraph,
} from './nodes/flow.ts';
import { footnote, hard_break, reference, text } from './nodes/inline.ts';
import { bold, italic, link, underline } from './marks/marks.ts';
import { deletion, insertion } from './suggestions/changeMarks.ts';

export const schema = new Schema({
  topNode: 'doc',
  nodes: {
    doc: { content: 'title preamble recitals operatives explanation' },
    title,
    preamble,
    recitals,
    operatives,
    recital_block,
    operative_block,
    item,
    explanation,
    paragraph,
    heading,
    bullet_list,
    ordered_list,
    list_item,
    blockquote,
    text,
    hard_break,
    footnote,
    reference,
  },
  // The change marks come first: they wrap the formatting marks in the DOM.
  marks: { insertion, deletion, link, bold, italic, underline },
});

/** The node types by name, typed, for code that builds or tests documents. */
export const nodes = schema.nodes;
export const marks = schema.marks;
