/**
 * A participant whose invitation the host withdrew (issue 22): the connection is cut, the
 * provider tries again once and is refused with the server's Dutch reason, and the session
 * says so ('refused') and stops trying; the document stays, with the participant's edits.
 * Real server on loopback, real LiveSession.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEmptyYDoc, createYDoc } from '../../shared/ydoc/yDocument.ts';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import { WITHDRAWN_REASON } from '../../shared/session/refusals.ts';
import type { CollabServer } from '../../main/syncServer/collabServer.ts';
import { verifySessionToken } from '../../main/syncServer/sessionTokens.ts';
import {
  TEST_SECRET,
  getFirstItemText,
  getYText,
  makeTempDir,
  startTestServer,
  tokenFor,
  waitFor,
} from '../../main/syncServer/testing/collabTesting.ts';
import { LiveSession } from './liveSession.ts';

vi.setConfig({ testTimeout: 30_000 });

const NAME = 'ingetrokken';

let temp: ReturnType<typeof makeTempDir>;
let server: CollabServer;
const logLines: string[] = [];
const sessions: LiveSession[] = [];

beforeEach(async () => {
  temp = makeTempDir();
  logLines.length = 0;
  server = await startTestServer(temp.dir, { log: (line) => logLines.push(line) });
  await server.documents.create(NAME, createYDoc(buildDoc({ title: 'Ingetrokken' })));
});
afterEach(async () => {
  for (const session of sessions.splice(0)) session.leave();
  await server.stop().catch(() => undefined);
  temp.remove();
});

function join(name: string): { session: LiveSession; invitationId: string } {
  const token = tokenFor(NAME, 'editor', null, { name });
  const session = new LiveSession(
    createEmptyYDoc(),
    {
      serverUrl: server.url,
      fingerprint: null,
      documentName: NAME,
      token,
      role: 'editor',
      name,
      mayComment: true,
      title: null,
    },
    { name, colour: '#7a3e9d' },
    server.url,
  );
  sessions.push(session);
  const { invitationId } = verifySessionToken(TEST_SECRET, token, NAME, Date.now());
  return { session, invitationId: invitationId! };
}

describe('a withdrawn invitation in the app', () => {
  it('is refused with the host’s reason, tries no more, and keeps the copy', async () => {
    const borne = join('Borne');
    const sneek = join('Sneek');
    await Promise.all([borne.session.whenSynced(), sneek.session.whenSynced()]);
    getFirstItemText(borne.session.provider.document).insert(0, 'Van Borne. ');
    await waitFor(() => getYText(sneek.session.provider.document).includes('Van Borne.'), 'synced');

    expect(server.withdrawInvitation(borne.invitationId)).toBe(1);
    await waitFor(() => borne.session.getSnapshot().status === 'refused', 'refused');
    expect(borne.session.getSnapshot().message).toBe(WITHDRAWN_REASON);
    // Sneek no longer sees Borne, and stays live.
    await waitFor(
      () => sneek.session.getSnapshot().participants.every((p) => p.name !== 'Borne'),
      'Borne gone from Sneek’s list',
    );
    expect(sneek.session.getSnapshot().status).toBe('live');

    // One refusal at sign-in, then no further attempts: the pause before a next one would
    // have been a second, and it stays at one for longer than that.
    const refusals = () => logLines.filter((line) => line.includes('ingetrokken;')).length;
    await waitFor(() => refusals() >= 1, 'refused at sign-in');
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(refusals()).toBe(1);
    expect(borne.session.getSnapshot().status).toBe('refused');
    expect(getYText(borne.session.provider.document)).toContain('Van Borne.');
  });
});
