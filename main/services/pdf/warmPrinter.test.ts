/**
 * The warm printer with a real Chromium: later prints reuse the Chromium the first started,
 * prints at the same time each get their page, an idle printer closes and the next print
 * starts a new one, and a Chromium that crashed is replaced. No timing is asserted: the idle
 * time is short so the test need not wait long, and it only waits until the printer says so.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { chromiumArgs, findChromium } from './chromium.ts';
import { ChromiumPagePrinter } from './chromiumPagePrinter.ts';
import { WarmPrinter } from './warmPrinter.ts';

vi.setConfig({ testTimeout: 60_000 });

// The tests need a Chromium, like every PDF test: none is a failure, not a skip.
const executablePath = findChromium();
const browsers: Browser[] = [];
let printer: WarmPrinter | null = null;

/** A warm printer whose Chromiums the test can reach. */
function makePrinter(idleMs?: number): WarmPrinter {
  printer = new WarmPrinter({
    start: async () => {
      const browser = await chromium.launch({
        executablePath: executablePath!,
        args: chromiumArgs(),
      });
      browsers.push(browser);
      return ChromiumPagePrinter.fromBrowser(browser);
    },
    ...(idleMs === undefined ? {} : { idleMs }),
  });
  return printer;
}

const page = (text: string) => ({
  html: `<!doctype html><html lang="nl"><head><meta charset="utf-8"></head><body><p>${text}</p></body></html>`,
  headerTemplate: '<span></span>',
  footerTemplate: '<span></span>',
});

/** Prints through the printer as a PDF job does: take it, print, let go. */
async function printWith(warm: WarmPrinter, text: string): Promise<number> {
  const job = await warm.startPrinter();
  try {
    const pdf = await job.print(page(text));
    return (await PDFDocument.load(pdf)).getPageCount();
  } finally {
    await job.close();
  }
}

afterEach(async () => {
  await printer?.close();
  printer = null;
  await Promise.all(browsers.splice(0).map((browser) => browser.close().catch(() => undefined)));
});

describe('WarmPrinter', () => {
  it('starts Chromium once and reuses it for later and simultaneous prints', async () => {
    const warm = makePrinter();
    expect(warm.isWarm).toBe(false);
    expect(await printWith(warm, 'Eerste stuk')).toBe(1);
    expect(warm.isWarm).toBe(true);
    const pages = await Promise.all(['Tweede', 'Derde', 'Vierde'].map((t) => printWith(warm, t)));
    expect(pages).toEqual([1, 1, 1]);
    expect(warm.startCount).toBe(1);
    expect(browsers[0]!.isConnected()).toBe(true);
  });

  it('closes Chromium after the idle time, and starts a new one for the next print', async () => {
    const warm = makePrinter(300);
    await printWith(warm, 'Voor de pauze');
    await vi.waitFor(() => expect(warm.isWarm).toBe(false), { timeout: 20_000, interval: 50 });
    await vi.waitFor(() => expect(browsers[0]!.isConnected()).toBe(false), { timeout: 20_000 });
    expect(await printWith(warm, 'Na de pauze')).toBe(1);
    expect(warm.startCount).toBe(2);
  });

  it('does not close while a job holds it, however long it takes', async () => {
    const warm = makePrinter(100);
    const job = await warm.startPrinter();
    await job.print(page('Lang werk'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(warm.isWarm).toBe(true);
    expect(browsers[0]!.isConnected()).toBe(true);
    await job.close();
    await vi.waitFor(() => expect(warm.isWarm).toBe(false), { timeout: 20_000, interval: 50 });
  });

  it('replaces a Chromium that crashed', async () => {
    const warm = makePrinter();
    await printWith(warm, 'Voor de crash');
    const session = await browsers[0]!.newBrowserCDPSession();
    // Chromium's own way to crash its browser process, as a crash would.
    await session.send('Browser.crash').catch(() => undefined);
    await vi.waitFor(() => expect(browsers[0]!.isConnected()).toBe(false), { timeout: 20_000 });
    expect(await printWith(warm, 'Na de crash')).toBe(1);
    expect(warm.startCount).toBe(2);
    expect(browsers[1]!.isConnected()).toBe(true);
  });

  it('closes Chromium when the host stops, and prints nothing after', async () => {
    const warm = makePrinter();
    await printWith(warm, 'Laatste stuk');
    await warm.close();
    expect(browsers[0]!.isConnected()).toBe(false);
    await expect(warm.startPrinter()).rejects.toThrow('gestopt');
  });
});
