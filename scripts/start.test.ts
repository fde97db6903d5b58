import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isRendererBuildStale } from './start.ts';

let appRoot: string;

beforeEach(async () => {
  appRoot = await mkdtemp(path.join(tmpdir(), 'start-script-'));
  await mkdir(path.join(appRoot, 'renderer', 'editor'), { recursive: true });
  await mkdir(path.join(appRoot, 'shared'), { recursive: true });
  await writeFile(path.join(appRoot, 'package.json'), '{}');
  await writeFile(path.join(appRoot, 'renderer', 'editor', 'view.ts'), 'export {};');
  await writeFile(path.join(appRoot, 'shared', 'model.ts'), 'export {};');
});

afterEach(async () => {
  await rm(appRoot, { recursive: true, force: true });
});

/** Sets a file's modification time to `secondsAgo` before now. */
async function age(file: string, secondsAgo: number) {
  const when = new Date(Date.now() - secondsAgo * 1000);
  await utimes(path.join(appRoot, file), when, when);
}

async function build() {
  await mkdir(path.join(appRoot, 'dist', 'renderer'), { recursive: true });
  await writeFile(path.join(appRoot, 'dist', 'renderer', 'index.html'), '<!doctype html>');
}

describe('isRendererBuildStale', () => {
  it('is stale without a build', () => {
    expect(isRendererBuildStale(appRoot)).toBe(true);
  });

  it('is fresh when the build is newer than every source', async () => {
    for (const file of ['package.json', 'renderer/editor/view.ts', 'shared/model.ts'])
      await age(file, 60);
    await build();
    expect(isRendererBuildStale(appRoot)).toBe(false);
  });

  it('is stale when a nested source changed after the build', async () => {
    for (const file of ['package.json', 'shared/model.ts']) await age(file, 60);
    await build();
    await age('dist/renderer/index.html', 30);
    await age('renderer/editor/view.ts', 10);
    expect(isRendererBuildStale(appRoot)).toBe(true);
  });
});
