/**
 * Renders the app icon (`renderer/assets/icon.svg`, the one source of the icon) to the PNG that
 * electron-builder turns into each platform's icon (`build-resources/icon.png`, 1024×1024 with
 * a transparent background). Uses the system's Chromium through playwright-core, as the PDF
 * export does; never downloads a browser. Run after changing the SVG, and commit both:
 *
 *   node scripts/renderIcon.ts
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import {
  CHROMIUM_MISSING_MESSAGE,
  chromiumArgs,
  findChromium,
} from '../main/services/pdf/chromium.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The icon's source. */
export const ICON_SVG = path.join(root, 'renderer', 'assets', 'icon.svg');

/** The PNG electron-builder reads (see `directories.buildResources` in electron-builder.yml). */
export const ICON_PNG = path.join(root, 'build-resources', 'icon.png');

/** electron-builder wants at least 512×512 (macOS); 1024 also serves Retina. */
export const ICON_SIZE = 1024;

/** The PNG of `svg` at `size`×`size` pixels, transparent outside the drawing. */
export async function renderSvgToPng(svg: string, size: number): Promise<Buffer> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_MISSING_MESSAGE);
  const browser = await chromium.launch({ executablePath, args: chromiumArgs() });
  try {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}img{display:block}</style>` +
        `<img src="${dataUrl}" width="${size}" height="${size}">`,
    );
    // A string, not a function: this module is compiled without the DOM's types.
    await page.waitForFunction(
      'document.images[0].complete && document.images[0].naturalWidth > 0',
    );
    return await page.screenshot({ omitBackground: true, type: 'png' });
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const svg = await readFile(ICON_SVG, 'utf8');
  await writeFile(ICON_PNG, await renderSvgToPng(svg, ICON_SIZE));
  console.log(`${path.relative(root, ICON_PNG)}: ${ICON_SIZE}×${ICON_SIZE}`);
}
