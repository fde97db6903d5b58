/**
 * Two sync servers behind one Redis, as behind a load balancer: a participant on each, one
 * document, the same text on both sides. Needs Debian's `redis-server`; without it the test
 * is skipped and says why.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { createYDoc, readYDoc } from '../../shared/collab/yDocument.ts';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import type { CollabServer } from './collabServer.ts';
import {
  connectProvider,
  getYText,
  makeTempDir,
  startTestServer,
  tokenFor,
  typeOnBothUntilConverged,
  waitFor,
  whenSynced,
} from './testing/collabTesting.ts';
import { findRedisServer, startRedis } from './testing/redisProcess.ts';
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

beforeEach(() => {
  temp = makeTempDir();
});
afterEach(async () => {
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
});
