/**
 * Presence between two sync-server instances behind one Redis: what arrives from Redis is held
 * to the same shape and size as what a participant sends (but not to ownership: the instance
 * that published it checked that), and an id that lives on the other instance cannot be
 * claimed here. Needs Debian's `redis-server`; without it the tests are skipped and say why.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { createYDoc } from '../../shared/ydoc/yDocument.ts';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import type { CollabServer } from './collabServer.ts';
import {
  connectProvider,
  makeTempDir,
  startTestServer,
  tokenFor,
  waitFor,
  whenSynced,
} from './testing/collabTesting.ts';
import { encodeAwarenessMessage, sendAwarenessEntries } from './testing/presenceFrames.ts';
import { RawClient } from './testing/rawClient.ts';
import { findRedisServer, startRedis } from './testing/redisProcess.ts';
import type { RedisProcess } from './testing/redisProcess.ts';
import { frameForRedis, publishToRedis } from './testing/redisPublish.ts';

vi.setConfig({ testTimeout: 60_000 });

const REDIS_SERVER = findRedisServer();
const SKIP_REASON =
  'redis-server ontbreekt (Debian: apt-get install redis-server); de Redis-test is overgeslagen.';
if (!REDIS_SERVER) console.warn(SKIP_REASON);

const NAME = 'gedeeld';
const PREFIX = 'aanwezig';
const ADVISEUR = { name: 'Adviseur op een', color: '#1b6e3a' };

let temp: ReturnType<typeof makeTempDir>;
let redis: RedisProcess | null = null;
const servers: CollabServer[] = [];
const providers: HocuspocusProvider[] = [];
const rawClients: RawClient[] = [];
let adviseur: HocuspocusProvider;
let bewerker: HocuspocusProvider;

beforeEach(async (context) => {
  context.skip(!REDIS_SERVER, SKIP_REASON);
  temp = makeTempDir();
  redis = await startRedis(REDIS_SERVER!, temp.dir);
  for (let i = 0; i < 2; i += 1) {
    servers.push(
      await startTestServer(temp.dir, {
        redis: { host: '127.0.0.1', port: redis.port, prefix: PREFIX },
      }),
    );
  }
  await servers[0]!.documents.create(
    NAME,
    createYDoc(buildDoc({ title: 'Gedeeld', recitals: [['Eerste overweging.']] })),
  );
  adviseur = connectProvider(servers[0]!.url, NAME, tokenFor(NAME));
  bewerker = connectProvider(servers[1]!.url, NAME, tokenFor(NAME));
  providers.push(adviseur, bewerker);
  await Promise.all([whenSynced(adviseur), whenSynced(bewerker)]);
  adviseur.awareness!.setLocalStateField('user', ADVISEUR);
  await waitFor(
    () => userName(bewerker, adviseur.awareness!.clientID) === ADVISEUR.name,
    'Adviseur at Bewerker',
  );
});
afterEach(async () => {
  for (const client of rawClients.splice(0)) client.close();
  for (const provider of providers.splice(0)) provider.destroy();
  for (const server of servers.splice(0)) await server.stop();
  await redis?.stop();
  redis = null;
  temp?.remove();
});

function userName(viewer: HocuspocusProvider, clientId: number): string | undefined {
  const state = viewer.awareness!.getStates().get(clientId) as { user?: { name?: string } };
  return state?.user?.name;
}

/** Every state `viewer` is given for the ids in `clientIds`, from now on. */
function recordStates(viewer: HocuspocusProvider, clientIds: number[]): Map<number, unknown[]> {
  const seen = new Map<number, unknown[]>(clientIds.map((id) => [id, []]));
  viewer.awareness!.on('update', ({ added, updated }: Record<string, number[]>) => {
    for (const id of [...added!, ...updated!]) {
      seen.get(id)?.push(viewer.awareness!.getStates().get(id));
    }
  });
  return seen;
}

describe('presence through Redis', () => {
  it('drops states from another instance that are malformed or too large, and unknown fields', async () => {
    const [tooLarge, malformed, valid] = [3_000_001, 3_000_002, 3_000_003];
    const seen = [adviseur, bewerker].map((viewer) =>
      recordStates(viewer, [tooLarge, malformed, valid]),
    );
    const user = { name: 'Van elders', color: '#00687a' };
    const message = encodeAwarenessMessage(NAME, [
      { clientId: tooLarge, clock: 2, state: { user, ballast: 'x'.repeat(2_000) } },
      { clientId: malformed, clock: 2, state: { user, cursor: { anchor: {}, head: {} } } },
      { clientId: valid, clock: 2, state: { user, cursor: null, extra: 'onbekend' } },
    ]);
    const receivers = await publishToRedis(
      redis!.port,
      `${PREFIX}:${NAME}`,
      frameForRedis('host-vreemd', message),
    );
    expect(receivers).toBeGreaterThanOrEqual(2);
    await waitFor(
      () => [adviseur, bewerker].every((viewer) => userName(viewer, valid) === user.name),
      'the valid state on both instances',
    );
    for (const perViewer of seen) {
      expect(perViewer.get(tooLarge)).toEqual([]);
      expect(perViewer.get(malformed)).toEqual([]);
      expect(perViewer.get(valid)).toEqual([{ user, cursor: null }]);
    }
    expect(userName(bewerker, adviseur.awareness!.clientID)).toBe(ADVISEUR.name);
  });

  it('a reader on one instance cannot take the presence of an editor on the other', async () => {
    const reader = new RawClient(servers[1]!.url, NAME, tokenFor(NAME, 'reader'));
    rawClients.push(reader);
    await waitFor(() => reader.synced, 'reader synced');
    const annaId = adviseur.awareness!.clientID;
    const clock = adviseur.awareness!.meta.get(annaId)!.clock + 10;
    sendAwarenessEntries(reader, [
      { clientId: annaId, clock, state: { user: { ...ADVISEUR, name: 'Vals' } } },
    ]);
    // Then its own presence: once Bewerker and Adviseur see it, the forged one was handled before.
    reader.awareness.setLocalStateField('user', { name: 'Lezer', color: '#4a5b00' });
    await waitFor(
      () =>
        [adviseur, bewerker].every(
          (viewer) => userName(viewer, reader.awareness.clientID) === 'Lezer',
        ),
      "the reader's own presence on both instances",
    );
    expect(userName(bewerker, annaId)).toBe(ADVISEUR.name);
    expect(userName(adviseur, annaId)).toBe(ADVISEUR.name);
    expect(adviseur.awareness!.getLocalState()?.['user']).toEqual(ADVISEUR);
  });
});
