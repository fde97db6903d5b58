/**
 * Finds the Electron executable the way the `electron` npm package does, without loading that
 * package: `require('electron')` outside Electron throws (or, in some versions, starts a
 * download) when the binary is missing, which is the normal case on machines without network.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Where Electron is, or why it is not there (in Dutch, fit to print). */
export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

/**
 * Looks for the Electron executable of the app at `appRoot`. Like the package's own `index.js`:
 * `node_modules/electron/path.txt` names the executable relative to `node_modules/electron/dist/`,
 * and `ELECTRON_OVERRIDE_DIST_PATH` replaces that directory. The executable must exist.
 */
export function findElectronBinary(
  appRoot: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ElectronBinary {
  const packageDir = path.join(appRoot, 'node_modules', 'electron');
  const overrideDir = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (!existsSync(packageDir) && overrideDir === undefined) {
    return { found: false, reason: 'het npm-pakket electron is niet geïnstalleerd' };
  }

  const pathFile = path.join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (executable === '' && overrideDir === undefined) {
    return {
      found: false,
      reason: 'het Electron-programma is niet gedownload (path.txt ontbreekt)',
    };
  }

  const distDir = overrideDir ?? path.join(packageDir, 'dist');
  // The package's own fallback when only the override is given.
  const binary = path.resolve(distDir, executable === '' ? 'electron' : executable);
  if (path.relative(path.resolve(distDir), binary).startsWith('..')) {
    return { found: false, reason: 'path.txt wijst buiten de map van Electron' };
  }
  if (!isFile(binary)) {
    return { found: false, reason: `het Electron-programma ontbreekt (${binary})` };
  }
  return { found: true, path: binary };
}

function isFile(filePath: string): boolean {
  try {
    return statSync(filePath).isFile();
  } catch {
    return false;
  }
}
