import { describe, expect, it } from 'vitest';
import { MessageRate } from './messageRate.ts';

describe('MessageRate', () => {
  it('allows a burst, then the rate, per socket', () => {
    let now = 0;
    const rate = new MessageRate({ burst: 3, perSecond: 2 }, () => now);
    expect([1, 2, 3, 4].map(() => rate.take('a'))).toEqual([true, true, true, false]);
    // Another socket has its own bucket.
    expect(rate.take('b')).toBe(true);
    now = 500; // half a second: one message more
    expect([rate.take('a'), rate.take('a')]).toEqual([true, false]);
    now = 10_000; // a long pause refills up to the burst, not beyond
    expect([1, 2, 3, 4].map(() => rate.take('a'))).toEqual([true, true, true, false]);
  });

  it('starts a forgotten socket afresh', () => {
    const rate = new MessageRate({ burst: 1, perSecond: 0 }, () => 0);
    expect([rate.take('a'), rate.take('a')]).toEqual([true, false]);
    rate.forget('a');
    expect(rate.take('a')).toBe(true);
  });
});
