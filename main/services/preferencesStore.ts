/**
 * The user's preferences in `<profile>/preferences.json`, written atomically and read
 * strictly: a missing file gives the defaults (the account's name, a colour picked from it);
 * a damaged one is reported, and the defaults are used until the user saves again.
 */
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import {
  MAX_USER_NAME_LENGTH,
  userPreferencesSchema,
  type UserPreferences,
} from '../../shared/api/preferences.ts';
import { pickUserColour } from '../../shared/collab/userColours.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import { FileReadError } from './fileErrors.ts';
import { readFileLimited } from './readFileLimited.ts';

const PREFERENCES_FORMAT = 'resolutie-preferences';
const PREFERENCES_VERSION = 1;
const MAX_PREFERENCES_BYTES = 64 * 1024;

const preferencesFileSchema = z.object({
  format: z.literal(PREFERENCES_FORMAT),
  version: z.literal(PREFERENCES_VERSION),
  preferences: userPreferencesSchema,
});

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

  /** The stored preferences, or the defaults. */
  async read(): Promise<UserPreferences> {
    let bytes: Uint8Array;
    try {
      bytes = await readFileLimited(this.filePath, MAX_PREFERENCES_BYTES);
    } catch (error) {
      if (!(error instanceof FileReadError && error.code === 'not_found')) {
        this.#reportError('Voorkeuren niet gelezen; de standaardwaarden gelden', error);
      }
      return this.defaults();
    }
    try {
      const parsed = preferencesFileSchema.parse(JSON.parse(new TextDecoder().decode(bytes)));
      return parsed.preferences;
    } catch (error) {
      this.#reportError('Voorkeuren beschadigd; de standaardwaarden gelden', error);
      return this.defaults();
    }
  }

  /** Stores `preferences` (checked) and returns them as stored. */
  async write(preferences: UserPreferences): Promise<UserPreferences> {
    const checked = userPreferencesSchema.parse(preferences);
    const file = { format: PREFERENCES_FORMAT, version: PREFERENCES_VERSION, preferences: checked };
    // The profile folder does not exist before the app first writes to it.
    await mkdir(path.dirname(this.filePath), { recursive: true });
    await writeFileAtomic(
      this.filePath,
      new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`),
    );
    return checked;
  }

  /** The account's name with a capital, and its colour; "Gebruiker" without a usable name. */
  defaults(): UserPreferences {
    const account = this.#accountName().trim().slice(0, MAX_USER_NAME_LENGTH);
    const userName = account ? account.charAt(0).toUpperCase() + account.slice(1) : 'Gebruiker';
    return { userName, userColour: pickUserColour(userName) };
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
