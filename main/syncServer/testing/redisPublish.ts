/**
 * Publishes bytes on a Redis channel as another sync-server instance would, by speaking
 * Redis's protocol (RESP) on a plain socket: a test can put on the channel what no checked
 * instance would publish.
 */
import net from 'node:net';

/** Sends `PUBLISH channel message` to the Redis at `port`; resolves with the receiver count. */
export function publishToRedis(
  port: number,
  channel: string,
  message: Uint8Array,
): Promise<number> {
  const parts = [Buffer.from('PUBLISH'), Buffer.from(channel), Buffer.from(message)];
  const command = Buffer.concat([
    Buffer.from(`*${parts.length}\r\n`),
    ...parts.flatMap((part) => [Buffer.from(`$${part.length}\r\n`), part, Buffer.from('\r\n')]),
  ]);
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(command));
    let answer = '';
    socket.on('data', (data) => {
      answer += data.toString('latin1');
      // The answer is an integer reply, `:<count>\r\n`.
      const match = /^:(\d+)\r\n/.exec(answer);
      if (match) {
        socket.end();
        resolve(Number(match[1]));
      } else if (answer.startsWith('-')) {
        socket.end();
        reject(new Error(`Redis: ${answer.trim()}`));
      }
    });
    socket.on('error', reject);
  });
}

/**
 * A message as the Hocuspocus Redis extension frames it: the sender's identifier (one length
 * byte, then the text), then the Hocuspocus message.
 */
export function frameForRedis(identifier: string, message: Uint8Array): Uint8Array {
  const id = Buffer.from(identifier, 'utf-8');
  return Buffer.concat([Buffer.from([id.length]), id, Buffer.from(message)]);
}
