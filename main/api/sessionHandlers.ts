/**
 * The handlers of the sessions this app hosts: `startSession` checks the document's state
 * strictly (as a file) and puts it on a sync server of its own, the host joining under their
 * name; `createInvitation` signs an invitation to it for one colleague (a role, their name,
 * whether a lezer may comment); `stopSession` ends it. `getSessionRelay` answers where the
 * window connects to any session, hosted or joined: the relay, started on first use.
 */
import { ApiError } from '../../shared/api/errors.ts';
import { InvalidDocumentError } from '../../shared/ydoc/yDocument.ts';
import { InvitationError } from '../../shared/session/invitation.ts';
import { RELAY_PATH } from '../syncServer/sessionRelay.ts';
import { decodeBase64Field } from './binaryFields.ts';
import type { ApiHandlers } from './handlerTypes.ts';

export const sessionHandlers: Pick<
  ApiHandlers,
  'startSession' | 'createInvitation' | 'stopSession' | 'getSessionRelay'
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
  stopSession: async ({ documentName }, context) => {
    await context.sessions.stop(documentName);
    return {};
  },
};
