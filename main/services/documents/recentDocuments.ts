/**
 * The recent documents: the app's own list of the files last opened or saved, most recent
 * first, at most ten, in `<profile>/recent.json`. It also says which paths the user chose
 * before, which the host may open again (see `documentAccess.ts`). Written atomically; read
 * strictly: a damaged file is reported, ignored and replaced by the next open or save.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { MAX_RECENT_DOCUMENTS } from '../../../shared/api/documents.ts';
import { RESOLUTIE_EXTENSION } from '../../../shared/format/resolutieFile.ts';
import { writeFileAtomic } from '../files/atomicWrite.ts';
import { isDocumentPath } from './documentAccess.ts';
import { FileReadError } from '../files/fileErrors.ts';
import { readFileLimited } from '../files/readFileLimited.ts';

/** The `format` value of the file. */
const RECENT_FORMAT = 'resolutie-recent';

/** The file's layout version. */
const RECENT_VERSION = 1;

/** Ten entries take a few kilobytes; anything far larger is not this file. */
const MAX_RECENT_FILE_BYTES = 256 * 1024;

/** The longest title kept. */
const MAX_TITLE_LENGTH = 2000;

/** One entry as stored. */
const recentEntrySchema = z.strictObject({
  path: z
    .string()
    .refine(
      (value) => path.isAbsolute(value) && isDocumentPath(value) && !value.includes('\u0000'),
    ),
  title: z.string().max(MAX_TITLE_LENGTH),
  openedAt: z.iso.datetime(),
});

/** The file; entries are checked one by one, so one bad entry does not cost the others. */
const recentFileSchema = z.object({
  format: z.literal(RECENT_FORMAT),
  version: z.literal(RECENT_VERSION),
  documents: z.array(z.unknown()).max(1000),
});

/** One recent document as stored. */
export type RecentEntry = z.infer<typeof recentEntrySchema>;

/** One recent document as listed. */
export interface RecentDocument extends RecentEntry {
  /** The file name without `.resolutie`. */
  name: string;
  /** Whether the file is still there. */
  exists: boolean;
}

/** Options of {@link RecentDocuments}. */
export interface RecentDocumentsOptions {
  /** Where a damaged file is reported; `console.error` by default. */
  reportError?: (message: string, error: unknown) => void;
  /** The clock, for tests. */
  now?: () => Date;
}

/** The recent documents of one profile. */
export class RecentDocuments {
  /** The file holding the list. */
  readonly filePath: string;
  readonly #reportError: (message: string, error: unknown) => void;
  readonly #now: () => Date;
  // Changes run one after another: each reads the list, changes it and writes it back.
  #changes: Promise<void> = Promise.resolve();

  constructor(filePath: string, options: RecentDocumentsOptions = {}) {
    this.filePath = path.resolve(filePath);
    this.#reportError = options.reportError ?? console.error;
    this.#now = options.now ?? (() => new Date());
  }

  /** The stored entries, most recent first; [] when there is no (usable) file. */
  async entries(): Promise<RecentEntry[]> {
    let bytes: Uint8Array;
    try {
      bytes = await readFileLimited(this.filePath, MAX_RECENT_FILE_BYTES);
    } catch (error) {
      if (error instanceof FileReadError && error.code === 'not_found') return [];
      this.#report(error);
      return [];
    }
    let file: z.infer<typeof recentFileSchema>;
    try {
      const json: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      file = recentFileSchema.parse(json);
    } catch (error) {
      this.#report(error);
      return [];
    }
    const entries: RecentEntry[] = [];
    for (const candidate of file.documents) {
      const entry = recentEntrySchema.safeParse(candidate);
      if (entry.success && !entries.some((known) => known.path === entry.data.path)) {
        entries.push(entry.data);
      }
    }
    // Newest first whatever the file's order; a stable sort keeps ties as they were.
    entries.sort((a, b) => b.openedAt.localeCompare(a.openedAt));
    return entries.slice(0, MAX_RECENT_DOCUMENTS);
  }

  /** Whether `filePath` (absolute, resolved) is in the list. */
  async has(filePath: string): Promise<boolean> {
    return (await this.entries()).some((entry) => entry.path === filePath);
  }

  /**
   * Puts `filePath` at the top of the list with `title`, dropping its older entry and
   * whatever falls beyond ten. Throws a `FileWriteError` when the list cannot be written.
   */
  add(filePath: string, title: string): Promise<void> {
    const change = this.#changes.then(async () => {
      const resolved = path.resolve(filePath);
      const entry: RecentEntry = {
        path: resolved,
        title: title.slice(0, MAX_TITLE_LENGTH),
        openedAt: this.#now().toISOString(),
      };
      const others = (await this.entries()).filter((known) => known.path !== resolved);
      const documents = [entry, ...others].slice(0, MAX_RECENT_DOCUMENTS);
      const text = `${JSON.stringify({ format: RECENT_FORMAT, version: RECENT_VERSION, documents }, null, 2)}\n`;
      // The profile is for this user alone (where modes apply); existing folders keep theirs.
      await mkdir(path.dirname(this.filePath), { recursive: true, mode: 0o700 });
      await writeFileAtomic(this.filePath, new TextEncoder().encode(text));
    });
    this.#changes = change.catch(() => undefined);
    return change;
  }

  /** The list as `listRecent` answers it: with each file's name and whether it still exists. */
  async list(): Promise<RecentDocument[]> {
    const entries = await this.entries();
    return Promise.all(
      entries.map(async (entry) => ({
        ...entry,
        name: path.basename(entry.path, RESOLUTIE_EXTENSION),
        exists: await isFile(entry.path),
      })),
    );
  }

  #report(error: unknown): void {
    try {
      this.#reportError(
        `De lijst met recente documenten (${this.filePath}) is beschadigd en wordt vervangen`,
        error,
      );
    } catch {
      // A failing reporter must not fail the list.
    }
  }
}

async function isFile(filePath: string): Promise<boolean> {
  try {
    return (await stat(filePath)).isFile();
  } catch {
    return false;
  }
}
