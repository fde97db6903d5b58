/**
 * The `resolutie` command as a user starts it (issue 16, point 14): `npx resolutie` in the
 * checkout on a machine whose own Node is older than the project's printed two EBADENGINE
 * blocks before every answer, and the command file itself could not run under that Node.
 * These tests run the machine's own Node and npx, as the user does, when the machine has one
 * older than 22.18 (this project's build machines have Node 20); elsewhere they say so.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const LAUNCHER = path.join(ROOT, 'main', 'cli', 'launcher.js');

// PATH without the project's node_modules/.bin: the machine as the user's shell sees it
// (npm scripts and vitest put the project's Node 22 first).
const MACHINE_PATH = (process.env['PATH'] ?? '')
  .split(path.delimiter)
  .filter((dir) => !dir.includes(`${path.sep}node_modules${path.sep}`))
  .join(path.delimiter);

function findOnPath(name: string): string | null {
  for (const dir of MACHINE_PATH.split(path.delimiter)) {
    const file = path.join(dir, name);
    if (dir && existsSync(file)) return file;
  }
  return null;
}

const machineNode = findOnPath('node');
const machineVersion = machineNode
  ? spawnSync(machineNode, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim()
  : '';
const [major = 0, minor = 0] = machineVersion.split('.').map(Number);
const machineNodeIsOld = machineNode !== null && (major < 22 || (major === 22 && minor < 18));
if (!machineNodeIsOld) {
  console.warn(
    `launcher.test.ts: deze machine heeft geen Node ouder dan 22.18 (${machineVersion || 'geen'}); ` +
      'de proeven met een oude Node worden overgeslagen.',
  );
}

const machineEnv = { ...process.env, PATH: MACHINE_PATH };

describe('the resolutie command', () => {
  it('is started by a launcher every Node can read', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    expect(pkg.bin['resolutie']).toBe('main/cli/launcher.js');
    const run = spawnSync(process.execPath, [LAUNCHER, '--version'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Resolutie-editor \d+\.\d+\.\d+\n$/);
  });

  it.runIf(machineNodeIsOld)('runs under the project’s Node 22 when the machine’s is older', () => {
    const run = spawnSync(machineNode!, [LAUNCHER, '--version'], {
      encoding: 'utf8',
      env: machineEnv,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Resolutie-editor /);
  });

  it.runIf(machineNodeIsOld)('says in one Dutch line what Node it needs, without one', () => {
    // The launcher alone, away from the project's node_modules: as a copy made by hand.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'resolutie-launcher-'));
    const copy = path.join(dir, 'main', 'cli', 'launcher.js');
    mkdirSync(path.dirname(copy), { recursive: true });
    copyFileSync(LAUNCHER, copy);
    const run = spawnSync(machineNode!, [copy, '--help'], { encoding: 'utf8', env: machineEnv });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `resolutie heeft Node 22.18 of nieuwer nodig, en deze computer heeft Node ${machineVersion}: ` +
        'voer "npm install" uit in de map van de Resolutie-editor (dat brengt Node 22 mee) of ' +
        'installeer Node 22.\n',
    );
  });

  it.runIf(machineNodeIsOld && findOnPath('npx') !== null)(
    'answers `npx resolutie --help` in the checkout without npm warnings',
    () => {
      const run = spawnSync(findOnPath('npx')!, ['resolutie', '--help'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: machineEnv,
      });
      expect(run.status).toBe(0);
      expect(run.stderr).not.toContain('EBADENGINE');
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/^Gebruik: resolutie <opdracht> \[opties\]\n/);
    },
    60_000,
  );
});
