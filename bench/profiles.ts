/**
 * Where the time goes when a target is missed: measured profiles, summarised for the results.
 * - Typing: Chromium's CPU profile of the app while typing (an unminified build of the same
 *   sources, so that functions keep their names and the source map names the files), per
 *   keystroke by area and by function, and a performance trace of the main thread by kind of
 *   work (script, style, layout, paint).
 * - Remote edit: V8's CPU profile of the app's sync server process while a client types.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { BenchContext } from './context.ts';
import { buildAppRenderer } from './support/builds.ts';
import { launchChromium, typeAndMeasure } from './support/browser.ts';
import {
  createSourceMapper,
  profilePage,
  shortenSource,
  summarizeProfile,
} from './support/cpuProfile.ts';
import type { CpuProfile, ProfileEntry } from './support/cpuProfile.ts';
import { traceMainThread } from './support/traceSummary.ts';
import { TYPING_ITEM, getReviewedState, setUpAppTyping } from './benchmarks/typing.ts';
import { loadBenchPage } from './support/benchPageServer.ts';
import type {} from './page/pageTypes.ts';
import { measureRemoteEdit, prepareDataDir } from './benchmarks/remoteEdit.ts';
import { startAppSyncServer } from './support/syncServers.ts';
import { formatNumber } from './table.ts';

const TEXT = 'en de gemeenten dragen bij aan de balans ';

/** Kinds of main-thread work, by the trace events that belong to them. */
const TRACE_GROUPS: { group: string; names: RegExp }[] = [
  {
    group: 'Script (JavaScript)',
    names:
      /^(Script|FunctionCall|EventDispatch|v8\.|V8\.Execute|RunMicrotasks|TimerFire|FireAnimationFrame|EvaluateScript|XHR)/,
  },
  {
    group: 'Stijl herberekenen',
    names: /^(Stijl|UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet)/,
  },
  { group: 'Layout', names: /^(Layout|HitTest|UpdateLayout)/ },
  {
    group: 'Paint en compositing',
    names: /^(Paint|PrePaint|Layerize|Commit|UpdateLayer|CompositeLayers|Raster|Decode)/,
  },
  { group: 'Garbage collection', names: /(GC|garbage|marking)/i },
];

/** Trace self times added up per kind of work. */
export function groupTrace(
  entries: readonly { name: string; selfMs: number }[],
): { group: string; ms: number }[] {
  const totals = new Map<string, number>();
  for (const entry of entries) {
    const group =
      TRACE_GROUPS.find((g) => g.names.test(entry.name))?.group ?? 'Overig (taken, browser)';
    totals.set(group, (totals.get(group) ?? 0) + entry.selfMs);
  }
  return [...totals.entries()].map(([group, ms]) => ({ group, ms })).sort((a, b) => b.ms - a.ms);
}

const perKey = (ms: number, keys: number) => formatNumber(ms / keys, 2);

/** The main thread's work per kind, the app beside the bare editor, per keystroke. */
function traceTable(
  app: readonly { group: string; ms: number }[],
  bare: readonly { group: string; ms: number }[],
  keys: number,
): string {
  const sum = (list: readonly { ms: number }[]) => list.reduce((s, g) => s + g.ms, 0);
  return [
    `**Trace van de main thread** (de gebeurtenissen van DevTools' Performance-paneel, eigen tijd per soort werk, ${keys} toetsen, ms per toets; de frames na de toets, met paint, tellen hier mee):`,
    '',
    '| Soort werk | Resolutie-editor | Kaal ProseMirror + y-prosemirror |',
    '| --- | --- | --- |',
    ...app.map(
      (g) =>
        `| ${g.group} | ${perKey(g.ms, keys)} | ${perKey(bare.find((b) => b.group === g.group)?.ms ?? 0, keys)} |`,
    ),
    `| **Totaal** | ${perKey(sum(app), keys)} | ${perKey(sum(bare), keys)} |`,
  ].join('\n');
}

function functionTable(functions: readonly ProfileEntry[], keys: number, count: number): string[] {
  return [
    '| Functie | Plaats | Eigen tijd (ms/toets) | Totaal incl. aanroepen (ms/toets) |',
    '| --- | --- | --- | --- |',
    ...functions
      .slice(0, count)
      .map(
        (f) =>
          `| \`${f.name}\` | ${f.where} | ${perKey(f.selfMs, keys)} | ${perKey(f.totalMs, keys)} |`,
      ),
  ];
}

/**
 * Profiles typing in the app and returns the notes: by area, by function, and by kind of work
 * beside the same trace of the bare editor (the benchmark page at `pageUrl`).
 */
export async function profileTyping(context: BenchContext, pageUrl: string): Promise<string[]> {
  const keys = context.quick ? 30 : 80;
  const rendererDir = path.join(context.tempDir, 'renderer-profiel');
  context.log('  profiel: ongeminificeerde build');
  await buildAppRenderer(rendererDir, false);
  // Every script of the build with its source map: the start script and the parts loaded later.
  const assets = path.join(rendererDir, 'assets');
  const mappers = readdirSync(assets)
    .filter((f) => f.endsWith('.js') && existsSync(path.join(assets, `${f}.map`)))
    .map((f) => createSourceMapper(`/${f}`, path.join(assets, `${f}.map`)));
  const map = (url: string, line: number, column: number) => {
    for (const mapper of mappers) {
      const place = mapper(url, line, column);
      if (place !== null) return place;
    }
    return null;
  };

  const browser = await launchChromium();
  const scene = await setUpAppTyping(
    context,
    browser,
    rendererDir,
    path.join(context.tempDir, 'profiel'),
  );
  let cpu: CpuProfile;
  let trace: { name: string; selfMs: number }[];
  let bareTrace: { name: string; selfMs: number }[];
  try {
    await typeAndMeasure(scene.page, TEXT, 15, 30);
    context.log('  profiel: CPU-profiel van het typen');
    cpu = await profilePage(scene.page, async () => {
      await typeAndMeasure(scene.page, TEXT, keys, 30);
    });
    context.log('  profiel: trace van de main thread');
    trace = await traceMainThread(browser, scene.page, async () => {
      await typeAndMeasure(scene.page, TEXT, keys, 30);
    });
    const bare = await loadBenchPage(browser, pageUrl, getReviewedState(context, 300));
    await bare.evaluate(() => window.benchPage.mountBare());
    await bare.evaluate((n) => window.benchPage.placeCursorInItem(n), TYPING_ITEM);
    await typeAndMeasure(bare, TEXT, 15, 30);
    bareTrace = await traceMainThread(browser, bare, async () => {
      await typeAndMeasure(bare, TEXT, keys, 30);
    });
  } finally {
    await scene.close();
    await browser.close();
  }
  const summary = summarizeProfile(cpu, map);
  // The root and V8's own entries are in the sentence above the table, not in it.
  const areas = [...summary.areas]
    .filter((a) => !a.name.startsWith('('))
    .sort((a, b) => b.totalMs - a.totalMs)
    .slice(0, 14);
  const busy = summary.totalMs - summary.idleMs;
  return [
    `**Profiel van het typen** (Chromium CPU-profiel via het DevTools-protocol, \`Profiler\`, bemonsterd elke 0,1 ms, tijdens ${keys} toetsaanslagen in dezelfde opstelling, met wat de drie meetypende collega’s intussen sturen (hun wijzigingen en cursors; die verwerking begint bij \`onMessageHandler\` van \`@hocuspocus/provider\`), op een ongeminificeerde build van dezelfde bronnen; per toetsaanslag, inclusief de pauzes ertussen niet). Bezig: ${perKey(busy, keys)} ms per toets, waarvan “(program)” ${perKey(summary.functions.find((f) => f.name === '(program)')?.selfMs ?? 0, keys)} ms: het werk van de browser zelf buiten JavaScript (tekst invoegen, selectie, stijl, layout, paint).`,
    [
      '| Gebied (bronbestand of pakket) | Eigen tijd (ms/toets) | Totaal incl. aanroepen (ms/toets) |',
      '| --- | --- | --- |',
      ...areas.map((a) => `| ${a.name} | ${perKey(a.selfMs, keys)} | ${perKey(a.totalMs, keys)} |`),
    ].join('\n'),
    [
      'Functies met de meeste tijd (totaal, incl. wat ze aanroepen):',
      '',
      ...functionTable(
        [...summary.functions]
          .filter((f) => !f.name.startsWith('('))
          .sort((a, b) => b.totalMs - a.totalMs),
        keys,
        16,
      ),
    ].join('\n'),
    traceTable(groupTrace(trace), groupTrace(bareTrace), keys),
  ];
}

/** Profiles the app's sync server during the remote-edit workload; returns the notes. */
export async function profileRemoteEdit(context: BenchContext): Promise<string[]> {
  const keys = context.quick ? 30 : 100;
  const profileFile = path.join(context.tempDir, 'server.cpuprofile');
  const server = await startAppSyncServer(
    prepareDataDir(context),
    context.ports.collabServer,
    profileFile,
  );
  try {
    await measureRemoteEdit(server, context.documents.state(300), 20, keys, async () => {
      process.kill(server.process.child.pid!, 'SIGUSR2');
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
  } finally {
    await server.process.stop();
  }
  if (!existsSync(profileFile)) return ['(Het CPU-profiel van de server is niet geschreven.)'];
  const profile = JSON.parse(readFileSync(profileFile, 'utf8')) as CpuProfile;
  const summary = summarizeProfile(profile, (url, line) =>
    url.startsWith('file://') ? `${shortenSource(url)}:${line + 1}` : null,
  );
  const functions = [...summary.functions]
    .filter((f) => !f.name.startsWith('('))
    .sort((a, b) => b.totalMs - a.totalMs);
  const busy = summary.totalMs - summary.idleMs;
  // By area: the project's files (the gate, the check) beside the packages (Hocuspocus, ws, Yjs).
  const areas = [...summary.areas]
    .filter((a) => !a.name.startsWith('('))
    .sort((a, b) => b.totalMs - a.totalMs)
    .slice(0, 24);
  return [
    `**Profiel van de server** (V8 CPU-profiel van het serverproces via de inspector, alleen tijdens ${keys} toetsaanslagen met 20 clients; per toetsaanslag). Bezig: ${perKey(busy, keys)} ms per toets, garbage collection ${perKey(summary.functions.find((f) => f.name === '(garbage collector)')?.selfMs ?? 0, keys)} ms.`,
    [
      '| Gebied (bronbestand of pakket) | Eigen tijd (ms/toets) | Totaal incl. aanroepen (ms/toets) |',
      '| --- | --- | --- |',
      ...areas.map((a) => `| ${a.name} | ${perKey(a.selfMs, keys)} | ${perKey(a.totalMs, keys)} |`),
    ].join('\n'),
    functionTable(functions, keys, 18).join('\n'),
  ];
}
