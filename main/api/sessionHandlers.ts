/**
 * The handlers of the sessions this app hosts: `startSession` checks the document's state
 * strictly (as a file) and puts it on a sync server of its own; `stopSession` ends it.
 */
import { ApiError } from '../../shared/api/errors.ts';
import { InvalidDocumentError } from '../../shared/ydoc/yDocument.ts';
import { decodeBase64Field } from './binaryFields.ts';
import type { ApiHandlers } from './handlerTypes.ts';

export const sessionHandlers: Pick<ApiHandlers, 'startSession' | 'stopSession'> = {
  startSession: async ({ documentId, title, state }, context) => {
    try {
      return await context.sessions.start(documentId, title, decodeBase64Field(state, 'state'));
    } catch (error) {
      if (error instanceof InvalidDocumentError) {
        throw new ApiError('invalid_request', `De sessie kan niet starten. ${error.message}`);
      }
      throw error;
    }
  },
  stopSession: async ({ documentName }, context) => {
    await context.sessions.stop(documentName);
    return {};
  },
};
