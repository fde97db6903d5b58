import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findStaticFile } from './staticFiles.ts';

let base: string;
let root: string;

beforeAll(async () => {
  // base/secret.txt sits beside the root: every traversal below aims at it.
  base = await mkdtemp(path.join(tmpdir(), 'static-files-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1);');
  await writeFile(path.join(root, 'assets', 'naam met spatie.css'), 'body{}');
  await writeFile(path.join(root, '.env'), 'GEHEIM=1');
  await writeFile(path.join(base, 'secret.txt'), 'geheim');
  await symlink(path.join(base, 'secret.txt'), path.join(root, 'link-to-secret.txt'));
  await symlink(path.join(root, 'assets', 'app.js'), path.join(root, 'inner-link.js'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('findStaticFile', () => {
  it('serves index.html for / and files with their content type', async () => {
    expect(await findStaticFile(root, '/')).toMatchObject({
      kind: 'file',
      filePath: expect.stringMatching(/index\.html$/),
      contentType: 'text/html; charset=utf-8',
    });
    expect(await findStaticFile(root, '/assets/app.js')).toMatchObject({
      kind: 'file',
      contentType: 'text/javascript; charset=utf-8',
      size: 15,
    });
    expect(await findStaticFile(root, '/assets/naam%20met%20spatie.css')).toMatchObject({
      kind: 'file',
      contentType: 'text/css; charset=utf-8',
    });
  });

  it('refuses traversal in every spelling', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/./index.html',
      '/%00index.html',
      '/C:%5Cwindows',
      'secret.txt',
      '../secret.txt',
      'http://evil/secret.txt',
      '/%E0%A4%A', // malformed percent-encoding
    ];
    for (const attempt of attempts) {
      expect((await findStaticFile(root, attempt)).kind, attempt).toBe('bad_request');
    }
  });

  it('treats absolute-looking paths as paths below the root', async () => {
    for (const attempt of ['//etc/passwd', '/%2Fetc%2Fpasswd', `/${base}/secret.txt`]) {
      expect((await findStaticFile(root, attempt)).kind, attempt).toBe('not_found');
    }
  });

  it('never serves dotfiles, directories, or links that lead outside', async () => {
    expect((await findStaticFile(root, '/.env')).kind).toBe('not_found');
    expect((await findStaticFile(root, '/assets')).kind).toBe('not_found');
    expect((await findStaticFile(root, '/assets/')).kind).toBe('not_found');
    expect((await findStaticFile(root, '/link-to-secret.txt')).kind).toBe('not_found');
    expect((await findStaticFile(root, '/missing.js')).kind).toBe('not_found');
    expect((await findStaticFile(root, '/inner-link.js')).kind).toBe('file');
  });
});
