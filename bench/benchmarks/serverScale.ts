/**
 * The sync server under a crowd: its memory (RSS) and CPU with 10 to 200 clients, (a) all in
 * one document of 100 items while one of them types ten characters a second (every keystroke
 * goes to all the others), and (b) each in a document of its own, each typing one character
 * a second. A fresh server process per point, read from /proc; the clients in a process of
 * their own. The same for the app's server and y-websocket's reference server.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import * as Y from 'yjs';
import { Document } from '@hocuspocus/server';
import { checkDocumentUpdate } from '../../shared/session/updateValidation.ts';
import { readYDoc } from '../../shared/ydoc/yDocument.ts';
import { writeDocumentFile } from '../../shared/ydoc/documentFile.ts';
import { startNodeScript } from '../support/childProcess.ts';
import type { CrowdConfig } from '../support/crowdProcess.ts';
import { readCpuMs, readMemoryMiB } from '../support/processStats.ts';
import {
  startAppSyncServer,
  startReferenceSyncServer,
  BENCH_TOKEN,
} from '../support/syncServers.ts';
import type { SyncServer } from '../support/syncServers.ts';
import { findItemText } from '../support/yItems.ts';
import { linearFit, ratio } from '../stats.ts';
import { formatNumber } from '../table.ts';
import type { BenchmarkSection, ResultRow } from '../report.ts';
import type { BenchContext } from '../context.ts';

const CROWD_SCRIPT = new URL('../support/crowdProcess.ts', import.meta.url).pathname;
const ITEMS = 100;
/** Memory per document may be at most this many times the reference server's. */
export const MAX_MEMORY_PER_DOCUMENT_RATIO = 1.3;

/** One measured point. */
export interface ScalePoint {
  clients: number;
  /** Server RSS before any client, and with the crowd connected after the typing window. */
  idleMiB: number;
  loadedMiB: number;
  /** Server CPU during the typing window, in milliseconds per second (1000 = one core). */
  cpuMsPerSecond: number;
}

/** The points of one server in one mode. */
export interface ScaleSeries {
  server: string;
  mode: 'one-document' | 'per-document';
  points: ScalePoint[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function measurePoint(
  startServer: (dataDir: string) => Promise<SyncServer>,
  mode: ScaleSeries['mode'],
  clients: number,
  context: BenchContext,
  windowMs: number,
): Promise<ScalePoint> {
  const dataDir = path.join(context.tempDir, 'scale', `${mode}-${clients}`);
  mkdirSync(dataDir, { recursive: true });
  const names = Array.from({ length: clients }, (_, i) =>
    mode === 'one-document' ? 'gedeeld' : `stuk-${i + 1}`,
  );
  const stateFile = path.join(dataDir, 'state.bin');
  writeFileSync(stateFile, context.documents.state(ITEMS));
  for (const name of new Set(names)) {
    writeFileSync(
      path.join(dataDir, `${name}.resolutie`),
      writeDocumentFile(context.documents.ydoc(ITEMS), { app: 'bench', version: '0' }),
    );
  }
  const server = await startServer(dataDir);
  const pid = server.process.child.pid!;
  try {
    await sleep(500);
    const idleMiB = readMemoryMiB(pid).rss;
    // One document: the writer here, the rest in the crowd; its own: the crowd types.
    const writer =
      mode === 'one-document' ? server.connect(names[0]!, context.documents.ydoc(ITEMS)) : null;
    await writer?.whenSynced();
    const config: CrowdConfig = {
      protocol: server.protocol,
      serverUrl: server.url,
      token: BENCH_TOKEN,
      documents: mode === 'one-document' ? names.slice(1) : names,
      // The reference server keeps no files: each document's first client brings its content.
      ...(server.protocol === 'y-websocket' && mode === 'per-document' ? { stateFile } : {}),
      typePerSecond: mode === 'per-document',
    };
    const crowd = await startNodeScript(CROWD_SCRIPT, [JSON.stringify(config)], /^crowd ready/);
    try {
      await sleep(1000);
      const cpuBefore = readCpuMs(pid);
      const started = performance.now();
      if (writer) {
        const text = findItemText(writer.doc, 50)!;
        while (performance.now() - started < windowMs) {
          text.insert(text.length, 'x');
          const at = Y.relativePositionToJSON(
            Y.createRelativePositionFromTypeIndex(text, text.length),
          );
          writer.awareness.setLocalStateField('cursor', { anchor: at, head: at });
          await sleep(100);
        }
      } else {
        await sleep(windowMs);
      }
      const cpuMsPerSecond = ((readCpuMs(pid) - cpuBefore) * 1000) / (performance.now() - started);
      return { clients, idleMiB, loadedMiB: readMemoryMiB(pid).rss, cpuMsPerSecond };
    } finally {
      await crowd.stop();
      writer?.close();
    }
  } finally {
    await server.process.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Memory per client: the slope of the loaded RSS over the client count. */
export function perClientMiB(series: ScaleSeries): number {
  return linearFit(series.points.map((p) => ({ x: p.clients, y: p.loadedMiB }))).slope;
}

/** CPU per client: the slope of the CPU over the client count, in ms per second. */
export function perClientCpu(series: ScaleSeries): number {
  return linearFit(series.points.map((p) => ({ x: p.clients, y: p.cpuMsPerSecond }))).slope;
}

/** Heap in use after a full garbage collection, in bytes. */
function heapAfterGc(): number {
  // The benchmark process runs without --expose-gc; V8 lets a flag be set at run time.
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
  return v8.getHeapStatistics().used_heap_size;
}

/**
 * Where a document's memory goes on the app's server, measured in this process on the heap (the
 * server's RSS adds the allocator's slack): the Y.Doc both servers hold, what Hocuspocus's
 * document adds to it, and what the check keeps: its shadow copy, and the document read with
 * what the rules derive from it. One keystroke checked per document, as in the benchmark.
 */
export function measureDocumentMemory(context: BenchContext, count = 30): string {
  const state = context.documents.state(ITEMS);
  const perDocKiB = (bytes: number) => formatNumber(bytes / count / 1024, 0);
  const base = heapAfterGc();
  const plain = Array.from({ length: count }, () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    return doc;
  });
  const afterPlain = heapAfterGc();
  const documents = Array.from({ length: count }, (_, i) => {
    const doc = new Document(`geheugen-${i}`);
    Y.applyUpdate(doc, state);
    return doc;
  });
  const afterDocuments = heapAfterGc();
  for (const doc of documents) {
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(replica);
    findItemText(replica, 50)!.insert(0, 'x');
    const update = Y.encodeStateAsUpdate(replica, before);
    replica.destroy();
    checkDocumentUpdate(doc, update);
    Y.applyUpdate(doc, update);
  }
  const afterCheck = heapAfterGc();
  const copies = documents.map((doc) => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    return copy;
  });
  const afterCopies = heapAfterGc();
  const reads = documents.map((doc) => readYDoc(doc));
  const afterReads = heapAfterGc();
  const line =
    `**Geheugen per document, uitgesplitst** (heap na garbage collection, in dit proces, ${count} documenten van ${ITEMS} punten, Yjs-staat ${formatNumber(state.length / 1024, 0)} KiB; de RSS van de server komt daar met de slack van de allocator bovenop): ` +
    `het Y.Doc dat beide servers houden ${perDocKiB(afterPlain - base)} KiB; een Hocuspocus-document (Y.Doc met awareness) ${perDocKiB(afterDocuments - afterPlain)} KiB; ` +
    `wat de controle na een toetsaanslag vasthoudt ${perDocKiB(afterCheck - afterDocuments)} KiB, waarvan de schaduwkopie (een tweede Y.Doc) ongeveer ${perDocKiB(afterCopies - afterCheck)} KiB en het gelezen ProseMirror-document ${perDocKiB(afterReads - afterCopies)} KiB. ` +
    `De schaduwkopie is wat de controle op het geïntegreerde resultaat kost (Yjs kan een wijziging niet terugdraaien); ze valt weg na 15 s zonder wijziging, maar in deze meting typt elke client elke seconde.`;
  for (const doc of [...plain, ...documents, ...copies]) doc.destroy();
  // Held until here, so that the measurements above saw them alive.
  void reads;
  return line;
}

export async function runServerScaleBenchmark(
  context: BenchContext,
): Promise<{ section: BenchmarkSection; series: ScaleSeries[] }> {
  const counts = context.quick ? [10, 40] : [10, 50, 100, 200];
  const windowMs = context.quick ? 2000 : 4000;
  const servers = [
    {
      label: 'Resolutie-editor (Hocuspocus)',
      start: (dataDir: string) => startAppSyncServer(dataDir, context.ports.collabServer),
    },
    {
      label: 'y-websocket-server (referentie)',
      start: () => startReferenceSyncServer(context.ports.referenceServer),
    },
  ];
  const series: ScaleSeries[] = [];
  for (const mode of ['one-document', 'per-document'] as const) {
    for (const server of servers) {
      const points: ScalePoint[] = [];
      for (const clients of counts) {
        context.log(`  server: ${server.label}, ${mode}, ${clients} clients`);
        points.push(await measurePoint(server.start, mode, clients, context, windowMs));
      }
      series.push({ server: server.label, mode, points });
    }
  }

  const rows: ResultRow[] = [];
  for (const mode of ['one-document', 'per-document'] as const) {
    const [app, reference] = series.filter((s) => s.mode === mode) as [ScaleSeries, ScaleSeries];
    const benchmark =
      mode === 'one-document'
        ? `Server, 10–${counts.at(-1)} clients in één document (${ITEMS} punten)`
        : `Server, 10–${counts.at(-1)} documenten met elk een client`;
    const per = mode === 'one-document' ? 'client' : 'document';
    for (const [s, isBaseline] of [
      [app, false],
      [reference, true],
    ] as const) {
      const last = s.points.at(-1)!;
      rows.push({
        benchmark,
        variant: s.server,
        baseline: isBaseline,
        unit: 'MiB',
        summary: null,
        memory: `${formatNumber(perClientMiB(s), 2)} MiB per ${per}; ${formatNumber(last.loadedMiB, 0)} MiB bij ${last.clients}`,
        figure: `CPU ${formatNumber(perClientCpu(s) / 10, 2)} % per ${per}; ${formatNumber(last.cpuMsPerSecond / 10, 0)} % bij ${last.clients}`,
        ...(isBaseline ? {} : { ratio: ratio(perClientMiB(app), perClientMiB(reference)) }),
        ...(!isBaseline && mode === 'per-document'
          ? {
              targets: [
                {
                  text: 'geheugen per document ≤ 1,3× y-websocket',
                  met: perClientMiB(app) / perClientMiB(reference) <= MAX_MEMORY_PER_DOCUMENT_RATIO,
                },
              ],
            }
          : {}),
      });
    }
  }
  const perDocument = series.filter((s) => s.mode === 'per-document') as [ScaleSeries, ScaleSeries];
  const memoryMissed =
    perClientMiB(perDocument[0]) / perClientMiB(perDocument[1]) > MAX_MEMORY_PER_DOCUMENT_RATIO;
  return {
    series,
    section: {
      id: 'server',
      title: 'Sync-server: geheugen en CPU per client en per document',
      rows,
      notes: [
        `Per punt een nieuw serverproces; geheugen is de RSS (uit /proc) na het verbinden en ${windowMs / 1000} s typen, CPU het gebruik in die ${windowMs / 1000} s (100 % is één core). Eén document: ${ITEMS} punten, één client typt 10 tekens per seconde (met zijn cursor), de anderen ontvangen alles. Eigen documenten: elke client typt 1 teken per seconde in zijn eigen document. Per client/document is de helling van een rechte lijn door de punten. De clients draaien in een eigen proces (dezelfde client voor beide servers). De referentieserver houdt documenten alleen in het geheugen; die van de app leest ze uit .resolutie-bestanden, controleert elke wijziging en schrijft ze terug.`,
        ...(memoryMissed ? [measureDocumentMemory(context)] : []),
      ],
    },
  };
}
