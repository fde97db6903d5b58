import { execFileSync } from 'node:child_process';
import { chmod, mkdir, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileReadError } from './fileErrors.ts';
import type { ReadFileStats, ReadFs } from './readFileLimited.ts';
import { readFileLimited } from './readFileLimited.ts';
import { FaultyFs, failOp } from '../testing/faultyFs.ts';
import { createSeededBytes } from '../../../shared/testing/seededRandom.ts';
import { createTempDir, removeTempDir } from '../testing/tempDir.ts';

const MB = 1024 * 1024;

let dir: string;

beforeEach(async () => {
  dir = await createTempDir('read-limited-');
});

afterEach(async () => {
  await removeTempDir(dir);
});

/** Writes `data` to a file in the test folder and returns its path. */
async function createFile(name: string, data: Uint8Array | string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, data);
  return file;
}

/**
 * A real file system that reports files `shrinkBy` bytes smaller than they are, as if they
 * grew between the size check and the reading.
 */
function growingFs(shrinkBy: number): ReadFs {
  const real = new FaultyFs();
  const shrink = (stats: ReadFileStats): ReadFileStats => ({
    size: Math.max(0, stats.size - shrinkBy),
    isFile: () => stats.isFile(),
    isDirectory: () => stats.isDirectory(),
  });
  return {
    stat: async (filePath) => shrink(await real.stat(filePath)),
    open: async (filePath, flags) => {
      const handle = await real.open(filePath, flags);
      return {
        stat: async () => shrink(await handle.stat()),
        read: (buffer, offset, length, position) => handle.read(buffer, offset, length, position),
        close: () => handle.close(),
      };
    },
  };
}

describe('readFileLimited', () => {
  it('reads a normal file completely', async () => {
    const data = createSeededBytes(1, 300_001);
    const file = await createFile('besluit.resolutie', data);
    const read = await readFileLimited(file, MB);
    expect(read).toBeInstanceOf(Uint8Array);
    expect(Buffer.compare(read, data)).toBe(0);
  });

  it('reads a file of exactly the limit, and refuses one byte more', async () => {
    const data = createSeededBytes(2, 4096);
    const file = await createFile('precies.resolutie', data);
    expect(Buffer.compare(await readFileLimited(file, 4096), data)).toBe(0);
    await expect(readFileLimited(file, 4095)).rejects.toMatchObject({
      code: 'too_large',
      message: 'Het bestand ‘precies.resolutie’ is te groot (hoogstens 4 kB).',
    });
  });

  it('refuses a large file before reading it', async () => {
    // A sparse file: 100 MB long, without using 100 MB of disk or memory.
    const file = path.join(dir, 'groot.resolutie');
    await writeFile(file, '');
    await truncate(file, 100 * MB);
    const fs = new FaultyFs();
    const reading = readFileLimited(file, 64 * MB, { fs });
    await expect(reading).rejects.toBeInstanceOf(FileReadError);
    await expect(reading).rejects.toMatchObject({
      code: 'too_large',
      path: file,
      message: 'Het bestand ‘groot.resolutie’ is te groot (100 MB; hoogstens 64 MB).',
    });
    expect(fs.steps.map((step) => step.op)).toEqual(['stat']);
  });

  it('reports a missing file', async () => {
    const reading = readFileLimited(path.join(dir, 'weg.resolutie'), MB);
    await expect(reading).rejects.toBeInstanceOf(FileReadError);
    await expect(reading).rejects.toMatchObject({
      code: 'not_found',
      systemCode: 'ENOENT',
      message: 'Het bestand ‘weg.resolutie’ bestaat niet.',
    });
  });

  it('reports a file in a missing folder, or behind a file, as missing', async () => {
    await createFile('bestand', 'x');
    for (const file of [path.join(dir, 'weg', 'x'), path.join(dir, 'bestand', 'x')]) {
      await expect(readFileLimited(file, MB)).rejects.toMatchObject({ code: 'not_found' });
    }
  });

  it('reports a name that is too long as missing', async () => {
    await expect(readFileLimited(path.join(dir, 'r'.repeat(300)), MB)).rejects.toMatchObject({
      code: 'not_found',
      systemCode: 'ENAMETOOLONG',
    });
  });

  it('refuses a folder', async () => {
    const folder = path.join(dir, 'map.resolutie');
    await mkdir(folder);
    await expect(readFileLimited(folder, MB)).rejects.toMatchObject({
      code: 'not_a_file',
      message: '‘map.resolutie’ is een map, geen bestand.',
    });
  });

  it.skipIf(process.platform === 'win32')(
    'refuses a named pipe without blocking on it',
    async () => {
      const fifo = path.join(dir, 'pijp');
      execFileSync('mkfifo', [fifo]);
      await expect(readFileLimited(fifo, MB)).rejects.toMatchObject({
        code: 'not_a_file',
        message: '‘pijp’ is geen gewoon bestand.',
      });
    },
  );

  it('refuses an empty file', async () => {
    const file = await createFile('leeg.resolutie', '');
    await expect(readFileLimited(file, MB)).rejects.toMatchObject({
      code: 'empty',
      message: 'Het bestand ‘leeg.resolutie’ is leeg.',
    });
  });

  it('reports a file it may not read', async () => {
    const file = await createFile('geheim.resolutie', 'inhoud');
    await chmod(file, 0o000);
    let enforced = true;
    try {
      await readFileLimited(file, MB);
      enforced = false;
    } catch (error) {
      expect(error).toMatchObject({
        code: 'unreadable',
        systemCode: 'EACCES',
        message: 'Het bestand ‘geheim.resolutie’ kan niet worden gelezen: geen toegang.',
      });
    }
    if (!enforced) {
      // As root the permission does not bind; the refusal is simulated.
      const fs = new FaultyFs({ faults: [failOp('open', 'EACCES')] });
      await expect(readFileLimited(file, MB, { fs })).rejects.toMatchObject({
        code: 'unreadable',
        systemCode: 'EACCES',
        message: 'Het bestand ‘geheim.resolutie’ kan niet worden gelezen: geen toegang.',
      });
    }
  });

  it('reports a read error with its system code and closes the file', async () => {
    const file = await createFile('kapot.resolutie', 'inhoud');
    const fs = new FaultyFs({ faults: [failOp('read', 'EIO')] });
    await expect(readFileLimited(file, MB, { fs })).rejects.toMatchObject({
      code: 'unreadable',
      message: 'Het bestand ‘kapot.resolutie’ kan niet worden gelezen (EIO).',
    });
    expect(fs.steps.at(-1)?.op).toBe('close');
  });

  it('reads a file that grew after the size check, as long as it stays within the limit', async () => {
    const data = createSeededBytes(3, 10_000);
    const file = await createFile('groeit.resolutie', data);
    const read = await readFileLimited(file, 20_000, { fs: growingFs(9_000) });
    expect(Buffer.compare(read, data)).toBe(0);
  });

  it('stops reading a file that grows past the limit', async () => {
    const file = await createFile('groeit.resolutie', createSeededBytes(4, 10_000));
    await expect(readFileLimited(file, 5_000, { fs: growingFs(9_000) })).rejects.toMatchObject({
      code: 'too_large',
      message: 'Het bestand ‘groeit.resolutie’ is te groot (hoogstens 4,9 kB).',
    });
  });

  it('reports a file that was emptied after the size check as empty', async () => {
    const file = await createFile('geleegd.resolutie', 'inhoud');
    const fs: ReadFs = {
      stat: async (filePath) => {
        const stats = await new FaultyFs().stat(filePath);
        await truncate(filePath, 0);
        return stats;
      },
      open: (filePath, flags) => new FaultyFs().open(filePath, flags),
    };
    await expect(readFileLimited(file, MB, { fs })).rejects.toMatchObject({ code: 'empty' });
  });

  it('refuses a limit that is not a byte count', async () => {
    const file = await createFile('x', 'x');
    await expect(readFileLimited(file, -1)).rejects.toBeInstanceOf(RangeError);
    await expect(readFileLimited(file, 1.5)).rejects.toBeInstanceOf(RangeError);
  });
});
