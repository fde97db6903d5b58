/**
 * What the editor records along with each of its edits (records.ts), in the transaction that
 * writes the edit into Yjs (the sync plugin's `onWrite`, from our patch to y-prosemirror), so
 * that the records reach every replica in the same update as the edit: the copies
 * y-prosemirror wrote (findCopies.ts), and for every element it deleted, what the replica knew
 * was in it (for rescueLostText.ts). Written by the one replica that made the edit: records,
 * not repairs that every peer would write. Undo's transactions do not pass `onWrite`; their
 * copies are recorded in the transaction after them (recordUndo), and undo leaves records
 * alone (their origin is not tracked).
 */
import * as Y from 'yjs';
import { findCopies, isInside, wasThere } from './findCopies.ts';
import type { Placed } from './findCopies.ts';
import {
  COPY_RECORDS,
  copyAttribute,
  elementAttribute,
  goneAttribute,
  recordText,
} from './records.ts';

/** How far `transaction` knew each client's writing in `element`: the end of its clocks. */
function knowledgeOf(element: Y.XmlElement, transaction: Y.Transaction): Map<number, number> {
  const known = new Map<number, number>();
  const note = (item: Y.Item) => {
    const end = item.id.clock + item.length;
    known.set(item.id.client, Math.max(known.get(item.id.client) ?? 0, end));
  };
  const walk = (type: Y.XmlElement | Y.XmlText) => {
    for (const item of type._map.values()) if (wasThere(item, transaction)) note(item);
    for (let item = type._start; item; item = item.right) {
      if (!wasThere(item, transaction)) continue;
      note(item);
      const child = item.content instanceof Y.ContentType ? item.content.type : null;
      if (child instanceof Y.XmlElement || child instanceof Y.XmlText) walk(child);
    }
  };
  walk(element);
  return known;
}

/** The elements `transaction` deleted whose parent element stays, each once. */
function deletedElements(transaction: Y.Transaction, fragment: Y.XmlFragment): Y.XmlElement[] {
  const found = new Set<Y.XmlElement>();
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) return;
    const element = struct.content.type;
    if (!(element instanceof Y.XmlElement)) return;
    if (struct.id.clock >= (transaction.beforeState.get(struct.id.client) ?? 0)) return;
    const parent = struct.parent as Placed | null;
    // The fragment itself holds only the document's fixed parts; a text there would break it.
    if (!(parent instanceof Y.XmlElement) || parent._item?.deleted) return;
    if (isInside(element, fragment)) found.add(element);
  });
  return [...found];
}

/**
 * What to record of `transaction` (a local edit): read now, while the transaction's deleted
 * content is still there; written by the function returned.
 */
function prepareRecords(transaction: Y.Transaction, fragment: Y.XmlFragment): () => void {
  const copies = findCopies(transaction, fragment);
  const deletions = deletedElements(transaction, fragment).map((element) => ({
    element,
    known: knowledgeOf(element, transaction),
  }));
  return () => {
    for (const [text, list] of copies.texts) {
      for (const pieces of list) text.setAttribute(...copyAttribute(pieces));
    }
    for (const { element, source } of copies.elements) {
      recordText(element).setAttribute(...elementAttribute(element._item!.id, source));
    }
    for (const { element, known } of deletions) {
      const parent = element.parent as Y.XmlElement;
      recordText(parent).setAttribute(...goneAttribute(element._item!.id, known));
    }
  };
}

/** Records, in `transaction` (the editor's own, just written), what it copied and deleted. */
export function recordWrite(transaction: Y.Transaction, fragment: Y.XmlFragment): void {
  prepareRecords(transaction, fragment)();
}

/** Records what undo's transactions on `ydoc` copy and delete; returns what stops it. */
export function recordUndo(ydoc: Y.Doc, fragment: Y.XmlFragment): () => void {
  const writes: (() => void)[] = [];
  const read = (transaction: Y.Transaction) => {
    if (transaction.local && transaction.origin instanceof Y.UndoManager) {
      writes.push(prepareRecords(transaction, fragment));
    }
  };
  // Written once all transactions are done (see rescueLostText.ts, putBack).
  const write = () => {
    if (writes.length > 0) ydoc.transact(() => writes.splice(0).forEach((w) => w()), COPY_RECORDS);
  };
  ydoc.on('afterTransaction', read);
  ydoc.on('afterAllTransactions', write);
  return () => {
    ydoc.off('afterTransaction', read);
    ydoc.off('afterAllTransactions', write);
  };
}
