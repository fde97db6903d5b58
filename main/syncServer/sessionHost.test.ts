/**
 * Hosting a session as "Sessie starten" does: the open document's state put on a sync server
 * of its own on loopback, the app's own copy joining with the same history (nothing doubled),
 * a colleague joining with the editor invitation, a reader with the other; stopping ends it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import { createYDoc, encodeYDoc, readYDoc } from '../../shared/ydoc/yDocument.ts';
import {
  InvitationError,
  formatInvitation,
  parseInvitation,
} from '../../shared/session/invitation.ts';
import { isEndNotice } from '../../shared/session/endNotice.ts';
import {
  connectProvider,
  getFirstItemText,
  getYText,
  makeTempDir,
  waitFor,
  whenRefused,
  whenSynced,
} from './testing/collabTesting.ts';
import { findNetworkAddress, readSessionNetwork, SessionHost } from './sessionHost.ts';
import { TLS_IDENTITY_FILE, readTlsIdentity } from './tlsIdentity.ts';
import { formatRelayAddress } from '../../shared/session/relayAddress.ts';

let temp: ReturnType<typeof makeTempDir>;
let host: SessionHost;
let relayUrl: string;
const providers: { destroy: () => void }[] = [];

beforeEach(async () => {
  temp = makeTempDir('session-host-');
  host = new SessionHost({
    dataDir: temp.dir,
    bindHost: '127.0.0.1',
    port: 0,
    advertisedHost: '127.0.0.1',
    getWriter: async () => ({ app: 'Resolutie-editor', version: 'test' }),
    identityDir: temp.dir,
  });
  relayUrl = await host.getLoopbackRelayUrl();
});
afterEach(async () => {
  for (const provider of providers.splice(0)) provider.destroy();
  await host.close();
  temp.remove();
});

const DOCUMENT_ID = '4f6b1c2e-8a3d-4e5f-9b7a-1c2d3e4f5a6b';

// As the app's windows do: through its relay, which pins the certificate the invitation names.
function join(invitation: string, ydoc: Y.Doc = new Y.Doc()) {
  const parsed = parseInvitation(invitation);
  const address = formatRelayAddress(relayUrl, parsed);
  const provider = connectProvider(address, parsed.documentName, parsed.token, ydoc);
  providers.push(provider);
  return { provider, ydoc, parsed };
}

describe('SessionHost', () => {
  it('puts the document on a server, where the app and a colleague edit it together', async () => {
    const own = createYDoc(buildDoc({ title: 'Jeugdzorg', recitals: [['Kosten;']] }));
    const started = await host.start(DOCUMENT_ID, 'Jeugdzorg', encodeYDoc(own));
    expect(started.documentName).toBe(DOCUMENT_ID);
    expect(started.networkAddress).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(parseInvitation(started.invitations.reader).role).toBe('reader');
    expect(parseInvitation(started.invitations.editor).title).toBe('Jeugdzorg');
    // Over TLS, pinned to this installation's certificate, kept in its profile.
    const identity = readTlsIdentity(readFileSync(path.join(temp.dir, TLS_IDENTITY_FILE), 'utf8'));
    expect(started.fingerprint).toBe(identity?.fingerprint);
    for (const line of [started.ownInvitation, started.invitations.editor]) {
      expect(parseInvitation(line)).toMatchObject({
        serverUrl: expect.stringMatching(/^wss:\/\/127\.0\.0\.1:\d+$/),
        fingerprint: started.fingerprint,
      });
    }

    // The app joins with its own Y.Doc: the same history, so the text is there once.
    const app = join(started.ownInvitation, own);
    const colleague = join(started.invitations.editor);
    await whenSynced(app.provider);
    await whenSynced(colleague.provider);
    expect(getYText(colleague.ydoc)).toBe(getYText(own));
    expect(getYText(own).match(/Kosten;/g)).toHaveLength(1);

    getFirstItemText(colleague.ydoc).insert(0, 'Stijgende ');
    await waitFor(() => getYText(own).includes('Stijgende Kosten;'), 'the edit reaches the app');
    expect(readYDoc(own).textContent).toContain('Stijgende Kosten;');
  });

  it("gives readers the document and keeps their changes out of everyone else's", async () => {
    const own = createYDoc(buildDoc({ title: 'Fonds', recitals: [['Krimpt;']] }));
    const started = await host.start(DOCUMENT_ID, 'Fonds', encodeYDoc(own));
    const app = join(started.ownInvitation, own);
    const reader = join(started.invitations.reader);
    await whenSynced(app.provider);
    await whenSynced(reader.provider);
    getFirstItemText(reader.ydoc).insert(0, 'NIET ');
    // The app types after the reader: once its edit is back from the server, the reader's
    // would have been too, had the server taken it.
    getFirstItemText(own).insert(0, 'Wel ');
    await waitFor(() => getYText(reader.ydoc).includes('Wel '), 'the app edit reaches the reader');
    expect(getYText(own)).not.toContain('NIET');
  });

  it('ends a session: everyone is disconnected, invitations no longer work', async () => {
    const own = createYDoc(buildDoc({ title: 'Kort' }));
    const started = await host.start(DOCUMENT_ID, 'Kort', encodeYDoc(own));
    const colleague = join(started.invitations.editor);
    await whenSynced(colleague.provider);
    expect(host.isHosting(DOCUMENT_ID)).toBe(true);
    await host.stop(DOCUMENT_ID);
    expect(host.isHosting(DOCUMENT_ID)).toBe(false);
    await waitFor(
      () => colleague.provider.isSynced === false || !colleague.provider.isAuthenticated,
      'disconnected',
    );
    // Starting again for the same document makes a new server with a new secret.
    const again = await host.start(DOCUMENT_ID, 'Kort', encodeYDoc(own));
    expect(parseInvitation(again.invitations.editor).token).not.toBe(
      parseInvitation(started.invitations.editor).token,
    );
    // An invitation expires with its session: the old one, at the new session's address, is
    // refused (its secret is gone).
    const old = parseInvitation(started.invitations.editor);
    const stale = join(
      formatInvitation({ ...old, serverUrl: parseInvitation(again.invitations.editor).serverUrl }),
    );
    expect(await whenRefused(stale.provider)).toMatch(/ongeldig/);
  });

  it('tells the participants that the host ended it, before their connection closes', async () => {
    const own = createYDoc(buildDoc({ title: 'Einde' }));
    const started = await host.start(DOCUMENT_ID, 'Einde', encodeYDoc(own));
    const colleague = join(started.invitations.editor);
    await whenSynced(colleague.provider);
    const heard: string[] = [];
    colleague.provider.on('stateless', ({ payload }: { payload: string }) => {
      if (isEndNotice(payload)) heard.push('einde');
    });
    colleague.provider.on('disconnect', () => heard.push('gesloten'));
    await host.stop(DOCUMENT_ID);
    await waitFor(() => heard.includes('gesloten'), 'disconnected');
    expect(heard[0]).toBe('einde');
  });

  it('makes the host a named redacteur, and invitations by role and name', async () => {
    const own = createYDoc(buildDoc({ title: 'Rollen', recitals: [['Eerste;']] }));
    const started = await host.start(DOCUMENT_ID, 'Rollen', encodeYDoc(own), 'Gastheer');
    expect(parseInvitation(started.ownInvitation)).toMatchObject({
      role: 'editor',
      name: 'Gastheer',
      mayComment: true,
    });
    const invite = (
      role: 'editor' | 'proposer' | 'reader',
      name: string | null,
      mayComment = false,
    ) => parseInvitation(host.createInvitation(DOCUMENT_ID, { role, name, mayComment }));
    const proposer = invite('proposer', 'Voorsteller');
    expect(proposer).toMatchObject({
      role: 'proposer',
      name: 'Voorsteller',
      mayComment: true,
      title: 'Rollen',
      serverUrl: parseInvitation(started.invitations.editor).serverUrl,
    });
    expect(invite('reader', 'Lezer', true)).toMatchObject({ role: 'reader', mayComment: true });
    expect(invite('reader', null)).toMatchObject({ role: 'reader', name: null, mayComment: false });
    expect(invite('editor', null, false).mayComment).toBe(true);
    // What the text says is what the user is told; the server reads the same from the token.
    const session = join(
      host.createInvitation(DOCUMENT_ID, {
        role: 'proposer',
        name: 'Voorsteller',
        mayComment: true,
      }),
    );
    await whenSynced(session.provider);
    const edit = new Promise<string>((resolve) =>
      session.provider.on('close', ({ event }: { event: CloseEvent }) => resolve(event.reason)),
    );
    // A voorsteller's direct edit is refused by the server this invitation admits to.
    getFirstItemText(session.ydoc).insert(0, 'Direct ');
    expect(await edit).toMatch(/als voorsteller kunt u alleen voorstellen doen/);
  });

  it('will not make an invitation without the name a voorsteller or commenting lezer needs', async () => {
    const own = createYDoc(buildDoc({ title: 'Namen' }));
    await expect(host.start(DOCUMENT_ID, 'Namen', encodeYDoc(own), ' Gastheer')).rejects.toThrow(
      InvitationError,
    );
    await host.start(DOCUMENT_ID, 'Namen', encodeYDoc(own));
    const make = (role: 'proposer' | 'reader', name: string | null, mayComment: boolean) => () =>
      host.createInvitation(DOCUMENT_ID, { role, name, mayComment });
    expect(make('proposer', null, true)).toThrow(/naam van de voorsteller/);
    expect(make('reader', null, true)).toThrow(/naam van de lezer/);
    expect(make('proposer', 'n'.repeat(61), true)).toThrow(InvitationError);
    expect(make('reader', 'Lezer\u202e', false)).toThrow(InvitationError);
    expect(() =>
      host.createInvitation('geen-sessie', { role: 'editor', name: null, mayComment: true }),
    ).toThrow();
  });

  it('refuses a state that is no resolution, and starts nothing', async () => {
    const foreign = new Y.Doc();
    foreign.getXmlFragment('resolutie').insert(0, [new Y.XmlElement('script')]);
    await expect(host.start(DOCUMENT_ID, 'x', encodeYDoc(foreign))).rejects.toThrow();
    expect(host.isHosting(DOCUMENT_ID)).toBe(false);
  });
});

describe('the network of hosted sessions', () => {
  it('reads the host and first port from the environment, ignoring nonsense', () => {
    expect(readSessionNetwork({})).toEqual({});
    expect(
      readSessionNetwork({ RESOLUTIE_SESSION_HOST: '127.0.0.1', RESOLUTIE_SESSION_PORT: '0' }),
    ).toEqual({
      bindHost: '127.0.0.1',
      advertisedHost: '127.0.0.1',
      port: 0,
    });
    expect(readSessionNetwork({ RESOLUTIE_SESSION_PORT: '99999' })).toEqual({});
    expect(readSessionNetwork({ RESOLUTIE_SESSION_PORT: 'abc' })).toEqual({});
  });

  it("finds this computer's network address, never loopback", () => {
    expect(
      findNetworkAddress({
        lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true } as never],
        eth0: [
          { address: 'fe80::1', family: 'IPv6', internal: false } as never,
          { address: '192.168.1.20', family: 'IPv4', internal: false } as never,
        ],
      }),
    ).toBe('192.168.1.20');
    expect(
      findNetworkAddress({
        lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true } as never],
      }),
    ).toBeNull();
  });
});
