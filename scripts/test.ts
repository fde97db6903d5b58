/**
 * `npm test`: every check and test suite, in order, on a fresh machine. Installs the system
 * Chromium the browser tests need when it can (as root with apt-get), or says exactly what is
 * missing. Ends with one line of the totals of all suites: "N passed, N failed, N skipped".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from '../main/services/pdf/chromium.ts';
import { findSoffice } from '../main/services/testing/libreOffice.ts';
import {
  readPlaywrightReport,
  readVitestReport,
  type PlaywrightReport,
  type SuiteTotals,
  type VitestReport,
} from './testReports.ts';

type Totals = Omit<SuiteTotals, 'failures'>;

const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
/** What failed, by name: repeated just above the totals, where a CI log's tail shows it. */
const failures: string[] = [];
const results = 'test-results';

// The tools' own scripts, run with this Node: independent of executable bits on the
// node_modules/.bin links, which some npm versions leave unset.
const TOOLS: Record<string, string> = {
  tsc: 'node_modules/typescript/bin/tsc',
  eslint: 'node_modules/eslint/bin/eslint.js',
  prettier: 'node_modules/prettier/bin/prettier.cjs',
  vitest: 'node_modules/vitest/vitest.mjs',
  playwright: 'node_modules/@playwright/test/cli.js',
};

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  const tool = TOOLS[command];
  if (tool) return run(process.execPath, [tool, ...args], env);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function step(name: string, command: string, args: string[]): boolean {
  console.log(`\n== ${name} ==`);
  const ok = run(command, args);
  if (ok) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(name);
    console.log(`!! ${name} mislukt`);
  }
  return ok;
}

/**
 * The system tools the tests drive: a Chromium (browser tests, PDF printing), poppler's
 * pdftotext/pdfinfo (PDF checks), redis-server (two sync servers sharing one Redis), xmllint
 * (Akoma Ntoso against its schema), LibreOffice (the independent reader of our Word files) and
 * qpdf (PDF/A structure).
 * Installs what is missing with apt-get when it can (as root), and says what is still missing
 * otherwise.
 */
function ensureSystemTools(): { chromium: string | null; missing: string[] } {
  const hasPoppler = () => existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdfinfo');
  const hasRedis = () => existsSync('/usr/bin/redis-server');
  const hasXmllint = () => existsSync('/usr/bin/xmllint');
  const hasLibreOffice = () => findSoffice() !== null;
  const hasQpdf = () => existsSync('/usr/bin/qpdf');
  const packages = [
    ...(findChromium() ? [] : ['chromium']),
    ...(hasPoppler() ? [] : ['poppler-utils']),
    ...(hasRedis() ? [] : ['redis-server']),
    ...(hasXmllint() ? [] : ['libxml2-utils']),
    ...(hasLibreOffice() ? [] : ['libreoffice-writer-nogui']),
    ...(hasQpdf() ? [] : ['qpdf']),
  ];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (packages.length > 0 && isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(`Ontbreekt: ${packages.join(', ')}; installeren met apt-get …`);
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', ...packages], { DEBIAN_FRONTEND: 'noninteractive' });
  }
  const missing = [
    ...(findChromium() ? [] : ['chromium (of zet CHROMIUM_PATH op een Chromium of Chrome)']),
    ...(hasPoppler() ? [] : ['poppler-utils (pdftotext, pdfinfo)']),
    ...(hasRedis() ? [] : ['redis-server (de Redis-test wordt overgeslagen)']),
    ...(hasXmllint() ? [] : ['libxml2-utils (xmllint, de controle van Akoma Ntoso)']),
    ...(hasLibreOffice() ? [] : ['libreoffice-writer-nogui (de lezer van Word-bestanden)']),
    ...(hasQpdf() ? [] : ['qpdf (de controle van PDF/A)']),
  ];
  return { chromium: findChromium(), missing };
}

function add(suite: SuiteTotals): void {
  totals.passed += suite.passed;
  totals.failed += suite.failed;
  totals.skipped += suite.skipped;
  failures.push(...suite.failures);
}

function readReport<T>(path: string, suite: string, read: (report: T) => SuiteTotals): void {
  if (existsSync(path)) add(read(JSON.parse(readFileSync(path, 'utf8')) as T));
  else add({ passed: 0, failed: 1, skipped: 0, failures: [`${suite}: geen rapport`] });
}

rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

step('Typecontrole', 'tsc', ['-p', 'tsconfig.node.json', '--noEmit']);
step('Typecontrole renderer', 'tsc', ['-p', 'tsconfig.renderer.json', '--noEmit']);
step('Typecontrole tests', 'tsc', ['-p', 'tsconfig.test.json', '--noEmit']);
step('Lint (ESLint)', 'eslint', ['.']);
step('Opmaak (Prettier)', 'prettier', ['--check', '.']);

const tools = ensureSystemTools();
if (tools.missing.length > 0) {
  console.log(`Ontbreekt nog: ${tools.missing.join('; ')}. Tests die het nodig hebben, mislukken.`);
}

console.log('\n== Unit-tests (Node) ==');
run('vitest', [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${results}/unit.json`,
]);
readReport<VitestReport>(`${results}/unit.json`, 'Unit-tests', (report) =>
  readVitestReport(report, process.cwd()),
);

const built = step('Build (renderer en main)', 'npm', ['run', '--silent', 'build']);

console.log('\n== End-to-end-tests (Chromium) ==');
const chromium = tools.chromium;
if (!chromium) {
  console.log(
    'Chromium ontbreekt: installeer het pakket "chromium" (Debian/Ubuntu: apt-get install chromium) ' +
      'of zet CHROMIUM_PATH op een Chromium of Chrome. De browsertests zijn niet gedraaid.',
  );
  add({ passed: 0, failed: 1, skipped: 0, failures: ['End-to-end-tests: Chromium ontbreekt'] });
} else if (!built) {
  console.log('De build is mislukt; de browsertests zijn niet gedraaid.');
  add({ passed: 0, failed: 1, skipped: 0, failures: ['End-to-end-tests: niet gedraaid'] });
} else {
  run('playwright', ['test', '--reporter=list,json'], {
    CHROMIUM_PATH: chromium,
    PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/e2e.json`,
  });
  readReport<PlaywrightReport>(`${results}/e2e.json`, 'End-to-end-tests', readPlaywrightReport);
}

if (failures.length > 0) {
  console.log(`\n== Mislukt ==\n${failures.map((failure) => `  ✗ ${failure}`).join('\n')}`);
}
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
