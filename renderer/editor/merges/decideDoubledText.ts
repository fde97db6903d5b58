/**
 * Deciding on doubled text (findDoubledText.ts). Removing it deletes exactly the doubled Yjs
 * characters (and items): written as ProseMirror text, y-prosemirror's difference of two texts
 * could delete an equal character of the other copy instead. It is an ordinary, undoable edit
 * (the sync plugin's origin), written only by whoever decides, and reaches the editor as a
 * change from Yjs, which suggestion mode leaves as it is (like deciding on a change). Keeping
 * doubled text records a dismissal beside the copies, so nobody is asked again.
 */
import * as Y from 'yjs';
import { ySyncPluginKey } from 'y-prosemirror';
import type { DoubledText } from './findDoubledText.ts';
import { COPY_RECORDS, keepAttribute } from './records.ts';
import type { Piece } from './records.ts';

/** How a removal treats items that are doubled as a whole. */
export interface RemovalOptions {
  /**
   * Remove such an item, not only its text (never a block's last item). As for decisions
   * (DecisionOptions.removeEmptied): safe only where nobody else edits at the same time, since
   * a colleague typing in the item would lose their text when the item went.
   */
  removeItems?: boolean;
}

function findItem(ydoc: Y.Doc, client: number, clock: number): Y.Item | null {
  const state = Y.getState(ydoc.store, client);
  return clock < state ? Y.getItem(ydoc.store, Y.createID(client, clock)) : null;
}

/** Each visible character of `pieces`, as its text and index there. */
function locate(ydoc: Y.Doc, pieces: readonly Piece[]): { text: Y.XmlText; index: number }[] {
  const out: { text: Y.XmlText; index: number }[] = [];
  for (const piece of pieces) {
    for (let clock = piece.clock; clock < piece.clock + piece.length; clock++) {
      const item = findItem(ydoc, piece.client, clock);
      if (!item || item.deleted || !(item.parent instanceof Y.XmlText)) continue;
      let index = clock - item.id.clock;
      for (let i = item.parent._start; i && i !== item; i = i.right) {
        if (!i.deleted && i.countable) index += i.length;
      }
      out.push({ text: item.parent, index });
    }
  }
  return out;
}

/**
 * Removes the doubled text `found` from `ydoc`: the doubled characters, and with `removeItems`
 * the items doubled whole. Returns whether anything was there to remove.
 */
export function removeDoubledText(
  ydoc: Y.Doc,
  found: readonly DoubledText[],
  options: RemovalOptions = {},
): boolean {
  let removed = false;
  ydoc.transact(() => {
    const pieces: Piece[] = [];
    const blocks = new Set<Y.XmlElement>();
    for (const doubled of found) {
      const id = doubled.item?.id;
      const item = id ? findItem(ydoc, id.client, id.clock) : null;
      const element = item?.content instanceof Y.ContentType ? item.content.type : null;
      const parent = element?.parent;
      // A block keeps at least one item: of a block's last item, only the text goes.
      const whole =
        options.removeItems === true &&
        !item?.deleted &&
        element instanceof Y.XmlElement &&
        parent instanceof Y.XmlElement &&
        parent.length > 1;
      if (whole) {
        parent.delete(parent.toArray().indexOf(element), 1);
        blocks.add(parent);
        removed = true;
      } else pieces.push(...doubled.pieces);
    }
    // Back to front within each text, so that earlier indices stay valid.
    const chars = locate(ydoc, pieces).sort((a, b) => b.index - a.index);
    for (const { text, index } of chars) text.delete(index, 1);
    if (chars.length > 0) removed = true;
    // A sub-item left first in its block becomes numbered, as when an item is deleted by hand.
    for (const block of blocks) {
      const first = block.get(0);
      if (first instanceof Y.XmlElement && Number(first.getAttribute('indent')) !== 0) {
        (first as unknown as Y.XmlElement<{ indent: number }>).setAttribute('indent', 0);
      }
    }
  }, ySyncPluginKey);
  return removed;
}

/** Keeps the doubled text `found` after all: its copies are no longer counted as doubled. */
export function keepDoubledText(ydoc: Y.Doc, found: DoubledText): void {
  // The dismissal goes on the text that holds each copy, beside its record (an item's, on a
  // text inside the item).
  const byText = new Map<Y.XmlText, Piece[]>();
  const add = (text: Y.XmlText, client: number, clock: number) => {
    const pieces = byText.get(text) ?? [];
    const last = pieces.at(-1);
    if (last && last.client === client && last.clock + last.length === clock) last.length += 1;
    else pieces.push({ client, clock, length: 1 });
    byText.set(text, pieces);
  };
  for (const piece of found.pieces) {
    for (let clock = piece.clock; clock < piece.clock + piece.length; clock++) {
      const item = findItem(ydoc, piece.client, clock);
      if (item?.parent instanceof Y.XmlText) add(item.parent, piece.client, clock);
    }
  }
  if (found.item) {
    const { client, clock } = found.item.id;
    const item = findItem(ydoc, client, clock);
    const element = item?.content instanceof Y.ContentType ? item.content.type : null;
    const text =
      element instanceof Y.XmlElement
        ? element.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText)
        : undefined;
    if (text) add(text, client, clock);
  }
  ydoc.transact(() => {
    for (const [text, pieces] of byText) text.setAttribute(...keepAttribute(pieces));
  }, COPY_RECORDS);
}
