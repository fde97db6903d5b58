/**
 * A browser-mode host of its own for a spec that must kill it (as a crash does) or that plays a
 * second user with a profile of their own: started as a real process on a fixed port.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = new URL('../../../', import.meta.url).pathname;

/** Where the host keeps its files. */
export interface HostFolders {
  profile: string;
  documents: string;
}

/** The address of a host on `port`. */
export function hostUrl(port: number): string {
  return `http://127.0.0.1:${port}/`;
}

/** Starts a host on `port`; resolves once it prints its address. */
export function startHostProcess(port: number, folders: HostFolders): Promise<ChildProcess> {
  const host = spawn(
    process.execPath,
    [path.join(root, 'main/host/cli.ts'), '--port', String(port)],
    {
      cwd: root,
      env: {
        ...process.env,
        RESOLUTIE_PROFILE_DIR: folders.profile,
        RESOLUTIE_DOCUMENTS_DIR: folders.documents,
        // Sessions it hosts stay on loopback, on any free port.
        RESOLUTIE_SESSION_HOST: '127.0.0.1',
        RESOLUTIE_SESSION_PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    host.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(hostUrl(port))) resolve(host);
    });
    host.once('exit', (code) => reject(new Error(`host stopped (${code})`)));
  });
}

/** Kills the host as a crash would: no chance to store or clean up. */
export function killHard(host: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (host.exitCode !== null) {
      resolve();
      return;
    }
    host.once('exit', () => resolve());
    host.kill('SIGKILL');
  });
}
