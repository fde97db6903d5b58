/** The system Chromium the Chromium benchmarks drive, started as the end-to-end tests start it. */
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import {
  CHROMIUM_MISSING_MESSAGE,
  chromiumArgs,
  findChromium,
} from '../../main/services/pdf/chromium.ts';
import { installLatencyProbe } from '../page/latencyProbe.ts';
import type { KeystrokeSample } from '../page/latencyProbe.ts';

/** Starts a headless Chromium; throws with the Dutch "how to get one" when there is none. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_MISSING_MESSAGE);
  return chromium.launch({ executablePath, args: chromiumArgs() });
}

/** The Chromium's version, e.g. "156.0.8078.79". */
export async function chromiumVersion(): Promise<string> {
  const browser = await launchChromium();
  try {
    return browser.version();
  } finally {
    await browser.close();
  }
}

/** A new page of the size the end-to-end tests use. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    locale: 'nl-NL',
  });
  return context.newPage();
}

/**
 * Types `count` characters of `text` (round and round) into the focused editor of `page`,
 * one real key event each, and returns the probe's sample of each. After each key it waits
 * `pauseMs`, as a typist would, so keystrokes do not queue behind each other.
 */
export async function typeAndMeasure(
  page: Page,
  text: string,
  count: number,
  pauseMs: number,
): Promise<KeystrokeSample[]> {
  await page.evaluate(installLatencyProbe);
  const samples: KeystrokeSample[] = [];
  for (let i = 0; i < count; i++) {
    const key = text[i % text.length]!;
    await page.evaluate(() => window.latencyProbe!.arm());
    await page.keyboard.down(key === ' ' ? 'Space' : key);
    // The pause comes before asking for the result: asked at once, the question itself would
    // be a task in the page while the keystroke's work settles, and count in its time.
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    const sample = await page.evaluate(() => window.latencyProbe!.result());
    await page.keyboard.up(key === ' ' ? 'Space' : key);
    if (Number.isNaN(sample.editor)) {
      throw new Error(`keystroke ${i} ("${key}") did not reach the editor: is it focused?`);
    }
    samples.push(sample);
  }
  return samples;
}

/** The page's JavaScript heap in use after a full garbage collection, in MiB. */
export async function measureJsHeapMiB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 1024 / 1024;
  } finally {
    await cdp.detach();
  }
}
