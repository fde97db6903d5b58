/**
 * A document with a long editing history: three co-editors make `edits` single-character
 * edits to a generated resolution through Yjs (runs of typing at one place, now and then a
 * few Backspaces), exchanging their updates as a session would. What stays is the Yjs state a
 * document has after months of drafting, to measure how long it takes to open.
 */
import * as Y from 'yjs';
import { createSeededRandom } from '../shared/testing/seededRandom.ts';
import { encodeYDoc } from '../shared/ydoc/yDocument.ts';
import { findItemText } from './support/yItems.ts';

const WORDS = ['gemeenten', 'het rijk', 'de VNG', 'middelen', 'taken', 'en', 'de', 'voor', 'met'];

/** The state of `state` after `edits` edits by three replicas; the same seed, the same bytes. */
export function addEditingHistory(
  state: Uint8Array,
  items: number,
  edits: number,
  seed = 9,
): Uint8Array {
  const random = createSeededRandom(seed);
  const replicas = [0, 1, 2].map((i) => {
    const doc = new Y.Doc();
    doc.clientID = 1000 + i;
    Y.applyUpdate(doc, state);
    return doc;
  });
  let done = 0;
  while (done < edits) {
    const writer = replicas[Math.floor(random() * replicas.length)]!;
    const text = findItemText(writer, Math.floor(random() * items));
    if (!text) continue;
    const before = Y.encodeStateVector(writer);
    // A run of typing: a word or a few, one transaction per character as a keyboard makes.
    const run = WORDS[Math.floor(random() * WORDS.length)]! + ' ';
    let at = Math.floor(random() * (text.length + 1));
    for (const char of run) {
      if (done >= edits) break;
      writer.transact(() => text.insert(at, char));
      at += 1;
      done += 1;
    }
    // Now and then a typo taken back.
    const backspaces = random() < 0.3 ? 1 + Math.floor(random() * 3) : 0;
    for (let i = 0; i < backspaces && done < edits && at > 0; i++) {
      writer.transact(() => text.delete(at - 1, 1));
      at -= 1;
      done += 1;
    }
    const update = Y.encodeStateAsUpdate(writer, before);
    for (const other of replicas) if (other !== writer) Y.applyUpdate(other, update);
  }
  const result = encodeYDoc(replicas[0]!);
  replicas.forEach((doc) => doc.destroy());
  return result;
}
