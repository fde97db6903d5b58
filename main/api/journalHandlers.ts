/**
 * The handlers of the recovery journal: the renderer resets a document's journal on New, Open
 * and Save, streams every Yjs update to it, and after a crash lists and recovers what the
 * journals hold.
 */
import { ApiError } from '../../shared/api/errors.ts';
import { InvalidDocumentError } from '../../shared/ydoc/yDocument.ts';
import { openDocumentState } from '../../shared/ydoc/yDocument.ts';
import type { JournalMetadata } from '../services/journal/journalStore.ts';
import { isYjsUpdate } from '../services/journal/journalUpdates.ts';
import { decodeBase64Field, encodeBase64Field } from './binaryFields.ts';
import type { ApiHandlers } from './handlerTypes.ts';

/** The handlers of the journal methods. */
export const journalHandlers: Pick<
  ApiHandlers,
  'journalReset' | 'journalAppend' | 'journalDiscard' | 'listRecoverable' | 'recoverDocument'
> = {
  journalReset: async ({ documentId, state, path, title, session }, context) => {
    const bytes = decodeBase64Field(state, 'state');
    // The clean base of a journal is what recovery builds on: it must be a valid document.
    checkDocumentState(bytes);
    await context.journal.reset(documentId, bytes, toMetadata(path, title, session));
    return {};
  },

  journalAppend: async ({ documentId, update, path, title, session }, context) => {
    const bytes = decodeBase64Field(update, 'update');
    if (!isYjsUpdate(bytes)) {
      throw new ApiError(
        'invalid_request',
        "Ongeldig verzoek: veld 'update' is geen Yjs-wijziging.",
      );
    }
    return context.journal.append(documentId, bytes, toMetadata(path, title, session));
  },

  journalDiscard: async ({ documentId }, context) => {
    await context.journal.discard(documentId);
    return {};
  },

  listRecoverable: async (_payload, context) => ({
    documents: await context.journal.listRecoverable(),
  }),

  recoverDocument: async ({ documentId }, context) => {
    const recovered = await context.journal.recover(documentId);
    return {
      documentId: recovered.documentId,
      state: encodeBase64Field(recovered.state),
      path: recovered.path,
      title: recovered.title,
      session: recovered.session,
    };
  },
};

/** Only what the request says: a field left out leaves the journal's value as it was. */
function toMetadata(
  path: string | null | undefined,
  title: string | undefined,
  session: string | null | undefined,
): JournalMetadata {
  return {
    ...(path !== undefined ? { path } : {}),
    ...(title !== undefined ? { title } : {}),
    ...(session !== undefined ? { session } : {}),
  };
}

/** Refuses a state that is no valid document, as an `invalid_request` ApiError. */
function checkDocumentState(state: Uint8Array): void {
  try {
    openDocumentState(state).ydoc.destroy();
  } catch (error) {
    if (!(error instanceof InvalidDocumentError)) throw error;
    throw new ApiError(
      'invalid_request',
      `Ongeldig verzoek: veld 'state' is geen geldig document. ${error.message}`,
    );
  }
}
