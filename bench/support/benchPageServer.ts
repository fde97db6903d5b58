/**
 * The benchmark page, built and served on its port for the length of a run, and opened in a
 * page of a Chromium with a Yjs state handed over.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { buildBarePage, buildBenchPage } from './builds.ts';
import { serveFolder } from './staticServer.ts';
import { newPage } from './browser.ts';
import type {} from '../page/pageTypes.ts';

/** The served pages' addresses and how to stop serving them. */
export interface ServedBenchPage {
  /** The benchmark page (`index.html`). */
  url: string;
  /** The bare editor's page, its build in `bareDir`. */
  bareUrl: string;
  bareDir: string;
  /** Serves `bytes` at the returned address. */
  addFile(name: string, bytes: Uint8Array): string;
  stop(): Promise<void>;
}

/** Builds the benchmark page and the bare page into `tempDir` and serves them on `port`. */
export async function serveBenchPage(tempDir: string, port: number): Promise<ServedBenchPage> {
  const dir = path.join(tempDir, 'bench-page');
  await buildBenchPage(dir);
  // Into a folder of its own below, after the page: each build empties its folder.
  const bareDir = path.join(dir, 'bare');
  await buildBarePage(bareDir);
  const stop = await serveFolder(dir, port);
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    bareUrl: `${url}bare/bare.html`,
    bareDir,
    addFile(name, bytes) {
      writeFileSync(path.join(dir, name), bytes);
      return `${url}${name}`;
    },
    stop,
  };
}

/** Loads the page (fresh, as a new window would) with `state` stored for the next mount. */
export async function loadBenchPage(
  target: Page | Browser,
  url: string,
  state: Uint8Array,
): Promise<Page> {
  const page = 'goto' in target ? target : await newPage(target);
  await page.goto(url);
  await page.waitForFunction(() => window.benchPage !== undefined);
  await page.evaluate(
    (base64) => window.benchPage.storeState(base64),
    Buffer.from(state).toString('base64'),
  );
  return page;
}
