/**
 * Yjs keeps formatting (our change marks) as markers between characters: a marker sets a value
 * for the text after it, up to the next marker of the same key. When Yjs formats a range it
 * also writes, after the range, a marker that restores the value before it, even where the
 * next marker (say, the one that ends the mark) overrides it at once. Such a marker does
 * nothing where it is written; but text a colleague inserts at that spot concurrently, or a
 * marker a colleague deletes there, can leave it in force: accepting a proposal then restores
 * the proposal over the text after it, or over a colleague's own proposal beside it, and
 * rejecting it later would remove that text.
 *
 * So the editor deletes, in the transaction that wrote them, its own new markers that a marker
 * of the same key overrides before any text. Nobody has seen them yet, so nobody can build on them:
 * this changes nothing in the document, only what a concurrent edit could make of it.
 */
import * as Y from 'yjs';

/**
 * Whether the marker `item` sets a value that no character gets: another marker of its key
 * follows before any text.
 */
function isOverridden(item: Y.Item, key: string): boolean {
  for (let next = item.right; next; next = next.right) {
    if (next.deleted) continue;
    if (!(next.content instanceof Y.ContentFormat)) return false;
    if (next.content.key === key) return true;
  }
  return false;
}

/** Deletes the formatting markers `transaction` wrote (it is local) that do nothing. */
export function dropRedundantFormats(transaction: Y.Transaction): void {
  const { clientID } = transaction.doc;
  const start = transaction.beforeState.get(clientID) ?? 0;
  for (const type of transaction.changed.keys()) {
    if (!(type instanceof Y.XmlText)) continue;
    for (let item = type._start; item; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentFormat)) continue;
      if (item.id.client !== clientID || item.id.clock < start) continue;
      if (isOverridden(item, item.content.key)) item.delete(transaction);
    }
  }
}
