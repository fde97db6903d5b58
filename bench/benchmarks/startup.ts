/**
 * Bundle and start-up. The renderer as `npm run build` makes it (with the project's Vite
 * config), measured file by file: what a window loads at start, what it loads later (the
 * PDF preview's pdf.js), the fonts; against a page with nothing but a bare ProseMirror +
 * y-prosemirror editor, built the same way. Start-up: the browser-mode host's process to
 * ready, and a new window (fresh browser context, empty cache) to an editable document, a new
 * one and the 300-item one, against the bare page fetching and mounting the same state.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { listFileSizes } from '../support/builds.ts';
import { launchChromium, newPage } from '../support/browser.ts';
import { startAppHost } from '../support/appHost.ts';
import { openAppDocument } from '../support/appPage.ts';
import type { ServedBenchPage } from '../support/benchPageServer.ts';
import type {} from '../page/pageTypes.ts';
import { ratio, summarize } from '../stats.ts';
import type { BenchmarkSection, ResultRow } from '../report.ts';
import type { BenchContext } from '../context.ts';

interface BundleParts {
  /** Scripts and style sheets the page's HTML loads. */
  startBytes: number;
  startGzipBytes: number;
  /** Scripts loaded later (dynamic imports, workers). */
  laterBytes: number;
  fontBytes: number;
  totalBytes: number;
}

/** The files of a build, split by when a window loads them. */
export function measureBundle(dir: string, html: string): BundleParts {
  const page = readFileSync(path.join(dir, html), 'utf8');
  const referenced = new Set(
    [...page.matchAll(/(?:src|href)="\.?\/?([^"]+)"/g)].map((m) => path.normalize(m[1]!)),
  );
  const parts: BundleParts = {
    startBytes: 0,
    startGzipBytes: 0,
    laterBytes: 0,
    fontBytes: 0,
    totalBytes: 0,
  };
  for (const { file, bytes } of listFileSizes(dir)) {
    if (file.endsWith('.map')) continue;
    parts.totalBytes += bytes;
    if (referenced.has(path.normalize(file)) && /\.(js|mjs|css)$/.test(file)) {
      parts.startBytes += bytes;
      parts.startGzipBytes += gzipSync(readFileSync(path.join(dir, file))).length;
    } else if (/\.(js|mjs)$/.test(file)) parts.laterBytes += bytes;
    else if (/\.(woff2?|ttf)$/.test(file)) parts.fontBytes += bytes;
  }
  return parts;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

async function timeNewWindows(
  browser: Browser,
  samples: number,
  open: (browser: Browser) => Promise<number>,
): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < samples; i++) out.push(await open(browser));
  return out;
}

export async function runStartupBenchmark(
  context: BenchContext,
  rendererDir: string,
  served: ServedBenchPage,
): Promise<BenchmarkSection> {
  const samples = context.quick ? 2 : 8;
  const app = measureBundle(rendererDir, 'index.html');
  const bare = measureBundle(served.bareDir, 'bare.html');

  // The host process: start to ready, a few times (each a fresh Node).
  const hostMs: number[] = [];
  for (let i = 0; i < Math.max(2, Math.ceil(samples / 2)); i++) {
    const start = performance.now();
    const host = await startAppHost(
      rendererDir,
      path.join(context.tempDir, `start-${i}`),
      context.ports.startupHost,
      context.ports.session,
    );
    hostMs.push(performance.now() - start);
    await host.process.stop();
  }

  const host = await startAppHost(
    rendererDir,
    path.join(context.tempDir, 'startup'),
    context.ports.startupHost,
    context.ports.session,
  );
  const file = host.addDocument('punten-300', context.documents.ydoc(300));
  const stateUrl = served.addFile('state-300.bin', context.documents.state(300));
  const browser = await launchChromium();
  const blank: number[] = [];
  const full: number[] = [];
  const bareFull: number[] = [];
  try {
    const appWindow = (documentPath: string | null, items: number) => async (b: Browser) => {
      const page = await newPage(b);
      try {
        return await openAppDocument(page, host.url, documentPath, items);
      } finally {
        await page.context().close();
      }
    };
    const bareWindow = async (b: Browser) => {
      const page = await newPage(b);
      try {
        await page.goto(`${served.bareUrl}?state=${encodeURIComponent(stateUrl)}`);
        const ready = await page.waitForFunction(() => window.bareReady, undefined, {
          timeout: 60_000,
        });
        return (await ready.jsonValue()) as number;
      } finally {
        await page.context().close();
      }
    };
    // Round robin, one window of each at a time.
    for (let i = 0; i < samples; i++) {
      full.push(...(await timeNewWindows(browser, 1, appWindow(file, 300))));
      bareFull.push(...(await timeNewWindows(browser, 1, bareWindow)));
      blank.push(...(await timeNewWindows(browser, 1, appWindow(null, 1))));
    }
  } finally {
    await browser.close();
    await host.process.stop();
  }

  const fullSummary = summarize(full);
  const bareSummary = summarize(bareFull);
  const rows: ResultRow[] = [
    {
      benchmark: 'Bundel: wat een venster bij de start laadt (JS + CSS)',
      variant: 'Resolutie-editor (dist/renderer)',
      baseline: false,
      unit: 'KiB',
      summary: null,
      figure: `${kib(app.startBytes)} (gzip ${kib(app.startGzipBytes)})`,
      memory: `later ${kib(app.laterBytes)}, lettertypen ${kib(app.fontBytes)}, totaal ${kib(app.totalBytes)}`,
      ratio: ratio(app.startBytes, bare.startBytes),
    },
    {
      benchmark: 'Bundel: wat een venster bij de start laadt (JS + CSS)',
      variant: 'Kaal ProseMirror + y-prosemirror',
      baseline: true,
      unit: 'KiB',
      summary: null,
      figure: `${kib(bare.startBytes)} (gzip ${kib(bare.startGzipBytes)})`,
      memory: `totaal ${kib(bare.totalBytes)}`,
    },
    {
      benchmark: 'Start: nieuw venster → bewerkbaar document van 300 punten',
      variant: 'Resolutie-editor (browsermodus)',
      baseline: false,
      unit: 'ms',
      summary: fullSummary,
      ratio: ratio(fullSummary.median, bareSummary.median),
    },
    {
      benchmark: 'Start: nieuw venster → bewerkbaar document van 300 punten',
      variant: 'Kaal ProseMirror + y-prosemirror',
      baseline: true,
      unit: 'ms',
      summary: bareSummary,
    },
    {
      benchmark: 'Start: nieuw venster → nieuw, leeg document',
      variant: 'Resolutie-editor (browsermodus)',
      baseline: false,
      unit: 'ms',
      summary: summarize(blank),
    },
    {
      benchmark: 'Start: hostproces → klaar (browsermodus)',
      variant: 'Resolutie-editor (node main/host)',
      baseline: false,
      unit: 'ms',
      summary: summarize(hostMs),
    },
  ];
  return {
    id: 'startup',
    title: 'Bundel en start',
    rows,
    notes: [
      `De bundel is de build van \`npm run build\` (de Vite-config van het project), per bestand: wat de HTML bij de start laadt, wat later komt (pdf.js voor het afdrukvoorbeeld en zijn worker) en de lettertypen. De baseline is een pagina met alleen een kale ProseMirror + y-prosemirror-editor, op dezelfde manier gebouwd.`,
      `Start: elk venster is een nieuwe browsercontext (lege cache) die de app in browsermodus opent, tot de editor bewerkbaar is en de punten toont, gemeten in de pagina vanaf het begin van de navigatie (een MutationObserver die vóór de scripts van de app wordt geïnstalleerd). Het document van 300 punten opent via het startadres (\`?document=\`), zoals een venster van de bureaubladapp; de kale pagina haalt dezelfde Yjs-staat op en zet de editor erop. Het hostproces: van het starten van Node tot de regel “klaar”, ${hostMs.length}×.`,
    ],
  };
}
