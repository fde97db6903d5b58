import { describe, expect, it } from 'vitest';
import { readPlaywrightReport, readVitestReport } from './testReports.ts';

// Trimmed from real reports of Vitest 4 and Playwright 1.65 on a failing test, a passing one
// and a file that throws on import.
const vitest = {
  numPassedTests: 1,
  numFailedTests: 1,
  numPendingTests: 2,
  numTodoTests: 1,
  testResults: [
    {
      name: '/repo/scripts/a.test.ts',
      status: 'failed',
      message: '',
      assertionResults: [
        {
          fullName: 'groep faalt',
          status: 'failed',
          failureMessages: ['AssertionError: expected 1 to be 2 // Object.is equality\n    at …'],
        },
        { fullName: 'groep slaagt', status: 'passed' },
      ],
    },
    {
      name: '/repo/scripts/b.test.ts',
      status: 'failed',
      message: 'kapot bij laden\nregel twee',
      assertionResults: [],
    },
    { name: '/repo/scripts/c.test.ts', status: 'passed', message: '', assertionResults: [] },
  ],
};

const playwright = {
  stats: { expected: 1, unexpected: 1, skipped: 3, flaky: 1 },
  errors: [],
  suites: [
    {
      title: 'a.spec.ts',
      specs: [{ title: 'slaagt', file: 'a.spec.ts', line: 3, tests: [{ status: 'expected' }] }],
      suites: [
        {
          title: 'groep',
          specs: [
            { title: 'faalt', file: 'a.spec.ts', line: 2, tests: [{ status: 'unexpected' }] },
            { title: 'wankel', file: 'a.spec.ts', line: 5, tests: [{ status: 'flaky' }] },
          ],
        },
      ],
    },
  ],
};

describe('the test reports', () => {
  it('name every failed unit test, and count a file that failed outside its tests', () => {
    expect(readVitestReport(vitest, '/repo')).toEqual({
      passed: 1,
      failed: 2,
      skipped: 3,
      failures: [
        'scripts/a.test.ts › groep faalt: AssertionError: expected 1 to be 2 // Object.is equality',
        'scripts/b.test.ts: kapot bij laden',
      ],
    });
  });

  it('name every failed browser test with its place, and the errors of the run', () => {
    expect(readPlaywrightReport(playwright)).toEqual({
      passed: 2,
      failed: 1,
      skipped: 3,
      failures: ['a.spec.ts:2 › groep › faalt'],
    });
    const broken = {
      stats: { expected: 0, unexpected: 0, skipped: 0, flaky: 0 },
      errors: [{ message: 'Error: Process from config.webServer was not able to start.\nstack' }],
    };
    expect(readPlaywrightReport(broken)).toMatchObject({
      failed: 1,
      failures: ['End-to-end-tests: Error: Process from config.webServer was not able to start.'],
    });
  });
});
