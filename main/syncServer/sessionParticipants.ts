/**
 * Who is connected to a server's documents, and cutting off the connections of withdrawn
 * invitations (invitationWithdrawals.ts). A participant is one document connection: the
 * invitation it joined with (its id, role and name, from the signed token, so a client cannot
 * pass for another invitation), and the presence it set, if any: the client id PresenceGuard
 * bound to the connection and the name in its checked state (which is the invitation's name
 * when the invitation carries one). Two people who joined with one invitation are two
 * participants with the same invitation id; withdrawing it cuts off both.
 */
import type { Connection, Hocuspocus } from '@hocuspocus/server';
import type { SessionRole } from '../../shared/session/invitation.ts';
import { readPresenceState } from '../../shared/session/presenceState.ts';
import { closeWithdrawn } from './sessionAuthentication.ts';
import type { SessionContext } from './sessionAuthentication.ts';
import type { InvitationWithdrawals } from './invitationWithdrawals.ts';

/** One connection to a document, as the host sees it. */
export interface SessionParticipant {
  documentName: string;
  /** The invitation's id; null for a token made before tokens had ids. */
  invitationId: string | null;
  role: SessionRole;
  /** The name the invitation carries, or null. */
  invitationName: string | null;
  /** Whether the participant may comment. */
  mayComment: boolean;
  /** The presence the connection set (its awareness client id and name), null until it did. */
  presence: { clientId: number; name: string | null } | null;
}

/** The participants of `documentName`, or of every open document when it is not given. */
export function listParticipants(
  hocuspocus: Hocuspocus,
  documentName?: string,
): SessionParticipant[] {
  const participants: SessionParticipant[] = [];
  for (const document of hocuspocus.documents.values()) {
    if (documentName !== undefined && document.name !== documentName) continue;
    const states = document.awareness.getStates();
    for (const connection of document.getConnections()) {
      const context = readContext(connection);
      if (!context) continue;
      // One id per connection (PresenceGuard); a state that went is no presence.
      const clientId = [...document.getClients(connection)].find((id) => states.has(id));
      const presence =
        clientId === undefined
          ? null
          : { clientId, name: readPresenceState(states.get(clientId))?.user?.name ?? null };
      participants.push({
        documentName: document.name,
        invitationId: context.invitationId,
        role: context.role,
        invitationName: context.name,
        mayComment: context.mayComment,
        presence,
      });
    }
  }
  return participants;
}

/**
 * Closes every connection whose invitation `withdrawals` now refuses; returns how many. Each
 * is told why, and its provider, trying again, is refused at sign-in with the same reason.
 */
export function closeWithdrawnConnections(
  hocuspocus: Hocuspocus,
  withdrawals: InvitationWithdrawals,
  log: (line: string) => void,
): number {
  let closed = 0;
  for (const document of hocuspocus.documents.values()) {
    for (const connection of document.getConnections()) {
      const context = readContext(connection);
      if (!context || !withdrawals.isWithdrawn(context)) continue;
      log(`${document.name}: verbinding ${connection.socketId} gesloten: uitnodiging ingetrokken`);
      closeWithdrawn(connection);
      closed++;
    }
  }
  return closed;
}

// The context SessionAuthentication gave the connection; null for one it did not admit.
function readContext(connection: Connection): SessionContext | null {
  const context = connection.context as Partial<SessionContext> | undefined;
  if (!context?.role || context.invitationId === undefined) return null;
  return context as SessionContext;
}
