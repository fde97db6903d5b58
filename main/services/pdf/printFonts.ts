/**
 * The print template's fonts as @font-face rules with the font files inlined (data: URLs), so
 * that Chromium embeds them in every PDF, on any machine, without fetching anything. The same
 * files the editor uses (Source Serif 4 from @fontsource), Latin and Latin Extended, so ë, €,
 * “ ” and – print in the same typeface.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const FACES = [
  { weight: 400, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 600, style: 'normal' },
  { weight: 600, style: 'italic' },
] as const;

// The Unicode ranges @fontsource gives its Latin and Latin Extended subsets.
const SUBSETS = [
  {
    name: 'latin',
    range:
      'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD',
  },
  {
    name: 'latin-ext',
    range:
      'U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, U+0329, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, U+2C60-2C7F, U+A720-A7FF',
  },
] as const;

let cached: Promise<string> | null = null;

/** The @font-face CSS for the print template; read once per process. */
export function getPrintFontCss(appRoot: string): Promise<string> {
  cached ??= buildFontCss(appRoot);
  return cached;
}

async function buildFontCss(appRoot: string): Promise<string> {
  const dir = path.join(appRoot, 'node_modules', '@fontsource', 'source-serif-4', 'files');
  const rules: string[] = [];
  for (const subset of SUBSETS) {
    for (const face of FACES) {
      const file = `source-serif-4-${subset.name}-${face.weight}-${face.style}.woff2`;
      const data = (await readFile(path.join(dir, file))).toString('base64');
      rules.push(
        `@font-face{font-family:'Source Serif 4';font-style:${face.style};font-weight:${face.weight};` +
          `font-display:block;src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${subset.range};}`,
      );
    }
  }
  return rules.join('\n');
}
