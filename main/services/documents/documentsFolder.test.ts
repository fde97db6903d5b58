import { chmod, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDocumentsFolder, DocumentsFolder } from './documentsFolder.ts';
import { FaultyFs, failOp } from '../testing/faultyFs.ts';
import { createTempDir, removeTempDir } from '../testing/tempDir.ts';

let dir: string;
beforeEach(async () => {
  dir = await createTempDir('documents-folder-');
});
afterEach(async () => {
  await chmod(dir, 0o755);
  await removeTempDir(dir);
});

describe('checkDocumentsFolder', () => {
  it('accepts an existing, writable folder, resolved, and leaves nothing in it', async () => {
    expect(await checkDocumentsFolder(`${dir}/./`)).toBe(dir);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a relative path, a missing folder and a file, each in Dutch', async () => {
    await expect(checkDocumentsFolder('Documenten/Resoluties')).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/^‘Documenten\/Resoluties’ is geen volledig pad naar een map/),
    });
    const missing = path.join(dir, 'bestaat-niet');
    await expect(checkDocumentsFolder(missing)).rejects.toMatchObject({
      message: `De map ‘${missing}’ bestaat niet. Maak hem eerst aan, of kies een andere map.`,
    });
    const file = path.join(dir, 'notitie.txt');
    await writeFile(file, 'x');
    await expect(checkDocumentsFolder(file)).rejects.toMatchObject({
      message: `‘${file}’ is een bestand, geen map. Kies de map waarin de documenten staan.`,
    });
  });

  it('refuses a folder the editor cannot write in', async () => {
    await chmod(dir, 0o555);
    const fs = new FaultyFs({ faults: [failOp('open', 'EACCES', 'wx')] });
    // As root the permission bits do not bind; the refusal is then simulated at the same step.
    await expect(checkDocumentsFolder(dir, { fs })).rejects.toMatchObject({
      code: 'invalid_request',
      message: `In de map ‘${dir}’ kan de editor geen documenten opslaan: u hebt er geen schrijfrechten of de schijf is alleen-lezen. Kies een andere map.`,
    });
  });
});

describe('DocumentsFolder', () => {
  const standard = () => path.join(dir, 'standaard');

  it('uses the standard folder without a preference, and the preferred one when it exists', async () => {
    expect(
      await new DocumentsFolder({
        standard: standard(),
        fixed: false,
        readPreferred: async () => null,
      }).current(),
    ).toBe(standard());
    const chosen = path.join(dir, 'gekozen');
    await mkdir(chosen);
    const folder = new DocumentsFolder({
      standard: standard(),
      fixed: false,
      readPreferred: async () => chosen,
    });
    expect(await folder.describe()).toEqual({
      folder: { current: chosen, standard: standard(), fixed: false },
      notice: null,
    });
  });

  it('keeps a folder given at start over the preference', async () => {
    const folder = new DocumentsFolder({
      standard: standard(),
      fixed: true,
      readPreferred: async () => dir,
    });
    expect(await folder.current()).toBe(standard());
    folder.use(dir);
    expect(await folder.current()).toBe(standard());
  });

  it('stands in with the standard folder while the preferred one is gone, and looks again', async () => {
    const chosen = path.join(dir, 'netwerkschijf');
    let reads = 0;
    const folder = new DocumentsFolder({
      standard: standard(),
      fixed: false,
      readPreferred: async () => {
        reads += 1;
        return chosen;
      },
    });
    const { folder: info, notice } = await folder.describe();
    expect(info.current).toBe(standard());
    expect(notice).toBe(
      `De documentenmap uit uw voorkeuren (${chosen}) is niet bereikbaar; de editor gebruikt nu ${standard()}. Uw keuze blijft bewaard.`,
    );
    await mkdir(chosen);
    expect(await folder.current()).toBe(chosen);
    expect(await folder.current()).toBe(chosen);
    // Found once, the folder is kept: the preference is not read at every call.
    expect(reads).toBe(2);
    await rm(chosen, { recursive: true });
  });

  it('looks at the preference again after a refresh', async () => {
    let preferred: string | null = null;
    const folder = new DocumentsFolder({
      standard: standard(),
      fixed: false,
      readPreferred: async () => preferred,
    });
    expect(await folder.current()).toBe(standard());
    preferred = dir;
    expect(await folder.current()).toBe(standard());
    folder.refresh();
    expect(await folder.current()).toBe(dir);
  });

  it('follows a preference the user stores', async () => {
    const folder = new DocumentsFolder({
      standard: standard(),
      fixed: false,
      readPreferred: async () => null,
    });
    expect(await folder.current()).toBe(standard());
    folder.use(dir);
    expect(await folder.current()).toBe(dir);
    folder.use(null);
    expect(await folder.current()).toBe(standard());
  });
});
