import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { syncDirectory } from './atomicWrite.ts';
import { toFileWriteError } from './fileErrors.ts';

/** The part of a `node:fs/promises` file handle that a durable append uses. */
export interface AppendFileHandle {
  write(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number | null,
  ): Promise<{ bytesWritten: number }>;
  stat(): Promise<{ size: number }>;
  truncate(length: number): Promise<void>;
  datasync(): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The part of `node:fs/promises` that a durable append uses. Production always uses the real
 * module; tests pass a wrapper that fails at a chosen step.
 */
export interface AppendFs {
  open(filePath: string, flags: string, mode?: number): Promise<AppendFileHandle>;
}

/** Options of `appendDurable`. */
export interface AppendDurableOptions {
  /** For tests only: the file system to use instead of `node:fs/promises`. */
  fs?: AppendFs;
}

/**
 * Appends `data` to the end of `filePath` (creating the file if needed) and resolves only once
 * the bytes are flushed to the disk: an append that returned survives a crash or power loss.
 * This is the write of the recovery journal.
 *
 * If writing or flushing fails, the file is cut back to its length before the append
 * (best-effort), so a failed append never leaves half a record in the middle of the journal
 * for the next append to build on; the error is a `FileWriteError` with a Dutch message.
 * A process killed halfway can still leave a partial record at the end, which the journal's
 * reader must recognise. One writer per journal is assumed: the rollback would cut off what
 * another writer appended meanwhile.
 */
export async function appendDurable(
  filePath: string,
  data: Uint8Array,
  options?: AppendDurableOptions,
): Promise<void> {
  const fs: AppendFs = options?.fs ?? nodeFs;
  let handle: AppendFileHandle | undefined;
  let sizeBefore: number | undefined;
  try {
    handle = await fs.open(filePath, 'a');
    sizeBefore = (await handle.stat()).size;
    await appendAll(handle, data);
    // fdatasync also flushes the new file length, which is all an append changes besides data.
    await handle.datasync();
  } catch (error) {
    await rollBack(handle, sizeBefore);
    throw toFileWriteError(error, filePath, 'append');
  }
  try {
    await handle.close();
  } catch {
    // The bytes are flushed already; a failing close cannot take them back, and reporting the
    // append as failed would make the caller write the same record twice.
  }

  if (sizeBefore === 0) {
    // The file may have just been created: its name is only durable once the folder is flushed.
    // (A file that existed empty costs one needless flush; telling the two apart costs more.)
    await syncDirectory(fs, path.dirname(filePath), filePath);
  }
}

/** Appends every byte of `data`, going on after short writes. */
async function appendAll(handle: AppendFileHandle, data: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < data.byteLength) {
    // In append mode the position is ignored; every write goes to the current end.
    const { bytesWritten } = await handle.write(data, offset, data.byteLength - offset, null);
    if (bytesWritten <= 0) {
      throw Object.assign(new Error('write wrote no bytes'), { code: 'EIO' });
    }
    offset += bytesWritten;
  }
}

/** Cuts the file back to its length before the failed append, then closes it. Best-effort. */
async function rollBack(
  handle: AppendFileHandle | undefined,
  sizeBefore: number | undefined,
): Promise<void> {
  if (!handle) return;
  if (sizeBefore !== undefined) {
    try {
      await handle.truncate(sizeBefore);
      await handle.sync();
    } catch {
      // Nothing more to do: the journal's reader stops at a damaged record.
    }
  }
  try {
    await handle.close();
  } catch {
    // Already closed or unusable.
  }
}
