/**
 * The user's documents as the host keeps them: the `.resolutie` files in the documents folder,
 * opening and saving them (every path checked by `DocumentAccess`), and the recent documents.
 * Contents come and go as Yjs states; every state is checked against the schema before it is
 * written, and every file strictly when it is read.
 */
import { lstat, mkdir, readdir, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import {
  DocumentTooLargeError,
  readDocumentFile,
  writeDocumentFile,
  type FileWriter,
  type OpenedDocument,
} from '../../../shared/ydoc/documentFile.ts';
import { FileFormatError } from '../../../shared/format/formatErrors.ts';
import { encodeYDoc, InvalidDocumentError } from '../../../shared/ydoc/yDocument.ts';
import { getMetadata } from '../../../shared/editor/queries/getMetadata.ts';
import {
  MAX_RESOLUTIE_FILE_BYTES,
  RESOLUTIE_EXTENSION,
} from '../../../shared/format/resolutieFile.ts';
import type { Node } from 'prosemirror-model';
import { writeFileAtomic } from '../files/atomicWrite.ts';
import { DocumentAccess, isDocumentPath } from './documentAccess.ts';
import { DocumentError } from './documentErrors.ts';
import { toDocumentFileName } from './documentNames.ts';
import { openDocumentState } from '../../../shared/ydoc/yDocument.ts';
import { getSystemCode } from '../files/fileErrors.ts';
import { readFileLimited } from '../files/readFileLimited.ts';
import { FileReadError } from '../files/fileErrors.ts';
import type { RecentDocument, RecentDocuments } from './recentDocuments.ts';

/** One file in the documents folder. */
export interface DocumentEntry {
  name: string;
  path: string;
  /** ISO, UTC. */
  modifiedAt: string;
  sizeBytes: number;
  /** The stuk's title; '' when it has none or cannot be read. */
  title: string;
  /** Why the file cannot be opened (Dutch, naming the file), or null when it can. */
  problem: string | null;
}

/** What reading a file found, while its size and time stay as they were. */
interface Inspection {
  stamp: string;
  title: string;
  problem: string | null;
}

/** An opened document. */
export interface OpenedDocumentFile {
  path: string;
  /** The file name without `.resolutie`. */
  name: string;
  /** The Yjs state, as checked. */
  state: Uint8Array;
  /** When the file was saved (ISO, UTC). */
  savedAt: string;
}

/** What to save, and where. */
export interface SaveRequest {
  state: Uint8Array;
  /** Save over this file (replacing it unless `overwrite` is `false`). */
  path?: string;
  /** Save as a new file of this name in the documents folder. */
  name?: string;
  /** Whether an existing file may be replaced (for `name`: only when `true`). */
  overwrite?: boolean;
}

/** A saved document. */
export interface SavedDocument {
  path: string;
  name: string;
  savedAt: string;
}

/** Options of a {@link DocumentLibrary}. */
export interface DocumentLibraryOptions {
  /**
   * The documents folder (created by the first save into it): a path, or a function that gives
   * the folder in use at each call (it follows the user's preference, `DocumentsFolder`).
   */
  documentsDir: string | (() => Promise<string>);
  /** The recent documents of the profile. */
  recent: RecentDocuments;
  /** Who writes the files (the app's name and version), asked at every save. */
  getWriter: () => Promise<FileWriter>;
  /** Where side failures (the recent list could not be written) are reported. */
  reportError?: (message: string, error: unknown) => void;
  /** The clock, for tests. */
  now?: () => Date;
}

/** The documents of one user. */
export class DocumentLibrary {
  /** The recent documents. */
  readonly recent: RecentDocuments;
  readonly #access: DocumentAccess;
  readonly #getDocumentsDir: () => Promise<string>;
  readonly #getWriter: () => Promise<FileWriter>;
  readonly #reportError: (message: string, error: unknown) => void;
  readonly #now: () => Date;
  /** The files of the last listing, read once per change: the list marks those that cannot open. */
  readonly #inspected = new Map<string, Inspection>();

  constructor(options: DocumentLibraryOptions) {
    const { documentsDir } = options;
    this.#getDocumentsDir =
      typeof documentsDir === 'string'
        ? () => Promise.resolve(path.resolve(documentsDir))
        : async () => path.resolve(await documentsDir());
    this.recent = options.recent;
    this.#access = new DocumentAccess({
      getDocumentsDir: this.#getDocumentsDir,
      isRecent: (filePath) => this.recent.has(filePath),
    });
    this.#getWriter = options.getWriter;
    this.#reportError = options.reportError ?? console.error;
    this.#now = options.now ?? (() => new Date());
  }

  /** The documents folder in use. */
  getDocumentsDir(): Promise<string> {
    return this.#getDocumentsDir();
  }

  /**
   * Allows the host to open and save `filePath` for the rest of this session. For the
   * Electron shell, with a path the user chose in a native open or save dialog.
   */
  grantPath(filePath: string): void {
    this.#access.grant(filePath);
  }

  /**
   * The `.resolutie` files directly in the documents folder (not in folders below it, and no
   * symbolic links), newest first. A folder that does not exist yet holds none.
   */
  async listDocuments(): Promise<{ folder: string; documents: DocumentEntry[] }> {
    const folder = await this.#getDocumentsDir();
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      const code = getSystemCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return { folder, documents: [] };
      throw error;
    }
    const documents: DocumentEntry[] = [];
    const seen = new Set<string>();
    for (const entry of entries) {
      if (!entry.isFile() || !isDocumentPath(entry.name)) continue;
      const filePath = path.join(folder, entry.name);
      try {
        const info = await stat(filePath);
        const { title, problem } = await this.#inspect(filePath, info);
        seen.add(filePath);
        documents.push({
          name: path.basename(entry.name, RESOLUTIE_EXTENSION),
          path: filePath,
          modifiedAt: info.mtime.toISOString(),
          sizeBytes: info.size,
          title,
          problem,
        });
      } catch {
        // Removed between listing and looking: it is not there.
      }
    }
    for (const known of this.#inspected.keys()) {
      if (!seen.has(known)) this.#inspected.delete(known);
    }
    documents.sort(
      (a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.name.localeCompare(b.name, 'nl'),
    );
    return { folder, documents };
  }

  // Reads `filePath` as Openen would, once per size and time: its title, or why it cannot open.
  async #inspect(filePath: string, info: Stats): Promise<Inspection> {
    const stamp = `${info.size}:${info.mtimeMs}`;
    const known = this.#inspected.get(filePath);
    if (known?.stamp === stamp) return known;
    let inspection: Inspection;
    try {
      const opened = await readNamingFile(filePath);
      try {
        inspection = { stamp, title: getMetadata(opened.doc).title.trim(), problem: null };
      } finally {
        opened.ydoc.destroy();
      }
    } catch (error) {
      if (!(error instanceof FileFormatError || error instanceof FileReadError)) throw error;
      inspection = { stamp, title: '', problem: error.message };
    }
    this.#inspected.set(filePath, inspection);
    return inspection;
  }

  /**
   * Opens the file at `filePath`, strictly (see `readDocumentFile`), and puts it at the top of
   * the recent documents. Throws a `DocumentError` (forbidden), `FileReadError` or
   * `FileFormatError`, each with a Dutch message.
   */
  async open(filePath: string): Promise<OpenedDocumentFile> {
    const resolved = await this.#access.check(filePath);
    const opened = await readNamingFile(resolved);
    try {
      const name = path.basename(resolved, RESOLUTIE_EXTENSION);
      const savedAt = toIsoTime(opened.envelope.savedAt) ?? (await modifiedAt(resolved));
      await this.#addRecent(resolved, opened.doc, name);
      return { path: resolved, name, state: encodeYDoc(opened.ydoc), savedAt };
    } finally {
      opened.ydoc.destroy();
    }
  }

  /**
   * Reads the file at `filePath` as `open` does (the same access check, limits and strict
   * reading) without putting it among the recent documents: a file read, not opened. The
   * caller destroys the returned Y.Doc.
   */
  async read(filePath: string): Promise<{ path: string; name: string; opened: OpenedDocument }> {
    const resolved = await this.#access.check(filePath);
    const opened = await readNamingFile(resolved);
    return { path: resolved, name: path.basename(resolved, RESOLUTIE_EXTENSION), opened };
  }

  /**
   * Saves `request.state` over a known file (`path`) or as a new file in the documents folder
   * (`name`), atomically, and puts it at the top of the recent documents. Nothing is written
   * when the state is no valid document, the path is not allowed, the name is not usable or
   * the file exists and may not be replaced. Throws a `DocumentError` or a `FileWriteError`.
   */
  async save(request: SaveRequest): Promise<SavedDocument> {
    const target = await this.#chooseTarget(request);
    const now = this.#now();
    let opened;
    try {
      opened = openDocumentState(request.state);
    } catch (error) {
      if (!(error instanceof InvalidDocumentError)) throw error;
      throw new DocumentError(
        'invalid_document',
        `Het document kan niet worden opgeslagen. ${error.message}`,
        { cause: error },
      );
    }
    try {
      const bytes = writeFileBytes(opened.ydoc, await this.#getWriter(), now);
      if (target.mustNotExist && (await pathExists(target.path))) {
        throw new DocumentError(
          'exists',
          `Er bestaat al een document ‘${target.name}’. Kies een andere naam of vervang het.`,
        );
      }
      if (target.inDocumentsFolder) await mkdir(path.dirname(target.path), { recursive: true });
      await writeFileAtomic(target.path, bytes);
      await this.#addRecent(target.path, opened.doc, target.name);
      return { path: target.path, name: target.name, savedAt: now.toISOString() };
    } finally {
      opened.ydoc.destroy();
    }
  }

  /** The recent documents, most recent first, with whether each still exists. */
  listRecent(): Promise<RecentDocument[]> {
    return this.recent.list();
  }

  /** Where a save goes, checked: the path, the name to show, and what must hold. */
  async #chooseTarget(request: SaveRequest): Promise<{
    path: string;
    name: string;
    mustNotExist: boolean;
    inDocumentsFolder: boolean;
  }> {
    if (request.path !== undefined) {
      const resolved = await this.#access.check(request.path);
      return {
        path: resolved,
        name: path.basename(resolved, RESOLUTIE_EXTENSION),
        // Saving over the file the document came from is what "Opslaan" means.
        mustNotExist: request.overwrite === false,
        inDocumentsFolder: false,
      };
    }
    const { name, fileName } = toDocumentFileName(request.name ?? '');
    return {
      path: path.join(await this.#getDocumentsDir(), fileName),
      name,
      mustNotExist: request.overwrite !== true,
      inDocumentsFolder: true,
    };
  }

  /** Adds a file to the recent documents; a failure is reported, never fails the caller. */
  async #addRecent(filePath: string, doc: Node, name: string): Promise<void> {
    try {
      const title = getMetadata(doc).title.trim();
      await this.recent.add(filePath, title === '' ? name : title);
    } catch (error) {
      try {
        this.#reportError('De lijst met recente documenten kon niet worden bijgewerkt', error);
      } catch {
        // A failing reporter must not fail an open or a save that succeeded.
      }
    }
  }
}

/** The file's bytes; a document too large for any file is a DocumentError. */
function writeFileBytes(
  ydoc: Parameters<typeof writeDocumentFile>[0],
  writer: FileWriter,
  now: Date,
) {
  try {
    return writeDocumentFile(ydoc, writer, now);
  } catch (error) {
    if (!(error instanceof DocumentTooLargeError)) throw error;
    throw new DocumentError('too_large', error.message, { cause: error });
  }
}

/** An ISO time as `toISOString` writes it, or null when `text` is no time. */
function toIsoTime(text: string): string | null {
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

async function modifiedAt(filePath: string): Promise<string> {
  return (await stat(filePath)).mtime.toISOString();
}

/** Whether anything (a file, a folder, a link, even a dangling one) has this name. */
async function pathExists(filePath: string): Promise<boolean> {
  try {
    await lstat(filePath);
    return true;
  } catch (error) {
    if (getSystemCode(error) === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Reads and checks the document file at `filePath`; a file that is not a readable document
 * throws a `FileFormatError` (or the `FileReadError` of reading it) whose message names the file.
 */
async function readNamingFile(filePath: string): Promise<OpenedDocument> {
  const bytes = await readFileLimited(filePath, MAX_RESOLUTIE_FILE_BYTES);
  try {
    return readDocumentFile(bytes);
  } catch (error) {
    if (!(error instanceof FileFormatError)) throw error;
    throw new FileFormatError(error.code, `‘${path.basename(filePath)}’: ${error.message}`);
  }
}
