/**
 * Opening: a 300-item document with 20,000 edits of history (three co-editors) to an
 * editable view, all in Chromium: the bytes to a checked Y.Doc (`openDocumentState`, as the
 * app opens a file), the app's editor on it (`createEditor`: plugins, node views, the first
 * decorations), and the style and layout of the page. Baselines: a bare ProseMirror +
 * y-prosemirror editor on the same state, and the app's editor on the same text without its
 * history. Each sample loads the page anew, as a window that opens a document does.
 *
 * How it grows: the app's editor and the bare one on the generated documents of 10 to 1,000
 * items without history, for the size chart, and the 1,000-item one (about 130 pages) in the
 * table.
 */
import type { MountTiming } from '../page/pageTypes.ts';
import { launchChromium, measureJsHeapMiB } from '../support/browser.ts';
import { loadBenchPage } from '../support/benchPageServer.ts';
import { addEditingHistory } from '../history.ts';
import { createYDoc, encodeYDoc, openDocumentState } from '../../shared/ydoc/yDocument.ts';
import { median, ratio, summarize } from '../stats.ts';
import type { Summary } from '../stats.ts';
import { DOCUMENT_SIZES } from '../documents.ts';
import { formatNumber } from '../table.ts';
import type { Browser } from 'playwright-core';
import type { BenchmarkSection, ResultRow, SizeSeries } from '../report.ts';
import type { BenchContext } from '../context.ts';

/** The 20,000-edit history state of the 300-item document, made once per run. */
let historyState: Uint8Array | null = null;
export function getHistoryState(context: BenchContext): Uint8Array {
  historyState ??= addEditingHistory(context.documents.state(300), 300, 20_000);
  return historyState;
}

export async function runOpeningBenchmark(
  context: BenchContext,
  pageUrl: string,
): Promise<BenchmarkSection> {
  const samples = context.quick ? 3 : 15;
  const history = getHistoryState(context);
  // The same text without history: what a document would be if it had been typed at once.
  const opened = openDocumentState(history);
  const withoutHistory = encodeYDoc(createYDoc(opened.doc));
  opened.ydoc.destroy();

  const variants = [
    { label: 'Resolutie-editor', state: history, mount: 'mountApp' as const },
    { label: 'Kaal ProseMirror + y-prosemirror', state: history, mount: 'mountBare' as const },
    {
      label: 'Resolutie-editor, zonder geschiedenis',
      state: withoutHistory,
      mount: 'mountApp' as const,
    },
  ];
  const timings = variants.map(() => [] as MountTiming[]);
  const heaps: number[] = [];
  const browser = await launchChromium();
  let growth: Growth;
  try {
    // Round robin, so that a busy moment of the machine hits every variant alike.
    for (let i = 0; i < samples; i++) {
      for (const [v, variant] of variants.entries()) {
        const page = await loadBenchPage(browser, pageUrl, variant.state);
        timings[v]!.push(await page.evaluate((mount) => window.benchPage[mount](), variant.mount));
        if (i === samples - 1) heaps[v] = await measureJsHeapMiB(page);
        await page.context().close();
      }
    }
    growth = await measureGrowth(context, browser, pageUrl);
  } finally {
    await browser.close();
  }
  const totals = timings.map((list) => summarize(list.map((t) => t.total)));
  const benchmark = `Openen, 300 punten, ${(20_000).toLocaleString('nl-NL')} bewerkingen geschiedenis`;
  const rows: ResultRow[] = variants.map((variant, v) => ({
    benchmark: v === 2 ? 'Openen, 300 punten, zonder geschiedenis' : benchmark,
    variant: variant.label,
    baseline: v > 0,
    unit: 'ms',
    summary: totals[v]!,
    memory: `${heaps[v]!.toFixed(0)} MiB JS-heap`,
    ...(v === 0
      ? {
          ratio: ratio(totals[0]!.median, totals[1]!.median),
          targets: [{ text: '< 500 ms', met: totals[0]!.median < 500 }],
        }
      : {}),
  }));
  rows.push(...growthRows(growth));
  const part = (v: number, key: keyof MountTiming) =>
    median(timings[v]!.map((t) => t[key])).toFixed(0);
  return {
    id: 'opening',
    title: 'Openen van een document: lange geschiedenis, en 10 tot 1.000 punten',
    rows,
    sizeSeries: growth.series,
    notes: [
      `Gemeten in Chromium, in een eigen benchmarkpagina met de editor van de app (createEditor met alle plugins, node views en de stijlbladen en lettertypen van de app) maar zonder de React-panelen eromheen; elke meting laadt de pagina opnieuw. De tijd loopt van de bytes van de Yjs-staat (${(history.length / 1024).toFixed(0)} KiB met geschiedenis, ${(withoutHistory.length / 1024).toFixed(0)} KiB zonder) tot een bewerkbare, opgemaakte pagina. De geschiedenis: drie mede-auteurs typen samen ${(20_000).toLocaleString('nl-NL')} tekens en Backspaces via Yjs.`,
      `Mediaan per deel (staat openen en tegen het schema controleren / editor maken / stijl en layout): Resolutie-editor ${part(0, 'open')} / ${part(0, 'view')} / ${part(0, 'layout')} ms; kaal ${part(1, 'open')} / ${part(1, 'view')} / ${part(1, 'layout')} ms; zonder geschiedenis ${part(2, 'open')} / ${part(2, 'view')} / ${part(2, 'layout')} ms.`,
      `Naar omvang (zonder geschiedenis, ${growth.samples}× per omvang, om en om; mediaan Resolutie-editor / kaal): ${growth.sizes
        .map(
          (items, i) =>
            `${items.toLocaleString('nl-NL')} punten ${formatNumber(growth.app[i]!.median, 0)} / ${formatNumber(growth.bare[i]!.median, 0)} ms`,
        )
        .join('; ')}.`,
    ],
  };
}

/** Opening the documents of every size without history: the app's editor and the bare one. */
interface Growth {
  sizes: number[];
  samples: number;
  app: Summary[];
  bare: Summary[];
  /** The JS heap after the last sample of each, per size. */
  appHeap: number[];
  bareHeap: number[];
  series: SizeSeries[];
}

async function measureGrowth(
  context: BenchContext,
  browser: Browser,
  pageUrl: string,
): Promise<Growth> {
  const samples = context.quick ? 2 : 7;
  const sizes = [...DOCUMENT_SIZES];
  const kinds = ['mountApp', 'mountBare'] as const;
  const totals = kinds.map(() => sizes.map(() => [] as number[]));
  const heaps = kinds.map(() => sizes.map(() => 0));
  for (let i = 0; i < samples; i++) {
    for (const [s, items] of sizes.entries()) {
      for (const [k, kind] of kinds.entries()) {
        const page = await loadBenchPage(browser, pageUrl, context.documents.state(items));
        totals[k]![s]!.push(
          (await page.evaluate((mount) => window.benchPage[mount](), kind)).total,
        );
        if (i === samples - 1) heaps[k]![s] = await measureJsHeapMiB(page);
        await page.context().close();
      }
    }
  }
  const [app, bare] = totals.map((bySize) => bySize.map((list) => summarize(list))) as [
    Summary[],
    Summary[],
  ];
  return {
    sizes,
    samples,
    app,
    bare,
    appHeap: heaps[0]!,
    bareHeap: heaps[1]!,
    series: [
      { label: 'Openen: Resolutie-editor', summaries: app },
      { label: 'Openen: Kaal ProseMirror + y-prosemirror', summaries: bare },
    ].map(({ label, summaries }, k) => ({
      label,
      baseline: k > 0,
      unit: 'ms',
      points: sizes.map((items, s) => ({ items, median: summaries[s]!.median })),
    })),
  };
}

/** The table's rows of the largest document. */
function growthRows(growth: Growth): ResultRow[] {
  const s = growth.sizes.length - 1;
  const items = growth.sizes[s]!;
  const benchmark = `Openen, ${items.toLocaleString('nl-NL')} punten, zonder geschiedenis`;
  return [
    {
      benchmark,
      variant: 'Resolutie-editor',
      baseline: false,
      unit: 'ms',
      summary: growth.app[s]!,
      memory: `${growth.appHeap[s]!.toFixed(0)} MiB JS-heap`,
      ratio: ratio(growth.app[s]!.median, growth.bare[s]!.median),
    },
    {
      benchmark,
      variant: 'Kaal ProseMirror + y-prosemirror',
      baseline: true,
      unit: 'ms',
      summary: growth.bare[s]!,
      memory: `${growth.bareHeap[s]!.toFixed(0)} MiB JS-heap`,
    },
  ];
}
