import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendDurable } from './appendFileDurable.ts';
import { FileWriteError } from './fileErrors.ts';
import { FaultyFs, failAtStep, failOp } from '../testing/faultyFs.ts';
import { createSeededBytes } from '../../../shared/testing/seededRandom.ts';
import { createTempDir, removeTempDir } from '../testing/tempDir.ts';

let dir: string;
let journal: string;

beforeEach(async () => {
  dir = await createTempDir('append-durable-');
  journal = path.join(dir, 'besluit.journaal');
});

afterEach(async () => {
  await removeTempDir(dir);
});

const encoder = new TextEncoder();
const BEFORE = encoder.encode('record 1\nrecord 2\n');

/** The journal's bytes as text, or undefined if it does not exist. */
async function readJournal(): Promise<string | undefined> {
  try {
    return await readFile(journal, 'latin1');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

describe('appendDurable', () => {
  it('creates the journal and adds every append after the one before, in order', async () => {
    for (let i = 1; i <= 5; i++) await appendDurable(journal, encoder.encode(`record ${i}\n`));
    expect(await readJournal()).toBe('record 1\nrecord 2\nrecord 3\nrecord 4\nrecord 5\n');
  });

  it('appends binary data unchanged, also after short writes', async () => {
    const first = createSeededBytes(1, 5000);
    const second = createSeededBytes(2, 70_001);
    await appendDurable(journal, first);
    const fs = new FaultyFs({ maxWriteBytes: 4096 });
    await appendDurable(journal, second, { fs });
    expect(fs.steps.filter((step) => step.op === 'write')).toHaveLength(18);
    const content = await readFile(journal);
    expect(Buffer.compare(content, Buffer.concat([first, second]))).toBe(0);
  });

  it('flushes the data before it resolves, and the folder when it created the file', async () => {
    const fs = new FaultyFs();
    await appendDurable(journal, encoder.encode('eerste\n'), { fs });
    expect(fs.steps.map((step) => `${step.op}(${step.flags ?? ''})`)).toEqual([
      'open(a)',
      'fstat(a)',
      'write(a)',
      'datasync(a)',
      'close(a)',
      'open(r)',
      'sync(r)',
      'close(r)',
    ]);
    const later = new FaultyFs();
    await appendDurable(journal, encoder.encode('tweede\n'), { fs: later });
    expect(later.steps.map((step) => step.op)).toEqual([
      'open',
      'fstat',
      'write',
      'datasync',
      'close',
    ]);
  });

  it('keeps the journal as it was when an append fails at any step', async () => {
    const record = createSeededBytes(3, 10_000);
    const dryRun = new FaultyFs({ maxWriteBytes: 3000 });
    await writeFile(journal, BEFORE);
    await appendDurable(journal, record, { fs: dryRun });
    const expectedAfter = Buffer.concat([BEFORE, record]).toString('latin1');

    for (const step of dryRun.steps) {
      const label = `step ${step.index}: ${step.op}`;
      await writeFile(journal, BEFORE);
      const code = step.op === 'write' ? 'ENOSPC' : 'EIO';
      const fs = new FaultyFs({ faults: [failAtStep(step.index, code)], maxWriteBytes: 3000 });
      const result = await appendDurable(journal, record, { fs }).then(
        () => undefined,
        (error: unknown) => error,
      );
      if (step.op === 'close') {
        // The bytes were flushed before the close; the append stands.
        expect(result, label).toBeUndefined();
        expect(await readJournal(), label).toBe(expectedAfter);
      } else {
        // A failure after some writes cuts the journal back: no half record stays behind for
        // the next append to follow.
        expect(result, label).toBeInstanceOf(FileWriteError);
        expect((result as FileWriteError).code, label).toBe(code === 'ENOSPC' ? 'disk_full' : 'io');
        expect(await readJournal(), label).toBe(Buffer.from(BEFORE).toString('latin1'));
      }
    }
  });

  it('reports a full disk and leaves no partial record', async () => {
    await writeFile(journal, BEFORE);
    // The first piece gets written, the second finds the disk full.
    const fs = new FaultyFs({ faults: [failAtStep(3, 'ENOSPC')], maxWriteBytes: 100 });
    const appending = appendDurable(journal, createSeededBytes(4, 1000), { fs });
    await expect(appending).rejects.toBeInstanceOf(FileWriteError);
    await expect(appending).rejects.toMatchObject({
      code: 'disk_full',
      systemCode: 'ENOSPC',
      path: journal,
      message: 'De schijf is vol; de wijziging is niet opgeslagen.',
    });
    expect(fs.steps.map((step) => step.op)).toEqual([
      'open',
      'fstat',
      'write',
      'write',
      'truncate',
      'sync',
      'close',
    ]);
    expect(await readJournal()).toBe(Buffer.from(BEFORE).toString('latin1'));
  });

  it('reports a failing flush of a new journal’s folder', async () => {
    const fs = new FaultyFs({ faults: [failOp('sync', 'EIO', 'r')] });
    await expect(appendDurable(journal, BEFORE, { fs })).rejects.toMatchObject({
      code: 'io',
      message:
        '‘besluit.journaal’ is geschreven, maar de schijf heeft niet bevestigd dat het bewaard ' +
        'blijft (EIO). Probeer het opnieuw.',
    });
  });

  it('reports a journal in a read-only folder', async () => {
    const enforced = await (async () => {
      await chmod(dir, 0o555);
      try {
        await writeFile(path.join(dir, 'probe'), '');
      } catch {
        return true;
      }
      await rm(path.join(dir, 'probe'));
      return false;
    })();
    // Where chmod does not bind (root), the refusal is simulated.
    const fs = enforced ? undefined : new FaultyFs({ faults: [failOp('open', 'EACCES', 'a')] });
    await expect(appendDurable(journal, BEFORE, { fs })).rejects.toMatchObject({
      code: 'read_only',
      systemCode: 'EACCES',
      message: `Het bestand ‘besluit.journaal’ in de map ‘${dir}’ is alleen-lezen; de wijziging is niet opgeslagen.`,
    });
    expect(await readJournal()).toBeUndefined();
  });

  it('reports a missing folder', async () => {
    const missing = path.join(dir, 'weg', 'besluit.journaal');
    await expect(appendDurable(missing, BEFORE)).rejects.toMatchObject({
      code: 'not_found',
      message: `De map ‘${path.join(dir, 'weg')}’ bestaat niet; de wijziging is niet opgeslagen.`,
    });
  });

  it('reports a name that is too long', async () => {
    await expect(appendDurable(path.join(dir, 'j'.repeat(300)), BEFORE)).rejects.toMatchObject({
      code: 'too_long',
      systemCode: 'ENAMETOOLONG',
    });
  });

  it('refuses to append to a folder', async () => {
    await mkdir(journal);
    await expect(appendDurable(journal, BEFORE)).rejects.toMatchObject({
      code: 'io',
      message: '‘besluit.journaal’ is een map, geen bestand; de wijziging is niet opgeslagen.',
    });
  });
});
