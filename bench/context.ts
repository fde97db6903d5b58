/**
 * What every benchmark gets from the harness: whether this is a quick run, a temporary
 * folder, the ports, and the generated documents (made once, so every benchmark measures
 * the very same bytes).
 */
import * as Y from 'yjs';
import type { Node } from 'prosemirror-model';
import { createYDoc, encodeYDoc } from '../shared/ydoc/yDocument.ts';
import { generateDoc } from './documents.ts';
import type { BENCH_PORTS } from './support/ports.ts';

/** The generated documents by item count, as ProseMirror documents and Yjs states. */
export class DocumentCache {
  private readonly docs = new Map<number, Node>();
  private readonly states = new Map<number, Uint8Array>();

  /** The document of `items` items. */
  doc(items: number): Node {
    let doc = this.docs.get(items);
    if (!doc) this.docs.set(items, (doc = generateDoc(items)));
    return doc;
  }

  /** Its Yjs state, always the same bytes in one run. */
  state(items: number): Uint8Array {
    let state = this.states.get(items);
    if (!state) {
      const ydoc = createYDoc(this.doc(items));
      this.states.set(items, (state = encodeYDoc(ydoc)));
      ydoc.destroy();
    }
    return state;
  }

  /** A fresh Y.Doc holding that state. */
  ydoc(items: number): Y.Doc {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, this.state(items));
    return ydoc;
  }
}

/** The harness's context for one run. */
export interface BenchContext {
  /** Few samples, for developing the benchmarks (`--quick`). */
  quick: boolean;
  /** A temporary folder of this run, removed at the end. */
  tempDir: string;
  ports: typeof BENCH_PORTS;
  documents: DocumentCache;
  /** Progress for the person waiting, on stderr. */
  log(line: string): void;
}
