import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findAppRoot } from '../../services/app/appRoot.ts';
import { createApiContext, type ApiContext, type ApiContextOptions } from '../context.ts';

/** One reported failure. */
export interface Report {
  message: string;
  error: unknown;
}

/** A context on fresh temporary folders, for one test file or test. */
export interface TestContext {
  context: ApiContext;
  /** What the context reported instead of printing it. */
  reported: Report[];
  /** The temporary folder holding `profile/` and `documenten/`. */
  dir: string;
  profileDir: string;
  documentsDir: string;
  /** Closes the context's printer and removes the temporary folder. */
  remove(): Promise<void>;
}

/**
 * A context like a shell builds, on a new temporary profile folder and documents folder (the
 * latter not created yet, as on a first start), collecting reported failures.
 */
export function createTestContext(options: Partial<ApiContextOptions> = {}): TestContext {
  const dir = mkdtempSync(path.join(tmpdir(), 'api-context-'));
  const reported: Report[] = [];
  const profileDir = options.profileDir ?? path.join(dir, 'profile');
  const documentsDir = options.documentsDir ?? path.join(dir, 'documenten');
  const context = createApiContext({
    mode: 'browser',
    appRoot: findAppRoot(import.meta.dirname),
    reportError: (message, error) => reported.push({ message, error }),
    ...options,
    profileDir,
    documentsDir,
  });
  return {
    context,
    reported,
    dir,
    profileDir,
    documentsDir,
    remove: async () => {
      // The context's Chromium, if a test printed, stops with the test.
      await context.warmPrinter?.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
