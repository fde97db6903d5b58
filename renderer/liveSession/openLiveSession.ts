/**
 * The live connection is loaded when a session is started, joined or rejoined, not with the
 * window: the Hocuspocus client and the session's protocol are code a window without a
 * session never runs, and a window's start should not wait for them.
 */
import type * as Y from 'yjs';
import type { Invitation } from '../../shared/session/invitation.ts';
import type { LiveSession, LiveUser } from './liveSession.ts';

/** The live connection's class, loaded on first use. */
export async function loadLiveSession(): Promise<typeof LiveSession> {
  return (await import('./liveSession.ts')).LiveSession;
}

/** A new live connection of `ydoc` to the session of `invitation`. */
export async function openLiveSession(
  ydoc: Y.Doc,
  invitation: Invitation,
  user: LiveUser,
): Promise<LiveSession> {
  const Live = await loadLiveSession();
  return new Live(ydoc, invitation, user);
}
