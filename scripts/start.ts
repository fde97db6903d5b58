/**
 * `npm start`: the editor in Electron when its binary is installed, otherwise in browser mode.
 * On machines without the Electron binary (CI, this project's build machines) the same command
 * still gives a working editor, served by the Node host.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOST_USAGE, parseHostCliOptions, pickHostFolders } from '../main/host/cliOptions.ts';
import { findAppRoot, getRendererDir } from '../main/services/app/appRoot.ts';
import { findElectronBinary } from './electronBinary.ts';

/** What the renderer build is made from; a change in any of these makes the build stale. */
const RENDERER_SOURCES = ['renderer', 'shared', 'vite.config.ts', 'package.json'];

/**
 * Whether `dist/renderer/index.html` is missing or older than any renderer source. Modification
 * times are a simple test, but enough to spare a rebuild when nothing changed.
 */
export function isRendererBuildStale(appRoot: string): boolean {
  const index = path.join(getRendererDir(appRoot), 'index.html');
  if (!existsSync(index)) return true;
  const builtAt = statSync(index).mtimeMs;
  return RENDERER_SOURCES.some(
    (source) => getNewestModification(path.join(appRoot, source)) > builtAt,
  );
}

/** The newest modification time of a file, or of any file below a directory; 0 if absent. */
function getNewestModification(target: string): number {
  if (!existsSync(target)) return 0;
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Runs an npm script in the app root, with output shown; returns its exit code. */
function runNpm(appRoot: string, args: string[]): number {
  // Under `npm start`, npm names its own entry point: run that with the same Node.
  const npmCli = process.env['npm_execpath'];
  const result = npmCli
    ? spawnSync(process.execPath, [npmCli, ...args], { cwd: appRoot, stdio: 'inherit' })
    : spawnSync('npm', args, {
        cwd: appRoot,
        stdio: 'inherit',
        shell: process.platform === 'win32',
      });
  return result.status ?? 1;
}

/** Starts Electron on the app and mirrors its exit code. */
function runElectron(appRoot: string, binary: string): void {
  const env = { ...process.env };
  // Set by some tools; it would make Electron behave as plain Node and never open a window.
  delete env['ELECTRON_RUN_AS_NODE'];
  const child = spawn(binary, [appRoot], { cwd: appRoot, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

async function main(): Promise<void> {
  const appRoot = findAppRoot(path.dirname(fileURLToPath(import.meta.url)));
  const options = parseHostCliOptions(process.argv.slice(2), process.env);
  if (options.kind === 'error') {
    console.error(options.message);
    process.exitCode = 2;
    return;
  }
  if (options.kind === 'help') {
    console.log(HOST_USAGE);
    return;
  }

  const electron = findElectronBinary(appRoot);
  if (electron.found) {
    const status = runNpm(appRoot, ['run', 'build']);
    if (status !== 0) {
      process.exitCode = status;
      return;
    }
    runElectron(appRoot, electron.path);
    return;
  }

  console.log('Electron is op deze machine niet geïnstalleerd; de editor start in browsermodus.');
  console.log(`Reden: ${electron.reason}.`);
  if (isRendererBuildStale(appRoot)) {
    const status = runNpm(appRoot, ['run', 'build:renderer']);
    if (status !== 0) {
      process.exitCode = status;
      return;
    }
  }
  // Loaded only here: the Electron path needs none of the host.
  const { runBrowserHost } = await import('../main/host/cli.ts');
  await runBrowserHost(appRoot, options.port, pickHostFolders(options));
}

if (import.meta.main) await main();
