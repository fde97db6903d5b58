/**
 * The host withdraws invitations to a session it hosts (issue 22), as the window's presence
 * panel asks it: the participants are listed with their invitations and presence, the host's
 * own marked; removing one disconnects them and their invitation is refused from then on,
 * while the others edit on; withdrawing a role keeps the host's own invitation and hands out
 * fresh standing ones that work. Over TLS through the app's relay, as the windows connect.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import { createYDoc, encodeYDoc } from '../../shared/ydoc/yDocument.ts';
import { InvitationError, parseInvitation } from '../../shared/session/invitation.ts';
import { formatRelayAddress } from '../../shared/session/relayAddress.ts';
import { WITHDRAWN_REASON } from '../../shared/session/refusals.ts';
import {
  connectProvider,
  getFirstItemText,
  getYText,
  makeTempDir,
  waitFor,
  whenRefused,
  whenSynced,
} from './testing/collabTesting.ts';
import { SessionHost } from './sessionHost.ts';

let temp: ReturnType<typeof makeTempDir>;
let host: SessionHost;
let relayUrl: string;
const providers: HocuspocusProvider[] = [];

beforeEach(async () => {
  temp = makeTempDir('session-withdraw-');
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

const DOCUMENT_ID = '4f6b1c2e-8a3d-4e5f-9b7a-1c2d3e4f5a6c';

/** Joins with `invitation` through the relay, showing `name` in presence. */
function join(invitation: string, name: string, ydoc: Y.Doc = new Y.Doc()): HocuspocusProvider {
  const parsed = parseInvitation(invitation);
  const address = formatRelayAddress(relayUrl, parsed);
  const provider = connectProvider(address, parsed.documentName, parsed.token, ydoc);
  provider.awareness?.setLocalStateField('user', { name, color: '#3d4fb8' });
  providers.push(provider);
  return provider;
}

/** The invitation id a participant named `name` joined with, as the host lists it. */
function idOf(name: string): string {
  const entry = host.listParticipants(DOCUMENT_ID).find((e) => e.presenceName === name);
  if (!entry?.invitationId) throw new Error(`${name} is not listed with an invitation id`);
  return entry.invitationId;
}

const names = () =>
  host
    .listParticipants(DOCUMENT_ID)
    .map((entry) => entry.presenceName ?? '?')
    .sort();

describe('withdrawing invitations to a hosted session', () => {
  it('lists, removes one participant, and withdraws a role but the host’s own', async () => {
    const own = createYDoc(buildDoc({ title: 'Vertrouwelijk', recitals: [['Overleg;']] }));
    const started = await host.start(DOCUMENT_ID, 'Vertrouwelijk', encodeYDoc(own), 'Host');
    const invite = (role: 'editor' | 'reader', name: string) =>
      host.createInvitation(DOCUMENT_ID, { role, name, mayComment: false });
    const app = join(started.ownInvitation, 'Host', own);
    const borneInvitation = invite('editor', 'Borne');
    const borne = join(borneInvitation, 'Borne');
    const sneek = join(invite('editor', 'Sneek'), 'Sneek');
    const lezer = join(invite('reader', 'Lezer'), 'Lezer');
    await Promise.all([app, borne, sneek, lezer].map(whenSynced));
    await waitFor(() => names().join() === 'Borne,Host,Lezer,Sneek', 'all four listed');

    const listed = host.listParticipants(DOCUMENT_ID);
    expect(listed.filter((entry) => entry.host).map((entry) => entry.presenceName)).toEqual([
      'Host',
    ]);
    expect(listed.find((entry) => entry.presenceName === 'Lezer')).toMatchObject({
      role: 'reader',
      invitationName: 'Lezer',
      mayComment: false,
      clientId: lezer.document.clientID,
      host: false,
    });

    // The host's own invitation cannot be removed.
    expect(() => host.removeParticipant(DOCUMENT_ID, idOf('Host'))).toThrow(InvitationError);

    // Borne removed: disconnected, refused from then on; the others edit on.
    const refused = whenRefused(borne);
    expect(host.removeParticipant(DOCUMENT_ID, idOf('Borne'))).toBe(1);
    expect(await refused).toBe(WITHDRAWN_REASON);
    expect(names()).toEqual(['Host', 'Lezer', 'Sneek']);
    expect(await whenRefused(join(borneInvitation, 'Borne'))).toBe(WITHDRAWN_REASON);
    getFirstItemText(sneek.document).insert(0, 'Sneek: ');
    await waitFor(() => getYText(own).includes('Sneek: Overleg;'), 'Sneek edits on');

    // All redacteur invitations withdrawn: Sneek goes, the host stays, the lezer too; the
    // standing editor invitation from the start is refused, its replacement works.
    const sneekRefused = whenRefused(sneek);
    const withdrawn = host.withdrawInvitations(DOCUMENT_ID, 'editor');
    expect(withdrawn.disconnected).toBe(1);
    expect(await sneekRefused).toBe(WITHDRAWN_REASON);
    expect(names()).toEqual(['Host', 'Lezer']);
    expect(await whenRefused(join(started.invitations.editor, 'Oud'))).toBe(WITHDRAWN_REASON);
    const fresh = join(withdrawn.invitations.editor!, 'Nieuw');
    await whenSynced(fresh);
    getFirstItemText(fresh.document).insert(0, 'Nieuw: ');
    await waitFor(() => getYText(own).includes('Nieuw: Sneek: Overleg;'), 'the new one edits');
    expect(app.isSynced).toBe(true);

    // Voorstellers have no standing invitation to replace.
    expect(host.withdrawInvitations(DOCUMENT_ID, 'proposer')).toEqual({
      disconnected: 0,
      invitations: {},
    });
  });

  it('answers only for a session that runs', () => {
    expect(() => host.listParticipants(DOCUMENT_ID)).toThrow(/No session/);
    expect(() => host.removeParticipant(DOCUMENT_ID, 'AAAAAAAAAAAAAAAA')).toThrow(/No session/);
    expect(() => host.withdrawInvitations(DOCUMENT_ID, 'reader')).toThrow(/No session/);
  });
});
