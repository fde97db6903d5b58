/**
 * The session methods through the API's one entry, as the window calls them: "Sessie starten"
 * under the host's name, "Uitnodigen…" for a redacteur, a voorsteller and a lezer (with or
 * without comments), each invitation naming whom it is for; and every request the contract
 * refuses before the host makes anything: a voorsteller or commenting lezer without a name, a
 * name with hidden characters or spaces around it, a role that does not exist, a session that
 * does not run.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { encodeBase64 } from '../../shared/format/base64.ts';
import { parseInvitation } from '../../shared/session/invitation.ts';
import { formatRelayAddress } from '../../shared/session/relayAddress.ts';
import { WITHDRAWN_REASON } from '../../shared/session/refusals.ts';
import { connectProvider, whenRefused, whenSynced } from '../syncServer/testing/collabTesting.ts';
import { createStateWithTitle } from '../services/testing/yjsDocuments.ts';
import { handleRequest } from './handlers.ts';
import { expectError, value } from './testing/apiResults.ts';
import { createTestContext, type TestContext } from './testing/testContext.ts';

let test: TestContext;
beforeEach(() => {
  test = createTestContext({
    sessionNetwork: { bindHost: '127.0.0.1', port: 0, advertisedHost: '127.0.0.1' },
  });
});
const providers: HocuspocusProvider[] = [];
afterEach(async () => {
  for (const provider of providers.splice(0)) provider.destroy();
  await test.context.sessions.close();
  await test.remove();
});

const DOCUMENT_ID = 'a1b2c3d4-0000-4000-8000-000000000001';

interface Started {
  documentName: string;
  serverUrl: string;
  ownInvitation: string;
  networkAddress: string | null;
  fingerprint: string;
}

async function start(hostName: string | null = 'Redacteur A'): Promise<Started> {
  return value<Started>(
    await handleRequest(
      'startSession',
      {
        documentId: DOCUMENT_ID,
        title: 'Jeugdzorg',
        state: encodeBase64(createStateWithTitle('Jeugdzorg')),
        hostName,
      },
      test.context,
    ),
  );
}

const invite = (request: Record<string, unknown>) =>
  handleRequest('createInvitation', request, test.context);

describe('startSession', () => {
  it('hosts the document with the host as a redacteur under their name', async () => {
    const started = await start();
    expect(Object.keys(started).sort()).toEqual([
      'documentName',
      'fingerprint',
      'networkAddress',
      'ownInvitation',
      'serverUrl',
    ]);
    // The certificate the invitations pin, which the invitation dialog shows the host.
    expect(parseInvitation(started.ownInvitation).fingerprint).toBe(started.fingerprint);
    expect(parseInvitation(started.ownInvitation)).toMatchObject({
      role: 'editor',
      name: 'Redacteur A',
      title: 'Jeugdzorg',
    });
    expect(started.networkAddress).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  it('hosts without a name when the host has none of their own', async () => {
    const started = await start(null);
    expect(parseInvitation(started.ownInvitation)).toMatchObject({ role: 'editor', name: null });
  });

  it('refuses a host name with a hidden character or spaces around it', async () => {
    for (const hostName of ['Redacteur\u202eA', ' Redacteur A', '', 'x'.repeat(61)]) {
      const result = await handleRequest(
        'startSession',
        {
          documentId: DOCUMENT_ID,
          title: 'Jeugdzorg',
          state: encodeBase64(createStateWithTitle('Jeugdzorg')),
          hostName,
        },
        test.context,
      );
      expect(result.ok, hostName).toBe(false);
    }
    expect(test.context.sessions.isHosting(DOCUMENT_ID)).toBe(false);
  });
});

describe('createInvitation', () => {
  it('makes an invitation per colleague, with the role, the name and comments for a lezer', async () => {
    const { documentName } = await start();
    const read = async (request: Record<string, unknown>) =>
      parseInvitation(
        value<{ invitation: string }>(await invite({ documentName, ...request })).invitation,
      );

    expect(await read({ role: 'proposer', name: 'Voorsteller B', mayComment: true })).toMatchObject(
      { role: 'proposer', name: 'Voorsteller B', mayComment: true, title: 'Jeugdzorg' },
    );
    expect(await read({ role: 'reader', name: 'Lezer C', mayComment: true })).toMatchObject({
      role: 'reader',
      name: 'Lezer C',
      mayComment: true,
    });
    expect(await read({ role: 'reader', name: null, mayComment: false })).toMatchObject({
      role: 'reader',
      name: null,
      mayComment: false,
    });
    const editor = await read({ role: 'editor', name: null, mayComment: true });
    expect(editor).toMatchObject({ role: 'editor', name: null, mayComment: true });
    // For colleagues: the address they reach, not this computer's loopback only.
    expect(editor.serverUrl).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/);
    // Each invitation is one of its own, even for the same grant: the host can withdraw it alone.
    const again = await read({ role: 'editor', name: null, mayComment: true });
    expect(again.token).not.toBe(editor.token);
  });

  it('refuses an invitation whose contributions would carry no name', async () => {
    const { documentName } = await start();
    for (const request of [
      { role: 'proposer', name: null, mayComment: true },
      { role: 'reader', name: null, mayComment: true },
    ]) {
      expectError(await invite({ documentName, ...request }), 'invalid_request');
    }
  });

  it('refuses names that break the rules of names, and roles that do not exist', async () => {
    const { documentName } = await start();
    for (const name of [
      '',
      ' Voorsteller B',
      'Voorsteller B ',
      'Voor\u0007steller',
      'x'.repeat(61),
    ]) {
      const result = await invite({ documentName, role: 'proposer', name, mayComment: true });
      expect(result.ok, JSON.stringify(name)).toBe(false);
    }
    for (const role of ['voorsteller', 'admin', null]) {
      const result = await invite({ documentName, role, name: 'Voorsteller B', mayComment: true });
      expect(result.ok, String(role)).toBe(false);
    }
    const extra = { documentName, role: 'editor', name: null, mayComment: true, admin: true };
    expectError(await invite(extra), 'invalid_request');
  });

  it('says so when the session does not run (any more)', async () => {
    const { documentName } = await start();
    await handleRequest('stopSession', { documentName }, test.context);
    const message = expectError(
      await invite({ documentName, role: 'editor', name: null, mayComment: true }),
      'not_found',
    );
    expect(message).toMatch(/sessie loopt niet meer/);
  });
});

describe('listParticipants, removeParticipant, withdrawInvitations', () => {
  /** Joins with `invitation` as a window does (through the app's relay), named `name`. */
  async function join(invitation: string, name: string): Promise<HocuspocusProvider> {
    const parsed = parseInvitation(invitation);
    const relay = await test.context.sessions.getLoopbackRelayUrl();
    const provider = connectProvider(
      formatRelayAddress(relay, parsed),
      parsed.documentName,
      parsed.token,
    );
    provider.awareness?.setLocalStateField('user', { name, color: '#3d4fb8' });
    providers.push(provider);
    await whenSynced(provider);
    return provider;
  }

  interface Listed {
    invitationId: string | null;
    role: string;
    invitationName: string | null;
    mayComment: boolean;
    clientId: number | null;
    presenceName: string | null;
    host: boolean;
  }
  const list = async (documentName: string) =>
    value<{ participants: Listed[] }>(
      await handleRequest('listParticipants', { documentName }, test.context),
    ).participants;

  it('lists the participants, removes one and withdraws a role, never the host', async () => {
    const started = await start();
    const { documentName } = started;
    const made = async (role: string, name: string) =>
      value<{ invitation: string }>(await invite({ documentName, role, name, mayComment: true }))
        .invitation;
    await join(started.ownInvitation, 'Redacteur A');
    const proposer = await join(await made('proposer', 'Voorsteller B'), 'Voorsteller B');
    const editor = await join(await made('editor', 'Redacteur C'), 'Redacteur C');
    // The presence arrives a moment after the sync.
    let listed: Listed[] = [];
    const deadline = Date.now() + 10_000;
    while (listed.filter((entry) => entry.presenceName !== null).length < 3) {
      if (Date.now() > deadline) throw new Error(`not all present: ${JSON.stringify(listed)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      listed = await list(documentName);
    }
    const host = listed.find((entry) => entry.host)!;
    expect(host).toMatchObject({ role: 'editor', invitationName: 'Redacteur A' });
    expect(listed.find((entry) => entry.presenceName === 'Voorsteller B')).toMatchObject({
      role: 'proposer',
      invitationName: 'Voorsteller B',
      mayComment: true,
      clientId: proposer.document.clientID,
      host: false,
    });

    // The host's own invitation is refused, in Dutch; an id that admits nobody closes nothing.
    const own = expectError(
      await handleRequest(
        'removeParticipant',
        { documentName, invitationId: host.invitationId },
        test.context,
      ),
      'invalid_request',
    );
    expect(own).toMatch(/eigen uitnodiging/);
    expect(
      value(
        await handleRequest(
          'removeParticipant',
          { documentName, invitationId: 'AAAAAAAAAAAAAAAA' },
          test.context,
        ),
      ),
    ).toEqual({ disconnected: 0 });

    // The voorsteller removed: disconnected, refused with the reason.
    const proposerId = listed.find((entry) => entry.role === 'proposer')!.invitationId;
    const refused = whenRefused(proposer);
    expect(
      value(
        await handleRequest(
          'removeParticipant',
          { documentName, invitationId: proposerId },
          test.context,
        ),
      ),
    ).toEqual({ disconnected: 1 });
    expect(await refused).toBe(WITHDRAWN_REASON);

    // All redacteur invitations: the colleague goes, the host stays.
    const editorRefused = whenRefused(editor);
    expect(
      value(
        await handleRequest('withdrawInvitations', { documentName, role: 'editor' }, test.context),
      ),
    ).toEqual({ disconnected: 1 });
    expect(await editorRefused).toBe(WITHDRAWN_REASON);
    expect((await list(documentName)).map((entry) => entry.host)).toEqual([true]);
  });

  it('refuses malformed requests and sessions that do not run', async () => {
    const { documentName } = await start();
    for (const invitationId of ['', 'kort', 'A'.repeat(17), 'AAAAAAAAAAAAAAA/', null]) {
      expectError(
        await handleRequest('removeParticipant', { documentName, invitationId }, test.context),
        'invalid_request',
      );
    }
    expectError(
      await handleRequest('withdrawInvitations', { documentName, role: 'admin' }, test.context),
      'invalid_request',
    );
    await handleRequest('stopSession', { documentName }, test.context);
    for (const [method, request] of [
      ['listParticipants', { documentName }],
      ['removeParticipant', { documentName, invitationId: 'AAAAAAAAAAAAAAAA' }],
      ['withdrawInvitations', { documentName, role: 'reader' }],
    ] as const) {
      expect(expectError(await handleRequest(method, request, test.context), 'not_found')).toMatch(
        /sessie loopt niet meer/,
      );
    }
  });
});
