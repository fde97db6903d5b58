/**
 * `node main/host/cli.ts [--port N] [--profile MAP] [--documents MAP]`: runs the editor in
 * browser mode. Prints one line with the address when ready, or one line saying what is wrong
 * and exits non-zero.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findAppRoot, getRendererDir } from '../services/app/appRoot.ts';
import {
  HOST_USAGE,
  parseHostCliOptions,
  pickHostFolders,
  type HostFolders,
} from './cliOptions.ts';
import { HostStartError, startHost, type RunningHost } from './server.ts';

/** The line printed when the host is ready; scripts and people look for it. */
export function formatReadyLine(url: string): string {
  return `Resolutie-editor (browsermodus): ${url}`;
}

/**
 * Starts the host for the app at `appRoot` on `port`, prints the ready line and stops the host
 * on Ctrl+C or SIGTERM. `folders` overrides the profile and documents folders, which otherwise
 * come from the environment or the platform. On a {@link HostStartError} prints its message and
 * sets a non-zero exit code instead of throwing, so callers need no error handling of their own.
 */
export async function runBrowserHost(
  appRoot: string,
  port: number,
  folders: HostFolders = {},
): Promise<RunningHost | null> {
  let host: RunningHost;
  try {
    host = await startHost({ rootDir: getRendererDir(appRoot), port, appRoot, ...folders });
  } catch (error) {
    if (!(error instanceof HostStartError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
    return null;
  }
  console.log(formatReadyLine(host.url));
  const stop = () => {
    void host.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return host;
}

if (import.meta.main) {
  const options = parseHostCliOptions(process.argv.slice(2), process.env);
  if (options.kind === 'help') {
    console.log(HOST_USAGE);
  } else if (options.kind === 'error') {
    console.error(options.message);
    process.exitCode = 2;
  } else {
    const root = findAppRoot(path.dirname(fileURLToPath(import.meta.url)));
    await runBrowserHost(root, options.port, pickHostFolders(options));
  }
}
