import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The app's root directory: the nearest directory at or above `startDir` that holds a
 * package.json. The same code runs from the sources (`main/host/`), from the compiled build
 * (`build/node/main/host/`) and from a packaged app, so paths to `dist/renderer` and
 * package.json are found from here instead of counted in `..` segments.
 */
export function findAppRoot(startDir: string): string {
  let dir = path.resolve(startDir);
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Geen package.json gevonden boven ${startDir}.`);
    dir = parent;
  }
}

/** Where the built renderer lives below the app root. */
export function getRendererDir(appRoot: string): string {
  return path.join(appRoot, 'dist', 'renderer');
}
