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
}

/** Messages a connection may send by default: bursts of 400, then 100 a second. */
export const DEFAULT_MESSAGE_LIMITS: BucketLimits = { burst: 400, perSecond: 100 };

/**
 * Requests a connection may send by default: a provider asks once when it connects (and a
 * reconnect is a new connection), so ten at once and one every five seconds is far above it.
 */
export const DEFAULT_REQUEST_LIMITS: BucketLimits = { burst: 10, perSecond: 0.2 };

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
    const now = this.now();
    this.tokens = Math.min(
      this.limits.burst,
      this.tokens + ((now - this.at) / 1000) * this.limits.perSecond,
    );
    this.at = now;
    if (this.tokens < amount) return false;
    this.tokens -= amount;
    return true;
  }
}

/** The buckets of one connection: a message counts once, by its bytes, and as a request. */
export class MessageRate {
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  private readonly requests: TokenBucket;

  constructor(limits: MessageRateLimits, now?: () => number) {
    this.messages = new TokenBucket(limits.messages, now);
    this.bytes = new TokenBucket(limits.bytes, now);
    this.requests = new TokenBucket(limits.requests, now);
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
