/**
 * The recovery journal: for every open document, an append-only file of its Yjs updates in
 * `<profile>/journal/`, so that after a crash, a power cut or SIGKILL nothing typed is lost.
 *
 * - `<documentId>.journal`: the records (layout in `journalFormat.ts` and docs/FORMAT.md);
 * - `<documentId>.json`: the sidecar with path and title (`journalSidecar.ts`).
 *
 * A reset (New, Open, Save) rewrites the journal atomically as one clean full-state record;
 * every edit appends one update record durably (`appendDurable`). A journal holding records
 * besides a clean full state holds unsaved edits and is offered for recovery. Operations on one
 * document run one at a time, in the order they were called; this process is assumed to be the
 * only writer of the folder (one editor per profile).
 */
import { mkdir, open, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { isDocumentId } from '../../../shared/api/journal.ts';
import { encodeYDoc, InvalidDocumentError } from '../../../shared/ydoc/yDocument.ts';
import { getMetadata } from '../../../shared/editor/queries/getMetadata.ts';
import { RESOLUTIE_EXTENSION } from '../../../shared/format/resolutieFile.ts';
import { appendDurable } from '../files/appendFileDurable.ts';
import { removeStaleTempFiles, writeFileAtomic } from '../files/atomicWrite.ts';
import { openDocumentState } from '../../../shared/ydoc/yDocument.ts';
import {
  FileReadError,
  FileWriteError,
  getSystemCode,
  toFileWriteError,
} from '../files/fileErrors.ts';
import {
  encodeJournalRecord,
  encodeSingleRecordJournal,
  holdsUnsavedEdits,
  JOURNAL_HEADER_BYTES,
  parseJournal,
  RECORD_OVERHEAD_BYTES,
  RecordKind,
  type JournalRecord,
} from './journalFormat.ts';
import { KeyedQueue } from './journalQueue.ts';
import { readJournalSidecar, writeJournalSidecar, type JournalSidecar } from './journalSidecar.ts';
import { mergeRecordPayloads } from './journalUpdates.ts';
import { readFileLimited } from '../files/readFileLimited.ts';

/** The extension of a journal file. */
export const JOURNAL_EXTENSION = '.journal';

/** The extension of a journal's sidecar. */
export const SIDECAR_EXTENSION = '.json';

/** A journal of more records than this is compacted into one. */
export const DEFAULT_MAX_RECORDS = 1000;

/**
 * A journal larger than this is compacted into one record, unless it is less than twice its
 * size after the last reset or compaction: a document whose state alone exceeds the limit would
 * otherwise be rewritten in full after every keystroke.
 */
export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

// Compaction keeps a journal near its document's size; this bound only stops a damaged or
// foreign file from being read into memory whole.
const MAX_JOURNAL_FILE_BYTES = 512 * 1024 * 1024;

/** The mode of the folders the store creates: for the user alone (where modes apply). */
const PRIVATE_FOLDER_MODE = 0o700;

// Temporary files of an interrupted reset or compaction older than this are removed; younger
// ones could belong to a write still running.
const STALE_TEMP_AGE_MS = 10 * 60 * 1000;

/** Why a journal operation failed: no usable journal, or one whose content is unusable. */
export type JournalErrorCode = 'not_found' | 'damaged';

/** A journal operation that failed for a reason the user should read (in Dutch). */
export class JournalError extends Error {
  override name = 'JournalError';
  readonly code: JournalErrorCode;

  constructor(code: JournalErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** What a reset or an append may say about the document besides its content. */
export interface JournalMetadata {
  /** The document's file; null for a document never saved; left out: unchanged. */
  path?: string | null;
  /** The document's title; left out: unchanged. */
  title?: string;
  /** The invitation of the session the document is in; null: none; left out: unchanged. */
  session?: string | null;
}

/** A document whose journal holds unsaved edits. */
export interface RecoverableJournal {
  documentId: string;
  title: string;
  path: string | null;
  /** The invitation of the session it was in, or null. */
  session: string | null;
  /** When it last changed (ISO, UTC). */
  changedAt: string;
}

/** A document as its journal holds it. */
export interface RecoveredJournal {
  documentId: string;
  /** The merged Yjs state, checked against the schema. */
  state: Uint8Array;
  path: string | null;
  title: string;
  /** The invitation of the session it was in, or null. */
  session: string | null;
}

/** Options of a {@link JournalStore}. */
export interface JournalStoreOptions {
  /** See {@link DEFAULT_MAX_RECORDS}; tests lower it. */
  maxRecords?: number;
  /** See {@link DEFAULT_MAX_BYTES}; tests lower it. */
  maxBytes?: number;
  /** Where damaged journals and failed side tasks are reported; `console.error` by default. */
  reportError?: (message: string, error: unknown) => void;
  /** The clock, for tests. */
  now?: () => Date;
}

/** What the store knows about a journal it has written or read in this process. */
interface OpenJournal {
  /** The journal's length in bytes: where the next record goes. */
  length: number;
  records: number;
  /** The length right after the last reset or compaction. */
  baseLength: number;
  /** Whether it holds unsaved edits. */
  dirty: boolean;
  sidecar: JournalSidecar | null;
}

/** The journals of one profile. */
export class JournalStore {
  /** The folder holding the journals. */
  readonly dir: string;
  readonly #queue = new KeyedQueue();
  readonly #open = new Map<string, OpenJournal>();
  /**
   * Journals this process has written to: they belong to documents open right now (in this
   * window or another tab) and are not offered for recovery. Only what no running editor
   * owns, work left behind by a crash or a kill, is.
   */
  readonly #live = new Set<string>();
  readonly #maxRecords: number;
  readonly #maxBytes: number;
  readonly #reportError: (message: string, error: unknown) => void;
  readonly #now: () => Date;

  constructor(dir: string, options: JournalStoreOptions = {}) {
    this.dir = path.resolve(dir);
    this.#maxRecords = options.maxRecords ?? DEFAULT_MAX_RECORDS;
    this.#maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.#reportError = options.reportError ?? console.error;
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * Makes the journal of `documentId` one clean record holding `state` (a full Yjs state,
   * checked by the caller), creating it if needed. Throws a `FileWriteError`.
   */
  async reset(
    documentId: string,
    state: Uint8Array,
    metadata: JournalMetadata = {},
  ): Promise<void> {
    checkDocumentId(documentId);
    return this.#queue.run(documentId, async () => {
      // Only this user may read what is being typed (folders created here; existing ones keep
      // their mode).
      await mkdir(this.dir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
      this.#live.add(documentId);
      const previous = await this.#knownSidecar(documentId);
      const bytes = encodeSingleRecordJournal(RecordKind.state, state);
      // Forgotten first: should the write fail halfway, the next append reads the file anew.
      this.#open.delete(documentId);
      await writeFileAtomic(this.#journalPath(documentId), bytes);
      const journal: OpenJournal = {
        length: bytes.byteLength,
        records: 1,
        baseLength: bytes.byteLength,
        dirty: false,
        sidecar: previous,
      };
      this.#open.set(documentId, journal);
      await this.#writeSidecar(documentId, journal, metadata);
      await this.#removeStaleTempFiles(documentId);
    });
  }

  /**
   * Appends one Yjs update to the journal of `documentId` and resolves once it is on disk.
   * Answers how many records the journal holds afterwards. Throws a {@link JournalError}
   * `not_found` when the document has no usable journal (reset it first), a `FileWriteError`
   * when the disk refuses.
   */
  async append(
    documentId: string,
    update: Uint8Array,
    metadata: JournalMetadata = {},
  ): Promise<{ records: number }> {
    checkDocumentId(documentId);
    return this.#queue.run(documentId, async () => {
      this.#live.add(documentId);
      const journal = await this.#openForAppend(documentId);
      const record = encodeJournalRecord(RecordKind.update, update);
      try {
        await appendDurable(this.#journalPath(documentId), record);
      } catch (error) {
        // appendDurable cuts a failed append back, best-effort; what the file holds now is
        // read anew next time rather than assumed.
        this.#open.delete(documentId);
        throw error;
      }
      journal.length += record.byteLength;
      journal.records += 1;
      const becameDirty = !journal.dirty;
      journal.dirty = true;

      // The update is safe from here on: what follows only tidies up, and a failure in it is
      // reported rather than turned into a failed append (which the renderer would resend).
      try {
        if (becameDirty || changesSidecar(journal.sidecar, metadata)) {
          await this.#writeSidecar(documentId, journal, metadata);
        }
      } catch (error) {
        this.#report(`Gegevens van herstelbestand ${documentId} niet bijgewerkt`, error);
      }
      if (this.#needsCompaction(journal)) await this.#compact(documentId, journal);
      return { records: journal.records };
    });
  }

  /** Deletes the journal of `documentId` and its sidecar; nothing to delete is fine. */
  async discard(documentId: string): Promise<void> {
    checkDocumentId(documentId);
    return this.#queue.run(documentId, async () => {
      this.#open.delete(documentId);
      this.#live.delete(documentId);
      await removeIfPresent(this.#journalPath(documentId));
      await removeIfPresent(this.#sidecarPath(documentId));
    });
  }

  /**
   * The journals holding unsaved edits that no document open in this process writes to,
   * newest first. A journal that cannot be read is reported and left out; it never fails the
   * list.
   */
  async listRecoverable(): Promise<RecoverableJournal[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      const code = getSystemCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return [];
      throw error;
    }
    const found: RecoverableJournal[] = [];
    for (const name of names.sort()) {
      if (!name.endsWith(JOURNAL_EXTENSION)) continue;
      const documentId = name.slice(0, -JOURNAL_EXTENSION.length);
      if (!isDocumentId(documentId) || this.#live.has(documentId)) continue;
      try {
        const entry = await this.#queue.run(documentId, () => this.#describe(documentId));
        if (entry) found.push(entry);
      } catch (error) {
        this.#report(`Herstelbestand ${name} kan niet worden gelezen`, error);
      }
    }
    return found.sort((a, b) => b.changedAt.localeCompare(a.changedAt));
  }

  /**
   * The document the journal of `documentId` holds: every readable record merged, up to a
   * damaged or cut-off one. The journal itself is left as it is. Throws a {@link JournalError}:
   * `not_found` without a journal, `damaged` when what it holds is no resolution.
   */
  async recover(documentId: string): Promise<RecoveredJournal> {
    checkDocumentId(documentId);
    return this.#queue.run(documentId, async () => {
      const records = await this.#readRecords(documentId);
      if (records === null || records.length === 0) {
        throw new JournalError(
          records === null ? 'not_found' : 'damaged',
          records === null
            ? 'Er is geen herstelbestand (meer) van dit document.'
            : 'Het herstelbestand van dit document is beschadigd en kan niet worden gebruikt.',
        );
      }
      const merged = mergeRecordPayloads(records.map((record) => record.payload));
      if (merged.skipped > 0) {
        this.#report(
          `Herstelbestand ${documentId}: ${merged.skipped} onleesbare wijziging(en) overgeslagen`,
          null,
        );
      }
      let opened;
      try {
        opened = openDocumentState(merged.state);
      } catch (error) {
        if (!(error instanceof InvalidDocumentError)) throw error;
        throw new JournalError(
          'damaged',
          `Het herstelbestand van dit document kan niet worden gebruikt. ${error.message}`,
          { cause: error },
        );
      }
      try {
        const sidecar = await this.#knownSidecar(documentId);
        const docTitle = getMetadata(opened.doc).title.trim();
        return {
          documentId,
          state: encodeYDoc(opened.ydoc),
          path: sidecar?.path ?? null,
          title: docTitle || describeTitle(sidecar),
          session: sidecar?.session ?? null,
        };
      } finally {
        opened.ydoc.destroy();
      }
    });
  }

  /** The journal of `documentId`, read and tidied for appending unless already known. */
  async #openForAppend(documentId: string): Promise<OpenJournal> {
    const known = this.#open.get(documentId);
    if (known) return known;
    const filePath = this.#journalPath(documentId);
    const bytes = await this.#readJournalBytes(documentId);
    const parsed = bytes === null ? null : parseJournal(bytes);
    if (bytes === null || parsed === null || parsed.records.length === 0) {
      if (bytes !== null) {
        this.#report(`Herstelbestand ${documentId} is onbruikbaar`, null);
      }
      throw new JournalError(
        'not_found',
        'Er is geen bruikbaar herstelbestand voor dit document. Sla het document op; daarna worden wijzigingen weer bewaard voor herstel.',
      );
    }
    if (parsed.validLength < bytes.byteLength) {
      // A record cut off by a crash (or a damaged one) ends the readable part; the next record
      // must follow the last good one, or it would never be read.
      await cutJournal(filePath, parsed.validLength);
      this.#report(
        `Herstelbestand ${documentId}: ${bytes.byteLength - parsed.validLength} bytes ` +
          `(${parsed.tail === 'incomplete' ? 'onvolledig' : 'beschadigd'}) afgekapt`,
        null,
      );
    }
    const first = parsed.records[0]!;
    const journal: OpenJournal = {
      length: parsed.validLength,
      records: parsed.records.length,
      baseLength: JOURNAL_HEADER_BYTES + first.payload.byteLength + RECORD_OVERHEAD_BYTES,
      dirty: holdsUnsavedEdits(parsed.records),
      sidecar: await this.#readSidecar(documentId),
    };
    this.#open.set(documentId, journal);
    return journal;
  }

  #needsCompaction(journal: OpenJournal): boolean {
    if (journal.records > this.#maxRecords) return true;
    return journal.length > this.#maxBytes && journal.length > 2 * journal.baseLength;
  }

  /**
   * Rewrites the journal atomically as one compacted record of its merged state. Only when the
   * merge is a valid document: otherwise the records stay as they are, which loses nothing.
   * A failure is reported; the journal is then unchanged (or already replaced), never broken.
   */
  async #compact(documentId: string, journal: OpenJournal): Promise<void> {
    try {
      const records = await this.#readRecords(documentId);
      if (records === null || records.length === 0) throw new Error('journal vanished');
      const merged = mergeRecordPayloads(records.map((record) => record.payload));
      openDocumentState(merged.state).ydoc.destroy();
      const bytes = encodeSingleRecordJournal(RecordKind.compacted, merged.state);
      await writeFileAtomic(this.#journalPath(documentId), bytes);
      journal.length = bytes.byteLength;
      journal.records = 1;
      journal.baseLength = bytes.byteLength;
      journal.dirty = true;
      await this.#removeStaleTempFiles(documentId);
    } catch (error) {
      this.#open.delete(documentId);
      this.#report(`Herstelbestand ${documentId} kon niet worden samengevoegd`, error);
    }
  }

  /** Writes the sidecar with `metadata` applied over what it said before. */
  async #writeSidecar(
    documentId: string,
    journal: OpenJournal,
    metadata: JournalMetadata,
  ): Promise<void> {
    const now = this.#now().toISOString();
    const previous = journal.sidecar;
    const sidecar: JournalSidecar = {
      documentId,
      path: metadata.path !== undefined ? metadata.path : (previous?.path ?? null),
      title: metadata.title ?? previous?.title ?? '',
      session: metadata.session !== undefined ? metadata.session : (previous?.session ?? null),
      createdAt: previous?.createdAt ?? now,
      changedAt: now,
    };
    await writeJournalSidecar(this.#sidecarPath(documentId), sidecar);
    journal.sidecar = sidecar;
  }

  /** The entry of the recovery list for a journal, or null when it holds nothing unsaved. */
  async #describe(documentId: string): Promise<RecoverableJournal | null> {
    const records = await this.#readRecords(documentId);
    if (records === null) return null;
    if (records.length === 0) {
      throw new JournalError(
        'damaged',
        `Het herstelbestand ${documentId} bevat geen leesbare gegevens.`,
      );
    }
    if (!holdsUnsavedEdits(records)) return null;
    const sidecar = await this.#knownSidecar(documentId);
    let changedAt = sidecar?.changedAt ?? '';
    try {
      // Appends do not touch the sidecar; the journal's own time is that of the last edit.
      const modified = (await stat(this.#journalPath(documentId))).mtime.toISOString();
      if (modified > changedAt) changedAt = modified;
    } catch {
      // Gone meanwhile: the sidecar's time will do.
    }
    return {
      documentId,
      title: describeTitle(sidecar),
      path: sidecar?.path ?? null,
      session: sidecar?.session ?? null,
      changedAt: changedAt || this.#now().toISOString(),
    };
  }

  /** The journal's records, or null when it does not exist. */
  async #readRecords(documentId: string): Promise<JournalRecord[] | null> {
    const bytes = await this.#readJournalBytes(documentId);
    return bytes === null ? null : parseJournal(bytes).records;
  }

  /**
   * The journal's bytes, or null when there is none. An empty file gives no bytes (and so no
   * header): it exists, but holds nothing usable.
   */
  async #readJournalBytes(documentId: string): Promise<Uint8Array | null> {
    try {
      return await readFileLimited(this.#journalPath(documentId), MAX_JOURNAL_FILE_BYTES);
    } catch (error) {
      if (error instanceof FileReadError && error.code === 'not_found') return null;
      if (error instanceof FileReadError && error.code === 'empty') return new Uint8Array();
      throw error;
    }
  }

  /** The sidecar as this process knows it, else as the disk holds it. */
  async #knownSidecar(documentId: string): Promise<JournalSidecar | null> {
    return this.#open.get(documentId)?.sidecar ?? (await this.#readSidecar(documentId));
  }

  /** The sidecar on disk; a damaged one is reported and counts as none. */
  async #readSidecar(documentId: string): Promise<JournalSidecar | null> {
    const reading = await readJournalSidecar(this.#sidecarPath(documentId), documentId);
    if (reading.kind === 'damaged') {
      this.#report(`Gegevens van herstelbestand ${documentId} zijn beschadigd`, reading.error);
    }
    return reading.kind === 'ok' ? reading.sidecar : null;
  }

  async #removeStaleTempFiles(documentId: string): Promise<void> {
    for (const name of [`${documentId}${JOURNAL_EXTENSION}`, `${documentId}${SIDECAR_EXTENSION}`]) {
      // File ages are measured on the real clock, whatever clock the store was given.
      await removeStaleTempFiles(this.dir, name, STALE_TEMP_AGE_MS);
    }
  }

  #journalPath(documentId: string): string {
    return path.join(this.dir, `${documentId}${JOURNAL_EXTENSION}`);
  }

  #sidecarPath(documentId: string): string {
    return path.join(this.dir, `${documentId}${SIDECAR_EXTENSION}`);
  }

  #report(message: string, error: unknown): void {
    try {
      this.#reportError(message, error);
    } catch {
      // A failing reporter must not fail the journal.
    }
  }
}

/** Refuses an id that is no document id: it becomes a file name. */
function checkDocumentId(documentId: string): void {
  if (!isDocumentId(documentId)) throw new RangeError('Ongeldig document-id.');
}

/** Whether `metadata` says something the sidecar does not say yet. */
function changesSidecar(sidecar: JournalSidecar | null, metadata: JournalMetadata): boolean {
  if (sidecar === null) return true;
  return (
    (metadata.path !== undefined && metadata.path !== sidecar.path) ||
    (metadata.title !== undefined && metadata.title !== sidecar.title) ||
    (metadata.session !== undefined && metadata.session !== (sidecar.session ?? null))
  );
}

/** The title to show for a journal: its own, else its file's name, else empty. */
function describeTitle(sidecar: JournalSidecar | null): string {
  const title = sidecar?.title.trim() ?? '';
  if (title !== '') return title;
  if (sidecar?.path) {
    const name = path.basename(sidecar.path, RESOLUTIE_EXTENSION).trim();
    if (name !== '') return name;
  }
  // Neither: the renderer shows its own word for an untitled document.
  return '';
}

/** Cuts the file at `filePath` to `length` bytes, durably. Throws a `FileWriteError`. */
async function cutJournal(filePath: string, length: number): Promise<void> {
  let handle;
  try {
    handle = await open(filePath, 'r+');
    await handle.truncate(length);
    await handle.sync();
  } catch (error) {
    throw toFileWriteError(error, filePath, 'append');
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Deletes a file; one that is not there is fine. Throws a `FileWriteError` otherwise. */
async function removeIfPresent(filePath: string): Promise<void> {
  try {
    await unlink(filePath);
  } catch (error) {
    const code = getSystemCode(error);
    if (code === 'ENOENT') return;
    throw new FileWriteError(
      'io',
      `Het herstelbestand ‘${path.basename(filePath)}’ kan niet worden verwijderd (${code ?? 'onbekende fout'}).`,
      filePath,
      { cause: error },
    );
  }
}
