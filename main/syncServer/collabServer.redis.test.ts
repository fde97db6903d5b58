/**
 * Two sync servers behind one Redis, as behind a load balancer: a participant on each, one
 * document, the same text on both sides; and what one instance (or a stranger on the Redis
 * prefix) sends the others is checked like a participant's change (issue 14, fault 2: a
 * pending payload accepted on one instance travelled to the other unchecked, refused every
 * later edit on both and made every store fail). Needs Debian's `redis-server`; without it the
 * test is skipped and says why.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { createYDoc, readYDoc } from '../../shared/ydoc/yDocument.ts';
import { readDocumentFile } from '../../shared/ydoc/documentFile.ts';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import type { CollabServer } from './collabServer.ts';
import {
  connectProvider,
  getFirstItemText,
  getYText,
  makeTempDir,
  startTestServer,
  tokenFor,
  typeOnBothUntilConverged,
  waitFor,
  whenSynced,
} from './testing/collabTesting.ts';
import { findRedisServer, startRedis } from './testing/redisProcess.ts';
import { frameForRedis, publishToRedis } from './testing/redisPublish.ts';
import { firstItemText, pendingOnFutureText, updateOf } from './testing/hostileUpdates.ts';
import { RawClient } from './testing/rawClient.ts';
import { MESSAGE_TYPE, SYNC_STEP, encodeFrame, encodeSyncFrame } from './messageFrames.ts';
import * as encoding from 'lib0/encoding';
import { encodeEndNotice } from '../../shared/session/endNotice.ts';
import { encodeStoreNotice } from '../../shared/session/storeNotice.ts';
import type { RedisProcess } from './testing/redisProcess.ts';

vi.setConfig({ testTimeout: 60_000 });

const REDIS_SERVER = findRedisServer();
const SKIP_REASON =
  'redis-server ontbreekt (Debian: apt-get install redis-server); de Redis-test is overgeslagen.';
if (!REDIS_SERVER) console.warn(SKIP_REASON);

let temp: ReturnType<typeof makeTempDir>;
let redis: RedisProcess | null = null;
const servers: CollabServer[] = [];
const providers: HocuspocusProvider[] = [];
const rawClients: RawClient[] = [];
const logLines: string[] = [];

/** Two instances on one Redis and data folder, a participant on each, synced. */
async function twoInstances(): Promise<{ a: HocuspocusProvider; b: HocuspocusProvider }> {
  redis = await startRedis(REDIS_SERVER!, temp.dir);
  for (let i = 0; i < 2; i++) {
    servers.push(
      await startTestServer(temp.dir, {
        redis: { host: '127.0.0.1', port: redis.port, prefix: 'test' },
        log: (line) => logLines.push(`instantie ${i + 1}: ${line}`),
      }),
    );
  }
  const seed = createYDoc(buildDoc({ title: 'Gedeeld', recitals: [['Eerste overweging.']] }));
  await servers[0]!.documents.create('gedeeld', seed);
  const a = connectProvider(servers[0]!.url, 'gedeeld', tokenFor('gedeeld'));
  const b = connectProvider(servers[1]!.url, 'gedeeld', tokenFor('gedeeld'));
  providers.push(a, b);
  await Promise.all([whenSynced(a), whenSynced(b)]);
  return { a, b };
}

/** A Hocuspocus sync message carrying `update` (SyncStep2), as an instance publishes it. */
function syncStep2Message(update: Uint8Array): Uint8Array {
  return encodeSyncFrame('gedeeld', SYNC_STEP.step2, update);
}

/** Stops both instances (each must store and stop cleanly) and reads the stored file. */
async function stopAndReadStored(): Promise<string> {
  for (const provider of providers.splice(0)) provider.destroy();
  for (const client of rawClients.splice(0)) client.close();
  for (const server of servers.splice(0)) await server.stop();
  return getYTextOfFile(path.join(temp.dir, 'gedeeld.resolutie'));
}

function getYTextOfFile(file: string): string {
  const { ydoc } = readDocumentFile(readFileSync(file));
  try {
    return getYText(ydoc);
  } finally {
    ydoc.destroy();
  }
}

beforeEach(() => {
  temp = makeTempDir();
  logLines.length = 0;
});
afterEach(async () => {
  for (const client of rawClients.splice(0)) client.close();
  for (const provider of providers.splice(0)) provider.destroy();
  for (const server of servers.splice(0)) await server.stop();
  await redis?.stop();
  redis = null;
  temp.remove();
});

describe('sync server: several instances through Redis', () => {
  it('lets participants on two instances edit one document', async (context) => {
    context.skip(!REDIS_SERVER, SKIP_REASON);
    redis = await startRedis(REDIS_SERVER!, temp.dir);
    // The instances share the data folder, as they would on a shared volume.
    for (let i = 0; i < 2; i++) {
      servers.push(
        await startTestServer(temp.dir, {
          redis: { host: '127.0.0.1', port: redis.port, prefix: 'test' },
        }),
      );
    }
    const [one, two] = servers as [CollabServer, CollabServer];
    expect(one.port).not.toBe(two.port);
    const seed = createYDoc(buildDoc({ title: 'Gedeeld', recitals: [['Eerste overweging.']] }));
    await one.documents.create('gedeeld', seed);

    const a = connectProvider(one.url, 'gedeeld', tokenFor('gedeeld'));
    const b = connectProvider(two.url, 'gedeeld', tokenFor('gedeeld'));
    providers.push(a, b);
    await Promise.all([whenSynced(a), whenSynced(b)]);

    await typeOnBothUntilConverged(
      a,
      b,
      'Via instantie een. ',
      'Via instantie twee. ',
      'both edits on both instances',
    );
    expect(readYDoc(a.document).eq(readYDoc(b.document))).toBe(true);

    a.awareness!.setLocalStateField('user', { name: 'Op een', color: '#2ca02c' });
    await waitFor(
      () => [...b.awareness!.getStates().values()].some((s) => s['user']?.name === 'Op een'),
      'presence across instances',
    );
    // A newcomer on the second instance gets everything too.
    const c = connectProvider(two.url, 'gedeeld', tokenFor('gedeeld'), new Y.Doc());
    providers.push(c);
    await whenSynced(c);
    await waitFor(() => getYText(c.document) === getYText(a.document), 'newcomer up to date');
  });

  it('refuses on every instance an update anchored in future text; the victim on the other goes on', async (context) => {
    context.skip(!REDIS_SERVER, SKIP_REASON);
    const { a, b } = await twoInstances();
    const attacker = new RawClient(servers[0]!.url, 'gedeeld', tokenFor('gedeeld'));
    rawClients.push(attacker);
    await waitFor(() => attacker.synced, 'the attacker joined');
    attacker.sendUpdate(
      pendingOnFutureText(Y.encodeStateAsUpdate(a.document), 424242, b.document.clientID),
    );
    await waitFor(() => attacker.closed !== null, 'the attacker refused');
    expect(attacker.closed!.code).toBe(4422);
    // The victim, on the other instance, types past the attacker's anchor.
    getFirstItemText(b.document).insert(0, 'Slachtoffer op instantie twee. ');
    await waitFor(() => getYText(a.document).includes('Slachtoffer op instantie twee.'), 'relayed');
    getFirstItemText(a.document).insert(0, 'En terug. ');
    await waitFor(() => getYText(b.document).includes('En terug.'), 'relayed back');
    expect(getYText(a.document)).not.toContain('klik');
    expect(logLines.join('\n')).not.toContain('opslaan mislukt');
    const stored = await stopAndReadStored();
    expect(stored).toContain('Slachtoffer op instantie twee.');
    expect(stored).toContain('En terug.');
  });

  it("refuses what a hostile instance publishes; every instance's copy stays valid and stored", async (context) => {
    context.skip(!REDIS_SERVER, SKIP_REASON);
    const { a, b } = await twoInstances();
    const state = Y.encodeStateAsUpdate(a.document);
    const hostile: [string, Uint8Array][] = [
      [
        'a javascript: link',
        syncStep2Message(
          updateOf(state, 515151, (doc) =>
            firstItemText(doc).insert(0, 'klik', { link: { href: 'javascript:alert(1)' } }),
          ),
        ),
      ],
      [
        'pending on future text',
        syncStep2Message(pendingOnFutureText(state, 525252, a.document.clientID)),
      ],
      [
        'an unknown attribute',
        syncStep2Message(
          updateOf(state, 535353, (doc) => {
            (doc.getXmlFragment('resolutie').get(0) as Y.XmlElement).setAttribute('onclick', 'x');
          }),
        ),
      ],
      ['garbage', new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f])],
    ];
    for (const [, message] of hostile) {
      const receivers = await publishToRedis(
        redis!.port,
        'test:gedeeld',
        frameForRedis('kwaad', message),
      );
      expect(receivers).toBe(2);
    }
    await waitFor(
      () =>
        logLines.filter((line) => line.includes('via Redis geweigerd')).length >=
        2 * hostile.length,
      'both instances refused every message',
    );
    // Honest work goes on everywhere, and the victim's future text lands whole.
    await typeOnBothUntilConverged(a, b, 'Na de aanval een. ', 'Na de aanval twee. ', 'edits');
    for (const provider of [a, b]) {
      expect(getYText(provider.document)).not.toContain('klik');
      readYDoc(provider.document);
    }
    expect(logLines.join('\n')).not.toContain('opslaan mislukt');
    const stored = await stopAndReadStored();
    expect(stored).toContain('Na de aanval een.');
    expect(stored).not.toContain('klik');
  });

  it('passes a store notice between instances, but no end of a session and no other notice', async (context) => {
    context.skip(!REDIS_SERVER, SKIP_REASON);
    const { a, b } = await twoInstances();
    const heard: string[] = [];
    for (const provider of [a, b]) {
      provider.on('stateless', ({ payload }: { payload: string }) => heard.push(payload));
    }
    const notice = (payload: string) =>
      frameForRedis(
        'kwaad',
        encodeFrame('gedeeld', MESSAGE_TYPE.broadcastStateless, (encoder) =>
          encoding.writeVarString(encoder, payload),
        ),
      );
    // A stranger on the prefix tells everyone their session ended (they would stop
    // reconnecting and leave), and sends a notice of its own; both are refused everywhere.
    await publishToRedis(redis!.port, 'test:gedeeld', notice(encodeEndNotice()));
    await publishToRedis(redis!.port, 'test:gedeeld', notice('{"kind":"iets anders"}'));
    await waitFor(
      () => logLines.filter((line) => line.includes('via Redis geweigerd')).length >= 4,
      'both instances refused both notices',
    );
    // What an instance does send, the store notice, passes to the participants of both.
    await publishToRedis(redis!.port, 'test:gedeeld', notice(encodeStoreNotice({ stored: true })));
    await waitFor(() => heard.length >= 2, 'the store notice reached both participants');
    expect(heard).toEqual([
      encodeStoreNotice({ stored: true }),
      encodeStoreNotice({ stored: true }),
    ]);
    // And the session goes on.
    await typeOnBothUntilConverged(a, b, 'Nog steeds een. ', 'Nog steeds twee. ', 'edits');
  });
});
