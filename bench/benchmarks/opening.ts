/**
 * Opening: a 300-item document with 20,000 edits of history (three co-editors) to an
 * editable view, all in Chromium: the bytes to a checked Y.Doc (`openDocumentState`, as the
 * app opens a file), the app's editor on it (`createEditor`: plugins, node views, the first
 * decorations), and the style and layout of the page. Baselines: a bare ProseMirror +
 * y-prosemirror editor on the same state, and the app's editor on the same text without its
 * history. Each sample loads the page anew, as a window that opens a document does.
 */
import type { MountTiming } from '../page/pageTypes.ts';
import { launchChromium, measureJsHeapMiB } from '../support/browser.ts';
import { loadBenchPage } from '../support/benchPageServer.ts';
import { addEditingHistory } from '../history.ts';
import { createYDoc, encodeYDoc, openDocumentState } from '../../shared/ydoc/yDocument.ts';
import { median, ratio, summarize } from '../stats.ts';
import type { BenchmarkSection, ResultRow } from '../report.ts';
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
  const part = (v: number, key: keyof MountTiming) =>
    median(timings[v]!.map((t) => t[key])).toFixed(0);
  return {
    id: 'opening',
    title: 'Openen van een document met lange geschiedenis',
    rows,
    notes: [
      `Gemeten in Chromium, in een eigen benchmarkpagina met de editor van de app (createEditor met alle plugins, node views en de stijlbladen en lettertypen van de app) maar zonder de React-panelen eromheen; elke meting laadt de pagina opnieuw. De tijd loopt van de bytes van de Yjs-staat (${(history.length / 1024).toFixed(0)} KiB met geschiedenis, ${(withoutHistory.length / 1024).toFixed(0)} KiB zonder) tot een bewerkbare, opgemaakte pagina. De geschiedenis: drie mede-auteurs typen samen ${(20_000).toLocaleString('nl-NL')} tekens en Backspaces via Yjs.`,
      `Mediaan per deel (staat openen en tegen het schema controleren / editor maken / stijl en layout): Resolutie-editor ${part(0, 'open')} / ${part(0, 'view')} / ${part(0, 'layout')} ms; kaal ${part(1, 'open')} / ${part(1, 'view')} / ${part(1, 'layout')} ms; zonder geschiedenis ${part(2, 'open')} / ${part(2, 'view')} / ${part(2, 'layout')} ms.`,
    ],
  };
}
