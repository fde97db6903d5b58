import * as fs from 'node:fs/promises';
import type { AppendFileHandle, AppendFs } from '../files/appendFileDurable.ts';
import type { AtomicFileHandle, AtomicFs } from '../files/atomicWrite.ts';
import type { ReadFileHandle, ReadFileStats, ReadFs } from '../files/readFileLimited.ts';

/** One call that went through a `FaultyFs`: the operation, and the path it was about. */
export interface FsStep {
  /** Position in the order of calls, from 0. */
  index: number;
  /** `open`, `rename`, `unlink`, `stat`, or a handle's `write`, `sync`, `close` … */
  op: string;
  /** The path of the call; for handle operations the path the handle was opened with. */
  path: string;
  /** The flags of `open`, and of the `open` that made the handle for handle operations. */
  flags?: string;
}

/** When a `FaultyFs` throws instead of doing the step, and with which system error code. */
export interface Fault {
  matches(step: FsStep): boolean;
  code: string;
}

/** Options of a `FaultyFs`. */
export interface FaultyFsOptions {
  faults?: Fault[];
  /** Caps every write at this many bytes, so callers see short writes as the OS may give them. */
  maxWriteBytes?: number;
}

/** A fault at the step with this index (see `FaultyFs.steps` of a run without faults). */
export function failAtStep(index: number, code: string): Fault {
  return { matches: (step) => step.index === index, code };
}

/** A fault at every call of `op` (optionally only for handles opened with `flags`). */
export function failOp(op: string, code: string, flags?: string): Fault {
  return {
    matches: (step) => step.op === op && (flags === undefined || step.flags === flags),
    code,
  };
}

/** An error shaped like Node's system errors, for a step that was made to fail. */
export function createSystemError(code: string, step: Pick<FsStep, 'op' | 'path'>): Error {
  return Object.assign(new Error(`${code}: simulated failure, ${step.op} '${step.path}'`), {
    code,
    syscall: step.op,
    path: step.path,
  });
}

/**
 * The real `node:fs/promises`, with every call recorded in `steps` and chosen calls failing
 * before they happen, for the fault-injection tests of the file services. Failed calls are
 * recorded too.
 */
export class FaultyFs implements AtomicFs, AppendFs, ReadFs {
  readonly steps: FsStep[] = [];
  readonly #faults: Fault[];
  readonly #maxWriteBytes: number;

  constructor(options: FaultyFsOptions = {}) {
    this.#faults = options.faults ?? [];
    this.#maxWriteBytes = options.maxWriteBytes ?? Infinity;
  }

  /** Records a step and throws if a fault matches it. */
  check(op: string, path: string, flags?: string): void {
    const step: FsStep = { index: this.steps.length, op, path };
    if (flags !== undefined) step.flags = flags;
    this.steps.push(step);
    const fault = this.#faults.find((candidate) => candidate.matches(step));
    if (fault) throw createSystemError(fault.code, step);
  }

  async open(path: string, flags: string, mode?: number): Promise<FaultyHandle> {
    this.check('open', path, flags);
    return new FaultyHandle(
      this,
      await fs.open(path, flags, mode),
      path,
      flags,
      this.#maxWriteBytes,
    );
  }

  async rename(oldPath: string, newPath: string): Promise<void> {
    this.check('rename', oldPath);
    await fs.rename(oldPath, newPath);
  }

  async unlink(path: string): Promise<void> {
    this.check('unlink', path);
    await fs.unlink(path);
  }

  async stat(path: string): Promise<ReadFileStats> {
    this.check('stat', path);
    return fs.stat(path);
  }
}

/** A real file handle whose every call goes through its `FaultyFs` first. */
export class FaultyHandle implements AtomicFileHandle, AppendFileHandle, ReadFileHandle {
  readonly #owner: FaultyFs;
  readonly #handle: fs.FileHandle;
  readonly #path: string;
  readonly #flags: string;
  readonly #maxWriteBytes: number;

  constructor(
    owner: FaultyFs,
    handle: fs.FileHandle,
    path: string,
    flags: string,
    maxWriteBytes: number,
  ) {
    this.#owner = owner;
    this.#handle = handle;
    this.#path = path;
    this.#flags = flags;
    this.#maxWriteBytes = maxWriteBytes;
  }

  #check(op: string): void {
    this.#owner.check(op, this.#path, this.#flags);
  }

  async write(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number | null,
  ): Promise<{ bytesWritten: number }> {
    this.#check('write');
    const { bytesWritten } = await this.#handle.write(
      buffer,
      offset,
      Math.min(length, this.#maxWriteBytes),
      position,
    );
    return { bytesWritten };
  }

  async read(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ bytesRead: number }> {
    this.#check('read');
    const { bytesRead } = await this.#handle.read(buffer, offset, length, position);
    return { bytesRead };
  }

  async stat(): Promise<ReadFileStats> {
    this.#check('fstat');
    return this.#handle.stat();
  }

  async truncate(length: number): Promise<void> {
    this.#check('truncate');
    await this.#handle.truncate(length);
  }

  async sync(): Promise<void> {
    this.#check('sync');
    await this.#handle.sync();
  }

  async datasync(): Promise<void> {
    this.#check('datasync');
    await this.#handle.datasync();
  }

  async close(): Promise<void> {
    // A simulated failure of close still releases the descriptor, as a real failing close does
    // on Linux; otherwise every such test would leak one.
    try {
      this.#check('close');
    } catch (error) {
      await this.#handle.close();
      throw error;
    }
    await this.#handle.close();
  }
}
