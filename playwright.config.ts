import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './main/services/pdf/chromium.ts';

// The end-to-end tests drive the system Chromium (never a downloaded browser) against the
// browser-mode host serving the production build, as a user in browser mode would see it.
const port = Number(process.env.RESOLUTIE_E2E_PORT ?? 4781);
// The host under test keeps its profile (journal, recent list) and documents in fresh
// temporary folders, never in the user's own; the specs read them through these variables.
const scratch = mkdtempSync(path.join(os.tmpdir(), 'resolutie-e2e-'));
process.env.RESOLUTIE_E2E_PROFILE_DIR ??= path.join(scratch, 'profile');
process.env.RESOLUTIE_E2E_DOCUMENTS_DIR ??= path.join(scratch, 'documenten');

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1400, height: 900 },
    locale: 'nl-NL',
    launchOptions: {
      executablePath: findChromium() ?? undefined,
      args: chromiumArgs(),
    },
  },
  webServer: {
    command: `node main/host/cli.ts --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    env: {
      RESOLUTIE_PROFILE_DIR: process.env.RESOLUTIE_E2E_PROFILE_DIR,
      RESOLUTIE_DOCUMENTS_DIR: process.env.RESOLUTIE_E2E_DOCUMENTS_DIR,
      // Hosted sessions on loopback, any free port: tests never open a port to the network.
      RESOLUTIE_SESSION_HOST: '127.0.0.1',
      RESOLUTIE_SESSION_PORT: '0',
    },
  },
});
