/**
 * Withdrawing invitations (issue 22): the server lists who is connected with which invitation,
 * and a withdrawn invitation, single or all of a role, is cut off at once and refused from
 * then on, with the Dutch reason, while the others edit on; the invitations it keeps (the
 * host's own) and those made afterwards go on working. Nothing a participant sends can
 * withdraw anything, nor make its invitation pass for another. Real server on loopback, real
 * providers and a raw client.
 */
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as encoding from 'lib0/encoding';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { createYDoc } from '../../shared/ydoc/yDocument.ts';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import type { SessionRole } from '../../shared/session/invitation.ts';
import { CLOSE_CODES, WITHDRAWN_REASON } from '../../shared/session/refusals.ts';
import type { CollabServer } from './collabServer.ts';
import { verifySessionToken } from './sessionTokens.ts';
import {
  TEST_SECRET,
  connectProvider,
  getFirstItemText,
  getYText,
  makeTempDir,
  startTestServer,
  tokenFor,
  typeOnBothUntilConverged,
  waitFor,
  whenRefused,
  whenSynced,
} from './testing/collabTesting.ts';
import { RawClient } from './testing/rawClient.ts';
import { MESSAGE_TYPE, encodeFrame } from './messageFrames.ts';

vi.setConfig({ testTimeout: 60_000 });

const NAME = 'intrekken';

let temp: ReturnType<typeof makeTempDir>;
let server: CollabServer;
const logLines: string[] = [];
const providers: HocuspocusProvider[] = [];
const rawClients: RawClient[] = [];
let withdrawOnAdmission: (() => void) | null = null;

beforeEach(async () => {
  temp = makeTempDir();
  logLines.length = 0;
  server = await startTestServer(temp.dir, {
    log: (line) => {
      logLines.push(line);
      // SessionAuthentication says so as the sign-in passes, before the connection exists.
      if (line.endsWith('toegelaten') && withdrawOnAdmission) withdrawOnAdmission();
    },
  });
  await server.documents.create(NAME, createYDoc(buildDoc({ title: 'Intrekken' })));
});

afterEach(async () => {
  for (const provider of providers.splice(0)) provider.destroy();
  for (const client of rawClients.splice(0)) client.close();
  await server.stop().catch(() => undefined);
  temp.remove();
});

/** A participant: an invitation of `role` under `name`, and a provider joined with it. */
interface Joined {
  token: string;
  invitationId: string;
  provider: HocuspocusProvider;
}

function invitation(role: SessionRole, name: string): { token: string; invitationId: string } {
  const token = tokenFor(NAME, role, null, { name, mayComment: role !== 'reader' });
  const { invitationId } = verifySessionToken(TEST_SECRET, token, NAME, Date.now());
  return { token, invitationId: invitationId! };
}

function connect(token: string, presenceName?: string): HocuspocusProvider {
  const provider = connectProvider(server.url, NAME, token);
  if (presenceName) {
    provider.awareness?.setLocalStateField('user', { name: presenceName, color: '#3d4fb8' });
  }
  providers.push(provider);
  return provider;
}

async function join(role: SessionRole, name: string): Promise<Joined> {
  const made = invitation(role, name);
  const provider = connect(made.token, name);
  await whenSynced(provider);
  return { ...made, provider };
}

/** The names of those connected with presence, as the server lists them. */
function presentNames(): string[] {
  return server
    .listParticipants(NAME)
    .map((participant) => participant.presence?.name ?? '?')
    .sort();
}

describe('withdrawing invitations', () => {
  it('lists each connection with its invitation and presence', async () => {
    const host = await join('editor', 'Host');
    const reader = await join('reader', 'Lezer');
    await waitFor(() => presentNames().join() === 'Host,Lezer', 'both present');
    const listed = server.listParticipants(NAME);
    const hostEntry = listed.find((entry) => entry.invitationId === host.invitationId)!;
    expect(hostEntry).toMatchObject({
      documentName: NAME,
      role: 'editor',
      invitationName: 'Host',
      mayComment: true,
      presence: { clientId: host.provider.document.clientID, name: 'Host' },
    });
    expect(listed.find((entry) => entry.invitationId === reader.invitationId)).toMatchObject({
      role: 'reader',
      invitationName: 'Lezer',
      mayComment: false,
      presence: { clientId: reader.provider.document.clientID, name: 'Lezer' },
    });
    // Another document, or none open, lists nobody.
    expect(server.listParticipants('ander-document')).toEqual([]);
  });

  it('cuts off a removed participant at once and refuses the invitation, while others edit on', async () => {
    const host = await join('editor', 'Host');
    const borne = await join('editor', 'Borne');
    const sneek = await join('editor', 'Sneek');
    await waitFor(() => presentNames().length === 3, 'three present');

    const refused = whenRefused(borne.provider);
    let closeCode: number | null = null;
    borne.provider.configuration.websocketProvider.on(
      'close',
      ({ event }: { event: CloseEvent }) => {
        closeCode ??= event.code;
      },
    );
    expect(server.withdrawInvitation(borne.invitationId)).toBe(1);
    // Gone from the list and from the others' presence at once, before any reconnect.
    expect(presentNames()).toEqual(['Host', 'Sneek']);
    await waitFor(
      () => !host.provider.awareness!.getStates().has(borne.provider.document.clientID),
      "Borne's presence gone at the host",
    );
    // The provider tries again and is refused with the reason, in Dutch.
    expect(await refused).toBe(WITHDRAWN_REASON);
    expect(closeCode).toBe(CLOSE_CODES.withdrawn);

    // What Borne types now reaches nobody; Host and Sneek go on.
    getFirstItemText(borne.provider.document).insert(0, 'NA-INTREKKEN ');
    await typeOnBothUntilConverged(host.provider, sneek.provider, 'HOST ', 'BRAM ', 'edit on');
    expect(getYText(host.provider.document)).not.toContain('NA-INTREKKEN');

    // The same invitation, from a fresh client, is refused too.
    const again = connect(borne.token, 'Borne');
    expect(await whenRefused(again)).toBe(WITHDRAWN_REASON);
    expect(server.listParticipants(NAME)).toHaveLength(2);
    expect(logLines.some((line) => line.includes('uitnodiging ingetrokken'))).toBe(true);
  });

  it('cuts off everyone who shares a withdrawn invitation', async () => {
    await join('editor', 'Host');
    const shared = invitation('editor', 'Gedeeld');
    const first = connect(shared.token, 'Gedeeld');
    const second = connect(shared.token, 'Gedeeld');
    await Promise.all([whenSynced(first), whenSynced(second)]);
    await waitFor(() => presentNames().length === 3, 'three present');
    expect(
      server.listParticipants(NAME).filter((entry) => entry.invitationId === shared.invitationId),
    ).toHaveLength(2);
    const refusals = Promise.all([whenRefused(first), whenRefused(second)]);
    expect(server.withdrawInvitation(shared.invitationId)).toBe(2);
    expect(await refusals).toEqual([WITHDRAWN_REASON, WITHDRAWN_REASON]);
    expect(presentNames()).toEqual(['Host']);
  });

  it("withdraws a role's invitations but the host's own and those made afterwards", async () => {
    const host = await join('editor', 'Host');
    const borne = await join('editor', 'Borne');
    const lezer = await join('reader', 'Lezer');
    // Made before the withdrawal and never used: withdrawn all the same.
    const unused = invitation('editor', 'Ongebruikt');
    await waitFor(() => presentNames().length === 3, 'three present');

    const refused = whenRefused(borne.provider);
    expect(server.withdrawRole('editor', [host.invitationId])).toBe(1);
    expect(await refused).toBe(WITHDRAWN_REASON);
    expect(presentNames()).toEqual(['Host', 'Lezer']);
    expect(await whenRefused(connect(unused.token))).toBe(WITHDRAWN_REASON);

    // A new editor's invitation works, and edits with the host.
    const fresh = await join('editor', 'Nieuw');
    await typeOnBothUntilConverged(host.provider, fresh.provider, 'H ', 'N ', 'new editor');
    // The host's own invitation still admits (the app reconnecting, say).
    await whenSynced(connect(host.token));

    // Withdrawing the editors again without keeping the host's cuts the host off too.
    const hostRefused = whenRefused(host.provider);
    server.withdrawRole('editor');
    expect(await hostRefused).toBe(WITHDRAWN_REASON);
    expect(presentNames()).toEqual(['Lezer']);
    expect(lezer.provider.isSynced).toBe(true);
  });

  it('withdraws tokens made before tokens had ids only with their role', async () => {
    await join('editor', 'Host');
    // A reader's token as servers signed them before: no id, no time.
    const body = Buffer.from(JSON.stringify({ v: 1, d: NAME, r: 'r', x: null })).toString(
      'base64url',
    );
    const old = `${body}.${createHmac('sha256', TEST_SECRET).update(body).digest('base64url')}`;
    const reader = connect(old, 'Oud');
    await whenSynced(reader);
    await waitFor(() => presentNames().length === 2, 'the old reader present');
    expect(
      server.listParticipants(NAME).find((entry) => entry.role === 'reader')?.invitationId,
    ).toBeNull();
    const refused = whenRefused(reader);
    expect(server.withdrawRole('reader')).toBe(1);
    expect(await refused).toBe(WITHDRAWN_REASON);
  });

  it('closes a connection whose invitation was withdrawn while it signed in', async () => {
    // Withdrawn the moment the sign-in passed, before the document has loaded and the
    // connection exists: the withdrawal finds nothing to close, the connection is closed as
    // it is established.
    const reader = invitation('reader', 'Laat');
    let closedThen: number | null = null;
    logLines.length = 0;
    withdrawOnAdmission = () => {
      withdrawOnAdmission = null;
      closedThen = server.withdrawInvitation(reader.invitationId);
    };
    try {
      const provider = connect(reader.token, 'Laat');
      expect(await whenRefused(provider)).toBe(WITHDRAWN_REASON);
    } finally {
      withdrawOnAdmission = null;
    }
    expect(closedThen).toBe(0);
    expect(
      logLines.some((line) => line.includes('ingetrokken') && line.includes('verbinding')),
    ).toBe(true);
    expect(server.listParticipants(NAME)).toEqual([]);
  });

  it('lets no participant withdraw anything, nor pass for another invitation', async () => {
    const host = await join('editor', 'Host');
    const borne = await join('editor', 'Borne');
    await waitFor(() => presentNames().length === 2, 'both present');

    // A raw client with an invitation of its own sends what a client can: a stateless message
    // naming Borne's invitation, an awareness state under her name, a close of the document.
    const hostile = invitation('editor', 'Vijand');
    const raw = new RawClient(server.url, NAME, hostile.token);
    rawClients.push(raw);
    await waitFor(() => raw.synced, 'the raw client synced');
    const text = JSON.stringify({ withdraw: borne.invitationId });
    raw.sendRaw(
      encodeFrame(NAME, MESSAGE_TYPE.stateless, (encoder) =>
        encoding.writeVarString(encoder, text),
      ),
    );
    raw.awareness.setLocalStateField('user', { name: 'Borne', color: '#000000' });
    raw.sendRaw(encodeFrame(NAME, MESSAGE_TYPE.close));

    // Its token rewritten to carry Borne's id, or none at all: the signature no longer holds.
    const [body, signature] = hostile.token.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    for (const changed of [
      { ...payload, i: borne.invitationId },
      { ...payload, i: undefined },
    ]) {
      const forged = `${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${signature}`;
      expect(await whenRefused(connect(forged))).toMatch(/ongeldig/);
    }

    // Host and Borne are still in, and edit on together.
    await typeOnBothUntilConverged(host.provider, borne.provider, 'H ', 'A ', 'still editing');
    const ids = server.listParticipants(NAME).map((entry) => entry.invitationId);
    expect(ids).toContain(host.invitationId);
    expect(ids).toContain(borne.invitationId);
  });
});
