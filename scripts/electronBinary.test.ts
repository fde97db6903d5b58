import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from './electronBinary.ts';

let appRoot: string;

beforeEach(async () => {
  appRoot = await mkdtemp(path.join(tmpdir(), 'electron-binary-'));
});

afterEach(async () => {
  await rm(appRoot, { recursive: true, force: true });
});

/** Installs a fake electron package: optionally path.txt and the executable it names. */
async function installElectron(options: { pathTxt?: string; executable?: string }) {
  const packageDir = path.join(appRoot, 'node_modules', 'electron');
  await mkdir(path.join(packageDir, 'dist'), { recursive: true });
  if (options.pathTxt !== undefined)
    await writeFile(path.join(packageDir, 'path.txt'), options.pathTxt);
  if (options.executable !== undefined) {
    const binary = path.join(packageDir, 'dist', options.executable);
    await mkdir(path.dirname(binary), { recursive: true });
    await writeFile(binary, '#!/bin/sh\n');
    await chmod(binary, 0o755);
  }
  return packageDir;
}

describe('findElectronBinary', () => {
  it('finds the executable that path.txt names under dist/', async () => {
    const packageDir = await installElectron({ pathTxt: 'electron', executable: 'electron' });
    expect(findElectronBinary(appRoot, {})).toEqual({
      found: true,
      path: path.join(packageDir, 'dist', 'electron'),
    });
  });

  it('follows a nested path such as the macOS app bundle', async () => {
    const nested = 'Electron.app/Contents/MacOS/Electron';
    const packageDir = await installElectron({ pathTxt: `${nested}\n`, executable: nested });
    expect(findElectronBinary(appRoot, {})).toEqual({
      found: true,
      path: path.join(packageDir, 'dist', nested),
    });
  });

  it('reports a missing package', () => {
    expect(findElectronBinary(appRoot, {})).toEqual({
      found: false,
      reason: 'het npm-pakket electron is niet geïnstalleerd',
    });
  });

  it('reports a package whose binary was never downloaded', async () => {
    await installElectron({});
    expect(findElectronBinary(appRoot, {})).toMatchObject({
      found: false,
      reason: expect.stringContaining('path.txt ontbreekt'),
    });
  });

  it('reports a path.txt whose executable is gone', async () => {
    await installElectron({ pathTxt: 'electron' });
    expect(findElectronBinary(appRoot, {})).toMatchObject({
      found: false,
      reason: expect.stringContaining('het Electron-programma ontbreekt'),
    });
  });

  it('refuses a path.txt that points outside dist/', async () => {
    await installElectron({ pathTxt: '../../../../bin/sh' });
    expect(findElectronBinary(appRoot, {})).toMatchObject({ found: false });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the package does', async () => {
    const overrideDir = path.join(appRoot, 'eigen-electron');
    await mkdir(overrideDir);
    await writeFile(path.join(overrideDir, 'electron'), '');
    expect(findElectronBinary(appRoot, { ELECTRON_OVERRIDE_DIST_PATH: overrideDir })).toEqual({
      found: true,
      path: path.join(overrideDir, 'electron'),
    });
  });

  it('matches this checkout, whose Electron binary is absent', () => {
    const here = path.resolve(import.meta.dirname, '..');
    const result = findElectronBinary(here, {});
    // On a machine where Electron did download, that is fine too; it must just be a file then.
    if (result.found) expect(result.path).toContain(path.join('node_modules', 'electron'));
    else expect(result.reason).toMatch(/niet gedownload|ontbreekt|niet geïnstalleerd/);
  });
});
