/**
 * Which folder holds the user's documents: the one given at start (`--documents`,
 * `RESOLUTIE_DOCUMENTS_DIR`) when there is one, else the one the user chose in the
 * preferences, else the platform's standard folder (`getDocumentsDir`). A folder the user
 * chooses is checked before it is stored: a full path, an existing folder, one the editor can
 * write in. A chosen folder that has gone since (a network drive not connected) is not used,
 * and not forgotten either: the standard folder stands in, with a notice, until it is back.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors.ts';
import type { DocumentsFolder as DocumentsFolderInfo } from '../../../shared/api/preferences.ts';
import { checkWritableTarget, type AtomicFs } from '../files/atomicWrite.ts';
import { FileWriteError, getSystemCode } from '../files/fileErrors.ts';

/** The name of the probe `checkWritableTarget` writes (and removes) in a chosen folder. */
const PROBE_NAME = 'schrijftest.resolutie';

/**
 * Checks a folder the user chose for documents and returns its absolute path. Throws an
 * {@link ApiError} (`invalid_request`) with a Dutch message naming the folder otherwise.
 */
export async function checkDocumentsFolder(
  folder: string,
  options: { fs?: AtomicFs } = {},
): Promise<string> {
  if (!path.isAbsolute(folder)) {
    throw new ApiError(
      'invalid_request',
      `‘${folder}’ is geen volledig pad naar een map. Geef de hele map op, vanaf ${process.platform === 'win32' ? 'de schijfletter (C:\\…)' : 'de hoofdmap (/…)'}.`,
    );
  }
  const resolved = path.resolve(folder);
  let isFolder: boolean;
  try {
    isFolder = (await stat(resolved)).isDirectory();
  } catch (error) {
    const code = getSystemCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new ApiError(
        'invalid_request',
        `De map ‘${resolved}’ bestaat niet. Maak hem eerst aan, of kies een andere map.`,
      );
    }
    throw new ApiError(
      'invalid_request',
      `De map ‘${resolved}’ kan niet worden gelezen (${code ?? 'onbekende fout'}). Kies een andere map.`,
    );
  }
  if (!isFolder) {
    throw new ApiError(
      'invalid_request',
      `‘${resolved}’ is een bestand, geen map. Kies de map waarin de documenten staan.`,
    );
  }
  try {
    await checkWritableTarget(path.join(resolved, PROBE_NAME), options);
  } catch (error) {
    if (!(error instanceof FileWriteError)) throw error;
    const why =
      error.code === 'read_only'
        ? 'u hebt er geen schrijfrechten of de schijf is alleen-lezen'
        : error.code === 'disk_full'
          ? 'de schijf is vol'
          : error.message;
    throw new ApiError(
      'invalid_request',
      `In de map ‘${resolved}’ kan de editor geen documenten opslaan: ${why}. Kies een andere map.`,
    );
  }
  return resolved;
}

/** Options of {@link DocumentsFolder}. */
export interface DocumentsFolderOptions {
  /** The folder given at start, or the platform's standard folder. */
  standard: string;
  /** Whether `standard` was given at start, and so wins over the preference. */
  fixed: boolean;
  /** The folder the user chose, from the stored preferences (null: none). */
  readPreferred: () => Promise<string | null>;
}

/** The documents folder of one profile, following the preference. */
export class DocumentsFolder {
  readonly #standard: string;
  readonly #fixed: boolean;
  readonly #readPreferred: () => Promise<string | null>;
  /** The choice once the preference has been looked at. */
  #chosen: Promise<{ current: string; notice: string | null }> | null = null;

  constructor(options: DocumentsFolderOptions) {
    this.#standard = path.resolve(options.standard);
    this.#fixed = options.fixed;
    this.#readPreferred = options.readPreferred;
  }

  /** The folder in use. The stored preference is looked at on first use. */
  async current(): Promise<string> {
    return (await this.#choose()).current;
  }

  /** The folder for the preferences dialog, and a notice when the chosen one is not in use. */
  async describe(): Promise<{ folder: DocumentsFolderInfo; notice: string | null }> {
    const { current, notice } = await this.#choose();
    return { folder: { current, standard: this.#standard, fixed: this.#fixed }, notice };
  }

  /** Looks at the stored preference again at next use (the preferences were read anew). */
  refresh(): void {
    this.#chosen = null;
  }

  /** Follows a preference the user has just stored (checked by {@link checkDocumentsFolder}). */
  use(preferred: string | null): void {
    this.#chosen = Promise.resolve(this.#pick(preferred));
  }

  #choose(): Promise<{ current: string; notice: string | null }> {
    const chosen = (this.#chosen ??= this.#lookUp());
    // A fallback is not kept: the chosen folder is looked for again next time (a network
    // drive that was not connected yet).
    void chosen.then(({ notice }) => {
      if (notice !== null && this.#chosen === chosen) this.#chosen = null;
    });
    return chosen;
  }

  async #lookUp(): Promise<{ current: string; notice: string | null }> {
    const preferred = await this.#readPreferred().catch(() => null);
    if (preferred === null || this.#fixed) return this.#pick(preferred);
    const resolved = path.resolve(preferred);
    const exists = await stat(resolved).then(
      (info) => info.isDirectory(),
      () => false,
    );
    if (exists) return this.#pick(resolved);
    return {
      current: this.#standard,
      notice: `De documentenmap uit uw voorkeuren (${resolved}) is niet bereikbaar; de editor gebruikt nu ${this.#standard}. Uw keuze blijft bewaard.`,
    };
  }

  #pick(preferred: string | null): { current: string; notice: null } {
    const current = preferred === null || this.#fixed ? this.#standard : path.resolve(preferred);
    return { current, notice: null };
  }
}
