/**
 * Which files the host may open and save when the page names a path. The page is not trusted
 * with the file system: a path is allowed only when it is a `.resolutie` file and
 * - lies inside the documents folder, also after resolving symbolic links (a link in the folder
 *   that points elsewhere does not count), or
 * - is in the recent documents (the user opened or saved it before), or
 * - was granted in this session, by a native file dialog the user answered.
 */
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { RESOLUTIE_EXTENSION } from '../../../shared/format/resolutieFile.ts';
import { DocumentError } from './documentErrors.ts';
import { getSystemCode } from '../files/fileErrors.ts';

/** Options of a {@link DocumentAccess}. */
export interface DocumentAccessOptions {
  /** The documents folder, asked at every check (it follows the user's preference). */
  getDocumentsDir: () => Promise<string>;
  /** Whether a resolved path is in the recent documents. */
  isRecent: (filePath: string) => Promise<boolean>;
}

/** Decides which paths the host may touch. */
export class DocumentAccess {
  readonly #getDocumentsDir: () => Promise<string>;
  readonly #isRecent: (filePath: string) => Promise<boolean>;
  readonly #granted = new Set<string>();

  constructor(options: DocumentAccessOptions) {
    this.#getDocumentsDir = options.getDocumentsDir;
    this.#isRecent = options.isRecent;
  }

  /**
   * Allows `filePath` for the rest of this session: for a path the user chose in a native
   * open or save dialog. Only `.resolutie` files can be granted.
   */
  grant(filePath: string): void {
    const resolved = path.resolve(filePath);
    if (!isDocumentPath(resolved)) {
      throw new RangeError(`Only ${RESOLUTIE_EXTENSION} files can be granted: ${filePath}`);
    }
    this.#granted.add(resolved);
  }

  /**
   * The absolute path of `filePath` when the host may open or save it; throws a
   * `DocumentError` with code `forbidden` and a Dutch message otherwise.
   */
  async check(filePath: string): Promise<string> {
    // A relative path would be resolved against the host's working folder, which the page
    // knows nothing about: only absolute paths name a file unambiguously.
    if (!path.isAbsolute(filePath) || filePath.includes('\u0000')) {
      throw new DocumentError(
        'forbidden',
        'Geen toegang: dit is geen volledig pad naar een bestand.',
      );
    }
    const resolved = path.resolve(filePath);
    if (!isDocumentPath(resolved)) {
      throw new DocumentError(
        'forbidden',
        `Geen toegang tot ‘${path.basename(resolved)}’: de editor opent en bewaart alleen ${RESOLUTIE_EXTENSION}-bestanden.`,
      );
    }
    if (this.#granted.has(resolved)) return resolved;
    if (await this.isInDocumentsFolder(resolved)) return resolved;
    if (await this.#isRecent(resolved)) return resolved;
    const folder = await this.#getDocumentsDir();
    throw new DocumentError(
      'forbidden',
      `Geen toegang tot ‘${path.basename(resolved)}’: de editor opent en bewaart alleen documenten ` +
        `in de documentenmap (${folder}) en documenten die u eerder zelf hebt geopend of opgeslagen.`,
    );
  }

  /**
   * Whether `resolved` lies inside the documents folder (or a folder below it) once symbolic
   * links are resolved: the folder's real path must contain the real path of the file's
   * folder, and of the file itself when it exists (a link to a file elsewhere is refused; a
   * dangling link too). A folder that does not exist contains nothing.
   */
  async isInDocumentsFolder(resolved: string): Promise<boolean> {
    const folder = await realpathOrNull(await this.#getDocumentsDir());
    if (folder === null) return false;
    const parent = await realpathOrNull(path.dirname(resolved));
    if (parent === null || !isWithin(folder, parent)) return false;
    try {
      await lstat(resolved);
    } catch (error) {
      // Not there yet (a new file): its folder is what counts.
      return getSystemCode(error) === 'ENOENT';
    }
    const file = await realpathOrNull(resolved);
    return file !== null && isWithin(folder, file);
  }
}

/** Whether a path names a `.resolutie` file (with a name before the extension). */
export function isDocumentPath(filePath: string): boolean {
  const name = path.basename(filePath);
  return name.endsWith(RESOLUTIE_EXTENSION) && name.length > RESOLUTIE_EXTENSION.length;
}

/** Whether `child` is `parent` or lies below it; both absolute and resolved. */
export function isWithin(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  if (relative === '') return true;
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

async function realpathOrNull(target: string): Promise<string | null> {
  try {
    return await realpath(target);
  } catch {
    return null;
  }
}
