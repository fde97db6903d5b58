/**
 * A TCP proxy on loopback between a client and the sync server that can leave a connection
 * half dead, as a laptop that lost its network does: `freeze()` drops the client's side of
 * every open connection (the client sees it close and reconnects) but keeps the server's side
 * open and silent, so the server still counts the old connection until it notices. New
 * connections pass as before.
 */
import net from 'node:net';

/** A running freezing proxy. */
export interface FreezingProxy {
  /** The port clients connect to. */
  port: number;
  /** Drops the client side of every open connection; the server side stays open, silent. */
  freeze(): void;
  /** Server-side sockets left open by `freeze`, not yet closed. */
  frozenCount(): number;
  /** Closes the server side of the frozen connections too, as a late TCP reset would. */
  releaseFrozen(): void;
  close(): Promise<void>;
}

/** Starts a proxy to `targetPort` on 127.0.0.1. */
export async function startFreezingProxy(targetPort: number): Promise<FreezingProxy> {
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  const frozen = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    const pair = { client, upstream };
    pairs.add(pair);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('error', () => client.destroy());
    upstream.on('error', () => upstream.destroy());
    client.on('close', () => {
      pairs.delete(pair);
      // A frozen connection's server side outlives its client side on purpose.
      if (!frozen.has(upstream)) upstream.destroy();
    });
    upstream.on('close', () => {
      frozen.delete(upstream);
      client.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    port: address.port,
    freeze: () => {
      for (const { client, upstream } of pairs) {
        upstream.unpipe(client);
        client.unpipe(upstream);
        // Whatever the server still sends goes nowhere, as to a peer that is gone.
        upstream.on('data', () => undefined);
        frozen.add(upstream);
        client.destroy();
      }
    },
    frozenCount: () => frozen.size,
    releaseFrozen: () => {
      for (const upstream of frozen) upstream.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const { client, upstream } of pairs) {
          client.destroy();
          upstream.destroy();
        }
        for (const upstream of frozen) upstream.destroy();
        server.close(() => resolve());
      }),
  };
}
