import { describe, expect, it } from 'vitest';
import { MessageRate, TokenBucket, defaultByteLimits } from './messageRate.ts';

describe('TokenBucket', () => {
  it('allows a burst, then the rate, and refills up to the burst, not beyond', () => {
    let now = 0;
    const bucket = new TokenBucket({ burst: 3, perSecond: 2 }, () => now);
    expect([1, 2, 3, 4].map(() => bucket.take())).toEqual([true, true, true, false]);
    now = 500; // half a second: one more
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    now = 10_000;
    expect([1, 2, 3, 4].map(() => bucket.take())).toEqual([true, true, true, false]);
  });

  it('takes nothing when it cannot take all', () => {
    const bucket = new TokenBucket({ burst: 10, perSecond: 0 }, () => 0);
    expect(bucket.take(11)).toBe(false);
    expect(bucket.take(10)).toBe(true);
  });
});

describe('MessageRate', () => {
  it('counts messages and bytes, and says which limit a message broke', () => {
    let now = 0;
    const rate = new MessageRate(
      {
        messages: { burst: 3, perSecond: 1 },
        bytes: { burst: 1000, perSecond: 100 },
        requests: { burst: 1, perSecond: 0 },
        checkMs: { burst: 100, perSecond: 10 },
      },
      () => now,
    );
    expect(rate.take(10)).toBeNull();
    // Few messages, but many bytes: a large message empties the byte bucket.
    expect(rate.take(995)).toBe('bytes');
    expect(rate.take(990)).toBeNull();
    expect(rate.take(1)).toBe('messages');
    now = 2000;
    expect(rate.take(200)).toBeNull();
    // A request for the whole document counts apart: one at once here.
    now = 10_000;
    expect(rate.take(10, true)).toBeNull();
    expect(rate.take(10, true)).toBe('requests');
  });

  it('counts checking time as spent, into debt, and lets it pay off', () => {
    let now = 0;
    const rate = new MessageRate(
      {
        messages: { burst: 100, perSecond: 100 },
        bytes: { burst: 1000, perSecond: 1000 },
        requests: { burst: 1, perSecond: 1 },
        checkMs: { burst: 100, perSecond: 10 },
      },
      () => now,
    );
    expect(rate.spend(60)).toBe(true);
    expect(rate.spend(60)).toBe(false); // 20 ms in debt
    now = 1000;
    expect(rate.spend(0)).toBe(false); // 10 ms still owed
    now = 3000;
    expect(rate.spend(5)).toBe(true);
  });

  it('lets the largest message through twice at once, then an eighth of it a second', () => {
    expect(defaultByteLimits(8 * 1024 * 1024)).toEqual({
      burst: 16 * 1024 * 1024,
      perSecond: 1024 * 1024,
    });
  });
});
