/**
 * The address through which the window reaches a session: not the session's server itself but
 * the app's own relay on this computer (main/syncServer/sessionRelay.ts), which makes the
 * connection on the window's behalf. A page cannot pin a certificate (a browser checks it
 * against authorities, or not at all); the relay can, and sends nothing before it has.
 *
 *   ws://127.0.0.1:<port>/<relay secret>?server=wss%3A%2F%2F192.168.1.20%3A4791&vingerafdruk=<sha-256>
 *
 * The relay's secret keeps other pages and programs on this computer out of it.
 */
import { FINGERPRINT, isServerUrl } from './invitation.ts';
import type { Invitation } from './invitation.ts';

/** Where a relayed connection goes, and the certificate it must present there. */
export type RelayTarget = Pick<Invitation, 'serverUrl' | 'fingerprint'>;

/** The relay's address for a connection to `target`; `relayUrl` as the API gives it. */
export function formatRelayAddress(relayUrl: string, target: RelayTarget): string {
  const params = new URLSearchParams({ server: target.serverUrl });
  if (target.fingerprint !== null) params.set('vingerafdruk', target.fingerprint);
  return `${relayUrl}?${params.toString()}`;
}

/** The target a relay request names, checked as an invitation's; null when it is none. */
export function readRelayTarget(params: URLSearchParams): RelayTarget | null {
  const serverUrl = params.get('server');
  const fingerprint = params.get('vingerafdruk');
  if (serverUrl === null || !isServerUrl(serverUrl)) return null;
  if (params.getAll('server').length !== 1 || params.getAll('vingerafdruk').length > 1) {
    return null;
  }
  if (fingerprint !== null && (!FINGERPRINT.test(fingerprint) || !serverUrl.startsWith('wss:'))) {
    return null;
  }
  return { serverUrl, fingerprint };
}

/**
 * The relay's close code when another certificate answered than the invitation names: nothing
 * was sent to it. (In the private range of WebSocket codes, beside the server's own.)
 */
export const WRONG_HOST_CLOSE_CODE = 4495;
/** The close frame's reason (at most 123 bytes); the window says {@link WRONG_HOST_MESSAGE}. */
export const WRONG_HOST_REASON = 'Een andere computer dan die van de uitnodiging antwoordde.';
/** What the user reads when another computer answered on the host's address. */
export const WRONG_HOST_MESSAGE =
  'Dit is niet de computer die u uitnodigde: op het adres uit de uitnodiging antwoordt een andere computer. Er is niets naartoe gestuurd, uw sleutel en het document niet. Vraag de uitnodiger of de sessie nog loopt en om een nieuwe uitnodiging, en meld het aan de beheerder als dit blijft gebeuren.';
