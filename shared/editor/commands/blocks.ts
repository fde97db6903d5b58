/**
 * Adding, removing, moving and retitling blocks, and the document-level attributes (kind,
 * preamble). Each is a deliberate structural change and says so to the structure guard.
 * Blocks only move within their own container, so recitals always stay before operative
 * clauses.
 */
import { TextSelection } from 'prosemirror-state';
import type { Command } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import type {
  DocumentKind,
  DocumentStatus,
  OperativeHeading,
  RecitalHeading,
} from '../../model/resolution.ts';
import { OPERATIVE_HEADINGS, RECITAL_HEADINGS } from '../../model/resolution.ts';
import { schema } from '../schema.ts';
import { markStructural } from '../plugins/structureMeta.ts';
import { KEEP_AS_IS } from '../suggestions/suggestChanges.ts';
import { findClauseBlock, isClauseBlock } from '../queries/findItemContext.ts';

export type BlockKind = 'recital' | 'operative';

/** The container node (recitals or operatives) and its position, for a kind of block. */
export function findContainer(doc: Node, kind: BlockKind): { node: Node; pos: number } {
  const name = kind === 'recital' ? 'recitals' : 'operatives';
  let found: { node: Node; pos: number } | null = null;
  doc.forEach((child, offset) => {
    if (child.type.name === name) found = { node: child, pos: offset };
  });
  if (!found) throw new Error(`document without ${name}`);
  return found;
}

/**
 * Adds a block of the given kind with one empty item, after the block holding the cursor when
 * that block is of the same kind, else at the end of its container; the cursor goes into it.
 */
export function addBlock(kind: BlockKind, heading?: RecitalHeading | OperativeHeading): Command {
  return (state, dispatch) => {
    if (dispatch) {
      const container = findContainer(state.doc, kind);
      const current = findClauseBlock(state.selection.$from);
      const type = kind === 'recital' ? schema.nodes.recital_block : schema.nodes.operative_block;
      const inSameContainer =
        current &&
        current.node.type === type &&
        current.pos > container.pos &&
        current.pos < container.pos + container.node.nodeSize;
      const at = inSameContainer
        ? current.pos + current.node.nodeSize
        : container.pos + container.node.nodeSize - 1;
      const block = type.create(heading ? { heading } : null, [schema.nodes.item.create()]);
      const tr = state.tr.insert(at, block);
      tr.setSelection(TextSelection.create(tr.doc, at + 2));
      dispatch(markStructural(tr).scrollIntoView());
    }
    return true;
  };
}

/** True when the block at `pos` may be removed: anything but the last operative block. */
export function canRemoveBlock(doc: Node, pos: number): boolean {
  const block = doc.nodeAt(pos);
  if (!block || !isClauseBlock(block)) return false;
  if (block.type !== schema.nodes.operative_block) return true;
  return findContainer(doc, 'operative').node.childCount > 1;
}

/** Removes the block at `pos` with its items (never the last operative block). */
export function removeBlock(pos: number): Command {
  return (state, dispatch) => {
    if (!canRemoveBlock(state.doc, pos)) return false;
    if (dispatch) {
      const block = state.doc.nodeAt(pos)!;
      const tr = state.tr.delete(pos, pos + block.nodeSize);
      dispatch(markStructural(tr).scrollIntoView());
    }
    return true;
  };
}

/** Moves the block at `pos` one place up (-1) or down (+1) within its container. */
export function moveBlock(pos: number, direction: -1 | 1): Command {
  return (state, dispatch) => {
    const $pos = state.doc.resolve(pos);
    const block = $pos.nodeAfter;
    if (!block || !isClauseBlock(block)) return false;
    const index = $pos.index();
    const container = $pos.parent;
    const targetIndex = index + direction;
    if (targetIndex < 0 || targetIndex >= container.childCount) return false;
    if (dispatch) {
      const neighbour = container.child(targetIndex);
      const tr = state.tr;
      // Move by taking the neighbour out and putting it back on the other side, so that the
      // block the user is working in keeps its identity (and its cursor) in the shared doc.
      if (direction === -1) {
        const neighbourPos = pos - neighbour.nodeSize;
        tr.delete(neighbourPos, pos);
        tr.insert(neighbourPos + block.nodeSize, neighbour);
      } else {
        const neighbourPos = pos + block.nodeSize;
        tr.delete(neighbourPos, neighbourPos + neighbour.nodeSize);
        tr.insert(pos, neighbour);
      }
      // Not a proposal in suggestion mode: a move adds or removes no text, and the blocks
      // keep their text and any pending proposals in them as they are.
      dispatch(markStructural(tr).setMeta(KEEP_AS_IS, true).scrollIntoView());
    }
    return true;
  };
}

/** Gives the block at `pos` another heading of its own kind. */
export function setBlockHeading(pos: number, heading: RecitalHeading | OperativeHeading): Command {
  return (state, dispatch) => {
    const block = state.doc.nodeAt(pos);
    if (!block || !isClauseBlock(block) || block.attrs.heading === heading) return false;
    const allowed: readonly string[] =
      block.type === schema.nodes.recital_block ? RECITAL_HEADINGS : OPERATIVE_HEADINGS;
    if (!allowed.includes(heading)) return false;
    if (dispatch) {
      dispatch(markStructural(state.tr.setNodeMarkup(pos, undefined, { ...block.attrs, heading })));
    }
    return true;
  };
}

/** Sets the kind and, optionally, the status of the document (attributes of its title). */
export function setDocumentKind(kind: DocumentKind, status?: DocumentStatus): Command {
  return (state, dispatch) => {
    const title = state.doc.firstChild!;
    const attrs = { ...title.attrs, kind, ...(status ? { status } : {}) };
    if (attrs.kind === title.attrs.kind && attrs.status === title.attrs.status) return false;
    if (dispatch) dispatch(markStructural(state.tr.setNodeMarkup(0, undefined, attrs)));
    return true;
  };
}

/** Sets the assembly and date of the preamble. */
export function setPreamble(assembly: string, date: string | null): Command {
  return (state, dispatch) => {
    const pos = state.doc.firstChild!.nodeSize;
    const preamble = state.doc.nodeAt(pos)!;
    if (preamble.attrs.assembly === assembly && preamble.attrs.date === date) return false;
    if (dispatch) {
      dispatch(
        markStructural(
          state.tr.setNodeMarkup(pos, undefined, { ...preamble.attrs, assembly, date }),
        ),
      );
    }
    return true;
  };
}
