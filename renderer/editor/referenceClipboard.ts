/**
 * Cross-references on the clipboard. Pasted or dropped content (transformPasted) passes
 * `withFreshIds`: a copy of an item is a new item with an id of its own, so references keep
 * pointing to the original, and references copied along with their target follow the copy
 * (unless the copy began inside that target: see keepOpenStartTargets); a cut item pasted
 * elsewhere keeps its id (the original is gone), and so does an item dragged to another place,
 * whose original the drop removes. What leaves the editor reads the labels: the
 * plain text and the HTML of a copy say "punt 3", not a bare reference (the schema's own
 * serializer knows no document to work the label out from).
 */
import { Plugin } from 'prosemirror-state';
import { DOMSerializer, Fragment, Slice } from 'prosemirror-model';
import type { Node } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { withFreshIds } from '../../shared/editor/commands/references.ts';
import { getReferenceText } from '../../shared/editor/queries/getReferences.ts';
import { schema } from '../../shared/editor/schema.ts';

/** The text of `slice` as a plain-text copy has it, with each reference's label from `doc`. */
export function getClipboardText(slice: Slice, doc: Node): string {
  return slice.content.textBetween(0, slice.content.size, '\n\n', (leaf) => {
    if (leaf.type.name === 'reference') return getReferenceText(doc, leaf.attrs.target as string);
    return leaf.type.spec.leafText?.(leaf) ?? '';
  });
}

/** What a paste or drop into `view` inserts: `slice` with fresh ids for copied elements. */
export function withFreshIdsForPaste(slice: Slice, view: EditorView): Slice {
  // An item dragged within the editor is moved: the drop deletes the original, and the item
  // keeps its id so that references follow it.
  const dragging = (view as unknown as { dragging: { move: boolean } | null }).dragging;
  if (dragging?.move) return slice;
  return keepOpenStartTargets(slice, withFreshIds(slice, view.state.doc));
}

/**
 * The elements a slice is open at the start of (a copy that began inside an item) are not
 * pasted as elements: their content joins the element where the paste starts, which keeps its
 * own attributes, so the new id `withFreshIds` gave such a copy is lost. A reference copied
 * along that followed it would then point to an id nobody holds; it keeps pointing to the
 * original instead.
 */
export function keepOpenStartTargets(original: Slice, fresh: Slice): Slice {
  const back = new Map<string, string>();
  let before: Node | null | undefined = original.content.firstChild;
  let after: Node | null | undefined = fresh.content.firstChild;
  for (let depth = 0; depth < original.openStart && before && after; depth++) {
    const from = before.attrs.id as unknown;
    const to = after.attrs.id as unknown;
    if (typeof from === 'string' && typeof to === 'string' && from !== to) back.set(to, from);
    before = before.firstChild;
    after = after.firstChild;
  }
  if (back.size === 0) return fresh;
  return new Slice(remap(fresh.content, back), fresh.openStart, fresh.openEnd);
}

function remap(fragment: Fragment, back: Map<string, string>): Fragment {
  const children: Node[] = [];
  fragment.forEach((child) => {
    const target = child.type.name === 'reference' ? back.get(child.attrs.target as string) : null;
    if (target) children.push(child.type.create({ target }, null, child.marks));
    else children.push(child.isLeaf ? child : child.copy(remap(child.content, back)));
  });
  return Fragment.from(children);
}

/** The plugin (see the file's header). */
export function referenceClipboardPlugin(): Plugin {
  // The document copied from: the serializer's node functions get only the node.
  let current: Node | null = null;
  const base = DOMSerializer.fromSchema(schema);
  const serializer = new DOMSerializer(
    {
      ...base.nodes,
      reference: (node) => [
        'span',
        { class: 'reference', 'data-target': node.attrs.target as string },
        current ? getReferenceText(current, node.attrs.target as string) : '[verwijzing]',
      ],
    },
    base.marks,
  );
  return new Plugin({
    view: (view) => {
      current = view.state.doc;
      return {
        update: (next) => {
          current = next.state.doc;
        },
      };
    },
    props: {
      transformPasted: (slice, view) => withFreshIdsForPaste(slice, view),
      clipboardTextSerializer: (slice, view) => getClipboardText(slice, view.state.doc),
      clipboardSerializer: serializer,
    },
  });
}
