import { mkdir, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDocumentFile } from '../../../shared/ydoc/documentFile.ts';
import { decodeYDoc, readYDoc } from '../../../shared/ydoc/yDocument.ts';
import { FileFormatError } from '../../../shared/format/formatErrors.ts';
import { DocumentError } from './documentErrors.ts';
import { DocumentLibrary } from './documentLibrary.ts';
import { FileReadError } from '../files/fileErrors.ts';
import { RecentDocuments } from './recentDocuments.ts';
import { createTempDir, removeTempDir } from '../testing/tempDir.ts';
import { createStateWithTitle } from '../testing/yjsDocuments.ts';

let base: string;
let documentsDir: string;
let profileDir: string;
let elsewhere: string;
let reported: string[];

beforeEach(async () => {
  base = await createTempDir('library-');
  documentsDir = path.join(base, 'documenten');
  profileDir = path.join(base, 'profiel');
  elsewhere = path.join(base, 'elders');
  await mkdir(elsewhere);
  reported = [];
});

afterEach(async () => {
  await removeTempDir(base);
});

/** A clock that ticks a second per call, so every recent entry has its own time. */
function createClock(): () => Date {
  let tick = 0;
  return () => new Date(Date.UTC(2026, 10, 23, 10, 0, 0) + 1000 * tick++);
}

/** A library as a new start of the app sees it: only what is on disk is known. */
function createLibrary(): DocumentLibrary {
  const report = (message: string) => reported.push(message);
  const now = createClock();
  return new DocumentLibrary({
    documentsDir,
    recent: new RecentDocuments(path.join(profileDir, 'recent.json'), { reportError: report, now }),
    getWriter: async () => ({ app: 'Resolutie-editor', version: '9.9.9' }),
    reportError: report,
    now,
  });
}

async function caught(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  if (!(error instanceof Error) || error.message === 'expected a rejection') throw error;
  return error;
}

async function expectForbidden(promise: Promise<unknown>): Promise<string> {
  const error = await caught(promise);
  expect(error).toBeInstanceOf(DocumentError);
  expect((error as DocumentError).code).toBe('forbidden');
  expect(error.message).toMatch(/^Geen toegang/);
  return error.message;
}

async function listFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

function titleOf(state: Uint8Array): string {
  const ydoc = decodeYDoc(state);
  try {
    return readYDoc(ydoc).firstChild!.textContent;
  } finally {
    ydoc.destroy();
  }
}

describe('saving as a new name', () => {
  it('creates the documents folder and the file, which opens as the same state', async () => {
    const library = createLibrary();
    const state = createStateWithTitle('Inzet richting nieuw kabinet');
    const saved = await library.save({ state, name: '  Inzet kabinet ' });
    expect(saved).toEqual({
      path: path.join(documentsDir, 'Inzet kabinet.resolutie'),
      name: 'Inzet kabinet',
      savedAt: '2026-11-23T10:00:00.000Z',
    });
    const file = readDocumentFile(new Uint8Array(await readFile(saved.path)));
    expect(file.envelope.savedBy).toEqual({ app: 'Resolutie-editor', version: '9.9.9' });
    expect(file.envelope.metadata['title']).toBe('Inzet richting nieuw kabinet');

    const opened = await createLibrary().open(saved.path);
    expect(opened).toMatchObject({
      path: saved.path,
      name: 'Inzet kabinet',
      savedAt: saved.savedAt,
    });
    expect(opened.state).toEqual(state);
  });

  it('adds the extension only when it is missing', async () => {
    const library = createLibrary();
    const saved = await library.save({ state: createStateWithTitle('x'), name: 'Motie.resolutie' });
    expect(saved.path).toBe(path.join(documentsDir, 'Motie.resolutie'));
    expect(saved.name).toBe('Motie');
  });

  it('refuses an existing name unless asked to replace it', async () => {
    const library = createLibrary();
    await library.save({ state: createStateWithTitle('Eerste'), name: 'Motie' });
    const before = await readFile(path.join(documentsDir, 'Motie.resolutie'));
    const error = await caught(
      library.save({ state: createStateWithTitle('Tweede'), name: 'Motie' }),
    );
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as DocumentError).code).toBe('exists');
    expect(error.message).toBe(
      'Er bestaat al een document ‘Motie’. Kies een andere naam of vervang het.',
    );
    expect(await readFile(path.join(documentsDir, 'Motie.resolutie'))).toEqual(before);
    await expect(
      library.save({ state: createStateWithTitle('Tweede'), name: 'Motie', overwrite: false }),
    ).rejects.toMatchObject({ code: 'exists' });

    await library.save({ state: createStateWithTitle('Tweede'), name: 'Motie', overwrite: true });
    const opened = await library.open(path.join(documentsDir, 'Motie.resolutie'));
    expect(titleOf(opened.state)).toBe('Tweede');
    expect(await listFiles(documentsDir)).toEqual(['Motie.resolutie']);
  });

  it('refuses unusable names with a Dutch message and writes nothing', async () => {
    const library = createLibrary();
    for (const name of [
      '',
      '   ',
      '../Motie',
      'a/b',
      'a\\b',
      '..',
      'Motie..concept',
      'CON',
      'r'.repeat(121),
    ]) {
      const error = await caught(library.save({ state: createStateWithTitle('x'), name }));
      expect(error, name).toBeInstanceOf(DocumentError);
      expect((error as DocumentError).code, name).toBe('invalid_name');
    }
    expect(await listFiles(documentsDir)).toEqual([]);
    expect(await listFiles(base)).toEqual(['elders']);
  });

  it('refuses a state that is no document and writes nothing', async () => {
    const library = createLibrary();
    for (const state of [Uint8Array.from([0, 0]), Uint8Array.from([1, 2, 3]), new Uint8Array(1)]) {
      const error = await caught(library.save({ state, name: 'Kapot' }));
      expect(error).toBeInstanceOf(DocumentError);
      expect((error as DocumentError).code).toBe('invalid_document');
      expect(error.message).toMatch(/^Het document kan niet worden opgeslagen\./);
    }
    expect(await listFiles(documentsDir)).toEqual([]);
    expect(await listFiles(profileDir)).toEqual([]);
  });
});

describe('saving to a path', () => {
  it('replaces a file in the documents folder', async () => {
    const library = createLibrary();
    const { path: filePath } = await library.save({
      state: createStateWithTitle('Oud'),
      name: 'Stuk',
    });
    const saved = await createLibrary().save({
      state: createStateWithTitle('Nieuw'),
      path: filePath,
    });
    expect(saved).toMatchObject({ path: filePath, name: 'Stuk' });
    expect(titleOf((await library.open(filePath)).state)).toBe('Nieuw');
  });

  it('keeps an existing file when overwrite is false', async () => {
    const library = createLibrary();
    const { path: filePath } = await library.save({
      state: createStateWithTitle('Oud'),
      name: 'Stuk',
    });
    await expect(
      library.save({ state: createStateWithTitle('Nieuw'), path: filePath, overwrite: false }),
    ).rejects.toMatchObject({ code: 'exists' });
    expect(titleOf((await library.open(filePath)).state)).toBe('Oud');
  });

  it('writes a new file at a path inside the documents folder', async () => {
    await mkdir(path.join(documentsDir, 'archief'), { recursive: true });
    const target = path.join(documentsDir, 'archief', 'Oud stuk.resolutie');
    const saved = await createLibrary().save({ state: createStateWithTitle('x'), path: target });
    expect(saved.path).toBe(target);
    expect(await listFiles(path.join(documentsDir, 'archief'))).toEqual(['Oud stuk.resolutie']);
  });
});

describe('opening', () => {
  async function writeInFolder(name: string, content: string | Uint8Array): Promise<string> {
    await mkdir(documentsDir, { recursive: true });
    const filePath = path.join(documentsDir, name);
    await writeFile(filePath, content);
    return filePath;
  }

  it('refuses an empty file', async () => {
    const error = await caught(createLibrary().open(await writeInFolder('leeg.resolutie', '')));
    expect(error).toBeInstanceOf(FileReadError);
    expect(error.message).toBe('Het bestand ‘leeg.resolutie’ is leeg.');
  });

  it('refuses a foreign file', async () => {
    for (const content of ['{"format":"docx"}', 'Overwegende dat:', '<html></html>']) {
      const error = await caught(
        createLibrary().open(await writeInFolder('vreemd.resolutie', content)),
      );
      expect(error).toBeInstanceOf(FileFormatError);
      // The message names the file: the user may have picked it among several.
      expect(error.message).toMatch(/^‘vreemd\.resolutie’: Dit is geen resolutie-bestand\./);
    }
  });

  it('refuses a truncated file as damaged', async () => {
    const library = createLibrary();
    const { path: filePath } = await library.save({
      state: createStateWithTitle('Heel'),
      name: 'Heel',
    });
    const bytes = await readFile(filePath);
    await writeFile(filePath, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const error = await caught(library.open(filePath));
    expect(error).toBeInstanceOf(FileFormatError);
    expect(error.message).toBe(
      '‘Heel.resolutie’: Het bestand is beschadigd of onvolledig, bijvoorbeeld afgebroken bij het versturen.',
    );
  });

  it('says a missing file does not exist', async () => {
    await mkdir(documentsDir);
    const error = await caught(createLibrary().open(path.join(documentsDir, 'weg.resolutie')));
    expect(error).toBeInstanceOf(FileReadError);
    expect(error.message).toBe('Het bestand ‘weg.resolutie’ bestaat niet.');
  });
});

describe('paths the host may not touch', () => {
  it('refuses files outside the documents folder, also through ../', async () => {
    const outside = path.join(elsewhere, 'geheim.resolutie');
    await writeFile(outside, 'GEHEIM');
    await mkdir(documentsDir);
    const library = createLibrary();
    const state = createStateWithTitle('x');
    for (const attempt of [
      outside,
      path.join(documentsDir, '..', 'elders', 'geheim.resolutie'),
      `${documentsDir}/../elders/geheim.resolutie`,
      path.join(documentsDir, '..', 'nieuw.resolutie'),
    ]) {
      await expectForbidden(library.open(attempt));
      await expectForbidden(library.save({ state, path: attempt }));
    }
    expect(await readFile(outside, 'utf8')).toBe('GEHEIM');
    expect(await listFiles(base)).toEqual(['documenten', 'elders']);
  });

  it('refuses relative paths and files that are no .resolutie', async () => {
    await mkdir(documentsDir);
    await writeFile(path.join(documentsDir, 'notities.txt'), 'x');
    const library = createLibrary();
    const state = createStateWithTitle('x');
    for (const attempt of [
      'Motie.resolutie',
      './Motie.resolutie',
      path.join(documentsDir, 'notities.txt'),
      path.join(documentsDir, '.resolutie'),
      path.join(documentsDir, 'Motie.resolutie.txt'),
      documentsDir,
    ]) {
      await expectForbidden(library.open(attempt));
      await expectForbidden(library.save({ state, path: attempt }));
    }
  });

  it('refuses a symbolic link in the folder that points outside it', async () => {
    const outside = path.join(elsewhere, 'geheim.resolutie');
    const library = createLibrary();
    // A real document outside, so that only the path check can stop the link.
    const saved = await library.save({ state: createStateWithTitle('Geheim'), name: 'Tijdelijk' });
    await writeFile(outside, await readFile(saved.path));
    await rm(saved.path);
    await symlink(outside, path.join(documentsDir, 'link.resolutie'));
    await symlink(elsewhere, path.join(documentsDir, 'map'));
    await symlink(path.join(elsewhere, 'weg.resolutie'), path.join(documentsDir, 'los.resolutie'));
    const before = await readFile(outside);

    const fresh = createLibrary();
    const state = createStateWithTitle('Overschreven');
    for (const attempt of [
      path.join(documentsDir, 'link.resolutie'),
      path.join(documentsDir, 'map', 'geheim.resolutie'),
      path.join(documentsDir, 'map', 'nieuw.resolutie'),
      path.join(documentsDir, 'los.resolutie'),
    ]) {
      await expectForbidden(fresh.open(attempt));
      await expectForbidden(fresh.save({ state, path: attempt }));
    }
    expect(await readFile(outside)).toEqual(before);
    expect(await listFiles(elsewhere)).toEqual(['geheim.resolutie']);
  });

  it('refuses everything when the documents folder itself is missing', async () => {
    await expectForbidden(createLibrary().open(path.join(documentsDir, 'x.resolutie')));
  });

  it('allows a path granted by a dialog, and afterwards through the recent list', async () => {
    const library = createLibrary();
    const saved = await library.save({ state: createStateWithTitle('Elders'), name: 'Elders' });
    const outside = path.join(elsewhere, 'Elders.resolutie');
    await writeFile(outside, await readFile(saved.path));

    await expectForbidden(library.open(outside));
    library.grantPath(outside);
    expect(titleOf((await library.open(outside)).state)).toBe('Elders');
    // A new start: the grant is gone, but the file is in the recent list now.
    const restarted = createLibrary();
    await restarted.save({ state: createStateWithTitle('Bijgewerkt'), path: outside });
    expect(titleOf((await restarted.open(outside)).state)).toBe('Bijgewerkt');
    expect(() => library.grantPath(path.join(elsewhere, 'x.txt'))).toThrow(RangeError);
  });
});

describe('listDocuments', () => {
  it('answers an empty list for a missing folder', async () => {
    expect(await createLibrary().listDocuments()).toEqual({ folder: documentsDir, documents: [] });
  });

  it('lists the .resolutie files in the folder, newest first, and nothing else', async () => {
    const library = createLibrary();
    const older = await library.save({ state: createStateWithTitle('a'), name: 'Ouder' });
    const newer = await library.save({ state: createStateWithTitle('b'), name: 'Nieuwer' });
    await utimes(older.path, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
    await utimes(newer.path, new Date('2026-02-01T00:00:00Z'), new Date('2026-02-01T00:00:00Z'));
    await writeFile(path.join(documentsDir, 'notities.txt'), 'x');
    await mkdir(path.join(documentsDir, 'sub'));
    await writeFile(path.join(documentsDir, 'sub', 'Dieper.resolutie'), 'x');
    await mkdir(path.join(documentsDir, 'Map.resolutie'));
    await symlink(newer.path, path.join(documentsDir, 'Link.resolutie'));

    const listed = await library.listDocuments();
    expect(listed.folder).toBe(documentsDir);
    expect(listed.documents).toEqual([
      {
        name: 'Nieuwer',
        path: newer.path,
        modifiedAt: '2026-02-01T00:00:00.000Z',
        sizeBytes: (await readFile(newer.path)).byteLength,
        title: 'b',
        problem: null,
      },
      {
        name: 'Ouder',
        path: older.path,
        modifiedAt: '2026-01-01T00:00:00.000Z',
        sizeBytes: (await readFile(older.path)).byteLength,
        title: 'a',
        problem: null,
      },
    ]);
  });

  it('marks the files that cannot be opened with the reason, and reads them again once changed', async () => {
    const library = createLibrary();
    const good = await library.save({ state: createStateWithTitle('Goed'), name: 'Goed' });
    await writeFile(path.join(documentsDir, 'Leeg.resolutie'), '');
    await writeFile(path.join(documentsDir, 'Brief.resolutie'), 'Geachte leden,');
    const bytes = await readFile(good.path);
    const cut = path.join(documentsDir, 'Afgebroken.resolutie');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));

    const problems = async () =>
      Object.fromEntries(
        (await library.listDocuments()).documents.map((entry) => [
          entry.name,
          [entry.title, entry.problem],
        ]),
      );
    expect(await problems()).toEqual({
      Goed: ['Goed', null],
      Leeg: ['', 'Het bestand ‘Leeg.resolutie’ is leeg.'],
      Brief: ['', expect.stringMatching(/^‘Brief\.resolutie’: Dit is geen resolutie-bestand\./)],
      Afgebroken: [
        '',
        '‘Afgebroken.resolutie’: Het bestand is beschadigd of onvolledig, bijvoorbeeld afgebroken bij het versturen.',
      ],
    });
    // Repaired (another size and time): listed as good again.
    await writeFile(cut, bytes);
    await utimes(cut, new Date('2026-03-01T00:00:00Z'), new Date('2026-03-01T00:00:00Z'));
    expect((await problems()).Afgebroken).toEqual(['Goed', null]);
  });
});

describe('the recent documents', () => {
  it('lists opened and saved documents, most recent first, with their titles', async () => {
    const library = createLibrary();
    const a = await library.save({ state: createStateWithTitle('Titel A'), name: 'a' });
    const b = await library.save({ state: createStateWithTitle(''), name: 'b' });
    await library.open(a.path);
    const recent = await createLibrary().listRecent();
    expect(recent.map((entry) => [entry.name, entry.title, entry.exists])).toEqual([
      ['a', 'Titel A', true],
      ['b', 'b', true],
    ]);
    expect(recent[0]!.path).toBe(a.path);
    expect(recent[1]!.path).toBe(b.path);
    expect(recent[0]!.openedAt > recent[1]!.openedAt).toBe(true);
  });

  it('keeps at most ten', async () => {
    const library = createLibrary();
    for (let i = 0; i < 12; i++) {
      await library.save({ state: createStateWithTitle(`Stuk ${i}`), name: `stuk ${i}` });
    }
    const recent = await library.listRecent();
    expect(recent.map((entry) => entry.name)).toEqual(
      Array.from({ length: 10 }, (_, i) => `stuk ${11 - i}`),
    );
  });

  it('says which files no longer exist', async () => {
    const library = createLibrary();
    const gone = await library.save({ state: createStateWithTitle('x'), name: 'weg' });
    await library.save({ state: createStateWithTitle('y'), name: 'blijft' });
    await rm(gone.path);
    expect((await library.listRecent()).map((entry) => [entry.name, entry.exists])).toEqual([
      ['blijft', true],
      ['weg', false],
    ]);
  });

  it('ignores a damaged list and replaces it on the next save', async () => {
    await mkdir(profileDir, { recursive: true });
    const recentFile = path.join(profileDir, 'recent.json');
    await writeFile(recentFile, '{"format":"resolutie-recent","version":1,"documents":[');
    const library = createLibrary();
    expect(await library.listRecent()).toEqual([]);
    expect(reported.some((message) => message.includes('beschadigd'))).toBe(true);
    const saved = await library.save({ state: createStateWithTitle('x'), name: 'Nieuw' });
    expect((await library.listRecent()).map((entry) => entry.path)).toEqual([saved.path]);
    expect(JSON.parse(await readFile(recentFile, 'utf8'))).toMatchObject({
      format: 'resolutie-recent',
      version: 1,
    });
  });

  it('does not fail a save when the list cannot be written', async () => {
    // The profile "folder" is a file: the list cannot be written, the document can.
    await writeFile(profileDir, 'geen map');
    const saved = await createLibrary().save({ state: createStateWithTitle('x'), name: 'Toch' });
    expect(await listFiles(documentsDir)).toEqual(['Toch.resolutie']);
    expect(saved.name).toBe('Toch');
    expect(reported.some((message) => message.includes('recente documenten'))).toBe(true);
  });
});
