/**
 * The handlers of the document methods: listing, opening and saving `.resolutie` files and
 * the recent documents. Every path the page names is checked by the documents library.
 */
import { ApiError } from '../../shared/api/errors.ts';
import { decodeBase64Field, encodeBase64Field } from './binaryFields.ts';
import type { ApiHandlers } from './handlerTypes.ts';

/** The handlers of `listDocuments`, `openDocument`, `saveDocument` and `listRecent`. */
export const documentHandlers: Pick<
  ApiHandlers,
  'listDocuments' | 'openDocument' | 'saveDocument' | 'listRecent'
> = {
  listDocuments: (_payload, context) => context.documents.listDocuments(),

  openDocument: async ({ path }, context) => {
    const opened = await context.documents.open(path);
    return {
      path: opened.path,
      name: opened.name,
      state: encodeBase64Field(opened.state),
      savedAt: opened.savedAt,
    };
  },

  saveDocument: async ({ state, path, name, overwrite }, context) => {
    // Either a known file or a new name: both at once would leave the target to guesswork.
    if ((path === undefined) === (name === undefined)) {
      throw new ApiError(
        'invalid_request',
        "Ongeldig verzoek: geef óf 'path' (opslaan) óf 'name' (opslaan als), niet allebei of geen van beide.",
      );
    }
    const bytes = decodeBase64Field(state, 'state');
    return context.documents.save({
      state: bytes,
      ...(path !== undefined ? { path } : {}),
      ...(name !== undefined ? { name } : {}),
      ...(overwrite !== undefined ? { overwrite } : {}),
    });
  },

  listRecent: async (_payload, context) => {
    const documents = await context.documents.listRecent();
    return {
      documents: documents.map(({ name, path, title, openedAt, exists }) => ({
        name,
        path,
        title,
        openedAt,
        exists,
      })),
    };
  },
};
