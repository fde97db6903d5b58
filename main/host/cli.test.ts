import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The command line runs as a real child process: its printed lines and exit codes are what
// people and scripts see. Node 22 runs the .ts sources directly.
const cliUrl = pathToFileURL(path.join(import.meta.dirname, 'cli.ts')).href;

let base: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'host-cli-'));
  await mkdir(path.join(base, 'built', 'dist', 'renderer'), { recursive: true });
  await writeFile(path.join(base, 'built', 'package.json'), '{"version":"1.0.0"}');
  await writeFile(path.join(base, 'built', 'dist', 'renderer', 'index.html'), '<!doctype html>');
  await mkdir(path.join(base, 'unbuilt'));
  await writeFile(path.join(base, 'unbuilt', 'package.json'), '{"version":"1.0.0"}');
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

interface ChildRun {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Runs `runBrowserHost(appRoot, 0)` in a child; `onReady` gets the URL once it is printed. */
function runHost(
  appRoot: string,
  onReady?: (url: string, stop: () => void) => void,
): Promise<ChildRun> {
  const script = `const { runBrowserHost } = await import(${JSON.stringify(cliUrl)});
await runBrowserHost(${JSON.stringify(appRoot)}, 0);`;
  return runNode(['--input-type=module', '-e', script], onReady);
}

function runNode(
  args: string[],
  onReady?: (url: string, stop: () => void) => void,
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^Resolutie-editor \(browsermodus\): (\S+)$/m.exec(stdout);
      if (match?.[1] && onReady) {
        const ready = onReady;
        onReady = undefined;
        ready(match[1], () => child.kill('SIGTERM'));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code });
    });
  });
}

describe('the browser-mode command line', () => {
  it('prints one line with the URL, serves it, and stops cleanly on SIGTERM', async () => {
    let served = 0;
    const run = await runHost(path.join(base, 'built'), (url, stop) => {
      void fetch(url)
        .then((response) => (served = response.status))
        .finally(stop);
    });
    expect(run.stdout).toMatch(
      /^Resolutie-editor \(browsermodus\): http:\/\/127\.0\.0\.1:\d+\/\n$/,
    );
    expect(served).toBe(200);
    expect(run.code).toBe(0);
  });

  it('says to run npm run build when the renderer is missing, and fails', async () => {
    const run = await runHost(path.join(base, 'unbuilt'));
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('Voer eerst `npm run build` uit.');
    expect(run.code).toBe(1);
  });

  it('keeps documents and journals in the folders given with --documents and --profile', async () => {
    const profileDir = path.join(base, 'profiel');
    const documentsDir = path.join(base, 'documenten');
    const script = `const { runBrowserHost } = await import(${JSON.stringify(cliUrl)});
await runBrowserHost(${JSON.stringify(path.join(base, 'built'))}, 0, ${JSON.stringify({ profileDir, documentsDir })});`;
    let listed: unknown;
    await runNode(['--input-type=module', '-e', script], (url, stop) => {
      void fetch(new URL('api/listDocuments', url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
      })
        .then((response) => response.json())
        .then((json) => (listed = json))
        .finally(stop);
    });
    expect(listed).toEqual({ ok: true, value: { folder: documentsDir, documents: [] } });
  });

  it('rejects a bad --port with a Dutch message and exit code 2', async () => {
    const run = await runNode([path.join(import.meta.dirname, 'cli.ts'), '--port', 'tachtig']);
    expect(run.stderr.trim()).toBe(
      "Ongeldige poort 'tachtig' (--port): kies een getal van 0 tot en met 65535.",
    );
    expect(run.code).toBe(2);
  });
});
