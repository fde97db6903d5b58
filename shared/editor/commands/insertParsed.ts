/**
 * Pasting a resolution as text: the parsed blocks, title, preamble and Toelichting merge into
 * the document. Template parts that are still empty are replaced; parts that hold text are
 * kept and the pasted ones added after them, so a paste never overwrites anyone's work.
 */
import { TextSelection } from 'prosemirror-state';
import type { Command, Transaction } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { DEFAULT_ASSEMBLY } from '../../model/assembly.ts';
import type { ParsedItem, ParsedResolution } from '../../model/resolution.ts';
import { blockFromModel, flowFromModel, itemFromModel } from '../fromModel.ts';
import { markStructural } from '../plugins/structureMeta.ts';
import { findItemContext } from '../queries/findItemContext.ts';
import { getExplanation } from '../queries/getExplanation.ts';
import { findContainer } from './blocks.ts';
import type { BlockKind } from './blocks.ts';

/** True when a node holds no text and no footnotes (an untouched template part). */
export function isBlank(node: Node): boolean {
  let blank = true;
  node.descendants((child) => {
    if (!blank) return false;
    if (child.isText || child.isAtom) blank = false;
    return true;
  });
  return blank;
}

/** Merges a parsed resolution into the document (see the module comment). */
export function insertParsedResolution(model: ParsedResolution): Command {
  return (state, dispatch) => {
    if (model.blocks.length === 0 && model.explanation.length === 0 && !model.title) return false;
    if (!dispatch) return true;
    const tr = state.tr;
    // Later parts first, so that earlier positions stay valid without mapping. The cursor
    // ends after the last pasted part: the first one merged here that held anything.
    let cursor: { pos: number; steps: number } | null = null;
    const remember = (pos: number | null): void => {
      if (pos !== null && cursor === null) cursor = { pos, steps: tr.steps.length };
    };
    remember(mergeExplanation(tr, model));
    remember(mergeBlocks(tr, model, 'operative'));
    remember(mergeBlocks(tr, model, 'recital'));
    mergeTitleAndPreamble(tr, model);
    const at = cursor as { pos: number; steps: number } | null;
    if (at) {
      const mapped = tr.mapping.slice(at.steps).map(at.pos, -1);
      tr.setSelection(TextSelection.near(tr.doc.resolve(mapped), -1));
    }
    dispatch(markStructural(tr).scrollIntoView());
    return true;
  };
}

// Returns the position at the end of the last inserted block's content, or null.
function mergeBlocks(tr: Transaction, model: ParsedResolution, kind: BlockKind): number | null {
  const blocks = model.blocks.filter((b) => b.type === kind).map(blockFromModel);
  if (blocks.length === 0) return null;
  const container = findContainer(tr.doc, kind);
  const start = container.pos + 1;
  const end = container.pos + container.node.nodeSize - 1;
  const size = blocks.reduce((sum, b) => sum + b.nodeSize, 0);
  if (isBlank(container.node)) {
    tr.replaceWith(start, end, blocks);
    return start + size - 2;
  }
  tr.insert(end, blocks);
  return end + size - 2;
}

function mergeExplanation(tr: Transaction, model: ParsedResolution): number | null {
  if (model.explanation.length === 0) return null;
  const flows = model.explanation.map(flowFromModel);
  const { node, pos } = getExplanation(tr.doc);
  const size = flows.reduce((sum, f) => sum + f.nodeSize, 0);
  if (isBlank(node)) {
    tr.replaceWith(pos + 1, pos + node.nodeSize - 1, flows);
    return pos + 1 + size - 1;
  }
  tr.insert(pos + node.nodeSize - 1, flows);
  return pos + node.nodeSize - 1 + size - 1;
}

function mergeTitleAndPreamble(tr: Transaction, model: ParsedResolution): void {
  const title = tr.doc.firstChild!;
  if (model.title && title.content.size === 0) {
    tr.insertText(model.title, 1);
    tr.setNodeMarkup(0, undefined, {
      ...title.attrs,
      kind: model.kind ?? title.attrs.kind,
      status: model.status ?? title.attrs.status,
    });
  }
  const preamblePos = tr.doc.firstChild!.nodeSize;
  const preamble = tr.doc.nodeAt(preamblePos)!;
  const untouched = preamble.attrs.date === null && preamble.attrs.assembly === DEFAULT_ASSEMBLY;
  if (model.preamble && untouched) {
    tr.setNodeMarkup(preamblePos, undefined, {
      ...preamble.attrs,
      assembly: model.preamble.assembly || DEFAULT_ASSEMBLY,
      date: model.preamble.date,
    });
  }
}

/**
 * Pasting numbered lines into an item: each becomes an item after the current one (an empty
 * current item is replaced by the first).
 */
export function insertItems(items: readonly ParsedItem[]): Command {
  return (state, dispatch) => {
    const ctx = findItemContext(state.selection.$from);
    if (!ctx || items.length === 0 || !state.selection.$from.sameParent(state.selection.$to)) {
      return false;
    }
    if (dispatch) {
      const nodes = items.map(itemFromModel);
      // The first item of a block cannot be a sub-item: nothing stands above it.
      const tr = state.tr;
      let at = ctx.itemPos + ctx.item.nodeSize;
      if (ctx.item.content.size === 0) {
        tr.delete(ctx.itemPos, at);
        at = ctx.itemPos;
      }
      const first = nodes[0]!;
      if (at === ctx.blockPos + 1 && first.attrs.indent === 1) {
        nodes[0] = first.type.create({ ...first.attrs, indent: 0 }, first.content);
      }
      tr.insert(at, nodes);
      const size = nodes.reduce((sum, n) => sum + n.nodeSize, 0);
      tr.setSelection(TextSelection.near(tr.doc.resolve(at + size - 1), -1));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}
