/**
 * Runs tasks one after another per key: the recovery journal serializes every operation on
 * one document, because the renderer sends the next update before the previous append has
 * finished, and two appends (or an append and a reset) must never interleave in one file.
 */
export class KeyedQueue {
  /** The last task queued per key, settled or not; removed once the queue of a key drains. */
  readonly #tails = new Map<string, Promise<void>>();

  /**
   * Runs `task` after every task queued before it under `key` has settled (whether it
   * succeeded or failed), and resolves or rejects as `task` does.
   */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    void tail.then(() => {
      // Forget a drained key, so a long session does not keep one entry per document ever seen.
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }
}
