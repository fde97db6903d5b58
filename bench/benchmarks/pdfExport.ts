/**
 * PDF export from the command line, as a user runs it: `resolutie export X.resolutie --pdf`
 * for stukken of about 10, 40 and 100 pages, and `resolutie bundle` of 10 stukken. Each run
 * is a cold start (Node, the CLI's modules, Chromium) to the finished PDF on disk. The
 * baseline: a cold Node + the same Chromium printing a plain HTML page of the same text.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Node } from 'prosemirror-model';
import { createYDoc } from '../../shared/ydoc/yDocument.ts';
import { writeDocumentFile } from '../../shared/ydoc/documentFile.ts';
import { toPlainText } from '../../shared/export/toPlainText.ts';
import { generateDoc } from '../documents.ts';
import { ratio, summarize } from '../stats.ts';
import type { BenchmarkSection, ResultRow } from '../report.ts';
import type { BenchContext } from '../context.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const CLI = path.join(ROOT, 'main/cli/resolutie.ts');
const PLAIN = path.join(ROOT, 'bench/support/plainPdfProcess.ts');

/** Item counts that print to about 10, 40 and 100 A4 pages with their Toelichting. */
const SIZES = [
  { items: 70, pages: 10 },
  { items: 300, pages: 40 },
  { items: 710, pages: 100 },
];
/** The bundle: 10 stukken of this many items each, each generated from its own seed. */
const BUNDLE = { documents: 10, items: 30 };

/** Runs `node args…` to its end; resolves with the wall-clock milliseconds. */
function timeNode(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('exit', (code) => {
      if (code === 0) resolve(performance.now() - start);
      else reject(new Error(`${args.join(' ')} failed (${code}): ${errors}`));
    });
  });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The documents' text as a plain HTML page, a paragraph per line. */
function plainHtml(docs: readonly Node[]): string {
  const body = docs
    .map((doc) =>
      toPlainText(doc)
        .split('\n')
        .map((line) => `<p>${escapeHtml(line)}</p>`)
        .join('\n'),
    )
    .join('\n<hr style="break-after: page">\n');
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><style>body{font:12pt serif;margin:2cm}</style></head><body>${body}</body></html>`;
}

async function pageCount(file: string): Promise<number> {
  return (await PDFDocument.load(readFileSync(file), { updateMetadata: false })).getPageCount();
}

interface Job {
  benchmark: string;
  target?: { text: string; limitMs: number };
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
  const jobs: Job[] = [];
  for (const { items, pages } of SIZES) {
    const doc = generateDoc(items);
    const file = path.join(dir, `stuk-${items}.resolutie`);
    writeFileSync(file, writeDocumentFile(createYDoc(doc), writer));
    const html = path.join(dir, `stuk-${items}.html`);
    writeFileSync(html, plainHtml([doc]));
    jobs.push({
      benchmark: `PDF, stuk van ~${pages} pagina's (${items} punten)`,
      ...(pages === 40 ? { target: { text: '< 3 s', limitMs: 3000 } } : {}),
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
  writeFileSync(path.join(dir, 'bundel.html'), plainHtml(bundleDocs));
  jobs.push({
    benchmark: `PDF, bundel van ${BUNDLE.documents} stukken (elk ${BUNDLE.items} punten)`,
    app: [
      CLI,
      'bundle',
      ...bundleFiles,
      '--pdf',
      path.join(dir, 'bundel.pdf'),
      '--title',
      'Stukken benchmark',
    ],
    plain: [PLAIN, path.join(dir, 'bundel.html'), path.join(dir, 'bundel-kaal.pdf')],
    appPdf: path.join(dir, 'bundel.pdf'),
    plainPdf: path.join(dir, 'bundel-kaal.pdf'),
  });

  const rows: ResultRow[] = [];
  for (const job of jobs) {
    context.log(`  ${job.benchmark}`);
    const appMs: number[] = [];
    const plainMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      appMs.push(await timeNode(job.app));
      plainMs.push(await timeNode(job.plain));
    }
    const app = summarize(appMs.map((ms) => ms / 1000));
    const plain = summarize(plainMs.map((ms) => ms / 1000));
    const [appPages, plainPages] = [await pageCount(job.appPdf), await pageCount(job.plainPdf)];
    rows.push(
      {
        benchmark: job.benchmark,
        variant: 'resolutie export/bundle --pdf',
        baseline: false,
        unit: 's',
        summary: app,
        memory: `${appPages} p.`,
        ratio: ratio(app.median, plain.median),
        ...(job.target
          ? { targets: [{ text: job.target.text, met: app.median * 1000 < job.target.limitMs }] }
          : {}),
      },
      {
        benchmark: job.benchmark,
        variant: 'Kale Chromium-print van dezelfde tekst',
        baseline: true,
        unit: 's',
        summary: plain,
        memory: `${plainPages} p.`,
      },
    );
  }
  return {
    id: 'pdf',
    title: 'PDF-export',
    rows,
    notes: [
      `Elke meting is een koude start zoals een gebruiker hem doet: \`node main/cli/resolutie.ts export … --pdf\` (of \`bundle\`) tot de PDF op schijf staat, inclusief het starten van Node, het laden van de modules en van Chromium; ${runs}× per stuk, om en om met de baseline. De baseline start dezelfde Node en Chromium en drukt een kale HTML-pagina met dezelfde tekst af (\`page.pdf\`, geen sjabloon, lettertypen, kop- en voetregels, tags, inhoudsopgave of nabewerking). De kolom “geheugen / omvang” geeft het aantal pagina's.`,
    ],
  };
}
