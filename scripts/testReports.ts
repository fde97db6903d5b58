/**
 * Reads the JSON reports of Vitest and Playwright into totals and the names of what failed,
 * for the last lines of `npm test`: a CI log is often read from its tail only.
 */
import { relative } from 'node:path';

export interface SuiteTotals {
  passed: number;
  failed: number;
  skipped: number;
  /** Each failed test by file and name, or the reason a file or run failed outside a test. */
  failures: string[];
}

export interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults?: {
    name: string;
    status: string;
    message?: string;
    assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[];
  }[];
}

interface PlaywrightSpec {
  title: string;
  file: string;
  line: number;
  tests: { status: string }[];
}

interface PlaywrightSuite {
  title: string;
  specs?: PlaywrightSpec[];
  suites?: PlaywrightSuite[];
}

export interface PlaywrightReport {
  stats: { expected: number; unexpected: number; skipped: number; flaky: number };
  errors?: { message?: string }[];
  suites?: PlaywrightSuite[];
}

/** The first line of a message that says something, cut short enough for one log line. */
const firstLine = (text: string | undefined, fallback: string): string => {
  const line = text?.split('\n').find((candidate) => candidate.trim() !== '') ?? fallback;
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
};

export function readVitestReport(report: VitestReport, root: string): SuiteTotals {
  const totals: SuiteTotals = {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
    failures: [],
  };
  for (const file of report.testResults ?? []) {
    const name = relative(root, file.name);
    const failed = (file.assertionResults ?? []).filter((test) => test.status === 'failed');
    for (const test of failed) {
      const reason = test.failureMessages?.[0];
      totals.failures.push(
        `${name} › ${test.fullName}${reason ? `: ${firstLine(reason, '')}` : ''}`,
      );
    }
    // A file that fails outside its tests (on import, in a hook) has no failed test to count.
    if (file.status === 'failed' && failed.length === 0) {
      totals.failed += 1;
      totals.failures.push(`${name}: ${firstLine(file.message, 'mislukt')}`);
    }
  }
  return totals;
}

function playwrightFailures(suite: PlaywrightSuite, titles: string[]): string[] {
  const own = (suite.specs ?? [])
    .filter((spec) => spec.tests.some((test) => test.status === 'unexpected'))
    .map((spec) => `${spec.file}:${spec.line} › ${[...titles, spec.title].join(' › ')}`);
  const nested = (suite.suites ?? []).flatMap((child) =>
    playwrightFailures(child, [...titles, child.title]),
  );
  return [...own, ...nested];
}

export function readPlaywrightReport(report: PlaywrightReport): SuiteTotals {
  const errors = report.errors ?? [];
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected + errors.length,
    skipped: report.stats.skipped,
    failures: [
      // The top-level suites are the files; their names are already in each spec's place.
      ...(report.suites ?? []).flatMap((file) => playwrightFailures(file, [])),
      ...errors.map((error) => `End-to-end-tests: ${firstLine(error.message, 'fout')}`),
    ],
  };
}
