/**
 * The builds the Chromium benchmarks run on, made with Vite into a temporary folder (never
 * into `dist/`, which the end-to-end tests serve): the app's renderer as `npm run build` makes
 * it, the same without minifying (for readable CPU profiles), and the benchmark page.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const ROOT = new URL('../../', import.meta.url).pathname;

/**
 * Builds the app's renderer with the project's own Vite config into `outDir`, with source maps
 * as `npm run build` makes them: they say which modules a script's bytes and CPU time are.
 */
export async function buildAppRenderer(outDir: string, minify = true): Promise<void> {
  await build({
    configFile: path.join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, minify, sourcemap: true },
  });
}

/** Builds the benchmark page (`bench/page/index.html`) into `outDir`, unminified. */
export async function buildBenchPage(outDir: string): Promise<void> {
  await buildPage('index.html', outDir, false);
}

/**
 * Builds the bare editor's page (`bench/page/bare.html`) into `outDir`, minified as the app
 * is: the baseline of the bundle size and of the start-up.
 */
export async function buildBarePage(outDir: string): Promise<void> {
  await buildPage('bare.html', outDir, true);
}

async function buildPage(html: string, outDir: string, minify: boolean): Promise<void> {
  await build({
    configFile: false,
    root: path.join(ROOT, 'bench/page'),
    base: './',
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      minify,
      // Top-level await in the bare page; the system Chromium has it.
      target: 'es2022',
      chunkSizeWarningLimit: 4096,
      rollupOptions: { input: path.join(ROOT, 'bench/page', html) },
    },
  });
}

/** Every file under `dir` with its size in bytes, by path relative to `dir`. */
export function listFileSizes(dir: string): { file: string; bytes: number }[] {
  const out: { file: string; bytes: number }[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const full = path.join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push({ file: path.relative(dir, full), bytes: statSync(full).size });
    }
  };
  walk(dir);
  return out.sort((a, b) => b.bytes - a.bytes);
}
