/**
 * The relay between the window and a session's server (sessionRelay.ts), with real servers,
 * real providers and a real network in between: what crosses the network is encrypted, a
 * computer with another certificate gets nothing, and only the app may use the relay.
 */
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import { createYDoc } from '../../shared/ydoc/yDocument.ts';
import { formatRelayAddress, WRONG_HOST_CLOSE_CODE } from '../../shared/session/relayAddress.ts';
import type { CollabServer } from './collabServer.ts';
import { SessionRelay, startLoopbackRelay } from './sessionRelay.ts';
import type { LoopbackRelay } from './sessionRelay.ts';
import { createTlsIdentity } from './tlsIdentity.ts';
import type { TlsIdentity } from './tlsIdentity.ts';
import {
  connectProvider,
  getYText,
  makeTempDir,
  startTestServer,
  tokenFor,
  typeOnBothUntilConverged,
  whenSynced,
} from './testing/collabTesting.ts';
import { startImpostor } from './testing/impostorServer.ts';
import { startRecordingProxy } from './testing/recordingProxy.ts';
import { upgradeStatus } from './testing/upgradeStatus.ts';
import type { RecordingProxy } from './testing/recordingProxy.ts';

const NAME = 'vertrouwelijk-concept';
const TITLE = 'Vertrouwelijk concept Zwaluwstaart';
const RECITAL = 'Overwegende het geheime advies over de Kievitsbloem;';

let temp: ReturnType<typeof makeTempDir>;
let identity: TlsIdentity;
const cleanup: (() => unknown)[] = [];

beforeEach(() => {
  temp = makeTempDir('relay-');
  identity = createTlsIdentity();
});
afterEach(async () => {
  for (const undo of cleanup.splice(0).reverse()) await undo();
  temp.remove();
});

async function startServer(withTls: boolean): Promise<CollabServer> {
  const server = await startTestServer(temp.dir, {
    ...(withTls ? { tls: { key: identity.key, cert: identity.cert } } : {}),
  });
  cleanup.push(() => server.stop());
  await server.documents.create(
    NAME,
    createYDoc(buildDoc({ title: TITLE, recitals: [[RECITAL]] })),
  );
  return server;
}

/** A participant's app: its own relay on loopback. */
async function startApp(): Promise<LoopbackRelay> {
  const relay = await startLoopbackRelay(new SessionRelay({ connectTimeoutMs: 5_000 }));
  cleanup.push(() => relay.close());
  return relay;
}

function join(
  relay: LoopbackRelay,
  port: number,
  token: string,
  fingerprint: string | null,
): HocuspocusProvider {
  const scheme = fingerprint === null ? 'ws' : 'wss';
  const address = formatRelayAddress(relay.url, {
    serverUrl: `${scheme}://127.0.0.1:${port}`,
    fingerprint,
  });
  const provider = connectProvider(address, NAME, token);
  cleanup.push(() => provider.destroy());
  return provider;
}

/** Two participants, each through their own app's relay and the recording proxy, type. */
async function typeThroughProxy(proxy: RecordingProxy, fingerprint: string | null) {
  const tokens = [
    tokenFor(NAME, 'editor', null, { name: 'Redacteur Merel' }),
    tokenFor(NAME, 'editor', null, { name: 'Redacteur Grutto' }),
  ];
  const [a, b] = [
    join(await startApp(), proxy.port, tokens[0]!, fingerprint),
    join(await startApp(), proxy.port, tokens[1]!, fingerprint),
  ] as const;
  await Promise.all([whenSynced(a), whenSynced(b)]);
  await typeOnBothUntilConverged(
    a,
    b,
    'Zin van Merel over de begroting. ',
    'Zin van Grutto over de jeugdzorg. ',
    'both participants hold both sentences',
  );
  expect(getYText(a.document)).toContain(RECITAL);
  return { tokens, secrets: [...tokens, TITLE, RECITAL, 'Zin van Merel', 'Zin van Grutto'] };
}

function found(bytes: Buffer, secrets: string[]): string[] {
  return secrets.filter((secret) => bytes.includes(Buffer.from(secret, 'utf8')));
}

describe('the relay over the network', () => {
  it('lets nothing of the document or the invitations cross the network readable', async () => {
    const server = await startServer(true);
    const proxy = await startRecordingProxy(server.port);
    cleanup.push(() => proxy.close());
    const { secrets } = await typeThroughProxy(proxy, identity.fingerprint);
    const recorded = proxy.readable();
    expect(proxy.connections()).toBeGreaterThanOrEqual(2);
    expect(recorded.length).toBeGreaterThan(2_000);
    expect(found(recorded, secrets)).toEqual([]);
    // Not as the raw JSON of the token's payload either.
    expect(found(recorded, ['Redacteur Merel', 'Redacteur Grutto', NAME])).toEqual([]);
  });

  it('would have seen all of it without TLS (so the recording above can fail)', async () => {
    const server = await startServer(false);
    const proxy = await startRecordingProxy(server.port);
    cleanup.push(() => proxy.close());
    const { secrets } = await typeThroughProxy(proxy, null);
    expect(found(proxy.readable(), secrets)).toEqual(secrets);
  });
});

describe('the relay and the host’s certificate', () => {
  it('sends nothing to a computer with another certificate, and tells the window why', async () => {
    const impostor = await startImpostor();
    cleanup.push(() => impostor.close());
    const token = tokenFor(NAME);
    const provider = join(await startApp(), impostor.port, token, identity.fingerprint);
    const closed = await new Promise<number>((resolve) =>
      provider.on('close', ({ event }: { event: CloseEvent }) => resolve(event.code)),
    );
    expect(closed).toBe(WRONG_HOST_CLOSE_CODE);
    provider.disconnect();
    expect(provider.isSynced).toBe(false);
    // It shook hands (so it could show its certificate) and got not one byte of WebSocket.
    expect(impostor.connections()).toBe(1);
    expect(impostor.decrypted().length).toBe(0);
    expect(found(impostor.raw(), [token, NAME, 'GET /'])).toEqual([]);
  });

  it('connects to the host that presents the certificate, over any address', async () => {
    const server = await startServer(true);
    const provider = join(await startApp(), server.port, tokenFor(NAME), identity.fingerprint);
    await whenSynced(provider);
    expect(getYText(provider.document)).toContain(RECITAL);
  });

  it('checks a server without a fingerprint against the authorities: a self-signed one fails', async () => {
    const server = await startServer(true);
    const relay = await startApp();
    const status = await upgradeStatus(`${relay.url}?server=${encodeURIComponent(server.url)}`);
    expect(status).toBe(502);
  });

  it('refuses the window’s upgrade when the session cannot be reached, as a direct one fails', async () => {
    const closedPort = await findClosedPort();
    const relay = await startApp();
    const status = await upgradeStatus(
      `${relay.url}?server=${encodeURIComponent(`wss://127.0.0.1:${closedPort}`)}&vingerafdruk=${identity.fingerprint}`,
    );
    expect(status).toBe(502);
  });
});

describe('who may use the relay', () => {
  it('admits only its secret, its own address as Host, and a target an invitation could name', async () => {
    const server = await startServer(true);
    const relay = await startApp();
    const target = `server=${encodeURIComponent(server.url)}&vingerafdruk=${identity.fingerprint}`;
    expect(await upgradeStatus(`${relay.url}?${target}`)).toBe(101);
    const { port } = new URL(relay.url);
    const wrongSecret = relay.url.replace(/\/[^/]+$/, `/${'A'.repeat(43)}`);
    expect(await upgradeStatus(`${wrongSecret}?${target}`)).toBe(403);
    expect(await upgradeStatus(`ws://127.0.0.1:${port}/?${target}`)).toBe(403);
    // A page of another site that resolved its name to 127.0.0.1 (DNS rebinding).
    expect(await upgradeStatus(`${relay.url}?${target}`, { Host: `elders.example:${port}` })).toBe(
      403,
    );
    for (const bad of [
      '',
      `server=${encodeURIComponent('http://127.0.0.1:1')}`,
      `server=${encodeURIComponent(server.url.replace('wss:', 'ws:'))}&vingerafdruk=${identity.fingerprint}`,
      `server=${encodeURIComponent(server.url)}&vingerafdruk=${identity.fingerprint.toUpperCase()}`,
      `${target}&server=${encodeURIComponent('wss://elders.example')}`,
    ]) {
      expect(await upgradeStatus(`${relay.url}?${bad}`), bad).toBe(403);
    }
  });
});

async function findClosedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
