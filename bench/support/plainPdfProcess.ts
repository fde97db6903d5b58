/**
 * `node bench/support/plainPdfProcess.ts IN.html OUT.pdf`: the baseline of the PDF benchmark.
 * A cold start as the command line's (this Node, the same system Chromium with the same
 * flags) that prints the HTML the app prints with a bare `page.pdf`: the page's own `@page`
 * size and margins, but no header, footer, tags, outline or finishing. What printing that
 * page costs at the least.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../main/services/pdf/chromium.ts';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: plainPdfProcess.ts IN.html OUT.pdf');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: findChromium()!, args: chromiumArgs() });
try {
  const page = await browser.newPage();
  await page.setContent(readFileSync(input, 'utf8'), { waitUntil: 'load' });
  writeFileSync(output, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
} finally {
  await browser.close();
}
