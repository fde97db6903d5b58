import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { formatByteSize } from '../../../shared/api/limits.ts';
import { FileReadError, getSystemCode } from './fileErrors.ts';

/** What `readFileLimited` needs to know about a file before opening it. */
export interface ReadFileStats {
  size: number;
  isFile(): boolean;
  isDirectory(): boolean;
}

/** The part of a `node:fs/promises` file handle that `readFileLimited` uses. */
export interface ReadFileHandle {
  stat(): Promise<ReadFileStats>;
  read(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ bytesRead: number }>;
  close(): Promise<void>;
}

/**
 * The part of `node:fs/promises` that `readFileLimited` uses. Production always uses the real
 * module; tests pass a wrapper that fails where they want.
 */
export interface ReadFs {
  stat(filePath: string): Promise<ReadFileStats>;
  open(filePath: string, flags: string): Promise<ReadFileHandle>;
}

/** Options of `readFileLimited`. */
export interface ReadFileLimitedOptions {
  /** For tests only: the file system to use instead of `node:fs/promises`. */
  fs?: ReadFs;
}

/**
 * Reads the whole file at `filePath`, refusing before reading anything what is not a regular
 * file (a folder, a pipe, a device), what is missing or unreadable, what is empty, and what is
 * larger than `maxBytes`, each with a `FileReadError` whose Dutch message names the file. A file
 * that grows while it is read is refused once it passes `maxBytes`, so memory use never exceeds
 * the limit by more than a byte.
 */
export async function readFileLimited(
  filePath: string,
  maxBytes: number,
  options?: ReadFileLimitedOptions,
): Promise<Uint8Array> {
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) {
    throw new RangeError(`maxBytes must be a non-negative integer, not ${maxBytes}.`);
  }
  const fs: ReadFs = options?.fs ?? nodeFs;
  const name = path.basename(filePath);

  // The path is checked before opening: opening a named pipe would block until someone writes.
  let stats: ReadFileStats;
  try {
    stats = await fs.stat(filePath);
  } catch (error) {
    throw toFileReadError(error, filePath);
  }
  checkStats(stats, filePath, maxBytes);

  let handle: ReadFileHandle | undefined;
  try {
    handle = await fs.open(filePath, 'r');
    // The file may have been replaced between stat and open; the open file is what counts.
    const openStats = await handle.stat();
    checkStats(openStats, filePath, maxBytes);
    const data = await readUpTo(handle, openStats.size, maxBytes);
    if (data === undefined) {
      throw new FileReadError(
        'too_large',
        `Het bestand ‘${name}’ is te groot (hoogstens ${formatByteSize(maxBytes)}).`,
        filePath,
      );
    }
    if (data.byteLength === 0) throw emptyError(filePath);
    return data;
  } catch (error) {
    throw toFileReadError(error, filePath);
  } finally {
    try {
      await handle?.close();
    } catch {
      // The bytes are read (or the read failed for a reason already reported).
    }
  }
}

/** Refuses what is not a regular file, empty, or too large, by its stats. */
function checkStats(stats: ReadFileStats, filePath: string, maxBytes: number): void {
  const name = path.basename(filePath);
  if (stats.isDirectory()) {
    throw new FileReadError('not_a_file', `‘${name}’ is een map, geen bestand.`, filePath);
  }
  if (!stats.isFile()) {
    throw new FileReadError('not_a_file', `‘${name}’ is geen gewoon bestand.`, filePath);
  }
  if (stats.size > maxBytes) {
    const size = formatByteSize(stats.size);
    const limit = formatByteSize(maxBytes);
    // Just over the limit, both round to the same text; "64 MB; hoogstens 64 MB" would puzzle.
    const detail = size === limit ? `hoogstens ${limit}` : `${size}; hoogstens ${limit}`;
    throw new FileReadError(
      'too_large',
      `Het bestand ‘${name}’ is te groot (${detail}).`,
      filePath,
    );
  }
  if (stats.size === 0) throw emptyError(filePath);
}

function emptyError(filePath: string): FileReadError {
  return new FileReadError('empty', `Het bestand ‘${path.basename(filePath)}’ is leeg.`, filePath);
}

/**
 * Reads from the start until the end of the file, or undefined once more than `maxBytes` came
 * in. The buffer starts one byte larger than the expected size, so a file of the size its stats
 * promised is read without growing it, and growth shows as a full buffer.
 */
async function readUpTo(
  handle: ReadFileHandle,
  expectedSize: number,
  maxBytes: number,
): Promise<Uint8Array | undefined> {
  let buffer = new Uint8Array(Math.min(expectedSize, maxBytes) + 1);
  let total = 0;
  for (;;) {
    if (total === buffer.byteLength) {
      if (total > maxBytes) return undefined;
      // The file grew while being read: double the room, but never past the limit's extra byte.
      const larger = new Uint8Array(Math.min(buffer.byteLength * 2, maxBytes + 1));
      larger.set(buffer);
      buffer = larger;
    }
    const { bytesRead } = await handle.read(buffer, total, buffer.byteLength - total, total);
    if (bytesRead === 0) return buffer.subarray(0, total);
    total += bytesRead;
  }
}

/** Any error while checking or reading `filePath` as a `FileReadError` with a Dutch message. */
function toFileReadError(error: unknown, filePath: string): FileReadError {
  if (error instanceof FileReadError) return error;
  const name = path.basename(filePath);
  const systemCode = getSystemCode(error);
  switch (systemCode) {
    // No file can have a name that is too long, so such a file does not exist either.
    case 'ENOENT':
    case 'ENOTDIR':
    case 'ENAMETOOLONG':
      return new FileReadError('not_found', `Het bestand ‘${name}’ bestaat niet.`, filePath, {
        cause: error,
      });
    case 'EISDIR':
      return new FileReadError('not_a_file', `‘${name}’ is een map, geen bestand.`, filePath, {
        cause: error,
      });
    case 'EACCES':
    case 'EPERM':
      return new FileReadError(
        'unreadable',
        `Het bestand ‘${name}’ kan niet worden gelezen: geen toegang.`,
        filePath,
        { cause: error },
      );
    default:
      return new FileReadError(
        'unreadable',
        `Het bestand ‘${name}’ kan niet worden gelezen (${systemCode ?? 'onbekende fout'}).`,
        filePath,
        { cause: error },
      );
  }
}
