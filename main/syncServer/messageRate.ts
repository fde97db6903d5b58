/**
 * How much one connection may send: token buckets for messages and for bytes. Every update
 * costs the server a strict check of the document (updateValidation.ts) and every message is
 * relayed to every participant, so one client sending without pause, or sending large messages
 * one after the other, could keep the server's one thread and everyone's bandwidth busy. A
 * person typing fast sends some 30 messages a second (an update and their cursor per key) of a
 * few dozen bytes; joining with a document edited offline sends one large message; asking for
 * the whole document happens once per connection. The buckets allow far more than that, and a
 * connection that goes beyond them is closed.
 */

/** A burst and a rate a bucket refills at. */
export interface BucketLimits {
  /** What may be taken at once. */
  burst: number;
  /** What it refills per second. */
  perSecond: number;
}

/** The limits of one connection. */
export interface MessageRateLimits {
  messages: BucketLimits;
  bytes: BucketLimits;
  /**
   * Requests for the whole document or everyone's presence (a first sync step, a presence
   * query): a few bytes in, the document out, so they are counted apart.
   */
  requests: BucketLimits;
  /**
   * Milliseconds of the server's time spent checking the connection's changes: a change is a
   * few bytes, its check reads the whole document, so a participant typing into a very large
   * stuk (or sending small changes as fast as allowed) is counted by what it costs.
   */
  checkMs: BucketLimits;
}

/** Messages a connection may send by default: bursts of 400, then 100 a second. */
export const DEFAULT_MESSAGE_LIMITS: BucketLimits = { burst: 400, perSecond: 100 };

/**
 * Requests a connection may send by default: a provider asks once when it connects (and a
 * reconnect is a new connection), so ten at once and one every five seconds is far above it.
 */
export const DEFAULT_REQUEST_LIMITS: BucketLimits = { burst: 10, perSecond: 0.2 };

/**
 * Checking time a connection may use by default: five seconds at once (joining with a large
 * document edited offline), then half a second every second, so that one participant never
 * has more than half of the server's one thread. Typing ten keys a second costs some 15 ms a
 * second in a stuk of 300 items, some 300 ms in one of the largest size allowed.
 */
export const DEFAULT_CHECK_TIME_LIMITS: BucketLimits = { burst: 5_000, perSecond: 500 };

/** Bytes a connection may send, for a server whose largest message is `maxMessageBytes`. */
export function defaultByteLimits(maxMessageBytes: number): BucketLimits {
  // Two of the largest messages at once (joining with offline work, then a large paste), and
  // an eighth of one a second after that: far above typing, far below a flood.
  return { burst: 2 * maxMessageBytes, perSecond: Math.ceil(maxMessageBytes / 8) };
}

/** A token bucket. */
export class TokenBucket {
  private tokens: number;
  private at: number;
  private readonly limits: BucketLimits;
  private readonly now: () => number;

  constructor(limits: BucketLimits, now: () => number = () => performance.now()) {
    this.limits = limits;
    this.now = now;
    this.tokens = limits.burst;
    this.at = now();
  }

  /** Takes `amount`; false (and takes nothing) when the bucket does not hold that much. */
  take(amount = 1): boolean {
    this.refill();
    if (this.tokens < amount) return false;
    this.tokens -= amount;
    return true;
  }

  /**
   * Takes `amount` whether or not the bucket holds it (what was spent is spent: the bucket
   * goes into debt); false when it is in debt after.
   */
  drain(amount: number): boolean {
    this.refill();
    this.tokens -= amount;
    return this.tokens >= 0;
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(
      this.limits.burst,
      this.tokens + ((now - this.at) / 1000) * this.limits.perSecond,
    );
    this.at = now;
  }
}

/** The buckets of one connection: a message counts once, by its bytes, and as a request. */
export class MessageRate {
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  private readonly requests: TokenBucket;
  private readonly checkMs: TokenBucket;

  constructor(limits: MessageRateLimits, now?: () => number) {
    this.messages = new TokenBucket(limits.messages, now);
    this.bytes = new TokenBucket(limits.bytes, now);
    this.requests = new TokenBucket(limits.requests, now);
    this.checkMs = new TokenBucket(limits.checkMs, now);
  }

  /** Counts `ms` of checking; false when the connection has used more than it may. */
  spend(ms: number): boolean {
    return this.checkMs.drain(ms);
  }

  /**
   * Counts one message of `size` bytes, `request` when it asks for the whole document or all
   * presence; returns the limit it broke, or null.
   */
  take(size: number, request = false): 'messages' | 'bytes' | 'requests' | null {
    if (!this.messages.take(1)) return 'messages';
    if (!this.bytes.take(size)) return 'bytes';
    if (request && !this.requests.take(1)) return 'requests';
    return null;
  }
}
