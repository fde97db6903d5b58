import path from 'node:path';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkLaunchDocument,
  createLaunchProblemMessage,
  findLaunchDocuments,
  inspectPath,
} from './launchArguments.ts';

let dir: string;
let motie: string;
let resolutie: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'launch-arguments-'));
  motie = path.join(dir, 'Motie jeugdzorg.resolutie');
  resolutie = path.join(dir, 'sub', 'resolutie.resolutie');
  mkdirSync(path.dirname(resolutie));
  writeFileSync(motie, '{}');
  writeFileSync(resolutie, '{}');
  writeFileSync(path.join(dir, 'notities.txt'), 'x');
  mkdirSync(path.join(dir, 'map.resolutie'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('findLaunchDocuments', () => {
  it('finds the document a packaged app is started with (Windows/Linux file manager)', () => {
    expect(
      findLaunchDocuments(['/opt/Resolutie-editor/resolutie-editor', motie], { cwd: '/' }),
    ).toEqual({ documents: [motie], problems: [] });
  });

  it('skips the executable, the app folder in development and Chromium’s switches', () => {
    const argv = [
      '/usr/lib/electron/electron',
      '/home/bram/resolutie-editor',
      '--no-sandbox',
      '--original-process-start-time=13376998',
      '--allow-file-access-from-files',
      '-psn_0_123456',
      '--',
      motie,
    ];
    expect(findLaunchDocuments(argv, { cwd: dir }).documents).toEqual([motie]);
  });

  it('resolves relative paths against the working folder of the start that passed them', () => {
    // As at `second-instance`: the second start ran in `dir`, the running one elsewhere.
    const found = findLaunchDocuments(
      ['electron', 'Motie jeugdzorg.resolutie', path.join('sub', 'resolutie.resolutie')],
      { cwd: dir },
    );
    expect(found.documents).toEqual([motie, resolutie]);
  });

  it('reads file: URLs, as Linux desktop files pass them', () => {
    const url = pathToFileURL(motie).href;
    expect(url).toContain('%20');
    expect(findLaunchDocuments(['app', url], { cwd: '/' }).documents).toEqual([motie]);
  });

  it('opens each document once, in the order given', () => {
    const found = findLaunchDocuments(['app', resolutie, motie, resolutie], { cwd: dir });
    expect(found.documents).toEqual([resolutie, motie]);
  });

  it('ignores what is no .resolutie file, and URLs of other kinds', () => {
    const found = findLaunchDocuments(
      ['app', path.join(dir, 'notities.txt'), dir, 'https://example.org/x.resolutie', ''],
      { cwd: dir },
    );
    expect(found).toEqual({ documents: [], problems: [] });
  });

  it('reports a .resolutie argument that is missing or a folder, in Dutch', () => {
    const missing = path.join(dir, 'weg.resolutie');
    const found = findLaunchDocuments(['app', missing, path.join(dir, 'map.resolutie'), motie], {
      cwd: dir,
    });
    expect(found.documents).toEqual([motie]);
    expect(found.problems).toEqual([
      `Het document ‘weg.resolutie’ is niet gevonden (${missing}).`,
      '‘map.resolutie’ is een map, geen document.',
    ]);
  });

  it('asks the file system through the given inspector', () => {
    const asked: string[] = [];
    const found = findLaunchDocuments(['app', 'x.resolutie'], {
      cwd: '/werk',
      inspect: (p) => {
        asked.push(p);
        return 'file';
      },
    });
    expect(asked).toEqual([path.resolve('/werk', 'x.resolutie')]);
    expect(found.documents).toEqual([path.resolve('/werk', 'x.resolutie')]);
  });
});

describe('checkLaunchDocument (macOS open-file)', () => {
  it('accepts an existing document and refuses anything else with a reason', () => {
    expect(checkLaunchDocument(motie)).toEqual({ document: motie });
    expect(checkLaunchDocument(path.join(dir, 'notities.txt'))).toEqual({
      problem: '‘notities.txt’ is geen document van de Resolutie-editor (.resolutie).',
    });
    expect(checkLaunchDocument('relatief.resolutie')).toHaveProperty('problem');
  });
});

describe('inspectPath', () => {
  it('tells files, folders and missing paths apart', () => {
    expect(inspectPath(motie)).toBe('file');
    expect(inspectPath(dir)).toBe('directory');
    expect(inspectPath(path.join(dir, 'nergens'))).toBe('missing');
  });
});

describe('createLaunchProblemMessage', () => {
  it('lists the problems under one Dutch sentence', () => {
    expect(createLaunchProblemMessage(['a'])).toMatchObject({
      type: 'warning',
      message: 'Dit document kan niet worden geopend.',
      detail: 'a',
    });
    expect(createLaunchProblemMessage(['a', 'b'])).toMatchObject({
      message: 'Deze documenten kunnen niet worden geopend.',
      detail: 'a\nb',
    });
  });
});
