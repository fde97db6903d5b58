/**
 * Bundle and start-up. The renderer as `npm run build` makes it (with the project's Vite
 * config), measured file by file: what a window loads at start, what it loads later (the
 * PDF preview's pdf.js), the fonts; against a page with nothing but a bare ProseMirror +
 * y-prosemirror editor, built the same way. Start-up: the browser-mode host's process to
 * ready, and a new window (fresh browser context, empty cache) to an editable document, a new
 * one and the 300-item one, against the bare page fetching and mounting the same state.
 * The start's code is what the HTML loads (scripts, style sheets, modulepreloads) together
 * with every script and style sheet the window fetched before its document was editable, so
 * a chunk the app imports straight away at start counts as start too. Where the bytes and
 * the milliseconds go (modules by source map, a CPU profile and a trace of one new window)
 * goes into the notes.
 */
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { listFileSizes } from '../support/builds.ts';
import { launchChromium, newPage } from '../support/browser.ts';
import { startAppHost } from '../support/appHost.ts';
import { openAppDocument, readStartTimeline } from '../support/appPage.ts';
import type { StartTimeline } from '../support/appPage.ts';
import { bundleAreas } from '../support/bundleComposition.ts';
import { profilePage, summarizeProfile } from '../support/cpuProfile.ts';
import type { CpuProfile } from '../support/cpuProfile.ts';
import { traceMainThread } from '../support/traceSummary.ts';
import type { ServedBenchPage } from '../support/benchPageServer.ts';
import type {} from '../page/pageTypes.ts';
import { median, ratio, summarize } from '../stats.ts';
import type { BenchmarkSection, ResultRow, Target } from '../report.ts';
import type { BenchContext } from '../context.ts';

interface BundleParts {
  /** Scripts and style sheets loaded at start: named by the HTML, or fetched before editable. */
  startFiles: string[];
  startBytes: number;
  startGzipBytes: number;
  /** Scripts loaded later (dynamic imports when asked, workers). */
  laterBytes: number;
  fontBytes: number;
  totalBytes: number;
}

/**
 * The files of a build, split by when a window loads them: the scripts and style sheets
 * `html` names (modulepreloads included), and those in `fetched` (paths relative to `dir`,
 * what a window fetched before its document was editable), are the start.
 */
export function measureBundle(
  dir: string,
  html: string,
  fetched: Iterable<string> = [],
): BundleParts {
  const page = readFileSync(path.join(dir, html), 'utf8');
  const start = new Set(
    [...page.matchAll(/(?:src|href)="\.?\/?([^"]+)"/g)].map((m) => path.normalize(m[1]!)),
  );
  for (const file of fetched) start.add(path.normalize(file));
  const parts: BundleParts = {
    startFiles: [],
    startBytes: 0,
    startGzipBytes: 0,
    laterBytes: 0,
    fontBytes: 0,
    totalBytes: 0,
  };
  for (const { file, bytes } of listFileSizes(dir)) {
    if (file.endsWith('.map')) continue;
    parts.totalBytes += bytes;
    if (start.has(path.normalize(file)) && /\.(js|mjs|css)$/.test(file)) {
      parts.startFiles.push(file);
      parts.startBytes += bytes;
      parts.startGzipBytes += gzipSync(readFileSync(path.join(dir, file))).length;
    } else if (/\.(js|mjs)$/.test(file)) parts.laterBytes += bytes;
    else if (/\.(woff2?|ttf)$/.test(file)) parts.fontBytes += bytes;
  }
  return parts;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

/** A server path of the page (`/bare/assets/x.js`) as a path in its build folder. */
function inBuild(urlPath: string, servedUnder: string): string | null {
  return urlPath.startsWith(servedUnder)
    ? decodeURIComponent(urlPath.slice(servedUnder.length))
    : null;
}

/** Maps positions in the build's scripts back to sources, through the `.map` beside each. */
function buildSourceMapper(
  dir: string,
): (url: string, line: number, column: number) => string | null {
  const maps = new Map<string, SourceMap | null>();
  return (url, line, column) => {
    const file = url.startsWith('http') ? new URL(url).pathname.replace(/^\//, '') : null;
    if (!file) return null;
    if (!maps.has(file)) {
      try {
        maps.set(
          file,
          new SourceMap(JSON.parse(readFileSync(path.join(dir, `${file}.map`), 'utf8')) as never),
        );
      } catch {
        maps.set(file, null);
      }
    }
    const entry = maps.get(file)?.findEntry(line, column) as
      { originalSource?: string; originalLine?: number } | undefined;
    if (!entry?.originalSource) return null;
    return `${entry.originalSource.replace(/^.*?node_modules\//, '').replace(/^.*?\/(renderer|shared)\//, '$1/')}:${(entry.originalLine ?? 0) + 1}`;
  };
}

interface WindowSample {
  ms: number;
  timeline: StartTimeline;
}

export async function runStartupBenchmark(
  context: BenchContext,
  rendererDir: string,
  served: ServedBenchPage,
): Promise<BenchmarkSection> {
  const samples = context.quick ? 2 : 8;

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
  const blank: WindowSample[] = [];
  const full: WindowSample[] = [];
  const bareFull: WindowSample[] = [];
  let cpu: CpuProfile;
  let trace: { name: string; selfMs: number }[];
  try {
    const appWindow = async (documentPath: string | null, items: number): Promise<WindowSample> => {
      const page = await newPage(browser);
      try {
        const at = await openAppDocument(page, host.url, documentPath, items);
        return { ms: at, timeline: await readStartTimeline(page, at) };
      } finally {
        await page.context().close();
      }
    };
    const bareWindow = async (): Promise<WindowSample> => {
      const page = await newPage(browser);
      try {
        await page.goto(`${served.bareUrl}?state=${encodeURIComponent(stateUrl)}`);
        const ready = await page.waitForFunction(() => window.bareReady, undefined, {
          timeout: 60_000,
        });
        const at = (await ready.jsonValue()) as number;
        return { ms: at, timeline: await readStartTimeline(page, at) };
      } finally {
        await page.context().close();
      }
    };
    // Round robin, one window of each at a time.
    for (let i = 0; i < samples; i++) {
      full.push(await appWindow(file, 300));
      bareFull.push(await bareWindow());
      blank.push(await appWindow(null, 1));
    }
    // Where the time goes: one more new window with the 300 items, under the CPU profiler
    // (the page's own JavaScript, mapped to sources), and one under a trace (all the main
    // thread's work by kind: parsing, script, style, layout).
    const profiled = await newPage(browser);
    try {
      cpu = await profilePage(profiled, async () => {
        await openAppDocument(profiled, host.url, file, 300);
      });
    } finally {
      await profiled.context().close();
    }
    const traced = await newPage(browser);
    try {
      trace = await traceMainThread(browser, traced, async () => {
        await openAppDocument(traced, host.url, file, 300);
      });
    } finally {
      await traced.context().close();
    }
  } finally {
    await browser.close();
    await host.process.stop();
  }

  // The start's code: what the HTML names and what any window fetched before it was editable.
  const appFetched = [...full, ...blank].flatMap((w) =>
    w.timeline.code.map((p) => inBuild(p, '/')).filter((p): p is string => p !== null),
  );
  const bareUnder = new URL(served.bareUrl).pathname.replace(/[^/]*$/, '');
  const bareFetched = bareFull.flatMap((w) =>
    w.timeline.code.map((p) => inBuild(p, bareUnder)).filter((p): p is string => p !== null),
  );
  const app = measureBundle(rendererDir, 'index.html', appFetched);
  const bare = measureBundle(served.bareDir, 'bare.html', bareFetched);
  const startRatio = ratio(app.startGzipBytes, bare.startGzipBytes);
  const areas = bundleAreas(
    app.startFiles.filter((f) => /\.m?js$/.test(f)).map((f) => path.join(rendererDir, f)),
  );

  const fullSummary = summarize(full.map((w) => w.ms));
  const bareSummary = summarize(bareFull.map((w) => w.ms));
  const fullRatio = ratio(fullSummary.median, bareSummary.median);
  const bundleTargets: Target[] = [{ text: '≤ 1,5× kaal', met: startRatio <= 1.5 }];
  const startTargets: Target[] = [{ text: '≤ 1,5× kaal', met: fullRatio <= 1.5 }];
  const rows: ResultRow[] = [
    {
      benchmark: 'Bundel: wat een venster bij de start laadt (JS + CSS, gzip)',
      variant: 'Resolutie-editor (dist/renderer)',
      baseline: false,
      unit: 'KiB',
      summary: null,
      figure: `gzip ${kib(app.startGzipBytes)} (${kib(app.startBytes)}, ${app.startFiles.length} bestanden)`,
      memory: `later ${kib(app.laterBytes)}, lettertypen ${kib(app.fontBytes)}, totaal ${kib(app.totalBytes)}`,
      ratio: startRatio,
      targets: bundleTargets,
    },
    {
      benchmark: 'Bundel: wat een venster bij de start laadt (JS + CSS, gzip)',
      variant: 'Kaal ProseMirror + y-prosemirror',
      baseline: true,
      unit: 'KiB',
      summary: null,
      figure: `gzip ${kib(bare.startGzipBytes)} (${kib(bare.startBytes)}, ${bare.startFiles.length} bestanden)`,
      memory: `totaal ${kib(bare.totalBytes)}`,
    },
    {
      benchmark: 'Start: nieuw venster → bewerkbaar document van 300 punten',
      variant: 'Resolutie-editor (browsermodus)',
      baseline: false,
      unit: 'ms',
      summary: fullSummary,
      ratio: fullRatio,
      targets: startTargets,
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
      summary: summarize(blank.map((w) => w.ms)),
    },
    {
      benchmark: 'Start: hostproces → klaar (browsermodus)',
      variant: 'Resolutie-editor (node main/host)',
      baseline: false,
      unit: 'ms',
      summary: summarize(hostMs),
    },
  ];

  // The phases of a new window, medians: HTML in, start code in, document data in, editable.
  const phases = (list: WindowSample[]) =>
    [
      `HTML ${ms(median(list.map((w) => w.timeline.htmlMs)))}`,
      `laatste script/stijlblad binnen ${ms(median(list.map((w) => w.timeline.codeMs)))}`,
      `documentgegevens binnen ${ms(median(list.map((w) => w.timeline.dataMs)))}`,
      `bewerkbaar ${ms(median(list.map((w) => w.ms)))}`,
    ].join(', ');
  const areaTotal = areas.reduce((sum, a) => sum + a.bytes, 0);
  const composition = areas
    .slice(0, 14)
    .map((a) => `${a.area} ${kib(a.bytes)} (${((100 * a.bytes) / areaTotal).toFixed(0)} %)`)
    .join(', ');
  const cpuSummary = summarizeProfile(cpu, buildSourceMapper(rendererDir));
  const cpuAreas = cpuSummary.areas
    .filter((a) => a.name !== '(idle)')
    .slice(0, 10)
    .map((a) => `${a.name} ${ms(a.selfMs)}`)
    .join(', ');
  // The functions with the most self time; a function that reads the layout (focus, a
  // measurement) carries the layout it forces as self time.
  const cpuFunctions = cpuSummary.functions
    .filter((f) => !f.name.startsWith('('))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, 6)
    .map((f) => `${f.name} (${f.where}) ${ms(f.selfMs)}`)
    .join(', ');
  const traceKinds = trace
    .slice(0, 8)
    .map((t) => `${t.name} ${ms(t.selfMs)}`)
    .join(', ');

  return {
    id: 'startup',
    title: 'Bundel en start',
    rows,
    notes: [
      `De bundel is de build van \`npm run build\` (de Vite-config van het project), per bestand. Bij de start telt elk script en stijlblad dat de HTML laadt (ook de modulepreloads) én elk script en stijlblad dat een venster volgens zijn eigen resource timing ophaalde voordat het document bewerkbaar was; een stuk code dat de app direct bij het starten nog importeert telt dus mee. Later: wat pas geladen wordt als erom gevraagd wordt (de dialogen, de hulp, het afdrukvoorbeeld met pdf.js en zijn worker, de live sessie met de Hocuspocus-client, de Word-import). Lettertypen apart. De baseline is een pagina met alleen een kale ProseMirror + y-prosemirror-editor, op dezelfde manier gebouwd en op dezelfde manier gemeten. De verhouding is die van de gzip-groottes.`,
      `Start: elk venster is een nieuwe browsercontext (lege cache) die de app in browsermodus opent, tot de editor bewerkbaar is en de punten toont, gemeten in de pagina vanaf het begin van de navigatie (een MutationObserver die vóór de scripts van de app wordt geïnstalleerd). Het document van 300 punten opent via het startadres (\`?document=\`), zoals een venster van de bureaubladapp; de kale pagina haalt dezelfde Yjs-staat op en zet de editor erop. Het hostproces: van het starten van Node tot de regel “klaar”, ${hostMs.length}×.`,
      `**Profiel van de start.** Waar de bytes zitten (scripts bij de start, geminificeerd, per module via de source maps): ${composition}. Verloop van een nieuw venster met 300 punten (mediaan, ms vanaf de navigatie): Resolutie-editor ${phases(full)}; kaal ${phases(bareFull)}.`,
      `CPU-profiel van één nieuw venster met 300 punten (Chromium, \`Profiler\`, elke 0,1 ms, tot bewerkbaar; zelftijd per gebied via de source maps, ${ms(cpuSummary.totalMs - cpuSummary.idleMs)} bezig, ${ms(cpuSummary.idleMs)} wachten): ${cpuAreas}. “(program)” is het werk van de browser buiten JavaScript (scripts ontleden en compileren, stijl, layout); een functie die de layout leest (focus, een maat) draagt de layout die zij daarmee afdwingt als eigen tijd. Functies met de meeste eigen tijd: ${cpuFunctions}. Hoofdthread van een ander zulk venster naar soort werk (trace, zelftijd): ${traceKinds}.`,
    ],
  };
}
