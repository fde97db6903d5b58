/**
 * How a participant's connection ends (issue 16, point 7): when the host ends the session the
 * participant is told so, in plain Dutch, and stops connecting; when the server merely goes
 * away (a crash, a restart, the network), the participant is offline and tries again. In both
 * cases the document stays, with the participant's edits.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEmptyYDoc, createYDoc } from '../../shared/ydoc/yDocument.ts';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import type { CollabServer } from '../../main/syncServer/collabServer.ts';
import {
  getFirstItemText,
  getYText,
  makeTempDir,
  startTestServer,
  tokenFor,
  waitFor,
} from '../../main/syncServer/testing/collabTesting.ts';
import {
  GAVE_UP_MESSAGE,
  HOST_ENDED_MESSAGE,
  LiveSession,
  SERVER_STOPPED_MESSAGE,
} from './liveSession.ts';

vi.setConfig({ testTimeout: 30_000 });

const NAME = 'einde';

let temp: ReturnType<typeof makeTempDir>;
let server: CollabServer;
let session: LiveSession;

beforeEach(async () => {
  temp = makeTempDir();
  server = await startTestServer(temp.dir);
  await server.documents.create(NAME, createYDoc(buildDoc({ title: 'Einde' })));
  session = new LiveSession(
    createEmptyYDoc(),
    {
      serverUrl: server.url,
      fingerprint: null,
      documentName: NAME,
      token: tokenFor(NAME),
      role: 'editor',
      name: null,
      mayComment: true,
      title: null,
    },
    { name: 'Bewerker Joure', colour: '#7a3e9d' },
    server.url,
  );
  await session.whenSynced();
});
afterEach(async () => {
  session.leave();
  await server.stop().catch(() => undefined);
  temp.remove();
});

describe('the end of a participant’s session', () => {
  it('says that the host ended it, stops connecting, and keeps the copy', async () => {
    getFirstItemText(session.provider.document).insert(0, 'Mijn zin. ');
    await waitFor(() => !session.provider.hasUnsyncedChanges, 'the edit reached the server');
    await server.end();
    await waitFor(() => session.getSnapshot().status === 'ended', 'ended');
    expect(session.getSnapshot().message).toBe(HOST_ENDED_MESSAGE);
    expect(session.getSnapshot().retry).toBeNull();
    // The provider is gone: it makes no further attempts.
    expect(session.provider.configuration.websocketProvider.shouldConnect).toBe(false);
    expect(getYText(session.provider.document)).toContain('Mijn zin.');
  });

  it('gives up after its attempts, says so, and connects again when asked', async () => {
    const port = Number(new URL(server.url).port);
    const quick = new LiveSession(
      createEmptyYDoc(),
      {
        serverUrl: server.url,
        fingerprint: null,
        documentName: NAME,
        token: tokenFor(NAME),
        role: 'editor',
        name: null,
        mayComment: true,
        title: null,
      },
      { name: 'Collega Sneek', colour: '#1b6e3a' },
      server.url,
      { delay: 50, minDelay: 50, factor: 2, maxDelay: 200, maxAttempts: 3, jitter: false },
    );
    try {
      await quick.whenSynced();
      await server.stop();
      await waitFor(() => quick.getSnapshot().retry !== null, 'given up');
      expect(quick.getSnapshot()).toMatchObject({ status: 'offline', message: GAVE_UP_MESSAGE });
      // Nothing more is tried until asked.
      const attempts = quick.provider.configuration.websocketProvider.identifier;
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(quick.provider.configuration.websocketProvider.identifier).toBe(attempts);

      server = await startTestServer(temp.dir, { port });
      quick.getSnapshot().retry!();
      await waitFor(() => quick.getSnapshot().status === 'live', 'live again');
      expect(quick.getSnapshot()).toMatchObject({ message: null, retry: null });
    } finally {
      quick.leave();
    }
  });

  it('is offline, trying again, when the server merely stops', async () => {
    await server.stop();
    await waitFor(() => session.getSnapshot().status === 'offline', 'offline');
    expect(session.getSnapshot().message).toBe(SERVER_STOPPED_MESSAGE);
    expect(session.provider.configuration.websocketProvider.shouldConnect).toBe(true);
  });
});
