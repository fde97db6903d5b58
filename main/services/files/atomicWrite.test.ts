import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkWritableTarget, removeStaleTempFiles, writeFileAtomic } from './atomicWrite.ts';
import { FileWriteError } from './fileErrors.ts';
import { FaultyFs, failAtStep, failOp } from '../testing/faultyFs.ts';
import { createSeededBytes, createSeededRandom } from '../../../shared/testing/seededRandom.ts';
import { createTempDir, listTempFiles, removeTempDir } from '../testing/tempDir.ts';

let dir: string;
let target: string;

beforeEach(async () => {
  dir = await createTempDir('atomic-write-');
  target = path.join(dir, 'besluit.resolutie');
});

afterEach(async () => {
  await removeTempDir(dir);
});

const encoder = new TextEncoder();
const OLD = encoder.encode('de vorige versie\n');

/** Reads the target, or undefined if it does not exist. */
async function readTarget(): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await readFile(target));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Names what the target holds: 'absent', 'old', 'new' or 'other'. Comparing megabytes with
 * `toEqual` is slow and prints unreadable diffs; this compares bytes and reads as a verdict.
 */
async function identifyTarget(old: Uint8Array, next: Uint8Array): Promise<string> {
  const content = await readTarget();
  if (content === undefined) return 'absent';
  if (Buffer.compare(content, old) === 0) return 'old';
  if (Buffer.compare(content, next) === 0) return 'new';
  return `other (${content.byteLength} bytes)`;
}

/**
 * Makes `folder` read-only and reports whether the system enforces it: as root (in containers,
 * on CI) chmod does not stop writes, and the tests then simulate the refusal instead.
 */
async function makeReadOnly(folder: string): Promise<boolean> {
  await chmod(folder, 0o555);
  const probe = path.join(folder, 'probe');
  try {
    await writeFile(probe, '');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EACCES') return true;
    throw error;
  }
  await rm(probe);
  return false;
}

describe('writeFileAtomic', () => {
  it('creates a file with exactly the given bytes and leaves no temporary file', async () => {
    const data = createSeededBytes(7, 100_003);
    await writeFileAtomic(target, data);
    expect(await identifyTarget(OLD, data)).toBe('new');
    expect(await listTempFiles(dir)).toEqual([]);
  });

  it('replaces an existing file, also with fewer bytes and with none', async () => {
    await writeFile(target, createSeededBytes(1, 50_000));
    const shorter = encoder.encode('korter');
    await writeFileAtomic(target, shorter);
    expect(await readTarget()).toEqual(shorter);
    await writeFileAtomic(target, new Uint8Array(0));
    expect(await readTarget()).toEqual(new Uint8Array(0));
    expect(await listTempFiles(dir)).toEqual([]);
  });

  it('writes to a temporary file beside the target, flushes it, renames it, then flushes the folder', async () => {
    const fs = new FaultyFs();
    await writeFileAtomic(target, encoder.encode('inhoud'), { fs });
    const [openTemp] = fs.steps;
    expect(path.dirname(openTemp?.path ?? '')).toBe(dir);
    expect(path.basename(openTemp?.path ?? '')).toMatch(
      /^\.besluit\.resolutie\.[0-9a-f]{12}\.tmp$/,
    );
    expect(fs.steps.map((step) => `${step.op}(${step.flags ?? ''})`)).toEqual([
      'open(wx)',
      'write(wx)',
      'sync(wx)',
      'close(wx)',
      'rename()',
      'open(r)',
      'sync(r)',
      'close(r)',
    ]);
    expect(fs.steps[5]?.path).toBe(dir);
  });

  it('goes on after short writes until every byte is written', async () => {
    const data = createSeededBytes(3, 10_000);
    const fs = new FaultyFs({ maxWriteBytes: 999 });
    await writeFileAtomic(target, data, { fs });
    expect(await identifyTarget(OLD, data)).toBe('new');
    expect(fs.steps.filter((step) => step.op === 'write')).toHaveLength(11);
  });

  describe('interrupted at every step', () => {
    // 2.5 MiB spans several write chunks; with short writes there are more write steps still.
    const NEW = createSeededBytes(11, 2.5 * 1024 * 1024 + 17);
    const variants = [
      { name: 'over an existing file', existing: true, maxWriteBytes: undefined },
      { name: 'over an existing file, with short writes', existing: true, maxWriteBytes: 700_000 },
      { name: 'as a new file', existing: false, maxWriteBytes: undefined },
    ];

    for (const variant of variants) {
      it(`keeps the old or the complete new content ${variant.name}`, async () => {
        const dryRun = new FaultyFs({ maxWriteBytes: variant.maxWriteBytes });
        if (variant.existing) await writeFile(target, OLD);
        await writeFileAtomic(target, NEW, { fs: dryRun });
        const steps = dryRun.steps;
        const renameIndex = steps.findIndex((step) => step.op === 'rename');
        expect(renameIndex).toBeGreaterThan(3);
        expect(steps.filter((step) => step.op === 'write').length).toBeGreaterThanOrEqual(3);

        for (const step of steps) {
          const label = `step ${step.index}: ${step.op}(${step.flags ?? ''})`;
          await rm(target, { force: true });
          if (variant.existing) await writeFile(target, OLD);
          // A full disk shows up on writes; anything else as a plain I/O error.
          const code = step.op === 'write' ? 'ENOSPC' : 'EIO';
          const fs = new FaultyFs({
            faults: [failAtStep(step.index, code)],
            maxWriteBytes: variant.maxWriteBytes,
          });
          const result = await writeFileAtomic(target, NEW, { fs }).then(
            () => undefined,
            (error: unknown) => error,
          );

          if (step.index <= renameIndex) {
            // Up to and including the rename, the target is untouched.
            expect(result, label).toBeInstanceOf(FileWriteError);
            expect((result as FileWriteError).code, label).toBe(
              code === 'ENOSPC' ? 'disk_full' : 'io',
            );
            expect(await identifyTarget(OLD, NEW), label).toBe(variant.existing ? 'old' : 'absent');
          } else {
            // After the rename the new content is in place; a failing folder flush is reported
            // (the save is not known to be durable), a failing close of the folder is not.
            expect(await identifyTarget(OLD, NEW), label).toBe('new');
            if (step.op === 'close') expect(result, label).toBeUndefined();
            else expect((result as FileWriteError).code, label).toBe('io');
          }
          expect(await listTempFiles(dir), label).toEqual([]);
        }
      });
    }
  });

  it.each(['EISDIR', 'EPERM', 'EINVAL'])(
    'accepts a folder that cannot be flushed (%s)',
    async (code) => {
      for (const op of ['open', 'sync']) {
        const fs = new FaultyFs({ faults: [failOp(op, code, 'r')] });
        await writeFileAtomic(target, OLD, { fs });
        expect(await readTarget()).toEqual(OLD);
      }
    },
  );

  it('says so when the folder flush fails after the new content is in place', async () => {
    const fs = new FaultyFs({ faults: [failOp('sync', 'EIO', 'r')] });
    await expect(writeFileAtomic(target, OLD, { fs })).rejects.toMatchObject({
      code: 'io',
      systemCode: 'EIO',
      message:
        '‘besluit.resolutie’ is geschreven, maar de schijf heeft niet bevestigd dat het bewaard ' +
        'blijft (EIO). Probeer het opnieuw.',
    });
  });

  it('reports a full disk, keeps the old file and removes the temporary file', async () => {
    await writeFile(target, OLD);
    const fs = new FaultyFs({ faults: [failOp('write', 'ENOSPC')] });
    const writing = writeFileAtomic(target, createSeededBytes(5, 3000), { fs });
    await expect(writing).rejects.toBeInstanceOf(FileWriteError);
    await expect(writing).rejects.toMatchObject({
      code: 'disk_full',
      systemCode: 'ENOSPC',
      path: target,
      message:
        'De schijf is vol; het bestand is niet opgeslagen. Het vorige bestand is onveranderd.',
    });
    expect(await readTarget()).toEqual(OLD);
    expect(await listTempFiles(dir)).toEqual([]);
  });

  it('maps a full quota like a full disk', async () => {
    const fs = new FaultyFs({ faults: [failOp('sync', 'EDQUOT', 'wx')] });
    await expect(writeFileAtomic(target, OLD, { fs })).rejects.toMatchObject({
      code: 'disk_full',
    });
  });

  it('reports the original error when the temporary file cannot be removed either', async () => {
    await writeFile(target, OLD);
    const fs = new FaultyFs({ faults: [failOp('write', 'ENOSPC'), failOp('unlink', 'EIO')] });
    await expect(writeFileAtomic(target, createSeededBytes(5, 3000), { fs })).rejects.toMatchObject(
      { code: 'disk_full' },
    );
    expect(await readTarget()).toEqual(OLD);
    const leftovers = await listTempFiles(dir);
    expect(leftovers).toHaveLength(1);
    expect(await removeStaleTempFiles(dir, 'besluit.resolutie', 0)).toEqual(leftovers);
    expect(await listTempFiles(dir)).toEqual([]);
  });

  it('reports a read-only folder and leaves the file in it untouched', async () => {
    await writeFile(target, OLD);
    const enforced = await makeReadOnly(dir);
    // Where chmod does not bind (root), the refusal of the temporary file is simulated.
    const fs = enforced ? undefined : new FaultyFs({ faults: [failOp('open', 'EACCES', 'wx')] });
    const writing = writeFileAtomic(target, encoder.encode('nieuw'), { fs });
    await expect(writing).rejects.toBeInstanceOf(FileWriteError);
    await expect(writing).rejects.toMatchObject({
      code: 'read_only',
      systemCode: 'EACCES',
      message: `De map ‘${dir}’ is alleen-lezen; het bestand is niet opgeslagen.`,
    });
    expect(await readTarget()).toEqual(OLD);
    expect(await listTempFiles(dir)).toEqual([]);
  });

  it.each(['EPERM', 'EROFS'])('maps %s to a read-only folder', async (code) => {
    const fs = new FaultyFs({ faults: [failOp('rename', code)] });
    await expect(writeFileAtomic(target, OLD, { fs })).rejects.toMatchObject({
      code: 'read_only',
    });
    expect(await listTempFiles(dir)).toEqual([]);
  });

  it('reports a missing folder', async () => {
    const missing = path.join(dir, 'weg', 'besluit.resolutie');
    await expect(writeFileAtomic(missing, OLD)).rejects.toMatchObject({
      code: 'not_found',
      systemCode: 'ENOENT',
      message: `De map ‘${path.join(dir, 'weg')}’ bestaat niet; het bestand is niet opgeslagen.`,
    });
  });

  it('reports a folder path that runs through a file as missing', async () => {
    await writeFile(path.join(dir, 'bestand'), 'x');
    await expect(
      writeFileAtomic(path.join(dir, 'bestand', 'besluit.resolutie'), OLD),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('reports a name that is too long and leaves nothing behind', async () => {
    const longName = `${'r'.repeat(290)}.resolutie`;
    expect(longName).toHaveLength(300);
    await expect(writeFileAtomic(path.join(dir, longName), OLD)).rejects.toMatchObject({
      code: 'too_long',
      systemCode: 'ENAMETOOLONG',
    });
    expect(await listTempFiles(dir)).toEqual([]);
  });

  it('writes a name just under the limit, although its temporary name would be longer', async () => {
    const longName = `${'é'.repeat(120)}.resolutie`; // 250 bytes in UTF-8
    await writeFileAtomic(path.join(dir, longName), OLD);
    expect(new Uint8Array(await readFile(path.join(dir, longName)))).toEqual(OLD);
    expect(await listTempFiles(dir)).toEqual([]);
  });

  it('refuses to replace a folder', async () => {
    await mkdir(target);
    await expect(writeFileAtomic(target, OLD)).rejects.toMatchObject({
      code: 'io',
      message: '‘besluit.resolutie’ is een map, geen bestand; het bestand is niet opgeslagen.',
    });
    expect((await stat(target)).isDirectory()).toBe(true);
    expect(await listTempFiles(dir)).toEqual([]);
  });
});

describe('checkWritableTarget', () => {
  it('passes for a new file in a writable folder, and leaves nothing behind', async () => {
    await checkWritableTarget(target);
    expect(await listTempFiles(dir)).toEqual([]);
    expect(await readTarget()).toBeUndefined();
  });

  it('passes for an existing file, which it leaves as it was', async () => {
    await writeFile(target, OLD);
    await checkWritableTarget(target);
    expect(await identifyTarget(OLD, OLD)).toBe('old');
  });

  it('refuses a folder that does not exist, in Dutch', async () => {
    const missing = path.join(dir, 'bestaat-niet', 'stuk.pdf');
    await expect(checkWritableTarget(missing)).rejects.toMatchObject({
      name: 'FileWriteError',
      code: 'not_found',
      message: `De map ‘${path.dirname(missing)}’ bestaat niet; het bestand is niet opgeslagen.`,
    });
  });

  it('refuses a target that is a folder', async () => {
    await mkdir(target);
    await expect(checkWritableTarget(target)).rejects.toMatchObject({
      code: 'io',
      message: '‘besluit.resolutie’ is een map, geen bestand; het bestand is niet opgeslagen.',
    });
  });

  it('refuses a read-only folder', async () => {
    const enforced = await makeReadOnly(dir);
    // As root the folder stays writable; the refusal is then simulated at the same step.
    const fs = enforced ? undefined : new FaultyFs({ faults: [failOp('open', 'EACCES', 'wx')] });
    try {
      await expect(checkWritableTarget(target, fs ? { fs } : undefined)).rejects.toMatchObject({
        code: 'read_only',
        message: `De map ‘${dir}’ is alleen-lezen; het bestand is niet opgeslagen.`,
      });
    } finally {
      await chmod(dir, 0o755);
    }
  });
});

describe('removeStaleTempFiles', () => {
  const HOUR = 60 * 60 * 1000;

  async function createAged(name: string, ageMs: number): Promise<void> {
    const file = path.join(dir, name);
    await writeFile(file, 'x');
    const when = new Date(Date.now() - ageMs);
    await utimes(file, when, when);
  }

  it('removes old temporary files of the given name and nothing else', async () => {
    await writeFile(target, OLD);
    await createAged('.besluit.resolutie.0123456789ab.tmp', 2 * HOUR);
    await createAged('.besluit.resolutie.a1b2c3d4e5f6.tmp', 3 * HOUR);
    await createAged('.besluit.resolutie.ffffffffffff.tmp', 1000); // a save in progress
    await createAged('.ander.resolutie.0123456789ab.tmp', 2 * HOUR); // another document
    await createAged('.besluit.resolutie.notities.tmp', 2 * HOUR); // not our pattern
    await createAged('.besluit.resolutie.0123456789ab.tmp.bak', 2 * HOUR);
    await mkdir(path.join(dir, '.besluit.resolutie.bbbbbbbbbbbb.tmp'));

    const removed = await removeStaleTempFiles(dir, 'besluit.resolutie', HOUR);
    expect(removed.sort()).toEqual([
      '.besluit.resolutie.0123456789ab.tmp',
      '.besluit.resolutie.a1b2c3d4e5f6.tmp',
    ]);
    expect((await listTempFiles(dir)).sort()).toEqual([
      '.ander.resolutie.0123456789ab.tmp',
      '.besluit.resolutie.bbbbbbbbbbbb.tmp',
      '.besluit.resolutie.ffffffffffff.tmp',
      '.besluit.resolutie.notities.tmp',
    ]);
    expect(await readTarget()).toEqual(OLD);
  });

  it('treats the name literally, not as a pattern', async () => {
    await createAged('.besluitXresolutie.0123456789ab.tmp', 2 * HOUR);
    expect(await removeStaleTempFiles(dir, 'besluit.resolutie', 0)).toEqual([]);
  });

  it('finds the shortened temporary files of a very long name', async () => {
    const longName = `${'é'.repeat(120)}.resolutie`;
    const fs = new FaultyFs({ faults: [failOp('sync', 'EIO', 'wx'), failOp('unlink', 'EIO')] });
    await expect(writeFileAtomic(path.join(dir, longName), OLD, { fs })).rejects.toThrow();
    const leftovers = await listTempFiles(dir);
    expect(leftovers).toHaveLength(1);
    expect(await removeStaleTempFiles(dir, longName, 0)).toEqual(leftovers);
  });

  it('returns nothing for a missing folder', async () => {
    expect(await removeStaleTempFiles(path.join(dir, 'weg'), 'besluit.resolutie', 0)).toEqual([]);
  });
});

describe('writeFileAtomic killed while writing', () => {
  // A child process writes two 20 MB contents over the target in turn, forever; the test kills
  // it with SIGKILL at seeded random moments. Whatever the moment, the target must be one of
  // the two contents, byte for byte. (This covers a crash of the process; a power loss, where
  // the flushes matter, cannot be simulated here.)
  const SEED = 20_240_611;
  const KILLS = 10;
  const SIZE = 20 * 1024 * 1024;
  const loopScript = path.join(import.meta.dirname, '..', 'testing', 'atomicWriteLoop.ts');

  function sha256(data: Uint8Array): string {
    return createHash('sha256').update(data).digest('hex');
  }

  /** Starts the writing loop, kills it `delayMs` after it is ready, and waits for its end. */
  function runAndKill(sources: string[], delayMs: number): Promise<NodeJS.Signals | null> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [loopScript, target, ...sources], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      let timer: NodeJS.Timeout | undefined;
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (timer === undefined && stdout.includes('ready\n')) {
          timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        if (signal === 'SIGKILL') resolve(signal);
        else reject(new Error(`The writing loop ended by itself (${code}): ${stderr}`));
      });
    });
  }

  it(
    'leaves exactly the old or the new content after every kill',
    { timeout: 240_000 },
    async () => {
      const sourceDir = await createTempDir('atomic-write-sources-');
      try {
        const contents = [createSeededBytes(SEED, SIZE), createSeededBytes(SEED + 1, SIZE)];
        const sources = [path.join(sourceDir, 'a'), path.join(sourceDir, 'b')];
        await Promise.all(sources.map((source, i) => writeFile(source, contents[i] ?? '')));
        const allowed = contents.map(sha256);
        await writeFile(target, contents[0] ?? '');

        const random = createSeededRandom(SEED);
        for (let kill = 1; kill <= KILLS; kill++) {
          // Up to a second and a half: from before the first write has finished to several
          // rounds in, so kills land while writing, flushing, renaming and in between.
          const delayMs = Math.floor(random() * 1500);
          const label = `seed ${SEED}, kill ${kill} after ${delayMs} ms`;
          expect(await runAndKill(sources, delayMs), label).toBe('SIGKILL');
          expect(allowed, label).toContain(sha256(new Uint8Array(await readFile(target))));
        }

        // Kills may have left temporary files; the stale-file cleanup removes exactly those.
        const leftovers = (await listTempFiles(dir)).sort();
        expect((await removeStaleTempFiles(dir, 'besluit.resolutie', 0)).sort()).toEqual(leftovers);
        expect(await listTempFiles(dir)).toEqual([]);
      } finally {
        await removeTempDir(sourceDir);
      }
    },
  );
});
