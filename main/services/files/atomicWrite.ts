import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { FileWriteError, getSystemCode, toFileWriteError } from './fileErrors.ts';

/** The part of a `node:fs/promises` file handle that the atomic write uses. */
export interface AtomicFileHandle {
  write(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number | null,
  ): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The part of `node:fs/promises` that the atomic write uses. Production always uses the real
 * module; tests pass a wrapper that fails at a chosen step.
 */
export interface AtomicFs {
  open(filePath: string, flags: string, mode?: number): Promise<AtomicFileHandle>;
  rename(oldPath: string, newPath: string): Promise<void>;
  unlink(filePath: string): Promise<void>;
}

/** Options of `writeFileAtomic`. */
export interface WriteFileAtomicOptions {
  /** For tests only: the file system to use instead of `node:fs/promises`. */
  fs?: AtomicFs;
  /**
   * The new file's permissions (before the umask), set when it is created: a secret is never
   * readable by others, not even for the moment before a chmod.
   */
  mode?: number;
}

// Large files are written in pieces: a single write may be cut short by the operating system
// anyway, and pieces give a failure (a full disk) a chance to surface early.
const WRITE_CHUNK_BYTES = 1024 * 1024;

// Names of temporary files: `.<basename>.<12 hex digits>.tmp`.
const RANDOM_BYTES = 6;
const TEMP_SUFFIX = '.tmp';

// Most file systems allow 255 bytes per name (ext4, APFS, NTFS counts 255 UTF-16 units, which
// is never fewer). The temporary name adds a dot, a random part and a suffix to the target's
// name; a target name close to the limit would then fail on the temporary file while the target
// itself is allowed, so the target's part of the temporary name is shortened instead.
const MAX_NAME_BYTES = 255;

/**
 * Writes `data` to `filePath` so that the file holds either its previous content or all of
 * `data`, also after a crash or power loss: the bytes go to a new temporary file in the same
 * folder, are flushed to the disk, and the temporary file is then renamed over the target; the
 * folder is flushed last so that the rename itself is on disk.
 *
 * On failure the temporary file is removed (best-effort), the target is untouched, and a
 * `FileWriteError` says what went wrong in Dutch. A process that is killed halfway can leave a
 * temporary file behind; `removeStaleTempFiles` clears those.
 */
export async function writeFileAtomic(
  filePath: string,
  data: Uint8Array,
  options?: WriteFileAtomicOptions,
): Promise<void> {
  const fs: AtomicFs = options?.fs ?? nodeFs;
  const dir = path.dirname(filePath);
  const tempPath = path.join(dir, createTempName(path.basename(filePath)));

  let handle: AtomicFileHandle | undefined;
  let tempCreated = false;
  try {
    // 'wx' fails if the name exists, so a (very unlikely) clash never overwrites someone
    // else's temporary file.
    handle = await fs.open(tempPath, 'wx', options?.mode);
    tempCreated = true;
    await writeAll(handle, data);
    await handle.sync();
    const closing = handle;
    handle = undefined;
    await closing.close();
    await fs.rename(tempPath, filePath);
    tempCreated = false;
  } catch (error) {
    await discardTempFile(fs, handle, tempCreated ? tempPath : undefined);
    throw toFileWriteError(error, filePath, 'replace');
  }

  // The new content is in place from here on; only the rename's durability is left to check.
  await syncDirectory(fs, dir, filePath);
}

/**
 * Checks, before a long job, that `writeFileAtomic(filePath, …)` can succeed: the target is
 * not a folder, and a temporary file can be created (and is removed again) in its folder. A
 * real probe rather than a permission check, so a read-only disk or a full quota shows too,
 * also for a user (root) whom permission bits do not stop. Throws the `FileWriteError` the write
 * itself would throw; writes nothing that stays.
 */
export async function checkWritableTarget(
  filePath: string,
  options?: WriteFileAtomicOptions,
): Promise<void> {
  const fs: AtomicFs = options?.fs ?? nodeFs;
  let isDirectory = false;
  try {
    isDirectory = (await nodeFs.stat(filePath)).isDirectory();
  } catch {
    // No such file (fine: it will be created) or no such folder (the probe below says so).
  }
  if (isDirectory) {
    const error = Object.assign(new Error('the target is a directory'), { code: 'EISDIR' });
    throw toFileWriteError(error, filePath, 'replace');
  }
  const tempPath = path.join(path.dirname(filePath), createTempName(path.basename(filePath)));
  let handle: AtomicFileHandle | undefined;
  try {
    handle = await fs.open(tempPath, 'wx');
  } catch (error) {
    throw toFileWriteError(error, filePath, 'replace');
  }
  await discardTempFile(fs, handle, tempPath);
}

/** Writes every byte of `data` from the start of the file, going on after short writes. */
async function writeAll(handle: AtomicFileHandle, data: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < data.byteLength) {
    const length = Math.min(WRITE_CHUNK_BYTES, data.byteLength - offset);
    const { bytesWritten } = await handle.write(data, offset, length, offset);
    if (bytesWritten <= 0) {
      // No progress and no error would loop forever; report it as the disk error it is.
      throw Object.assign(new Error('write wrote no bytes'), { code: 'EIO' });
    }
    offset += bytesWritten;
  }
}

/** Best-effort cleanup after a failure: the original error is what the caller must see. */
async function discardTempFile(
  fs: AtomicFs,
  handle: AtomicFileHandle | undefined,
  tempPath: string | undefined,
): Promise<void> {
  if (handle) {
    try {
      await handle.close();
    } catch {
      // Already closed or unusable; removing the file below is what matters.
    }
  }
  if (tempPath !== undefined) {
    try {
      await fs.unlink(tempPath);
    } catch {
      // Left behind; removeStaleTempFiles clears it later.
    }
  }
}

// Folders that cannot be opened or flushed on some platforms: Windows refuses to open a folder
// as a file (EISDIR, EPERM) and some file systems do not support fsync on one (EINVAL). A folder
// that is writable but not readable (EACCES on opening it) cannot be flushed either. In those
// cases the rename is as durable as the platform allows.
const UNSYNCABLE_DIR_CODES = new Set(['EISDIR', 'EPERM', 'EINVAL', 'EACCES']);

/** What `syncDirectory` needs: opening a folder for reading, flushing and closing it. */
export interface DirectorySyncFs {
  open(dirPath: string, flags: string): Promise<{ sync(): Promise<void>; close(): Promise<void> }>;
}

/**
 * Flushes the folder `dir` so that a new or renamed name in it (`filePath`) is on disk.
 * Platforms that cannot flush a folder are accepted silently. Any other failure (a disk error)
 * throws a `FileWriteError` with code 'io': the file's content is in place, but it is not known
 * to survive a power loss, so the caller must not report the save as done.
 */
export async function syncDirectory(
  fs: DirectorySyncFs,
  dir: string,
  filePath: string,
): Promise<void> {
  let handle: { sync(): Promise<void>; close(): Promise<void> } | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const systemCode = getSystemCode(error);
    if (systemCode === undefined || !UNSYNCABLE_DIR_CODES.has(systemCode)) {
      await closeQuietly(handle);
      throw new FileWriteError(
        'io',
        `‘${path.basename(filePath)}’ is geschreven, maar de schijf heeft niet bevestigd dat het ` +
          `bewaard blijft (${systemCode ?? 'onbekende fout'}). Probeer het opnieuw.`,
        filePath,
        { cause: error },
      );
    }
  }
  await closeQuietly(handle);
}

async function closeQuietly(handle: { close(): Promise<void> } | undefined): Promise<void> {
  try {
    await handle?.close();
  } catch {
    // A handle on a folder holds nothing to lose.
  }
}

/** `.<basename>.<random>.tmp`, with the basename shortened if the name would be too long. */
function createTempName(basename: string): string {
  return `${getTempPrefix(basename)}${randomBytes(RANDOM_BYTES).toString('hex')}${TEMP_SUFFIX}`;
}

/** The start of every temporary name for `basename`: `.<basename>.`, shortened if needed. */
function getTempPrefix(basename: string): string {
  const fixedBytes = 2 + RANDOM_BYTES * 2 + TEMP_SUFFIX.length;
  return `.${truncateUtf8(basename, MAX_NAME_BYTES - fixedBytes)}.`;
}

/** The longest start of `text` that fits in `maxBytes` of UTF-8, cut between code points. */
function truncateUtf8(text: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).byteLength <= maxBytes) return text;
  let result = '';
  let bytes = 0;
  for (const char of text) {
    const charBytes = encoder.encode(char).byteLength;
    if (bytes + charBytes > maxBytes) break;
    result += char;
    bytes += charBytes;
  }
  return result;
}

/**
 * Deletes the temporary files that `writeFileAtomic` left in `dir` for `basename` when a process
 * died halfway, if they are older than `maxAgeMs` (younger ones may belong to a save that is
 * still running in another window or process). Only names of exactly the form
 * `.<basename>.<12 hex digits>.tmp` that are regular files are touched. Best-effort: problems
 * (a missing folder, a file that another process removed first) are skipped, never thrown.
 * Returns the names of the removed files.
 */
export async function removeStaleTempFiles(
  dir: string,
  basename: string,
  maxAgeMs: number,
  now: number = Date.now(),
): Promise<string[]> {
  const prefix = getTempPrefix(basename);
  const randomPart = new RegExp(`^[0-9a-f]{${RANDOM_BYTES * 2}}$`);
  let names: string[];
  try {
    names = await nodeFs.readdir(dir);
  } catch {
    return [];
  }

  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX)) continue;
    if (!randomPart.test(name.slice(prefix.length, name.length - TEMP_SUFFIX.length))) continue;
    const fullPath = path.join(dir, name);
    try {
      const stats = await nodeFs.lstat(fullPath);
      if (!stats.isFile() || now - stats.mtimeMs < maxAgeMs) continue;
      await nodeFs.unlink(fullPath);
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}
