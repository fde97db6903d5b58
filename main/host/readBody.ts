import type { IncomingMessage } from 'node:http';

/** What reading a request body came to. */
export type BodyReading =
  | { kind: 'body'; bytes: Buffer }
  /** Over the limit; the rest was read and dropped, so the connection can answer normally. */
  | { kind: 'too_large' }
  /** So far over the limit that reading on is pointless: answer and close the connection. */
  | { kind: 'too_large_abort' }
  /** The client went away or the stream failed. */
  | { kind: 'aborted' };

/**
 * How much of an oversized body is read and dropped before giving up on it. Draining lets the
 * client read the 413 answer: a server that closes while the client is still sending makes
 * most clients report a broken connection instead of the answer.
 */
const DRAIN_FACTOR = 4;

/**
 * Reads a request body of at most `limit` bytes. Keeps no more than `limit` bytes in memory
 * whatever the client sends or declares in Content-Length.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyReading> {
  const drainLimit = limit * DRAIN_FACTOR;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > drainLimit) {
    return Promise.resolve({ kind: 'too_large_abort' });
  }

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const settle = (reading: BodyReading) => {
      if (settled) return;
      settled = true;
      resolve(reading);
    };

    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > drainLimit) {
        req.pause();
        settle({ kind: 'too_large_abort' });
      } else if (received <= limit) {
        chunks.push(chunk);
      } else {
        chunks.length = 0;
      }
    });
    req.on('end', () => {
      settle(
        received > limit ? { kind: 'too_large' } : { kind: 'body', bytes: Buffer.concat(chunks) },
      );
    });
    req.on('error', () => settle({ kind: 'aborted' }));
    req.on('close', () => settle({ kind: 'aborted' }));
  });
}
