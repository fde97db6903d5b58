/**
 * The handlers of the sessions this app hosts: `startSession` checks the document's state
 * strictly (as a file) and puts it on a sync server of its own, the host joining under their
 * name; `createInvitation` signs an invitation to it for one colleague (a role, their name,
 * whether a lezer may comment); `stopSession` ends it. `getSessionRelay` answers where the
 * window connects to any session, hosted or joined: the relay, started on first use.
 * `listParticipants` says who is connected with which invitation, `removeParticipant`
 * withdraws one invitation (its holders are disconnected) and `withdrawInvitations` all of a
 * role but the host's own.
 */
import { ApiError } from '../../shared/api/errors.ts';
import { InvalidDocumentError } from '../../shared/ydoc/yDocument.ts';
import { InvitationError } from '../../shared/session/invitation.ts';
import { RELAY_PATH } from '../syncServer/sessionRelay.ts';
import { decodeBase64Field } from './binaryFields.ts';
import type { ApiHandlers } from './handlerTypes.ts';
import type { ApiContext } from './context.ts';

export const sessionHandlers: Pick<
  ApiHandlers,
  | 'startSession'
  | 'createInvitation'
  | 'listParticipants'
  | 'removeParticipant'
  | 'withdrawInvitations'
  | 'stopSession'
  | 'getSessionRelay'
> = {
  startSession: async ({ documentId, title, state, hostName }, context) => {
    try {
      const started = await context.sessions.start(
        documentId,
        title,
        decodeBase64Field(state, 'state'),
        hostName ?? undefined,
      );
      // What the window needs; invitations for colleagues are made one by one, by name.
      return {
        documentName: started.documentName,
        serverUrl: started.serverUrl,
        ownInvitation: started.ownInvitation,
        networkAddress: started.networkAddress,
        fingerprint: started.fingerprint,
      };
    } catch (error) {
      if (error instanceof InvalidDocumentError) {
        throw new ApiError('invalid_request', `De sessie kan niet starten. ${error.message}`);
      }
      throw error;
    }
  },
  createInvitation: ({ documentName, role, name, mayComment }, context) => {
    if (!context.sessions.isHosting(documentName)) {
      throw new ApiError(
        'not_found',
        'Deze sessie loopt niet meer; start een nieuwe sessie om collega’s uit te nodigen.',
      );
    }
    try {
      return {
        invitation: context.sessions.createInvitation(documentName, { role, name, mayComment }),
      };
    } catch (error) {
      if (error instanceof InvitationError) throw new ApiError('invalid_request', error.message);
      throw error;
    }
  },
  // The browser-mode host serves the relay beside its API, for its own pages; the desktop app
  // on a loopback port with a secret (main/syncServer/sessionRelay.ts).
  getSessionRelay: async (_request, context) => ({
    url: context.mode === 'browser' ? RELAY_PATH : await context.sessions.getLoopbackRelayUrl(),
  }),
  listParticipants: ({ documentName }, context) => {
    requireHosting(documentName, context);
    return { participants: context.sessions.listParticipants(documentName) };
  },
  removeParticipant: ({ documentName, invitationId }, context) => {
    requireHosting(documentName, context);
    try {
      return { disconnected: context.sessions.removeParticipant(documentName, invitationId) };
    } catch (error) {
      if (error instanceof InvitationError) throw new ApiError('invalid_request', error.message);
      throw error;
    }
  },
  withdrawInvitations: ({ documentName, role }, context) => {
    requireHosting(documentName, context);
    // The replacements for the standing invitations are not sent: the window invites by name.
    const { disconnected } = context.sessions.withdrawInvitations(documentName, role);
    return { disconnected };
  },
  stopSession: async ({ documentName }, context) => {
    await context.sessions.stop(documentName);
    return {};
  },
};

// A session that stopped (or never ran here) has no participants to list or remove.
function requireHosting(documentName: string, context: ApiContext): void {
  if (!context.sessions.isHosting(documentName)) {
    throw new ApiError('not_found', 'Deze sessie loopt niet meer.');
  }
}
