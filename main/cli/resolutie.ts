#!/usr/bin/env node
/** Entry point of the `resolutie` command (package.json "bin"). */
import { formatPdfTimings, recordPdfPhase } from '../services/pdf/pdfTimings.ts';

const args = process.argv.slice(2);
// A PDF waits longest on Chromium's start: it starts first, while the command line's modules
// load and the document is read and rendered (the modules load after this, dynamically).
const printing = asksForPdf(args) ? await import('../services/pdf/chromiumPagePrinter.ts') : null;
printing?.prestartSystemChromiumPrinter();

const path = (await import('node:path')).default;
const { fileURLToPath } = await import('node:url');
const { findAppRoot } = await import('../services/app/appRoot.ts');
const { readPackageIdentity } = await import('../services/app/appInfo.ts');
const { runCli } = await import('./runCli.ts');
// Node's start and the command line's own modules, up to here (only with RESOLUTIE_PDF_TIMINGS).
recordPdfPhase('cliStart', performance.now());

const identity = await readPackageIdentity(
  findAppRoot(path.dirname(fileURLToPath(import.meta.url))),
);
try {
  process.exitCode = await runCli(
    args,
    { app: identity.name, version: identity.version },
    {
      out: (text) => process.stdout.write(text),
      err: (text) => process.stderr.write(text),
      progress: process.stderr,
    },
  );
} finally {
  // No job took the Chromium started for it: the answer (an error) is not held up by its
  // start; it is killed as the process exits.
  if (printing?.hasUnusedPrestart()) {
    await Promise.all([process.stdout, process.stderr].map(flush));
    process.exit();
  }
}
recordPdfPhase('total', performance.now());
const timings = formatPdfTimings();
if (timings) process.stderr.write(timings);

/** `export … --pdf …` or `bundle … --pdf …`, not asking for help. */
function asksForPdf(argv: readonly string[]): boolean {
  return (
    (argv[0] === 'export' || argv[0] === 'bundle') &&
    argv.some((arg) => arg === '--pdf' || arg.startsWith('--pdf=')) &&
    !argv.some((arg) => arg === '--help' || arg === '-h')
  );
}

/** Resolves once what was written to `stream` is handed to the system. */
function flush(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}
