/**
 * The live connection is loaded when a session is started, joined or rejoined, not with the
 * window: the Hocuspocus client and the session's protocol are code a window without a
 * session never runs, and a window's start should not wait for them.
 */
import type * as Y from 'yjs';
import type { Invitation } from '../../shared/session/invitation.ts';
import { formatRelayAddress } from '../../shared/session/relayAddress.ts';
import { api } from '../api/client.ts';
import type { LiveSession, LiveUser } from './liveSession.ts';

/** Said when the live connection's code does not arrive; the document is untouched. */
export const LIVE_SESSION_LOAD_FAILED =
  'De code voor samenwerken kon niet worden geladen. Uw document is niet aangetast; probeer ' +
  'het opnieuw, of open het venster opnieuw als het blijft mislukken.';

/**
 * The live connection's class, loaded on first use. A load that fails (a host that stopped, a
 * file that cannot be read) is said in Dutch, as every failure in the status bar is; the
 * browser's own message is English and names a file. A later call loads it afresh.
 */
export async function loadLiveSession(
  load: () => Promise<{ LiveSession: typeof LiveSession }> = () => import('./liveSession.ts'),
): Promise<typeof LiveSession> {
  try {
    return (await load()).LiveSession;
  } catch (error) {
    throw new Error(LIVE_SESSION_LOAD_FAILED, { cause: error });
  }
}

/**
 * Where the window connects for `invitation`: the app's relay on this computer, which makes the
 * connection to the session's server and pins its certificate (shared/session/relayAddress.ts).
 * In browser mode the relay is a path of the page's own host.
 */
export async function getSessionAddress(invitation: Invitation): Promise<string> {
  const { url } = await api.getSessionRelay();
  const relay = url.startsWith('/') ? `ws://${globalThis.location.host}${url}` : url;
  return formatRelayAddress(relay, invitation);
}

/** A new live connection of `ydoc` to the session of `invitation`. */
export async function openLiveSession(
  ydoc: Y.Doc,
  invitation: Invitation,
  user: LiveUser,
): Promise<LiveSession> {
  const [Live, address] = await Promise.all([loadLiveSession(), getSessionAddress(invitation)]);
  return new Live(ydoc, invitation, user, address);
}
