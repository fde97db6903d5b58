/**
 * How many messages one connection may send: a token bucket per socket. Every update costs the
 * server a strict check on a copy of the document (messageGuard.ts), so one client sending
 * without pause could keep the server's one thread busy for everyone. A person typing fast
 * sends some 30 messages a second (an update and their cursor per key); the bucket allows
 * bursts of `burst` and `perSecond` on average, far above that, and closes a flooding socket.
 */

/** The limits of one connection. */
export interface MessageRateLimits {
  /** Messages a connection may send at once. */
  burst: number;
  /** Messages per second it may keep sending. */
  perSecond: number;
}

export const DEFAULT_MESSAGE_RATE: MessageRateLimits = { burst: 400, perSecond: 100 };

/** Token buckets by socket id. */
export class MessageRate {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly limits: MessageRateLimits;
  private readonly now: () => number;

  constructor(limits: MessageRateLimits, now: () => number = () => performance.now()) {
    this.limits = limits;
    this.now = now;
  }

  /** Counts one message of `socketId`; false when it is over the limit. */
  take(socketId: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(socketId) ?? { tokens: this.limits.burst, at: now };
    const refill = ((now - bucket.at) / 1000) * this.limits.perSecond;
    bucket.tokens = Math.min(this.limits.burst, bucket.tokens + refill);
    bucket.at = now;
    this.buckets.set(socketId, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Forgets a closed socket. */
  forget(socketId: string): void {
    this.buckets.delete(socketId);
  }
}
