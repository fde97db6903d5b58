/**
 * Finds a Chromium to print PDFs with (and for the browser tests): `RESOLUTIE_CHROMIUM` or
 * `CHROMIUM_PATH`, then a browser Playwright installed, then the system's Chromium or Chrome.
 * Never downloads one: where none is found, the caller says how to get one.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Where a system Chromium or Chrome usually lives, per platform. */
export const SYSTEM_CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

/** How to get a Chromium, in Dutch, for the message when none is found. */
export const CHROMIUM_MISSING_MESSAGE =
  'Geen Chromium gevonden om de PDF mee te maken. Installeer Chromium of Google Chrome ' +
  '(Debian/Ubuntu: apt-get install chromium) of wijs er een aan met RESOLUTIE_CHROMIUM=/pad/naar/chromium.';

/** The first Chromium found, or null. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  for (const fromEnv of [env.RESOLUTIE_CHROMIUM, env.CHROMIUM_PATH]) {
    if (fromEnv && existsSync(fromEnv)) return fromEnv;
  }
  const playwrights = playwrightChromium();
  if (playwrights) return playwrights;
  return SYSTEM_CHROMIUM_PATHS.find((path) => existsSync(path)) ?? null;
}

// Playwright names where its own download would be, downloaded or not.
function playwrightChromium(): string | null {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Flags for a headless Chromium that prints: no sandbox as root, no network chatter. */
export const CHROMIUM_FLAGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** `--no-sandbox` only where Chromium refuses to start without it: as root on Linux. */
export function chromiumArgs(): string[] {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot ? ['--no-sandbox', ...CHROMIUM_FLAGS] : CHROMIUM_FLAGS;
}
