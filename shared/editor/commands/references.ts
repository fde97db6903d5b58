/**
 * Making cross-references, and keeping their targets' ids unique when content is copied.
 *
 * An element gets its id when the first reference to it is made, in the same transaction (the
 * user's own edit). Two people who refer to the same element at the same moment must give it
 * the same id, or one reference would be left pointing to the id the other overwrote: the
 * editor therefore names the id after the element's identity in the shared Yjs document
 * (`ElementIdSource`), which every replica knows alike; without one (tests, a document outside
 * a Yjs binding) the id is random.
 */
import { Fragment, Slice } from 'prosemirror-model';
import type { Node } from 'prosemirror-model';
import type { Command } from 'prosemirror-state';
import { schema } from '../schema.ts';
import { isElementId } from '../nodes/elementIds.ts';
import { findReferenceTarget, getElementIdCounts } from '../queries/getReferences.ts';

/** Gives the id for the element `node` at `pos` that is about to be referred to for the first time. */
export type ElementIdSource = (node: Node, pos: number) => string | null;

/** A random element id: 12 characters of [a-z0-9]. */
export function newElementId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  for (const byte of bytes) id += (byte % 36).toString(36);
  return `r${id}`;
}

/** Node types a reference can point to. */
const TARGET_TYPES = new Set(['item', 'recital_block', 'operative_block', 'heading']);

/**
 * Inserts a reference to the element at `targetPos` in place of the selection, giving the
 * element an id first if it has none. Refused where a reference cannot stand (the title) or
 * when `targetPos` holds no element a reference can point to.
 */
export function insertReference(targetPos: number, idSource?: ElementIdSource): Command {
  return (state, dispatch) => {
    const target = state.doc.nodeAt(targetPos);
    if (!target || !TARGET_TYPES.has(target.type.name)) return false;
    const { $from, $to } = state.selection;
    const index = $from.index();
    if (!$from.parent.canReplaceWith(index, $to.index(), schema.nodes.reference)) return false;
    if (!dispatch) return true;
    const tr = state.tr;
    let id = target.attrs.id as string | null;
    if (!isElementId(id) || findReferenceTarget(state.doc, id)?.pos !== targetPos) {
      id = freshId(state.doc, idSource?.(target, targetPos) ?? null);
      tr.setNodeMarkup(targetPos, undefined, { ...target.attrs, id });
    }
    const reference = schema.nodes.reference.create({ target: id });
    tr.replaceSelectionWith(reference, false);
    dispatch(tr.scrollIntoView());
    return true;
  };
}

// `wanted` unless another element already carries it (or it has no id's shape).
function freshId(doc: Node, wanted: string | null): string {
  const taken = getElementIdCounts(doc);
  if (isElementId(wanted) && !taken.has(wanted)) return wanted;
  let id = newElementId();
  while (taken.has(id)) id = newElementId();
  return id;
}

/**
 * What pasting `slice` into `doc` should insert: an element whose id `doc` already holds is a
 * copy and gets a new id, and references inside the slice to such an element follow the copy
 * (they were copied with it); references to anything else keep pointing where they did. An
 * element whose id `doc` no longer holds (cut and pasted elsewhere) keeps its id, so references
 * to it follow it to its new place.
 */
export function withFreshIds(slice: Slice, doc: Node): Slice {
  const taken = getElementIdCounts(doc);
  const renamed = new Map<string, string>();
  let changed = false;
  const visit = (fragment: Fragment): Fragment => {
    const children: Node[] = [];
    fragment.forEach((child) => {
      const id = child.attrs.id as unknown;
      if (
        TARGET_TYPES.has(child.type.name) &&
        isElementId(id) &&
        (taken.has(id) || renamed.has(id))
      ) {
        let next = newElementId();
        while (taken.has(next)) next = newElementId();
        // A slice holding the same id twice (copied twice in one go): each copy its own.
        if (!renamed.has(id)) renamed.set(id, next);
        taken.set(next, 1);
        children.push(
          child.type.create({ ...child.attrs, id: next }, visit(child.content), child.marks),
        );
        changed = true;
        return;
      }
      if (TARGET_TYPES.has(child.type.name) && isElementId(id)) taken.set(id, 1);
      children.push(child.isLeaf ? child : child.copy(visit(child.content)));
    });
    return Fragment.from(children);
  };
  const content = visit(slice.content);
  if (renamed.size > 0) {
    const remapped = remapReferences(content, renamed);
    return new Slice(remapped, slice.openStart, slice.openEnd);
  }
  return changed ? new Slice(content, slice.openStart, slice.openEnd) : slice;
}

function remapReferences(fragment: Fragment, renamed: Map<string, string>): Fragment {
  const children: Node[] = [];
  fragment.forEach((child) => {
    if (child.type.name === 'reference') {
      const next = renamed.get(child.attrs.target as string);
      children.push(next ? child.type.create({ target: next }, null, child.marks) : child);
      return;
    }
    children.push(child.isLeaf ? child : child.copy(remapReferences(child.content, renamed)));
  });
  return Fragment.from(children);
}
