import { describe, expect, it } from 'vitest';
import { KeyedQueue } from './journalQueue.ts';

/** A promise and the function that settles it, to decide by hand when a task ends. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('KeyedQueue', () => {
  it('runs the tasks of one key one after another, in order, also after a failure', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const gate = deferred();
    const first = queue.run('a', async () => {
      log.push('1 begint');
      await gate.promise;
      log.push('1 klaar');
    });
    const second = queue.run('a', async () => {
      log.push('2');
      throw new Error('mislukt');
    });
    const third = queue.run('a', async () => {
      log.push('3');
      return 3;
    });
    await Promise.resolve();
    expect(log).toEqual(['1 begint']);
    gate.resolve();
    await first;
    await expect(second).rejects.toThrow('mislukt');
    expect(await third).toBe(3);
    expect(log).toEqual(['1 begint', '1 klaar', '2', '3']);
  });

  it('does not hold up other keys', async () => {
    const queue = new KeyedQueue();
    const gate = deferred();
    const blocked = queue.run('a', () => gate.promise);
    expect(await queue.run('b', async () => 'b')).toBe('b');
    gate.resolve();
    await blocked;
  });
});
