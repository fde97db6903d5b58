/**
 * Joining when another computer answers on the host's address (issue 22): the window connects
 * through the app's relay, which finds another certificate than the invitation's and sends it
 * nothing; the participant reads why, in Dutch, and the app does not try again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmptyYDoc } from '../../shared/ydoc/yDocument.ts';
import { formatRelayAddress, WRONG_HOST_MESSAGE } from '../../shared/session/relayAddress.ts';
import type { Invitation } from '../../shared/session/invitation.ts';
import { SessionRelay, startLoopbackRelay } from '../../main/syncServer/sessionRelay.ts';
import type { LoopbackRelay } from '../../main/syncServer/sessionRelay.ts';
import { createTlsIdentity } from '../../main/syncServer/tlsIdentity.ts';
import { startImpostor } from '../../main/syncServer/testing/impostorServer.ts';
import type { ImpostorServer } from '../../main/syncServer/testing/impostorServer.ts';
import { tokenFor } from '../../main/syncServer/testing/collabTesting.ts';
import { LiveSession } from './liveSession.ts';

let relay: LoopbackRelay;
let impostor: ImpostorServer;
beforeEach(async () => {
  relay = await startLoopbackRelay(new SessionRelay());
  impostor = await startImpostor();
});
afterEach(async () => {
  await relay.close();
  await impostor.close();
});

describe('LiveSession and a computer that poses as the host', () => {
  it('refuses with the Dutch message, sends it nothing, and does not try again', async () => {
    const invitation: Invitation = {
      serverUrl: `wss://127.0.0.1:${impostor.port}`,
      // The host's certificate, which the impostor does not have.
      fingerprint: createTlsIdentity().fingerprint,
      documentName: 'concept',
      token: tokenFor('concept'),
      role: 'editor',
      name: null,
      mayComment: true,
      title: 'Concept',
    };
    const session = new LiveSession(
      createEmptyYDoc(),
      invitation,
      { name: 'Collega', colour: '#1b6e3a' },
      formatRelayAddress(relay.url, invitation),
      { delay: 20, minDelay: 20, factor: 1, maxDelay: 20, maxAttempts: 5, jitter: false },
    );
    try {
      await expect(session.whenSynced()).rejects.toThrow(WRONG_HOST_MESSAGE);
      expect(session.getSnapshot()).toMatchObject({
        status: 'refused',
        message: WRONG_HOST_MESSAGE,
      });
      expect(WRONG_HOST_MESSAGE).toMatch(/^Dit is niet de computer die u uitnodigde/);
      // Waiting well past the provider's pause between attempts: none is made.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(impostor.connections()).toBe(1);
      expect(impostor.decrypted().length).toBe(0);
      expect(impostor.raw().includes(Buffer.from(invitation.token))).toBe(false);
    } finally {
      session.leave();
    }
  });
});
