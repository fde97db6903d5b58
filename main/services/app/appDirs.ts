/**
 * Where the app keeps things on this machine: the profile folder (its own data: the recent
 * documents, the recovery journals) and the documents folder (the user's `.resolutie` files).
 * Pure functions of an {@link AppDirEnvironment}, so every platform's answer is tested anywhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/** Environment variable that sets the profile folder (tests, portable installations). */
export const PROFILE_DIR_ENV = 'RESOLUTIE_PROFILE_DIR';

/** Environment variable that sets the documents folder. */
export const DOCUMENTS_DIR_ENV = 'RESOLUTIE_DOCUMENTS_DIR';

/** The profile folder's name on Linux, by the XDG convention (lower case). */
const LINUX_PROFILE_NAME = 'resolutie-editor';

/** The profile folder's name on macOS and Windows, as the product is called there. */
const PRODUCT_PROFILE_NAME = 'Resolutie-editor';

/** The documents folder's name inside the user's documents. */
const DOCUMENTS_FOLDER_NAME = 'Resoluties';

/** What the folders depend on. */
export interface AppDirEnvironment {
  env: Readonly<Record<string, string | undefined>>;
  /** As `process.platform` names it. */
  platform: string;
  /** The user's home folder. */
  homeDir: string;
  /** Whether a folder exists; `existsSync` by default. */
  exists?: (dirPath: string) => boolean;
  /** A small text file's content, or null when it cannot be read; `readFileSync` by default. */
  readText?: (filePath: string) => string | null;
}

/** This process's environment. */
export function getCurrentEnvironment(): AppDirEnvironment {
  return { env: process.env, platform: process.platform, homeDir: homedir() };
}

/**
 * The profile folder: {@link PROFILE_DIR_ENV} when set, else `fallback` when given (Electron
 * passes `app.getPath('userData')`), else the platform's place for app settings:
 * `$XDG_CONFIG_HOME/resolutie-editor` or `~/.config/resolutie-editor` on Linux,
 * `~/Library/Application Support/Resolutie-editor` on macOS, `%APPDATA%\Resolutie-editor` on
 * Windows.
 */
export function getProfileDir(
  environment: AppDirEnvironment = getCurrentEnvironment(),
  fallback?: string,
): string {
  const paths = pathsFor(environment.platform);
  const configured = readDirVariable(environment, PROFILE_DIR_ENV);
  if (configured !== undefined) return configured;
  if (fallback !== undefined) return paths.resolve(fallback);
  const home = environment.homeDir;
  switch (environment.platform) {
    case 'darwin':
      return paths.join(home, 'Library', 'Application Support', PRODUCT_PROFILE_NAME);
    case 'win32': {
      const appData = readDirVariable(environment, 'APPDATA');
      return paths.join(appData ?? paths.join(home, 'AppData', 'Roaming'), PRODUCT_PROFILE_NAME);
    }
    default: {
      // XDG: a relative XDG_CONFIG_HOME is invalid and must be ignored.
      const xdg = environment.env['XDG_CONFIG_HOME'];
      const base = xdg && paths.isAbsolute(xdg) ? xdg : paths.join(home, '.config');
      return paths.join(base, LINUX_PROFILE_NAME);
    }
  }
}

/**
 * The documents folder: {@link DOCUMENTS_DIR_ENV} when set, else `Resoluties` in the user's
 * documents: `systemDocuments` when given (Electron passes `app.getPath('documents')`, which
 * knows a folder Windows moved, into OneDrive or elsewhere), else where this platform keeps
 * them (see findUserDocuments). It need not exist yet; the first save creates it.
 */
export function getDocumentsDir(
  environment: AppDirEnvironment = getCurrentEnvironment(),
  systemDocuments?: string,
): string {
  const paths = pathsFor(environment.platform);
  const configured = readDirVariable(environment, DOCUMENTS_DIR_ENV);
  if (configured !== undefined) return configured;
  const base =
    systemDocuments !== undefined && paths.isAbsolute(systemDocuments)
      ? paths.resolve(systemDocuments)
      : findUserDocuments(environment);
  return paths.join(base, DOCUMENTS_FOLDER_NAME);
}

/**
 * The user's documents folder without Electron (browser mode, the command line): on Linux the
 * XDG user folder (`XDG_DOCUMENTS_DIR`, or its line in `user-dirs.dirs`, which a Dutch desktop
 * sets to `~/Documenten`); on Windows the Documents that OneDrive's folder backup moved, when
 * it is there; else the Dutch `~/Documenten` when that exists, else `~/Documents`.
 */
function findUserDocuments(environment: AppDirEnvironment): string {
  const paths = pathsFor(environment.platform);
  const exists = environment.exists ?? existsSync;
  const home = environment.homeDir;
  if (environment.platform === 'win32') {
    for (const name of ['OneDrive', 'OneDriveCommercial', 'OneDriveConsumer']) {
      const root = readDirVariable(environment, name);
      const moved = root !== undefined ? paths.join(root, 'Documents') : undefined;
      if (moved !== undefined && exists(moved)) return moved;
    }
  } else if (environment.platform !== 'darwin') {
    const xdg = readXdgDocuments(environment);
    if (xdg !== undefined && xdg !== paths.resolve(home)) return xdg;
  }
  const dutch = paths.join(home, 'Documenten');
  return exists(dutch) ? dutch : paths.join(home, 'Documents');
}

// XDG_DOCUMENTS_DIR from the environment or from `user-dirs.dirs` (`XDG_DOCUMENTS_DIR="$HOME/…"`).
function readXdgDocuments(environment: AppDirEnvironment): string | undefined {
  const home = environment.homeDir;
  const expand = (value: string) =>
    value.replace(/^\$HOME(?=\/|$)/, home).replace(/^~(?=\/|$)/, home);
  const fromEnv = environment.env['XDG_DOCUMENTS_DIR'];
  if (fromEnv && path.posix.isAbsolute(expand(fromEnv))) return path.posix.resolve(expand(fromEnv));
  const config = environment.env['XDG_CONFIG_HOME'];
  const base = config && path.posix.isAbsolute(config) ? config : path.posix.join(home, '.config');
  const readText = environment.readText ?? readTextOrNull;
  const text = readText(path.posix.join(base, 'user-dirs.dirs'));
  const line = text?.split('\n').find((l) => /^\s*XDG_DOCUMENTS_DIR\s*=/.test(l));
  const value = line
    ?.replace(/^\s*XDG_DOCUMENTS_DIR\s*=\s*/, '')
    .trim()
    .replace(/^"(.*)"$/, '$1');
  if (!value) return undefined;
  const expanded = expand(value);
  return path.posix.isAbsolute(expanded) ? path.posix.resolve(expanded) : undefined;
}

function readTextOrNull(filePath: string): string | null {
  try {
    return readFileSync(filePath, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Whether the environment names the documents folder ({@link DOCUMENTS_DIR_ENV}): such a folder
 * was chosen for this start and wins over the one in the user's preferences.
 */
export function hasDocumentsDirVariable(
  environment: AppDirEnvironment = getCurrentEnvironment(),
): boolean {
  return readDirVariable(environment, DOCUMENTS_DIR_ENV) !== undefined;
}

/** The folder of the recovery journals inside a profile. */
export function getJournalDir(profileDir: string): string {
  return path.join(profileDir, 'journal');
}

/** The file of the recent documents inside a profile. */
export function getRecentFile(profileDir: string): string {
  return path.join(profileDir, 'recent.json');
}

/** The folder of the sync servers of the sessions this app hosts. */
export function getSessionsDir(profileDir: string): string {
  return path.join(profileDir, 'sessions');
}

/** A folder from an environment variable, made absolute; undefined when unset or empty. */
function readDirVariable(environment: AppDirEnvironment, name: string): string | undefined {
  const value = environment.env[name];
  if (value === undefined || value.trim() === '') return undefined;
  return pathsFor(environment.platform).resolve(value);
}

/** Path functions of the platform the folders are for, not of the one the tests run on. */
function pathsFor(platform: string): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}
