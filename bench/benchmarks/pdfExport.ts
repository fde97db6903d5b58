/**
 * PDF export, three ways a user makes one:
 * - from the command line, `resolutie export X.resolutie --pdf`, for stukken of 10 to 1,000
 *   items (about 3 to 145 pages): a cold start (Node, the CLI's modules, Chromium) to the
 *   finished PDF on disk. Baseline: a cold Node + the same Chromium printing the very HTML the
 *   app prints (the print template with its fonts), bare: `page.pdf` without header and footer,
 *   tags, outline or finishing.
 * - `resolutie bundle` of 10 stukken, against a bare print of the bundle's HTML.
 * - in the app: the browser-mode host's `printPdf`, called as the page calls it, with the
 *   printer warm (one PDF made before); baseline: the same HTML printed bare in a Chromium
 *   already running.
 * The command line reports where its time went (`RESOLUTIE_PDF_TIMINGS`, see
 * main/services/pdf/pdfTimings.ts); the notes show that profile per size.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Node } from 'prosemirror-model';
import { chromium } from 'playwright-core';
import { createYDoc, encodeYDoc } from '../../shared/ydoc/yDocument.ts';
import { writeDocumentFile } from '../../shared/ydoc/documentFile.ts';
import { renderPrintDocument } from '../../shared/print/renderPrintDocument.ts';
import { renderPrintBundle } from '../../shared/print/renderBundle.ts';
import { API_VERSION } from '../../shared/api/contract.ts';
import type { ApiResult } from '../../shared/api/result.ts';
import { API_VERSION_HEADER, getHttpApiPath } from '../../shared/api/transportNames.ts';
import { chromiumArgs, findChromium } from '../../main/services/pdf/chromium.ts';
import { getPrintFontCss } from '../../main/services/pdf/printFonts.ts';
import {
  PDF_TIMINGS_ENV,
  getPdfTimings,
  parsePdfTimings,
} from '../../main/services/pdf/pdfTimings.ts';
import { printRenderedPdf } from '../../main/services/pdf/printDocumentPdf.ts';
import { launchSystemChromium } from '../../main/services/pdf/chromiumPagePrinter.ts';
import { WarmPrinter } from '../../main/services/pdf/warmPrinter.ts';
import type { PdfTimings } from '../../main/services/pdf/pdfTimings.ts';
import { generateDoc } from '../documents.ts';
import { median, ratio, summarize } from '../stats.ts';
import type { BenchmarkSection, ResultRow, SizeSeries } from '../report.ts';
import type { BenchContext } from '../context.ts';
import { startAppHost } from '../support/appHost.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const CLI = path.join(ROOT, 'main/cli/resolutie.ts');
const PLAIN = path.join(ROOT, 'bench/support/plainPdfProcess.ts');

/** Item counts and about how many A4 pages each prints to, with its Toelichting. */
const SIZES = [
  { items: 10, pages: 3 },
  { items: 70, pages: 10 },
  { items: 300, pages: 40 },
  { items: 1000, pages: 145 },
];
/** A quick run skips the 70: the smallest, the middle and the largest still draw the line. */
const QUICK_ITEMS = [10, 300, 1000];
/** The bundle: 10 stukken of this many items each, each generated from its own seed. */
const BUNDLE = { documents: 10, items: 30, title: 'Stukken benchmark' };
/** The stuk the app prints with its printer warm: about 40 pages. */
const WARM_ITEMS = 300;

const CLI_LIMIT = 1.3;
const BUNDLE_LIMIT = 1.5;
const WARM_LIMIT_MS = 1000;

/** What the profile's phases are called in the notes (main/services/pdf/pdfTimings.ts). */
const PHASES: Record<string, string> = {
  cliStart: 'Node en de modules van de opdrachtregel',
  pdfModules: 'PDF-modules (Playwright, pdf-lib)',
  chromiumLaunch: 'Chromium starten (loopt naast het laden en opmaken)',
  fonts: 'lettertypen',
  render: 'HTML opmaken',
  pageOpen: 'tabblad openen',
  pageLoad: 'HTML laden en lettertypen klaar',
  pagePdf: 'page.pdf',
  bundleCount: "bundel: eerste druk om de pagina's te tellen",
  finish: 'afwerken met pdf-lib',
  chromiumClose: 'Chromium sluiten',
  total: 'totaal',
};

interface Timed {
  ms: number;
  timings: PdfTimings | null;
}

/** Runs `node args…` to its end; resolves with the wall-clock milliseconds and its timings. */
function timeNode(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...env },
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('exit', (code) => {
      const ms = performance.now() - start;
      if (code === 0) resolve({ ms, timings: parsePdfTimings(errors) });
      else reject(new Error(`${args.join(' ')} failed (${code}): ${errors}`));
    });
  });
}

async function pageCount(file: string): Promise<number> {
  return (await PDFDocument.load(readFileSync(file), { updateMetadata: false })).getPageCount();
}

interface Job {
  benchmark: string;
  items?: number;
  limit: number;
  app: string[];
  plain: string[];
  appPdf: string;
  plainPdf: string;
}

export async function runPdfBenchmark(context: BenchContext): Promise<BenchmarkSection> {
  const runs = context.quick ? 1 : 3;
  const dir = path.join(context.tempDir, 'pdf');
  mkdirSync(dir, { recursive: true });
  const writer = { app: 'Resolutie-editor bench', version: '0' };
  const fontCss = await getPrintFontCss(ROOT);
  const jobs: Job[] = [];
  const sizes = context.quick ? SIZES.filter(({ items }) => QUICK_ITEMS.includes(items)) : SIZES;
  for (const { items, pages } of sizes) {
    const doc = generateDoc(items);
    const file = path.join(dir, `stuk-${items}.resolutie`);
    writeFileSync(file, writeDocumentFile(createYDoc(doc), writer));
    const html = path.join(dir, `stuk-${items}.html`);
    writeFileSync(html, renderPrintDocument(doc, { fontCss }).html);
    jobs.push({
      benchmark: `PDF, stuk van ~${pages} pagina's (${items} punten)`,
      items,
      limit: CLI_LIMIT,
      app: [CLI, 'export', file, '--pdf', path.join(dir, `stuk-${items}.pdf`)],
      plain: [PLAIN, html, path.join(dir, `stuk-${items}-kaal.pdf`)],
      appPdf: path.join(dir, `stuk-${items}.pdf`),
      plainPdf: path.join(dir, `stuk-${items}-kaal.pdf`),
    });
  }
  const bundleDocs = Array.from({ length: BUNDLE.documents }, (_, i) =>
    generateDoc(BUNDLE.items, 100 + i),
  );
  const bundleFiles = bundleDocs.map((doc, i) => {
    const file = path.join(dir, `bundel-${i + 1}.resolutie`);
    writeFileSync(file, writeDocumentFile(createYDoc(doc), writer));
    return file;
  });
  // The bundle's HTML as the app prints it the second time; the placeholders of the contents
  // take the place of its page numbers.
  const bundleHtml = renderPrintBundle(bundleDocs, {
    title: BUNDLE.title,
    fontCss,
    compiledOn: new Date().toISOString().slice(0, 10),
    startPages: null,
  }).html;
  writeFileSync(path.join(dir, 'bundel.html'), bundleHtml);
  jobs.push({
    benchmark: `PDF, bundel van ${BUNDLE.documents} stukken (elk ${BUNDLE.items} punten)`,
    limit: BUNDLE_LIMIT,
    app: [
      CLI,
      'bundle',
      ...bundleFiles,
      '--pdf',
      path.join(dir, 'bundel.pdf'),
      '--title',
      BUNDLE.title,
    ],
    plain: [PLAIN, path.join(dir, 'bundel.html'), path.join(dir, 'bundel-kaal.pdf')],
    appPdf: path.join(dir, 'bundel.pdf'),
    plainPdf: path.join(dir, 'bundel-kaal.pdf'),
  });

  const rows: ResultRow[] = [];
  const profiles: string[] = [];
  const series: SizeSeries[] = [
    { label: 'PDF (resolutie export)', baseline: false, unit: 's', points: [] },
    { label: 'Kale Chromium-print van dezelfde HTML', baseline: true, unit: 's', points: [] },
  ];
  for (const job of jobs) {
    context.log(`  ${job.benchmark}`);
    const appRuns: Timed[] = [];
    const plainMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      appRuns.push(await timeNode(job.app, { [PDF_TIMINGS_ENV]: '1' }));
      plainMs.push((await timeNode(job.plain)).ms);
    }
    const app = summarize(appRuns.map((run) => run.ms / 1000));
    const plain = summarize(plainMs.map((ms) => ms / 1000));
    const [appPages, plainPages] = [await pageCount(job.appPdf), await pageCount(job.plainPdf)];
    const jobRatio = ratio(app.median, plain.median);
    rows.push(
      {
        benchmark: job.benchmark,
        variant: 'resolutie export/bundle --pdf',
        baseline: false,
        unit: 's',
        summary: app,
        memory: `${appPages} p.`,
        ratio: jobRatio,
        targets: [
          { text: `≤ ${String(job.limit).replace('.', ',')}× kaal`, met: jobRatio <= job.limit },
        ],
      },
      {
        benchmark: job.benchmark,
        variant: 'Kale Chromium-print van dezelfde HTML',
        baseline: true,
        unit: 's',
        summary: plain,
        memory: `${plainPages} p.`,
      },
    );
    if (job.items !== undefined) {
      series[0]!.points.push({ items: job.items, median: app.median });
      series[1]!.points.push({ items: job.items, median: plain.median });
    }
    profiles.push(formatProfile(job.benchmark, appRuns, plain.median));
  }

  const warm = await measureWarmApp(context, dir, fontCss);
  rows.push(...warm.rows);

  return {
    id: 'pdf',
    title: 'PDF-export',
    rows,
    sizeSeries: series,
    notes: [
      `Opdrachtregel: elke meting is een koude start zoals een gebruiker hem doet: \`node main/cli/resolutie.ts export … --pdf\` (of \`bundle\`) tot de PDF op schijf staat, inclusief het starten van Node, het laden van de modules en van Chromium; ${runs}× per stuk, om en om met de baseline. De baseline start dezelfde Node en Chromium en drukt de HTML af die de app afdrukt (het sjabloon met de ingebedde lettertypen; voor de bundel die met plaatshouders in de inhoudsopgave) met een kale \`page.pdf\`: zonder kop- en voetregels, tags, bladwijzers of nabewerking. De kolom “geheugen / omvang” geeft het aantal pagina's. De bundel drukt elke pagina twee keer (een keer om te tellen waar elk stuk begint, een keer met die nummers in de inhoudsopgave), zie main/services/pdf/printBundlePdf.ts.`,
      `Waar de tijd van de opdrachtregel heen gaat (gemeten met \`RESOLUTIE_PDF_TIMINGS=1\`, mediaan van de runs, ms; Chromium start naast het laden van de modules en het opmaken, dus de fasen tellen op tot meer dan het totaal):`,
      ...profiles,
      warm.note,
    ],
  };
}

// One line per job: each phase's median over the runs, in the order the job ran them.
function formatProfile(benchmark: string, runs: readonly Timed[], plainMedianS: number): string {
  const phases = new Map<string, number[]>();
  for (const run of runs) {
    for (const [phase, ms] of Object.entries(run.timings ?? {})) {
      phases.set(phase, [...(phases.get(phase) ?? []), ms]);
    }
  }
  const parts = [...phases].map(
    ([phase, values]) => `${PHASES[phase] ?? phase} ${Math.round(median(values))}`,
  );
  return `- ${benchmark}: ${parts.join(', ')}; kale print ${Math.round(plainMedianS * 1000)}.`;
}

/**
 * The app's PDF with its printer warm: a host process as in browser mode, `printPdf` posted
 * as the page posts it (the document's state, base64), after one PDF that started Chromium.
 * Baseline: the same HTML printed bare in a Chromium that already runs, a new tab per print.
 */
async function measureWarmApp(
  context: BenchContext,
  dir: string,
  fontCss: string,
): Promise<{ rows: ResultRow[]; note: string }> {
  const runs = context.quick ? 3 : 7;
  const benchmark = `PDF in de app, printer warm, ~40 pagina's (${WARM_ITEMS} punten)`;
  context.log(`  ${benchmark}`);
  // The host serves a renderer; the API is what is measured, so an empty page does.
  const rendererDir = path.join(dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>bench</title>');
  const host = await startAppHost(
    rendererDir,
    path.join(dir, 'host'),
    context.ports.startupHost,
    context.ports.session,
  );
  const doc = generateDoc(WARM_ITEMS);
  const ydoc = createYDoc(doc);
  const state = Buffer.from(encodeYDoc(ydoc)).toString('base64');
  ydoc.destroy();
  const printPdf = async (): Promise<Uint8Array> => {
    const response = await fetch(new URL(getHttpApiPath('printPdf'), host.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [API_VERSION_HEADER]: String(API_VERSION) },
      body: JSON.stringify({ state, changes: 'hidden' }),
    });
    const result = (await response.json()) as ApiResult<{ pdf: string }>;
    if (!result.ok) throw new Error(`printPdf: ${JSON.stringify(result)}`);
    return new Uint8Array(Buffer.from(result.value.pdf, 'base64'));
  };

  const browser = await chromium.launch({ executablePath: findChromium()!, args: chromiumArgs() });
  const html = renderPrintDocument(doc, { fontCss }).html;
  // The least a print in a running Chromium costs: one tab, loaded anew and printed each time.
  const barePage = await browser.newPage();
  const printBare = async (): Promise<Uint8Array> => {
    await barePage.setContent(html, { waitUntil: 'load' });
    return new Uint8Array(await barePage.pdf({ format: 'A4', preferCSSPageSize: true }));
  };

  try {
    // Warm both: the host starts its Chromium with the first PDF, the baseline's first tab
    // loads what every later one shares.
    const firstStart = performance.now();
    const first = await printPdf();
    const coldMs = performance.now() - firstStart;
    await printBare();
    const appMs: number[] = [];
    const bareMs: number[] = [];
    let pdf = first;
    let bare = first;
    for (let i = 0; i < runs; i++) {
      let start = performance.now();
      pdf = await printPdf();
      appMs.push(performance.now() - start);
      start = performance.now();
      bare = await printBare();
      bareMs.push(performance.now() - start);
    }
    const app = summarize(appMs.map((ms) => ms / 1000));
    const plain = summarize(bareMs.map((ms) => ms / 1000));
    const profile = await profileWarmPrint(doc, runs);
    const [appPages, barePages] = await Promise.all(
      [pdf, bare].map(async (bytes) => (await PDFDocument.load(bytes)).getPageCount()),
    );
    return {
      rows: [
        {
          benchmark,
          variant: 'Resolutie-editor (host, printPdf)',
          baseline: false,
          unit: 's',
          summary: app,
          memory: `${appPages} p.`,
          ratio: ratio(app.median, plain.median),
          targets: [{ text: '< 1 s', met: app.median * 1000 < WARM_LIMIT_MS }],
        },
        {
          benchmark,
          variant: 'Kale print van dezelfde HTML in een draaiend tabblad',
          baseline: true,
          unit: 's',
          summary: plain,
          memory: `${barePages} p.`,
        },
      ],
      note: `In de app: de host van de browserversie als eigen proces; \`printPdf\` wordt gepost zoals de pagina het doet (de toestand van het document in base64, het antwoord de PDF in base64), ${runs}× na een eerste PDF die de Chromium van de host startte (die eerste: ${Math.round(coldMs)} ms). De host houdt die Chromium warm (main/services/pdf/warmPrinter.ts). De baseline drukt dezelfde HTML kaal af in een Chromium die al draait, in een tabblad dat al open is (laden en \`page.pdf\`), zoals de warme printer zijn tabblad hergebruikt. Waar de tijd van een warme PDF heen gaat, gemeten in dit proces met dezelfde code als de host (\`printRenderedPdf\` met een warme printer, zonder HTTP en zonder het lezen van de toestand; mediaan in ms): ${profile}; de host zelf, met HTTP, base64 en het strikt lezen van de toestand erbij: ${Math.round(app.median * 1000)} ms (de twee metingen lopen na elkaar, op een drukke machine kan de eerste de tweede overtreffen).`,
    };
  } finally {
    await browser.close();
    await host.process.stop();
  }
}

// The phases of a warm print in this process: the host's printing code on a warm printer.
async function profileWarmPrint(doc: Node, runs: number): Promise<string> {
  const asked = process.env[PDF_TIMINGS_ENV];
  process.env[PDF_TIMINGS_ENV] = '1';
  const warm = new WarmPrinter({ start: launchSystemChromium });
  const print = () =>
    printRenderedPdf((css) => renderPrintDocument(doc, { fontCss: css }), {
      appRoot: ROOT,
      creator: 'Resolutie-editor bench',
      startPrinter: warm.startPrinter,
    });
  try {
    await print();
    const phases = new Map<string, number[]>();
    const totals: number[] = [];
    for (let i = 0; i < runs; i++) {
      const before = getPdfTimings();
      const start = performance.now();
      await print();
      totals.push(performance.now() - start);
      for (const [phase, ms] of Object.entries(getPdfTimings())) {
        const spent = ms - (before[phase] ?? 0);
        if (spent > 0) phases.set(phase, [...(phases.get(phase) ?? []), spent]);
      }
    }
    const parts = [...phases].map(
      ([phase, values]) => `${PHASES[phase] ?? phase} ${Math.round(median(values))}`,
    );
    return `${parts.join(', ')}, samen ${Math.round(median(totals))}`;
  } finally {
    await warm.close();
    if (asked === undefined) delete process.env[PDF_TIMINGS_ENV];
    else process.env[PDF_TIMINGS_ENV] = asked;
  }
}
