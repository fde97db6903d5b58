/**
 * The two sync servers of the sync benchmarks, each in a process of its own on a loopback
 * port: the app's server (`main/syncServer/collabServer.ts`, Hocuspocus with the app's
 * extensions, as `resolutie server` runs it) and the reference, y-websocket's own server
 * (`@y/websocket-server`, its `src/server.js` as shipped). Clients are made for either.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { startNodeScript } from './childProcess.ts';
import type { StartedProcess } from './childProcess.ts';
import { SyncClient } from './syncClient.ts';
import type { SyncProtocol } from './syncClient.ts';
import { createSessionToken, ALL_DOCUMENTS } from '../../main/syncServer/sessionTokens.ts';
import type * as Y from 'yjs';

const ROOT = new URL('../../', import.meta.url).pathname;

/** The secret the benchmark's own sync server signs tokens with. */
export const BENCH_SECRET = 'benchmark-secret-of-the-sync-server-0123456789';

/** An editor's token for every document on the app's server (the reference server asks none). */
export const BENCH_TOKEN = createSessionToken(BENCH_SECRET, {
  documentName: ALL_DOCUMENTS,
  role: 'editor',
  expiresAt: null,
});

/** A running sync server and how to reach it. */
export interface SyncServer {
  protocol: SyncProtocol;
  /** What the tables call it. */
  label: string;
  url: string;
  process: StartedProcess;
  /** A client of `documentName` on this server. */
  connect(documentName: string, doc?: Y.Doc): SyncClient;
}

/**
 * Starts the app's sync server on `port` with its documents in `dataDir`. With
 * `cpuProfileFile`, SIGUSR2 starts its CPU profiler and stopping writes the profile there.
 */
export async function startAppSyncServer(
  dataDir: string,
  port: number,
  cpuProfileFile?: string,
): Promise<SyncServer> {
  const started = await startNodeScript(
    path.join(ROOT, 'bench/support/collabServerProcess.ts'),
    [dataDir, String(port), BENCH_SECRET],
    /^collab ready/,
    cpuProfileFile ? { BENCH_CPU_PROFILE: cpuProfileFile } : {},
  );
  const url = `ws://127.0.0.1:${port}`;
  return {
    protocol: 'hocuspocus',
    label: 'Resolutie-editor (Hocuspocus)',
    url,
    process: started,
    connect: (documentName, doc) =>
      new SyncClient({
        serverUrl: url,
        protocol: 'hocuspocus',
        documentName,
        token: BENCH_TOKEN,
        doc,
      }),
  };
}

/** Starts y-websocket's reference server on `port` (documents in memory, as it ships). */
export async function startReferenceSyncServer(port: number): Promise<SyncServer> {
  const started = await startNodeScript(
    path.join(ROOT, 'node_modules/@y/websocket-server/src/server.js'),
    [],
    /running at/,
    { HOST: '127.0.0.1', PORT: String(port) },
  );
  const url = `ws://127.0.0.1:${port}`;
  const version = (
    JSON.parse(
      readFileSync(path.join(ROOT, 'node_modules/@y/websocket-server/package.json'), 'utf8'),
    ) as { version: string }
  ).version;
  return {
    protocol: 'y-websocket',
    label: `y-websocket-server ${version} (referentie)`,
    url,
    process: started,
    connect: (documentName, doc) =>
      new SyncClient({ serverUrl: url, protocol: 'y-websocket', documentName, doc }),
  };
}
