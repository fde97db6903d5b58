import * as Y from 'yjs';
import { createYDoc, encodeYDoc, getDocumentFragment } from '../../../shared/ydoc/yDocument.ts';
import { createTemplateDoc } from '../../../shared/editor/template.ts';

/** A new document from the template, as the renderer makes one for "Nieuw". */
export function createTemplateYDoc(): Y.Doc {
  return createYDoc(createTemplateDoc());
}

/** The text node inside the title, created on first use. */
function getTitleText(ydoc: Y.Doc): Y.XmlText {
  const title = getDocumentFragment(ydoc).get(0) as Y.XmlElement;
  const first = title.get(0);
  if (first instanceof Y.XmlText) return first;
  const text = new Y.XmlText();
  title.insert(0, [text]);
  return text;
}

/**
 * Types `text` at the end of the document's title, as one local edit, and returns the Yjs
 * update the edit made: what the renderer would send to the journal.
 */
export function typeInTitle(ydoc: Y.Doc, text: string): Uint8Array {
  const updates: Uint8Array[] = [];
  const collect = (update: Uint8Array) => updates.push(update);
  ydoc.on('update', collect);
  try {
    ydoc.transact(() => {
      const title = getTitleText(ydoc);
      title.insert(title.length, text);
    });
  } finally {
    ydoc.off('update', collect);
  }
  if (updates.length !== 1) throw new Error(`expected one update, got ${updates.length}`);
  return updates[0]!;
}

/** The full state of a document that holds `title`. */
export function createStateWithTitle(title: string): Uint8Array {
  const ydoc = createTemplateYDoc();
  typeInTitle(ydoc, title);
  const state = encodeYDoc(ydoc);
  ydoc.destroy();
  return state;
}

/**
 * Adds an item holding `text` at the end of the first recital block, as one local edit, and
 * returns its Yjs update: a structural edit, besides typing.
 */
export function addRecitalItem(ydoc: Y.Doc, text: string): Uint8Array {
  const updates: Uint8Array[] = [];
  const collect = (update: Uint8Array) => updates.push(update);
  ydoc.on('update', collect);
  try {
    ydoc.transact(() => {
      const recitals = getDocumentFragment(ydoc).get(2) as Y.XmlElement;
      const block = recitals.get(0) as Y.XmlElement;
      const item = new Y.XmlElement('item');
      item.insert(0, [new Y.XmlText(text)]);
      block.insert(block.length, [item]);
    });
  } finally {
    ydoc.off('update', collect);
  }
  if (updates.length !== 1) throw new Error(`expected one update, got ${updates.length}`);
  return updates[0]!;
}
