/**
 * Where the time of a PDF goes, measured on request: with `RESOLUTIE_PDF_TIMINGS=1` in its
 * environment, a process records how long each phase of its PDF jobs took (loading the
 * modules, starting Chromium, the fonts, rendering, Chromium's printing, the finishing) and
 * the command line writes them to stderr at its end as one line `resolutie-timings {…}`.
 * The benchmark asks for it to show the profile in its report; without the variable nothing
 * is recorded or written, and nothing a user sees changes.
 */

/** The environment variable that asks for the timings. */
export const PDF_TIMINGS_ENV = 'RESOLUTIE_PDF_TIMINGS';

/** What starts the line on stderr, before the JSON of the phases. */
export const PDF_TIMINGS_PREFIX = 'resolutie-timings ';

/** Milliseconds per phase, summed over the phase's runs (a bundle prints several times). */
export type PdfTimings = Record<string, number>;

const recorded: PdfTimings = {};

/** Whether this process records its timings. */
export function isTimingPdf(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[PDF_TIMINGS_ENV] === '1';
}

/** Adds `ms` to the phase `phase`, when timings are asked for. */
export function recordPdfPhase(phase: string, ms: number): void {
  if (!isTimingPdf()) return;
  recorded[phase] = (recorded[phase] ?? 0) + ms;
}

/** Runs `work` and records its duration as `phase`; the result and any error pass through. */
export async function timePdfPhase<T>(phase: string, work: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    recordPdfPhase(phase, performance.now() - start);
  }
}

/** The phases recorded so far, in the order they first ran. */
export function getPdfTimings(): PdfTimings {
  return { ...recorded };
}

/** The line for stderr, or null when timings were not asked for. */
export function formatPdfTimings(): string | null {
  if (!isTimingPdf()) return null;
  const rounded = Object.fromEntries(
    Object.entries(recorded).map(([phase, ms]) => [phase, Math.round(ms)]),
  );
  return `${PDF_TIMINGS_PREFIX}${JSON.stringify(rounded)}\n`;
}

/** Reads the line a process wrote on stderr back; null when there is none. */
export function parsePdfTimings(stderr: string): PdfTimings | null {
  const line = stderr.split('\n').find((text) => text.startsWith(PDF_TIMINGS_PREFIX));
  if (!line) return null;
  const parsed: unknown = JSON.parse(line.slice(PDF_TIMINGS_PREFIX.length));
  if (typeof parsed !== 'object' || parsed === null) return null;
  return Object.fromEntries(
    Object.entries(parsed).filter(
      (entry): entry is [string, number] => typeof entry[1] === 'number',
    ),
  );
}
