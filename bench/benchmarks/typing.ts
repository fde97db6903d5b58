/**
 * Typing latency in Chromium: real key events (the DevTools protocol's Input domain, as a
 * keyboard's) into the middle item of a document under review, timed in the page by the
 * latency probe (`bench/page/latencyProbe.ts`): keydown to the editor's DOM updated, and keydown
 * to the next frame rendered with all the work the key caused done.
 *
 * - The subject: the app in browser mode (production build), the document opened from the
 *   documents folder with pending proposals of colleagues and comment threads with replies
 *   (reviewedDocument.ts), a co-editing session with three redacteuren who type along in items
 *   near the cursor and a voorsteller reading along (Node clients with their cursors in the
 *   document, on named invitations made in the app's dialog), and "Wijzigingen bijhouden" on
 *   (Ctrl+Shift+E).
 * - The baseline: a bare ProseMirror + y-prosemirror editor on the same Yjs state, in the
 *   benchmark page with the app's style sheets.
 * - In between (300 items), to tell where the difference comes from: the app's editor (every
 *   plugin and node view) in the benchmark page, without React, session or suggestion mode.
 * The variants take turns, round after round, so a busy moment of the machine hits all alike.
 * The same scene at 10 to 1,000 items gives the size chart's line.
 */
import * as Y from 'yjs';
import type { Browser, Page } from 'playwright-core';
import type { KeystrokeSample } from '../page/latencyProbe.ts';
import type {} from '../page/pageTypes.ts';
import { launchChromium, measureJsHeapMiB, newPage, typeAndMeasure } from '../support/browser.ts';
import { loadBenchPage } from '../support/benchPageServer.ts';
import { startAppHost } from '../support/appHost.ts';
import type { AppHost } from '../support/appHost.ts';
import {
  openAppDocument,
  placeCursorInItem,
  turnOnSuggesting,
  waitForPresence,
} from '../support/appPage.ts';
import {
  joinAsCoEditor,
  leave,
  startSessionWithInvitations,
  typeAlong,
} from '../support/coEditors.ts';
import type { CoEditor, Invitee } from '../support/coEditors.ts';
import { createReviewedYDoc, reviewSizeFor } from '../support/reviewedDocument.ts';
import { encodeYDoc } from '../../shared/ydoc/yDocument.ts';
import { DOCUMENT_SIZES } from '../documents.ts';
import { ratio, summarize } from '../stats.ts';
import type { Summary } from '../stats.ts';
import type { BenchmarkSection, ResultRow, SizeSeries, Target } from '../report.ts';
import type { BenchContext } from '../context.ts';
import { formatNumber } from '../table.ts';

/** The item typed into (0-based): the middle of the document. */
export function typingItem(items: number): number {
  return Math.floor(items / 2);
}
/** The item typed into in the 300-item document. */
export const TYPING_ITEM = typingItem(300);
const TEXT = 'en de gemeenten dragen bij aan de balans tussen taken en middelen ';
const PAUSE_MS = 30;

/** The colleagues of the session; the redacteuren type along, the voorsteller reads. */
const COLLEAGUES: readonly (Invitee & { colour: string; offset: number; typesEveryMs?: number })[] =
  [
    {
      role: 'Redacteur',
      name: 'Auteur van Wijchen',
      colour: '#b03a2e',
      offset: -8,
      typesEveryMs: 900,
    },
    { role: 'Redacteur', name: 'Bewerker Joure', colour: '#1f618d', offset: 3, typesEveryMs: 1000 },
    { role: 'Redacteur', name: 'Jurist', colour: '#7a3e9d', offset: 12, typesEveryMs: 1100 },
    { role: 'Voorsteller', name: 'Voorsteller Zwolle', colour: '#1b6e3a', offset: -3 },
  ];
const TYPED_ALONG = 'zo nodig ';

const reviewedStates = new Map<number, Uint8Array>();
/** The reviewed document of `items` items as a Yjs state, made once per run. */
export function getReviewedState(context: BenchContext, items: number): Uint8Array {
  let state = reviewedStates.get(items);
  if (!state) {
    const ydoc = createReviewedYDoc(context.documents.doc(items), reviewSizeFor(items));
    reviewedStates.set(items, (state = encodeYDoc(ydoc)));
    ydoc.destroy();
  }
  return state;
}

/** The app, set up to type in: a session with colleagues, suggestion mode on. */
export interface AppTypingScene {
  page: Page;
  close(): Promise<void>;
}

/** Starts a host on `rendererDir`, opens the reviewed document of `items` and sets the scene. */
export async function setUpAppTyping(
  context: BenchContext,
  browser: Browser,
  rendererDir: string,
  dir: string,
  items = 300,
): Promise<AppTypingScene> {
  const host: AppHost = await startAppHost(
    rendererDir,
    dir,
    context.ports.host,
    context.ports.session,
  );
  const coEditors: CoEditor[] = [];
  try {
    const state = getReviewedState(context, items);
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, state);
    const file = host.addDocument(`punten-${items}`, ydoc);
    ydoc.destroy();
    const page = await newPage(browser);
    await openAppDocument(page, host.url, file, items);
    const invitations = await startSessionWithInvitations(page, COLLEAGUES);
    const target = typingItem(items);
    for (const [c, colleague] of COLLEAGUES.entries()) {
      // Near the cursor, where the colleagues' work shows; never in the item typed into.
      let item = Math.min(items - 1, Math.max(0, target + colleague.offset));
      if (item === target) item = Math.min(items - 1, target + 1);
      const coEditor = await joinAsCoEditor(
        invitations[c]!,
        colleague.name,
        colleague.colour,
        item,
      );
      coEditors.push(coEditor);
      if (colleague.typesEveryMs) typeAlong(coEditor, item, TYPED_ALONG, colleague.typesEveryMs);
    }
    await waitForPresence(
      page,
      COLLEAGUES.map((c) => c.name),
    );
    await turnOnSuggesting(page);
    await placeCursorInItem(page, target);
    return {
      page,
      close: async () => {
        coEditors.forEach(leave);
        await page.context().close();
        await host.process.stop();
      },
    };
  } catch (error) {
    coEditors.forEach(leave);
    await host.process.stop();
    throw error;
  }
}

interface Variant {
  label: string;
  page: Page;
  samples: KeystrokeSample[];
  heapMiB: number;
}

/** Types into every variant, round after round, after a warm-up of each. */
async function typeInTurns(
  context: BenchContext,
  variants: Variant[],
  rounds: number,
  perRound: number,
  warmup: number,
  what: string,
): Promise<void> {
  for (const variant of variants) {
    await variant.page.bringToFront();
    await typeAndMeasure(variant.page, TEXT, warmup, PAUSE_MS);
  }
  for (let round = 0; round < rounds; round++) {
    context.log(`  typen, ${what}: ronde ${round + 1} van ${rounds}`);
    for (const variant of variants) {
      await variant.page.bringToFront();
      variant.samples.push(...(await typeAndMeasure(variant.page, TEXT, perRound, PAUSE_MS)));
    }
  }
  for (const variant of variants) variant.heapMiB = await measureJsHeapMiB(variant.page);
}

const APP_LABEL =
  'Resolutie-editor (sessie: 3 redacteuren typen mee, 1 voorsteller; voorstellen en opmerkingen; bijhouden aan)';
const BARE_LABEL = 'Kaal ProseMirror + y-prosemirror';

/** The app and the bare editor at `items` items, in turns; the variants with their samples. */
async function measureSize(
  context: BenchContext,
  browser: Browser,
  pageUrl: string,
  rendererDir: string,
  items: number,
  withEditorOnly: boolean,
): Promise<Variant[]> {
  const main = items === 300;
  const rounds = context.quick ? 1 : main ? 5 : 2;
  const perRound = context.quick ? (main ? 20 : 15) : main ? 60 : 40;
  const warmup = context.quick ? 5 : main ? 15 : 10;
  const scene = await setUpAppTyping(
    context,
    browser,
    rendererDir,
    `${context.tempDir}/typing-${items}`,
    items,
  );
  const pages: Page[] = [];
  try {
    const state = getReviewedState(context, items);
    const mount = async (kind: 'mountBare' | 'mountApp') => {
      const page = await loadBenchPage(browser, pageUrl, state);
      pages.push(page);
      await page.evaluate((m) => window.benchPage[m](), kind);
      await page.evaluate((n) => window.benchPage.placeCursorInItem(n), typingItem(items));
      return page;
    };
    const variants: Variant[] = [
      { label: APP_LABEL, page: scene.page, samples: [], heapMiB: 0 },
      { label: BARE_LABEL, page: await mount('mountBare'), samples: [], heapMiB: 0 },
    ];
    if (withEditorOnly) {
      variants.push({
        label: 'Editor van de app zonder React, sessie of bijhouden',
        page: await mount('mountApp'),
        samples: [],
        heapMiB: 0,
      });
    }
    await typeInTurns(context, variants, rounds, perRound, warmup, `${items} punten`);
    return variants;
  } finally {
    for (const page of pages) await page.context().close();
    await scene.close();
  }
}

/** The item counts of the size line; a quick run leaves out 100. */
function typingSizes(context: BenchContext): number[] {
  return DOCUMENT_SIZES.filter((n) => !context.quick || n !== 100);
}

export async function runTypingBenchmark(
  context: BenchContext,
  pageUrl: string,
  rendererDir: string,
): Promise<BenchmarkSection> {
  const browser = await launchChromium();
  const bySize = new Map<number, Variant[]>();
  try {
    for (const items of typingSizes(context)) {
      bySize.set(
        items,
        await measureSize(context, browser, pageUrl, rendererDir, items, items === 300),
      );
    }
  } finally {
    await browser.close();
  }
  return report(bySize);
}

/** "1.000" */
const count = (n: number) => n.toLocaleString('nl-NL');

function report(bySize: Map<number, Variant[]>): BenchmarkSection {
  const rows: ResultRow[] = [];
  const main = bySize.get(300)!;
  const measures = [
    { key: 'editor' as const, benchmark: 'Typen, 300 punten: toets → DOM van de editor' },
    { key: 'settled' as const, benchmark: 'Typen, 300 punten: toets → volgend frame, alles klaar' },
  ];
  for (const { key, benchmark } of measures) {
    const summaries = main.map((v) => summarize(v.samples.map((s) => s[key])));
    const [subject, bare] = summaries as [Summary, Summary, Summary];
    // The issue's targets are for keystroke to updated DOM; the frame includes the wait for
    // the display's next frame, which no editor can make shorter than the frame clock.
    const targets: Target[] =
      key === 'editor'
        ? [
            { text: 'mediaan < 4 ms', met: subject.median < 4 },
            { text: 'p99 < 16 ms', met: subject.p99 < 16 },
            { text: '≤ 1,2× kaal', met: subject.median <= 1.2 * bare.median },
          ]
        : [];
    main.forEach((variant, v) => {
      rows.push({
        benchmark,
        variant: variant.label,
        baseline: v > 0,
        unit: 'ms',
        summary: summaries[v]!,
        memory: `${variant.heapMiB.toFixed(0)} MiB JS-heap`,
        ...(v === 0 ? { ratio: ratio(subject.median, bare.median), targets } : {}),
        ...(v === 2 ? { ratio: ratio(summaries[2]!.median, bare.median) } : {}),
      });
    });
  }
  const large = bySize.get(1000);
  if (large) {
    const [app, bare] = large.map((v) => summarize(v.samples.map((s) => s.editor))) as [
      Summary,
      Summary,
    ];
    large.forEach((variant, v) => {
      rows.push({
        benchmark: `Typen, ${count(1000)} punten: toets → DOM van de editor`,
        variant: variant.label,
        baseline: v > 0,
        unit: 'ms',
        summary: v === 0 ? app : bare,
        memory: `${variant.heapMiB.toFixed(0)} MiB JS-heap`,
        ...(v === 0 ? { ratio: ratio(app.median, bare.median) } : {}),
      });
    });
  }
  const sizes = [...bySize.keys()].sort((a, b) => a - b);
  const medianAt = (items: number, v: number) =>
    summarize(bySize.get(items)![v]!.samples.map((s) => s.editor)).median;
  const sizeSeries: SizeSeries[] = [APP_LABEL, BARE_LABEL].map((label, v) => ({
    label: v === 0 ? 'Typen: Resolutie-editor' : `Typen: ${BARE_LABEL}`,
    baseline: v > 0,
    unit: 'ms',
    points: sizes.map((items) => ({ items, median: medianAt(items, v) })),
  }));
  const review = reviewSizeFor(300);
  return {
    id: 'typing',
    title: 'Typen in een document in bespreking',
    rows,
    sizeSeries,
    notes: [
      'Echte toetsaanslagen (het Input-domein van het DevTools-protocol, zoals een toetsenbord) in het middelste punt van het document (punt 151 van 300), gemeten in de pagina met performance.now() (`bench/page/latencyProbe.ts`), vanaf de eerste keydown-handler tot (1) “DOM van de editor”: de eerste microtaak na het input-event, als ProseMirror de DOM-wijziging van de browser heeft gelezen, de transactie heeft toegepast (plugins, Yjs, wijzigingen bijhouden) en zijn DOM heeft bijgewerkt; de doelen gelden hiervoor; (2) “volgend frame, alles klaar”: als alle taken die de toets veroorzaakte klaar zijn (een keten van MessageChannel-stappen tot er niets meer tussen komt). Chromium tekent na een toets eerst het volgende frame (stijl, layout, paint) en doet dat ook zonder scherm 60 keer per seconde, dus dit getal is de toets zoals de gebruiker hem ziet, inclusief het wachten op het frame (gemiddeld zo’n 8 ms op zich); React’s nieuwe weergave van de panelen valt erin. Na elke toets 30 ms pauze.',
      `Het document is in bespreking (\`bench/support/reviewedDocument.ts\`): bij 300 punten ${review.proposals} openstaande voorstellen van drie collega’s (invoegingen en schrappingen, gemaakt met de voorstelmodus van de editor) en ${review.threads} opmerkingsdraden met elk één tot drie antwoorden (gemaakt met de opmerkingen van de app, verankerd in de tekst); kleinere en grotere documenten naar verhouding. De Resolutie-editor is de productiebuild in browsermodus met “Wijzigingen bijhouden” aan en een sessie met vier collega’s op uitnodigingen op naam uit de dialoog van de app (Node-clients met \`@hocuspocus/provider\`, met hun cursor in het document): drie redacteuren typen elk ongeveer één teken per seconde in een punt vlak bij de cursor (hun cursor schuift mee), één voorsteller leest mee. De kale editor en de editor zonder React draaien in een eigen benchmarkpagina met dezelfde Yjs-staat en de stijlbladen van de app, zonder collega’s. De varianten wisselen elkaar per ronde af, in één Chromium.`,
      `Per omvang (mediaan toets → DOM van de editor, Resolutie-editor / kaal; dezelfde opstelling, minder toetsen buiten 300 punten): ${sizes
        .map(
          (items) =>
            `${count(items)} punten ${formatNumber(medianAt(items, 0), 1)} / ${formatNumber(medianAt(items, 1), 1)} ms`,
        )
        .join('; ')}.`,
    ],
  };
}
