/**
 * The ALV procedure of the open document (shared/procedure/), as the window reads it: the
 * entries of its procedure map (amendments, preadviezen, besluiten), read strictly and again
 * whenever the map changes, by this user or by a colleague in a session. The amendments panel
 * and the changes panel subscribe to it; what they write goes through the procedure store.
 *
 * A map a colleague's editor wrote badly (a newer app, a damaged journal) is not shown as if
 * it were empty: the reading's Dutch message is, and nothing is offered that would write to it.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { getProcedureMap, readProcedureEntries } from '../../shared/procedure/procedureRecords.ts';
import type { ProcedureEntries } from '../../shared/procedure/procedureRecords.ts';
import type { DocumentYDoc } from './OpenDocument.ts';

/** What the procedure map holds now, or why it cannot be read. */
export interface ProcedureSnapshot {
  entries: ProcedureEntries;
  /** Why the entries cannot be read (Dutch); null when they can. */
  problem: string | null;
}

/** A store of one document's procedure: subscribe, and the snapshot (the same object until it changes). */
export interface ProcedureStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): ProcedureSnapshot;
}

const EMPTY: ProcedureSnapshot = {
  entries: { submissions: [], advices: new Map(), decisions: new Map() },
  problem: null,
};

/** Reads the procedure of `ydoc` once. */
export function readProcedure(ydoc: DocumentYDoc): ProcedureSnapshot {
  try {
    return { entries: readProcedureEntries(ydoc), problem: null };
  } catch (error) {
    return {
      entries: EMPTY.entries,
      problem: `De amendementen in dit stuk kunnen niet worden gelezen. ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/**
 * The store of `ydoc`'s procedure: read again after every change of its map. It observes the
 * map for as long as the document lives (a document's Y.Doc is destroyed when it is closed).
 */
export function createProcedureStore(ydoc: DocumentYDoc): ProcedureStore {
  let snapshot: ProcedureSnapshot | null = null;
  const listeners = new Set<() => void>();
  getProcedureMap(ydoc).observe(() => {
    snapshot = null;
    for (const listener of [...listeners]) listener();
  });
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot() {
      snapshot ??= readProcedure(ydoc);
      return snapshot;
    },
  };
}

const noSubscription = () => () => undefined;
const emptySnapshot = () => EMPTY;

/** The procedure of `ydoc` (none: empty), following its changes. */
export function useProcedure(ydoc: DocumentYDoc | null): ProcedureSnapshot {
  const store = useMemo(() => (ydoc ? createProcedureStore(ydoc) : null), [ydoc]);
  return useSyncExternalStore(
    store?.subscribe ?? noSubscription,
    store?.getSnapshot ?? emptySnapshot,
  );
}
