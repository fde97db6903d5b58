/**
 * The user's preferences in `<profile>/preferences.json`, written atomically and read field by
 * field (`preferencesFile.ts`): a missing file gives the defaults (the account's name, a colour
 * picked from it, the template's assembly, the standard documents folder, dates written out);
 * a damaged file or value is reported and replaced by its default until the user saves again.
 * Whether the name is one the user gave is said too: the app asks for one until then.
 * Reading never writes.
 */
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  DEFAULT_ASSEMBLY,
  DEFAULT_DATE_STYLE,
  MAX_USER_NAME_LENGTH,
  userPreferencesSchema,
  type UserPreferences,
} from '../../../shared/api/preferences.ts';
import { pickUserColour } from '../../../shared/model/userColours.ts';
import { writeFileAtomic } from '../files/atomicWrite.ts';
import { FileReadError } from '../files/fileErrors.ts';
import {
  formatPreferencesFile,
  parsePreferencesFile,
  type ReadPreferences,
} from './preferencesFile.ts';
import { readFileLimited } from '../files/readFileLimited.ts';

const MAX_PREFERENCES_BYTES = 64 * 1024;

export type { ReadPreferences };

/** The preferences file of a profile folder. */
export function getPreferencesFile(profileDir: string): string {
  return path.join(profileDir, 'preferences.json');
}

/** The preferences of one profile. */
export class PreferencesStore {
  readonly filePath: string;
  readonly #reportError: (message: string, error: unknown) => void;
  readonly #accountName: () => string;

  constructor(
    filePath: string,
    options: {
      reportError?: (message: string, error: unknown) => void;
      /** The name of the user's account, for the default; the system's by default. */
      accountName?: () => string;
    } = {},
  ) {
    this.filePath = path.resolve(filePath);
    this.#reportError = options.reportError ?? console.error;
    this.#accountName = options.accountName ?? readAccountName;
  }

  /**
   * The stored preferences (each invalid one replaced by its default), and what fell back;
   * that is reported too, unless `quiet` (for a second look, such as the documents folder's).
   */
  async read({ quiet = false }: { quiet?: boolean } = {}): Promise<ReadPreferences> {
    const report = quiet ? () => undefined : this.#reportError;
    let bytes: Uint8Array;
    try {
      bytes = await readFileLimited(this.filePath, MAX_PREFERENCES_BYTES);
    } catch (error) {
      if (error instanceof FileReadError && error.code === 'not_found') {
        return { preferences: this.defaults(), notices: [], userNameChosen: false };
      }
      report('Voorkeuren niet gelezen; de standaardwaarden gelden', error);
      const reason = error instanceof Error ? error.message : String(error);
      return {
        preferences: this.defaults(),
        userNameChosen: false,
        notices: [
          `Uw voorkeuren konden niet worden gelezen: ${reason} De standaardwaarden gelden tot u de voorkeuren opslaat.`,
        ],
      };
    }
    const read = parsePreferencesFile(new TextDecoder().decode(bytes), (valid) =>
      this.defaults(valid.userName),
    );
    if (read.notices.length > 0) {
      report('Voorkeuren (deels) ongeldig; de standaardwaarden gelden', read.notices.join(' '));
    }
    return read;
  }

  /** Stores `preferences` (checked) and returns them as stored. */
  async write(preferences: UserPreferences): Promise<UserPreferences> {
    const checked = userPreferencesSchema.parse(preferences);
    // The profile folder does not exist before the app first writes to it.
    await mkdir(path.dirname(this.filePath), { recursive: true });
    await writeFileAtomic(this.filePath, new TextEncoder().encode(formatPreferencesFile(checked)));
    return checked;
  }

  /**
   * The defaults: the account's name with a capital ("Gebruiker" without a usable name), the
   * colour picked from `userName` (the one that will be used) or from that default name.
   */
  defaults(userName?: string): UserPreferences {
    const account = this.#accountName().trim().slice(0, MAX_USER_NAME_LENGTH);
    const fallbackName = account ? account.charAt(0).toUpperCase() + account.slice(1) : 'Gebruiker';
    const name = userName ?? fallbackName;
    return {
      userName: fallbackName,
      userColour: pickUserColour(name),
      defaultAssembly: DEFAULT_ASSEMBLY,
      documentsDir: null,
      dateStyle: DEFAULT_DATE_STYLE,
      pdfArchive: false,
    };
  }
}

function readAccountName(): string {
  try {
    return os.userInfo().username;
  } catch {
    // No account name on this system (a container without passwd entry).
    return '';
  }
}
