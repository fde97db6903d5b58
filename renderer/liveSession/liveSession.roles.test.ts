/**
 * The roles as a participant's connection has them, against the app's own session host (a real
 * sync server on loopback) and a real provider: the host joins as a redacteur under their
 * name; a voorsteller, a lezer and a lezer who may comment join with invitations made for them.
 * Each connection knows its role and whether it may comment, takes part under the invitation's
 * name (a name from the preferences does not replace it), and a server that makes the
 * connection read-only makes it a lezer's whatever the invitation's text claims.
 *
 * Fault guarded: "A voorsteller's window shows the name from its preferences at the cursor and
 * signs proposals with it, which the server refuses (their invitation carries another)."
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import { createEmptyYDoc, createYDoc, encodeYDoc } from '../../shared/ydoc/yDocument.ts';
import { parseInvitation } from '../../shared/session/invitation.ts';
import type { Invitation } from '../../shared/session/invitation.ts';
import { SessionHost } from '../../main/syncServer/sessionHost.ts';
import { makeTempDir, waitFor } from '../../main/syncServer/testing/collabTesting.ts';
import { formatRelayAddress } from '../../shared/session/relayAddress.ts';
import { LiveSession, grantedRole, sessionUser } from './liveSession.ts';
import type { LiveUser } from './liveSession.ts';

vi.setConfig({ testTimeout: 30_000 });

const DOCUMENT = 'rollen';
const OWN = { name: 'Naam uit de voorkeuren', colour: '#1b6e3a' };

let temp: ReturnType<typeof makeTempDir>;
let host: SessionHost;
const sessions: LiveSession[] = [];

beforeEach(async () => {
  temp = makeTempDir('live-roles-');
  host = new SessionHost({
    dataDir: temp.dir,
    bindHost: '127.0.0.1',
    port: 0,
    advertisedHost: '127.0.0.1',
    getWriter: async () => ({ app: 'Resolutie-editor', version: 'test' }),
    identityDir: temp.dir,
  });
});
afterEach(async () => {
  for (const session of sessions.splice(0)) session.leave();
  await host.close();
  temp.remove();
});

async function startHosting(): Promise<LiveSession> {
  const ydoc = createYDoc(buildDoc({ title: 'Rollen', recitals: [['Eerste overweging.']] }));
  const started = await host.start(DOCUMENT, 'Rollen', encodeYDoc(ydoc), 'Redacteur A');
  return connect(parseInvitation(started.ownInvitation), {
    name: 'Redacteur A',
    colour: '#b3261e',
  });
}

async function connect(invitation: Invitation, user: LiveUser = OWN): Promise<LiveSession> {
  // Through the app's relay, which pins the host's certificate, as the window connects.
  const address = formatRelayAddress(await host.getLoopbackRelayUrl(), invitation);
  const session = new LiveSession(createEmptyYDoc(), invitation, user, address);
  sessions.push(session);
  await session.whenSynced();
  return session;
}

const invite = (role: 'editor' | 'proposer' | 'reader', name: string | null, mayComment = false) =>
  parseInvitation(host.createInvitation(DOCUMENT, { role, name, mayComment }));

/** The name `session` shows colleagues in its presence. */
const presenceName = (session: LiveSession) =>
  (session.awareness!.getLocalState() as { user: { name: string } }).user.name;

describe('roles in a session the app hosts', () => {
  it('lets each participant know their role, their name and whether they may comment', async () => {
    const hostSession = await startHosting();
    expect(hostSession.getSnapshot()).toMatchObject({
      role: 'editor',
      mayComment: true,
      invitedName: 'Redacteur A',
    });

    const proposer = await connect(invite('proposer', 'Voorsteller B'));
    expect(proposer.getSnapshot()).toMatchObject({
      status: 'live',
      role: 'proposer',
      mayComment: true,
      invitedName: 'Voorsteller B',
    });
    const reader = await connect(invite('reader', null));
    expect(reader.getSnapshot()).toMatchObject({ role: 'reader', mayComment: false });
    expect(reader.getSnapshot().invitedName).toBeNull();
    const commenting = await connect(invite('reader', 'Lezer C', true));
    expect(commenting.getSnapshot()).toMatchObject({
      role: 'reader',
      mayComment: true,
      invitedName: 'Lezer C',
    });

    // Colleagues see the invitation's name, not the one in the preferences; a lezer without a
    // name in the invitation takes part under their own.
    await waitFor(
      () =>
        ['Voorsteller B', 'Lezer C', OWN.name].every((name) =>
          hostSession.getSnapshot().participants.some((p) => p.name === name),
        ),
      'everyone at the host',
    );
    expect(presenceName(proposer)).toBe('Voorsteller B');
    expect(presenceName(reader)).toBe(OWN.name);
  });

  it('keeps the invitation’s name when the preferences change, and takes the new colour', async () => {
    const hostSession = await startHosting();
    const proposer = await connect(invite('proposer', 'Voorsteller B'));
    proposer.setUser({ name: 'Een andere naam', colour: '#7a3e9d' });
    expect(proposer.awareness!.getLocalState()).toMatchObject({
      user: { name: 'Voorsteller B', color: '#7a3e9d' },
    });
    await waitFor(
      () =>
        hostSession
          .getSnapshot()
          .participants.some((p) => p.name === 'Voorsteller B' && p.colour === '#7a3e9d'),
      'the new colour at the host',
    );
    expect(hostSession.getSnapshot().participants.map((p) => p.name)).not.toContain(
      'Een andere naam',
    );
  });

  it('is a lezer on a read-only connection, whatever the invitation’s text says', async () => {
    await startHosting();
    const line = host.createInvitation(DOCUMENT, { role: 'reader', name: null, mayComment: false });
    const edited = parseInvitation(line.replace('rol=lezer', 'rol=redacteur'));
    expect(edited.role).toBe('editor');
    const session = await connect(edited);
    expect(session.getSnapshot()).toMatchObject({ role: 'reader', mayComment: false });
  });
});

describe('the role and the name, worked out', () => {
  it('takes the role from the invitation unless the connection is read-only', () => {
    expect(grantedRole('proposer', 'read-write')).toBe('proposer');
    expect(grantedRole('reader', 'read-write')).toBe('reader');
    expect(grantedRole('editor', 'readonly')).toBe('reader');
    expect(grantedRole('proposer', 'readonly')).toBe('reader');
  });

  it('takes part under the invitation’s name, with the user’s colour', () => {
    const named = { name: 'Voorsteller B' } as Invitation;
    const unnamed = { name: null } as Invitation;
    expect(sessionUser(named, OWN)).toEqual({ name: 'Voorsteller B', colour: OWN.colour });
    expect(sessionUser(unnamed, OWN)).toEqual(OWN);
  });
});
