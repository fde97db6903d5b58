/**
 * A computer that answers on the host's address with a TLS certificate of its own, and records
 * what reaches it: every byte, and what it could decrypt.
 */
import type { AddressInfo, Socket } from 'node:net';
import tls from 'node:tls';
import { createTlsIdentity } from '../tlsIdentity.ts';

export interface ImpostorServer {
  port: number;
  /** The bytes it received, as they came over the network. */
  raw(): Buffer;
  /** What it received inside TLS: what a client sent it after the handshake. */
  decrypted(): Buffer;
  connections(): number;
  close(): Promise<void>;
}

export async function startImpostor(): Promise<ImpostorServer> {
  const other = createTlsIdentity();
  const raw: Buffer[] = [];
  const decrypted: Buffer[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = tls.createServer({ key: other.key, cert: other.cert }, (socket) => {
    socket.on('data', (chunk: Buffer) => decrypted.push(chunk));
    socket.on('error', () => undefined);
  });
  server.on('connection', (socket: Socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('data', (chunk: Buffer) => raw.push(Buffer.from(chunk)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    raw: () => Buffer.concat(raw),
    decrypted: () => Buffer.concat(decrypted),
    connections: () => connections,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
