/**
 * Remote edit: a keystroke in one client appearing in another, through the sync server on
 * loopback, with 20 clients in the document (the writer, the observer and 18 more in a
 * process of their own). The writer types into an item and moves its cursor (awareness), as
 * the app does; the time runs from its Yjs change to the observer's document holding it.
 * The same workload runs against the app's server and y-websocket's reference server.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { createSeededRandom } from '../../shared/testing/seededRandom.ts';
import { writeDocumentFile } from '../../shared/ydoc/documentFile.ts';
import { startNodeScript } from '../support/childProcess.ts';
import type { CrowdConfig } from '../support/crowdProcess.ts';
import { readMemoryMiB } from '../support/processStats.ts';
import {
  startAppSyncServer,
  startReferenceSyncServer,
  BENCH_TOKEN,
} from '../support/syncServers.ts';
import type { SyncServer } from '../support/syncServers.ts';
import { findItemText } from '../support/yItems.ts';
import { summarize, ratio } from '../stats.ts';
import type { BenchmarkSection, ResultRow } from '../report.ts';
import type { BenchContext } from '../context.ts';

const CROWD_SCRIPT = new URL('../support/crowdProcess.ts', import.meta.url).pathname;
const DOCUMENT = 'afstand';
/** The remote edit's median may be at most this many times the reference server's. */
export const MAX_MEDIAN_RATIO = 1.5;

/**
 * Types `keystrokes` characters at the writer and times each until the observer has it;
 * `beforeTyping` runs once everyone is connected (e.g. to start a profiler).
 */
export async function measureRemoteEdit(
  server: SyncServer,
  state: Uint8Array,
  clients: number,
  keystrokes: number,
  beforeTyping: () => Promise<void> = async () => {},
): Promise<{ latencies: number[]; serverMiB: number }> {
  const writerDoc = new Y.Doc();
  Y.applyUpdate(writerDoc, state);
  const writer = server.connect(DOCUMENT, writerDoc);
  await writer.whenSynced();
  const observer = server.connect(DOCUMENT);
  await observer.whenSynced();
  const crowdConfig: CrowdConfig = {
    protocol: server.protocol,
    serverUrl: server.url,
    token: BENCH_TOKEN,
    documents: Array.from({ length: clients - 2 }, () => DOCUMENT),
  };
  const crowd = await startNodeScript(CROWD_SCRIPT, [JSON.stringify(crowdConfig)], /^crowd ready/);
  try {
    writer.awareness.setLocalStateField('user', { name: 'Schrijver', color: '#c0392b' });
    await beforeTyping();
    const text = findItemText(writer.doc, 150) ?? findItemText(writer.doc, 0)!;
    const random = createSeededRandom(7);
    let arrived: (() => void) | null = null;
    const onUpdate = () => arrived?.();
    observer.doc.on('update', onUpdate);
    const latencies: number[] = [];
    // A few keystrokes first, unmeasured: connections and code paths warm up.
    const warmup = Math.min(10, Math.ceil(keystrokes / 5));
    for (let i = 0; i < warmup + keystrokes; i++) {
      const seen = new Promise<void>((resolve) => {
        arrived = resolve;
      });
      const start = performance.now();
      text.insert(text.length, 'abcdefghij'[i % 10]!);
      const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length));
      writer.awareness.setLocalStateField('cursor', { anchor: at, head: at });
      await seen;
      if (i >= warmup) latencies.push(performance.now() - start);
      // A typist's pause, 20–60 ms, so keystrokes do not queue behind each other.
      await new Promise((resolve) => setTimeout(resolve, 20 + random() * 40));
    }
    observer.doc.off('update', onUpdate);
    return { latencies, serverMiB: readMemoryMiB(server.process.child.pid!).rss };
  } finally {
    await crowd.stop();
    writer.close();
    observer.close();
  }
}

/** A data folder for the app's server with the 300-item document in it. */
export function prepareDataDir(context: BenchContext): string {
  const dataDir = path.join(context.tempDir, 'remote-edit');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(
    path.join(dataDir, `${DOCUMENT}.resolutie`),
    writeDocumentFile(context.documents.ydoc(300), { app: 'Resolutie-editor bench', version: '0' }),
  );
  return dataDir;
}

/** The remote-edit benchmark against both servers. */
export async function runRemoteEditBenchmark(context: BenchContext): Promise<BenchmarkSection> {
  const clients = 20;
  const keystrokes = context.quick ? 30 : 200;
  const state = context.documents.state(300);
  const dataDir = prepareDataDir(context);

  const results: { server: SyncServer; latencies: number[]; serverMiB: number }[] = [];
  for (const start of [
    () => startAppSyncServer(dataDir, context.ports.collabServer),
    () => startReferenceSyncServer(context.ports.referenceServer),
  ]) {
    const server = await start();
    try {
      results.push({ server, ...(await measureRemoteEdit(server, state, clients, keystrokes)) });
    } finally {
      await server.process.stop();
    }
  }
  const [app, reference] = results as [(typeof results)[0], (typeof results)[0]];
  const appSummary = summarize(app.latencies);
  const referenceSummary = summarize(reference.latencies);
  const medianRatio = appSummary.median / referenceSummary.median;
  const benchmark = `Bewerking bij een ander, ${clients} clients, 300 punten`;
  const rows: ResultRow[] = [
    {
      benchmark,
      variant: app.server.label,
      baseline: false,
      unit: 'ms',
      summary: appSummary,
      memory: `${app.serverMiB.toFixed(0)} MiB server (RSS)`,
      ratio: ratio(appSummary.median, referenceSummary.median),
      targets: [
        { text: 'p95 < 50 ms', met: appSummary.p95 < 50 },
        // Issue 20: the server's checks may cost at most half again the reference's relay.
        { text: 'mediaan ≤ 1,5× y-websocket', met: medianRatio <= MAX_MEDIAN_RATIO },
      ],
    },
    {
      benchmark,
      variant: reference.server.label,
      baseline: true,
      unit: 'ms',
      summary: referenceSummary,
      memory: `${reference.serverMiB.toFixed(0)} MiB server (RSS)`,
    },
  ];
  return {
    id: 'remote-edit',
    title: 'Bewerking bij een collega (sync-server)',
    rows,
    notes: [
      `Een toetsaanslag (Yjs-wijziging plus cursor in de awareness, zoals de app die stuurt) bij de schrijver, tot het document van een andere client hem heeft; ${clients} clients in één document van 300 punten (18 in een eigen proces), pauzes van 20–60 ms, ${keystrokes} aanslagen na ${Math.min(10, Math.ceil(keystrokes / 5))} om op te warmen. Beide servers in een eigen proces op 127.0.0.1, met dezelfde client (y-protocols); alleen de framing verschilt.`,
    ],
  };
}
