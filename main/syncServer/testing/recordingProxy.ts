/**
 * A TCP proxy on loopback that records every byte it passes, both ways: what someone on the
 * network between two participants and the host would see.
 */
import net from 'node:net';

export interface RecordingProxy {
  /** The port participants connect to. */
  port: number;
  /** Every byte passed so far, both ways, in the order it came. */
  recorded(): Buffer;
  /**
   * What an onlooker reads: every byte, and the payloads of the WebSocket frames the clients
   * sent unmasked (a client masks its frames with a key that travels in the frame itself,
   * which hides nothing).
   */
  readable(): Buffer;
  /** How many connections it took. */
  connections(): number;
  close(): Promise<void>;
}

/** Starts a proxy to `targetPort` on 127.0.0.1. */
export async function startRecordingProxy(targetPort: number): Promise<RecordingProxy> {
  const chunks: Buffer[] = [];
  const fromClients: Buffer[][] = [];
  const sockets = new Set<net.Socket>();
  let count = 0;
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = net.createServer((client) => {
    count += 1;
    track(client);
    const upstream = net.connect(targetPort, '127.0.0.1');
    track(upstream);
    const sent: Buffer[] = [];
    fromClients.push(sent);
    const relay = (from: net.Socket, to: net.Socket, also?: Buffer[]) =>
      from.on('data', (chunk: Buffer) => {
        chunks.push(Buffer.from(chunk));
        also?.push(Buffer.from(chunk));
        to.write(chunk);
      });
    relay(client, upstream, sent);
    relay(upstream, client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    recorded: () => Buffer.concat(chunks),
    readable: () =>
      Buffer.concat([
        ...chunks,
        ...fromClients.map((sent) => unmaskClientFrames(Buffer.concat(sent))),
      ]),
    connections: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The payloads of the WebSocket frames after an HTTP upgrade request in `bytes`, unmasked. */
function unmaskClientFrames(bytes: Buffer): Buffer {
  const headerEnd = bytes.indexOf('\r\n\r\n');
  if (headerEnd === -1 || !bytes.subarray(0, 4).equals(Buffer.from('GET '))) return Buffer.alloc(0);
  const payloads: Buffer[] = [];
  let at = headerEnd + 4;
  while (at + 2 <= bytes.length) {
    const masked = (bytes[at + 1]! & 0x80) !== 0;
    let length = bytes[at + 1]! & 0x7f;
    at += 2;
    if (length === 126) {
      length = bytes.readUInt16BE(at);
      at += 2;
    } else if (length === 127) {
      length = Number(bytes.readBigUInt64BE(at));
      at += 8;
    }
    const key = masked ? bytes.subarray(at, at + 4) : null;
    if (masked) at += 4;
    const payload = Buffer.from(bytes.subarray(at, at + length));
    if (key) for (let i = 0; i < payload.length; i += 1) payload[i]! ^= key[i % 4]!;
    payloads.push(payload);
    at += length;
  }
  return Buffer.concat(payloads);
}
