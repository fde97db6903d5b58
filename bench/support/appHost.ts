/**
 * The app in browser mode for a benchmark: a host process serving a renderer build, with its
 * profile and documents in folders of the run, and documents written there as the app saves
 * them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type * as Y from 'yjs';
import { writeDocumentFile } from '../../shared/ydoc/documentFile.ts';
import { startNodeScript } from './childProcess.ts';
import type { StartedProcess } from './childProcess.ts';

const HOST_SCRIPT = new URL('./hostProcess.ts', import.meta.url).pathname;

/** A running host and its documents folder. */
export interface AppHost {
  url: string;
  documentsDir: string;
  process: StartedProcess;
  /** Writes `ydoc` as `<name>.resolutie` into the documents folder; returns its path. */
  addDocument(name: string, ydoc: Y.Doc): string;
}

/** Starts a host for `rendererDir` on `port`, sessions on `sessionPort`, folders under `dir`. */
export async function startAppHost(
  rendererDir: string,
  dir: string,
  port: number,
  sessionPort: number,
): Promise<AppHost> {
  const profileDir = path.join(dir, 'profiel');
  const documentsDir = path.join(dir, 'documenten');
  mkdirSync(profileDir, { recursive: true });
  mkdirSync(documentsDir, { recursive: true });
  const started = await startNodeScript(
    HOST_SCRIPT,
    [rendererDir, String(port), String(sessionPort), profileDir, documentsDir],
    /^host ready/,
  );
  return {
    url: started.readyLine.replace(/^host ready /, '').trim(),
    documentsDir,
    process: started,
    addDocument(name, ydoc) {
      const file = path.join(documentsDir, `${name}.resolutie`);
      writeFileSync(file, writeDocumentFile(ydoc, { app: 'Resolutie-editor bench', version: '0' }));
      return file;
    },
  };
}
