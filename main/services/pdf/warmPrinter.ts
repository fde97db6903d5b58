/**
 * A page printer kept warm for a process that prints now and then: the browser-mode host.
 * Starting Chromium is most of a cold PDF's time, so the first PDF (or {@link WarmPrinter.warm}
 * shortly after the host starts) starts one, later PDFs reuse it, and it is closed after a
 * while without printing and when the host stops. Each print opens its own page in it, so
 * prints may run at the same time. A Chromium that crashed or was killed is noticed before the
 * next print and replaced; a print it took down with it is tried once more on a new one.
 */
import type { PagePrinter, PrintablePage, StartPagePrinter } from './pagePrinter.ts';

/** A printer that can say whether it still runs (`ChromiumPagePrinter`). */
export interface RunningPagePrinter extends PagePrinter {
  isRunning(): boolean;
}

/** How long a warm printer waits without printing before it closes: two minutes. */
export const WARM_PRINTER_IDLE_MS = 120_000;

export interface WarmPrinterOptions {
  /** Starts the Chromium to keep warm. */
  start: () => Promise<RunningPagePrinter>;
  /** Closes it after this long without a print; {@link WARM_PRINTER_IDLE_MS} by default. */
  idleMs?: number;
}

/** One warm printer, shared by every print of the process. */
export class WarmPrinter {
  private readonly start: () => Promise<RunningPagePrinter>;
  private readonly idleMs: number;
  private printer: Promise<RunningPagePrinter> | null = null;
  private printing = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private starts = 0;

  constructor(options: WarmPrinterOptions) {
    this.start = options.start;
    this.idleMs = options.idleMs ?? WARM_PRINTER_IDLE_MS;
  }

  /** How many Chromiums it started so far: one while it is kept warm. */
  get startCount(): number {
    return this.starts;
  }

  /** Whether a Chromium is running for it now (or starting). */
  get isWarm(): boolean {
    return this.printer !== null;
  }

  /**
   * For the print jobs (`PdfJobOptions.startPrinter`): the warm printer, whose `close` ends
   * only this job's use of it; Chromium stays.
   */
  readonly startPrinter: StartPagePrinter = () => {
    if (this.closed) return Promise.reject(new Error('de PDF-printer is gestopt'));
    let released = false;
    this.printing += 1;
    this.stopIdleTimer();
    const release = async () => {
      if (released) return;
      released = true;
      this.printing -= 1;
      this.startIdleTimer();
    };
    return Promise.resolve({
      print: (page: PrintablePage) => this.print(page),
      close: release,
    });
  };

  /** Starts Chromium now, in the background, so that the first PDF finds it running. */
  warm(): void {
    if (this.closed) return;
    this.getPrinter().catch(() => undefined);
    this.startIdleTimer();
  }

  /** Closes Chromium; no print after this. For the host's shutdown. */
  async close(): Promise<void> {
    this.closed = true;
    this.stopIdleTimer();
    await this.shutDown();
  }

  private async print(page: PrintablePage): Promise<Uint8Array> {
    const printer = await this.getPrinter();
    try {
      return await printer.print(page);
    } catch (error) {
      // A Chromium that died during the print: once more, on a new one. Any other failure
      // (a page Chromium cannot print) is the job's.
      if (printer.isRunning() || this.closed) throw error;
      return (await this.getPrinter()).print(page);
    }
  }

  // The running printer, started when there is none or the last one no longer runs.
  private async getPrinter(): Promise<RunningPagePrinter> {
    if (this.printer) {
      const current = this.printer;
      try {
        const running = await current;
        if (running.isRunning()) return running;
      } catch {
        // It failed to start; a new attempt follows.
      }
      if (this.printer === current) this.printer = null;
      if (this.printer) return this.getPrinter();
    }
    this.starts += 1;
    const starting = this.start();
    this.printer = starting;
    try {
      return await starting;
    } catch (error) {
      if (this.printer === starting) this.printer = null;
      throw error;
    }
  }

  private startIdleTimer(): void {
    if (this.closed || this.printing > 0) return;
    this.stopIdleTimer();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.printing === 0) void this.shutDown();
    }, this.idleMs);
    // A waiting printer does not keep the process alive.
    this.idleTimer.unref();
  }

  private stopIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private async shutDown(): Promise<void> {
    const current = this.printer;
    this.printer = null;
    if (!current) return;
    try {
      await (await current).close();
    } catch {
      // It never started, or is gone already.
    }
  }
}
