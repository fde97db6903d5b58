import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecentDocuments } from './recentDocuments.ts';
import { createTempDir, removeTempDir } from '../testing/tempDir.ts';

let dir: string;
let file: string;
let reported: string[];

beforeEach(async () => {
  dir = await createTempDir('recent-');
  file = path.join(dir, 'profiel', 'recent.json');
  reported = [];
});

afterEach(async () => {
  await removeTempDir(dir);
});

function createRecent(): RecentDocuments {
  let tick = 0;
  return new RecentDocuments(file, {
    reportError: (message) => reported.push(message),
    now: () => new Date(Date.UTC(2026, 0, 1) + 1000 * tick++),
  });
}

const doc = (name: string) => path.join(dir, `${name}.resolutie`);

describe('RecentDocuments', () => {
  it('starts empty without a file, and creates the profile folder on the first add', async () => {
    const recent = createRecent();
    expect(await recent.entries()).toEqual([]);
    await recent.add(doc('a'), 'A');
    expect(await recent.entries()).toEqual([
      { path: doc('a'), title: 'A', openedAt: '2026-01-01T00:00:00.000Z' },
    ]);
    expect(reported).toEqual([]);
  });

  it('moves a document that is added again to the top', async () => {
    const recent = createRecent();
    await recent.add(doc('a'), 'A');
    await recent.add(doc('b'), 'B');
    await recent.add(doc('a'), 'A, nieuwe titel');
    expect((await recent.entries()).map((entry) => entry.title)).toEqual(['A, nieuwe titel', 'B']);
    expect(await recent.has(doc('b'))).toBe(true);
    expect(await recent.has(doc('c'))).toBe(false);
  });

  it('keeps concurrent adds, none lost', async () => {
    const recent = createRecent();
    await Promise.all(['a', 'b', 'c', 'd'].map((name) => recent.add(doc(name), name)));
    expect((await recent.entries()).map((entry) => entry.title).sort()).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it('ignores damaged files of every kind, and reports them', async () => {
    await mkdir(path.dirname(file), { recursive: true });
    const damaged = [
      '',
      'kapot',
      '[]',
      '{"format":"iets anders","version":1,"documents":[]}',
      '{"format":"resolutie-recent","version":2,"documents":[]}',
      '{"format":"resolutie-recent","version":1,"documents":{}}',
      Buffer.from([0xff, 0xfe, 0x00]),
    ];
    for (const content of damaged) {
      reported = [];
      await writeFile(file, content);
      expect(await createRecent().entries(), String(content)).toEqual([]);
      expect(reported, String(content)).toHaveLength(1);
    }
    await createRecent().add(doc('a'), 'A');
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ documents: [{ title: 'A' }] });
  });

  it('drops single bad entries and keeps the good ones, newest first', async () => {
    await mkdir(path.dirname(file), { recursive: true });
    const good = (name: string, openedAt: string) => ({ path: doc(name), title: name, openedAt });
    await writeFile(
      file,
      JSON.stringify({
        format: 'resolutie-recent',
        version: 1,
        documents: [
          good('oud', '2025-01-01T00:00:00.000Z'),
          { path: 'relatief.resolutie', title: 'x', openedAt: '2025-06-01T00:00:00.000Z' },
          { path: '/etc/passwd', title: 'x', openedAt: '2025-06-01T00:00:00.000Z' },
          { path: doc('zonder-tijd'), title: 'x' },
          good('nieuw', '2025-03-01T00:00:00.000Z'),
          good('oud', '2024-01-01T00:00:00.000Z'),
          'rommel',
        ],
      }),
    );
    expect((await createRecent().entries()).map((entry) => entry.title)).toEqual(['nieuw', 'oud']);
  });
});
