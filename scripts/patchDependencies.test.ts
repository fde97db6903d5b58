import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  applyFilePatch,
  applyPatches,
  parsePatch,
  parsePatchName,
  PatchError,
} from './patchDependencies.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const ORIGINAL = ['one', 'two', 'three', 'four', 'five', ''].join('\n');
const PATCHED = ['one', 'two', 'drie', 'four', 'five', ''].join('\n');
const PATCH = [
  'What the patch does, and why.',
  '',
  '--- a/node_modules/demo/index.js',
  '+++ b/node_modules/demo/index.js',
  '@@ -1,5 +1,5 @@',
  ' one',
  ' two',
  '-three',
  '+drie',
  ' four',
  ' five',
  '',
].join('\n');

/** A project in a temporary folder with `demo` at `version` and the patch for 1.0.0. */
function makeProject(version: string, file = ORIGINAL): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'patch-deps-'));
  mkdirSync(path.join(dir, 'patches'));
  mkdirSync(path.join(dir, 'node_modules', 'demo'), { recursive: true });
  writeFileSync(path.join(dir, 'patches', 'demo+1.0.0.patch'), PATCH);
  writeFileSync(
    path.join(dir, 'node_modules', 'demo', 'package.json'),
    JSON.stringify({ version }),
  );
  writeFileSync(path.join(dir, 'node_modules', 'demo', 'index.js'), file);
  return dir;
}

describe('patchDependencies (postinstall)', () => {
  it('reads the package and version from the name', () => {
    expect(parsePatchName('y-prosemirror+1.3.7.patch')).toEqual({
      packageName: 'y-prosemirror',
      version: '1.3.7',
    });
    expect(parsePatchName('@scope+name+2.0.0.patch')).toEqual({
      packageName: '@scope/name',
      version: '2.0.0',
    });
    expect(parsePatchName('notes.txt')).toBeNull();
  });

  it('applies a patch once, and leaves a patched file alone', () => {
    const dir = makeProject('1.0.0');
    try {
      expect(applyPatches(dir)).toEqual(['patched: node_modules/demo/index.js']);
      const file = path.join(dir, 'node_modules', 'demo', 'index.js');
      expect(readFileSync(file, 'utf8')).toBe(PATCHED);
      expect(applyPatches(dir)).toEqual(['already patched: node_modules/demo/index.js']);
      expect(readFileSync(file, 'utf8')).toBe(PATCHED);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses another version of the package', () => {
    const dir = makeProject('1.0.1');
    try {
      expect(() => applyPatches(dir)).toThrow(/is for demo 1\.0\.0, but 1\.0\.1 is installed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file that is neither the original nor the patched code', () => {
    const dir = makeProject('1.0.0', ORIGINAL.replace('three', 'THREE'));
    try {
      expect(() => applyPatches(dir)).toThrow(PatchError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // The patch to y-prosemirror (see the patch file): installed by npm's postinstall, and
  // consistent: taking its hunks back out of the installed file and applying them again gives
  // the installed file.
  it('has patched the installed y-prosemirror', () => {
    const [file] = parsePatch(
      readFileSync(path.join(root, 'patches', 'y-prosemirror+1.3.7.patch'), 'utf8'),
    );
    expect(file?.path).toBe('node_modules/y-prosemirror/src/plugins/sync-plugin.js');
    const installed = readFileSync(path.join(root, file!.path), 'utf8');
    expect(applyFilePatch(installed, file!).applied, 'run npm ci (or npm run postinstall)').toBe(
      false,
    );
    const reversed = {
      ...file!,
      hunks: file!.hunks.map((h) => ({ before: h.after, after: h.before })),
    };
    const original = applyFilePatch(installed, reversed);
    expect(original.applied).toBe(true);
    expect(applyFilePatch(original.text, file!).text).toBe(installed);
  });
});
