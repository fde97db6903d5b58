/**
 * `npm run bench`: every benchmark against its baseline in the same run, a table in the
 * terminal, `bench/results.md`, the chart `docs/bench-results.svg` and the size chart
 * `docs/bench-size.svg` (cost against the document's size). Not part of
 * `npm test`: it takes minutes and its figures depend on the machine.
 *
 *   npm run bench                      everything, full sample counts, writes the results
 *   npm run bench -- --quick           few samples, for developing; writes nothing
 *   npm run bench -- --only typing,pdf a selection (startup, opening, typing, remote-edit,
 *                                      server, pdf)
 *   npm run bench -- --no-profile      no profiles, even where a target is missed
 *   npm run bench -- --out FILE.md     the results (and FILE.svg, FILE-size.svg) elsewhere,
 *                                      whatever the run
 *
 * Ports 4850–4899 on 127.0.0.1 (BENCH_PORT_BASE moves them); everything else in a temporary
 * folder that is removed at the end.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DocumentCache } from './context.ts';
import type { BenchContext } from './context.ts';
import { BENCH_PORTS } from './support/ports.ts';
import { buildAppRenderer } from './support/builds.ts';
import { serveBenchPage } from './support/benchPageServer.ts';
import { chromiumVersion } from './support/browser.ts';
import { describeMachine, formatMachine } from './machine.ts';
import { listTargets } from './report.ts';
import type { BenchmarkSection } from './report.ts';
import { toMarkdownTable, toTextTable } from './table.ts';
import { renderChart, renderSizeChart } from './chart.ts';
import type { ChartSeries } from './chart.ts';
import { runStartupBenchmark } from './benchmarks/startup.ts';
import { runOpeningBenchmark } from './benchmarks/opening.ts';
import { runTypingBenchmark } from './benchmarks/typing.ts';
import { runRemoteEditBenchmark } from './benchmarks/remoteEdit.ts';
import { runServerScaleBenchmark } from './benchmarks/serverScale.ts';
import { runPdfBenchmark } from './benchmarks/pdfExport.ts';
import { profileRemoteEdit, profileTyping } from './profiles.ts';
import { writeResultsMarkdown } from './resultsFile.ts';
import * as prettier from 'prettier';

const ROOT = new URL('../', import.meta.url).pathname;
const ALL = ['startup', 'opening', 'typing', 'remote-edit', 'server', 'pdf'] as const;
type BenchmarkId = (typeof ALL)[number];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const profiles = !args.includes('--no-profile');
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = (onlyArg?.includes('=') ? onlyArg.split('=')[1] : args[args.indexOf('--only') + 1])
  ?.split(',')
  .map((s) => s.trim());
const selected: BenchmarkId[] = onlyArg ? ALL.filter((id) => only?.includes(id)) : [...ALL];
const unknown = onlyArg
  ? (only ?? []).filter((id) => !(ALL as readonly string[]).includes(id))
  : [];
if (unknown.length > 0 || (onlyArg && selected.length === 0)) {
  console.error(
    `Onbekende benchmark: ${unknown.join(', ') || '(geen)'}; kies uit ${ALL.join(', ')}.`,
  );
  process.exit(2);
}
// The committed results are written only by a full run of everything that succeeded: a
// partial or quick table would replace them with figures of another kind. `--out` writes any
// run elsewhere.
const outArg = args.indexOf('--out');
const out = outArg >= 0 ? path.resolve(args[outArg + 1] ?? 'bench-results.md') : null;
const write = out !== null || (!quick && selected.length === ALL.length);

const log = (line: string) => console.error(line);
const tempDir = mkdtempSync(path.join(os.tmpdir(), 'resolutie-bench-'));
const context: BenchContext = {
  quick,
  tempDir,
  ports: BENCH_PORTS,
  documents: new DocumentCache(),
  log,
};
const machine = describeMachine(await chromiumVersion());
log(`Benchmarks${quick ? ' (snel)' : ''}: ${selected.join(', ')}`);

const sections: BenchmarkSection[] = [];
const series: ChartSeries[] = [];
const failures: string[] = [];
const rendererDir = path.join(tempDir, 'renderer');
const served = await serveBenchPage(tempDir, BENCH_PORTS.page);
try {
  if (selected.some((id) => id === 'startup' || id === 'typing')) {
    log('Build van de renderer (zoals npm run build) …');
    await buildAppRenderer(rendererDir);
  }
  const runs: Record<BenchmarkId, () => Promise<BenchmarkSection>> = {
    startup: () => runStartupBenchmark(context, rendererDir, served),
    opening: () => runOpeningBenchmark(context, served.url),
    typing: () => runTypingBenchmark(context, served.url, rendererDir),
    'remote-edit': () => runRemoteEditBenchmark(context),
    server: async () => {
      const result = await runServerScaleBenchmark(context);
      for (const s of result.series) {
        series.push({
          label: `${s.server.replace(/ \(.*\)$/, '')}, ${s.mode === 'one-document' ? 'één document' : 'eigen documenten'}`,
          baseline: s.server.includes('referentie'),
          dashed: s.mode === 'per-document',
          points: s.points.map((p) => ({ x: p.clients, y: p.loadedMiB })),
        });
      }
      return result.section;
    },
    pdf: () => runPdfBenchmark(context),
  };
  for (const id of selected) {
    log(`== ${id} ==`);
    const started = performance.now();
    try {
      const section = await runs[id]();
      const missed = listTargets(section).some(({ target }) => !target.met);
      if (missed && profiles && id === 'typing')
        section.notes.push(...(await profileTyping(context, served.url)));
      if (missed && profiles && id === 'remote-edit')
        section.notes.push(...(await profileRemoteEdit(context)));
      sections.push(section);
    } catch (error) {
      failures.push(`${id}: ${(error as Error).stack ?? String(error)}`);
      log(`!! ${id} mislukt: ${(error as Error).message}`);
    }
    log(`   (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
} finally {
  await served.stop();
  rmSync(tempDir, { recursive: true, force: true });
}
machine.loadAfter = os.loadavg();

console.log(`\n${formatMachine(machine)}\n`);
console.log(toTextTable(sections));
for (const section of sections) {
  for (const { row, target } of listTargets(section)) {
    console.log(`${target.met ? 'gehaald' : 'GEMIST'}: ${row.benchmark}: ${target.text}`);
  }
}
if (write && (out !== null || failures.length === 0)) {
  const resultsFile = out ?? path.join(ROOT, 'bench/results.md');
  const chartFile = out
    ? out.replace(/\.md$/, '') + '.svg'
    : path.join(ROOT, 'docs/bench-results.svg');
  const sizeChartFile = out
    ? out.replace(/\.md$/, '') + '-size.svg'
    : path.join(ROOT, 'docs/bench-size.svg');
  mkdirSync(path.dirname(resultsFile), { recursive: true });
  writeFileSync(
    chartFile,
    renderChart('Resolutie-editor: benchmarks (mediaan, streep tot p95)', sections, series),
  );
  const sizeChart = renderSizeChart(
    'Resolutie-editor: kosten naar omvang van het document (mediaan)',
    sections,
  );
  if (sizeChart) writeFileSync(sizeChartFile, sizeChart);
  // Formatted as the repository's Prettier check expects, so the committed file passes it.
  const link = (file: string) => path.relative(path.dirname(resultsFile), file);
  const markdown = writeResultsMarkdown(machine, sections, toMarkdownTable(sections), {
    chart: link(chartFile),
    sizeChart: sizeChart ? link(sizeChartFile) : null,
  });
  const options = (await prettier.resolveConfig(resultsFile)) ?? {};
  writeFileSync(resultsFile, await prettier.format(markdown, { ...options, parser: 'markdown' }));
  console.log(
    `\nGeschreven: ${[resultsFile, chartFile, ...(sizeChart ? [sizeChartFile] : [])]
      .map((file) => path.relative(ROOT, file))
      .join(', ')}`,
  );
} else {
  console.log(
    '\n(Niets geschreven: alleen een volledige, geslaagde run schrijft bench/results.md en de grafiek.)',
  );
}
if (failures.length > 0) {
  console.error(`\n${failures.join('\n\n')}`);
  process.exitCode = 1;
}
