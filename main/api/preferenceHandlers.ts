/**
 * The handlers of the preferences: reading them with what fell back to a default, and storing
 * them after the documents folder has been checked on this machine (a full path, an existing
 * folder, writable). The documents library follows the stored folder at once.
 */
import type { PreferencesState } from '../../shared/api/preferences.ts';
import { checkDocumentsFolder } from '../services/documents/documentsFolder.ts';
import type { ApiContext } from './context.ts';
import type { ApiHandlers } from './handlerTypes.ts';

/** The handlers of `getPreferences` and `setPreferences`. */
export const preferenceHandlers: Pick<ApiHandlers, 'getPreferences' | 'setPreferences'> = {
  getPreferences: async (_payload, context) => {
    const { preferences, notices, userNameChosen } = await context.preferences.read();
    // The folder follows the file as it is now (edited, or its folder gone since the start).
    context.documentsFolder.refresh();
    return describeState(context, preferences, notices, userNameChosen);
  },

  setPreferences: async (preferences, context) => {
    const documentsDir =
      preferences.documentsDir === null
        ? null
        : await checkDocumentsFolder(preferences.documentsDir);
    const stored = await context.preferences.write({ ...preferences, documentsDir });
    context.documentsFolder.use(stored.documentsDir);
    return describeState(context, stored, [], true);
  },
};

async function describeState(
  context: ApiContext,
  preferences: PreferencesState['preferences'],
  notices: string[],
  userNameChosen: boolean,
): Promise<PreferencesState> {
  const { folder, notice } = await context.documentsFolder.describe();
  return {
    preferences,
    documentsFolder: folder,
    notices: notice === null ? notices : [...notices, notice],
    userNameChosen,
  };
}
