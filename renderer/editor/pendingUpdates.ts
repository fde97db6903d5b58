/**
 * Updates that Yjs keeps pending and would never integrate by itself.
 *
 * Yjs (13.6) keeps the structs of an update whose dependencies have not arrived as pending,
 * with, per client, a clock it waits for; after a later update it retries them only when that
 * update raised the state past one of those clocks. The clock it notes can lie inside the
 * pending structs themselves: when the first missing struct of a client is followed, in the
 * same update, by a later struct of that client, Yjs notes the later one's clock. An update
 * that then brings exactly what was missing, but whose own structs depend on the pending ones,
 * is stashed beside them without raising the state: nothing is retried, and the replica stops
 * converging although it holds every update (the editing fuzz, seed 1489 of 3000, and
 * pendingUpdates.test.ts). Neither the network nor the editor dropped anything.
 *
 * So after every remote transaction that integrated something while structs are pending, the
 * pending ones are offered again. Whatever became integrable integrates; the rest stays
 * pending, waiting for updates that really have not arrived.
 */
import * as Y from 'yjs';
import { Plugin } from 'prosemirror-state';

/** Whether `transaction` integrated any struct (raised some client's state). */
function integratedSomething(transaction: Y.Transaction): boolean {
  for (const [client, clock] of transaction.afterState) {
    if ((transaction.beforeState.get(client) ?? 0) !== clock) return true;
  }
  return false;
}

/**
 * Offers `ydoc`'s pending structs again after each remote transaction that integrated
 * something. Returns the function that stops it.
 */
export function integratePendingUpdates(ydoc: Y.Doc): () => void {
  // The origin of the remote transaction after which to retry, or undefined.
  let retry: { origin: unknown } | undefined;
  const note = (transaction: Y.Transaction) => {
    if (!transaction.local && ydoc.store.pendingStructs && integratedSomething(transaction)) {
      retry = { origin: transaction.origin };
    }
  };
  // Once all transactions are done: a transaction opened while others still wait for their
  // cleanup would count in their state (Yjs then takes a remote one for a clash of client ids).
  const run = () => {
    const pending = ydoc.store.pendingStructs;
    const origin = retry?.origin;
    if (!retry || !pending) return;
    retry = undefined;
    // As Yjs's own retry does; with the same origin, the provider and the sync plugin treat it
    // as part of the update it completes.
    ydoc.store.pendingStructs = null;
    Y.applyUpdateV2(ydoc, pending.update, origin);
  };
  ydoc.on('afterTransaction', note);
  ydoc.on('afterAllTransactions', run);
  return () => {
    ydoc.off('afterTransaction', note);
    ydoc.off('afterAllTransactions', run);
  };
}

/** The editor's hold on `ydoc`'s pending updates, for as long as the editor's view lives. */
export function pendingUpdatesPlugin(ydoc: Y.Doc): Plugin {
  return new Plugin({
    view: () => ({ destroy: integratePendingUpdates(ydoc) }),
  });
}
