/**
 * Reading a PDF back as a user's tools do: poppler's `pdfinfo` and `pdftotext`, a coarse
 * render with `pdftoppm`, and the outline and page resources through pdf-lib. For the tests of
 * the command line's PDFs; needs poppler-utils, which `npm test` and .ci/run install.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFStream } from 'pdf-lib';
import { WATERMARK_LAYOUT } from '../../../../shared/print/watermark.ts';
import { readPdfOutline } from '../pdfOutline.ts';
import type { OutlineEntry } from '../pdfOutline.ts';

/** `pdfinfo`'s fields: Title, Author, Pages, Tagged … */
export function readPdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
  );
}

/** The text of one page (from 1), or of the whole file, as `pdftotext` reads it. */
export function readPdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...range, file, '-'], { encoding: 'utf8' });
}

/** The outline's titles, depth-first. */
export async function readOutlineTitles(file: string): Promise<string[]> {
  const titles: string[] = [];
  const walk = (entries: OutlineEntry[]) => {
    for (const entry of entries) {
      titles.push(entry.title);
      walk(entry.children);
    }
  };
  walk(await readPdfOutline(readFileSync(file)));
  return titles;
}

/** How many dark-ish pixels the middle of a page holds (a grey render at 20 dpi). */
export function countInkInMiddle(file: string, page: number): number {
  const pgm = execFileSync(
    'pdftoppm',
    ['-gray', '-r', '20', '-f', String(page), '-l', String(page), file],
    { maxBuffer: 1 << 22 },
  );
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  let ink = 0;
  for (let y = Math.floor(height * 0.4); y < height * 0.6; y++) {
    for (let x = Math.floor(width * 0.3); x < width * 0.7; x++)
      if (pixels[y * width + x]! < 245) ink += 1;
  }
  return ink;
}

/**
 * The pages (from 1) that carry the CONCEPT mark: those that place a form whose resources
 * hold the mark's translucent stroke state (pdf-lib draws it with the layout's opacity;
 * Chromium's own drawing uses none like it). The state is looked for in the page's own
 * resources too, so a mark drawn straight on the page would count as well.
 */
export async function findMarkedPages(file: string): Promise<number[]> {
  const pdf = await PDFDocument.load(readFileSync(file));
  const asDict = (value: unknown) => {
    const object = value instanceof PDFRef ? pdf.context.lookup(value) : value;
    return object instanceof PDFDict ? object : undefined;
  };
  const carriesMark = (resources: PDFDict | undefined) =>
    (resources?.lookupMaybe(PDFName.of('ExtGState'), PDFDict)?.values() ?? []).some((value) => {
      const opacity = asDict(value)?.lookupMaybe(PDFName.of('CA'), PDFNumber);
      return (
        opacity !== undefined && Math.abs(opacity.asNumber() - WATERMARK_LAYOUT.opacity) < 1e-6
      );
    });
  const marked: number[] = [];
  pdf.getPages().forEach((page, index) => {
    const resources = page.node.Resources();
    const forms = (resources?.lookupMaybe(PDFName.of('XObject'), PDFDict)?.values() ?? []).map(
      (value) => {
        const object = value instanceof PDFRef ? pdf.context.lookup(value) : value;
        return object instanceof PDFStream
          ? object.dict.lookupMaybe(PDFName.of('Resources'), PDFDict)
          : undefined;
      },
    );
    if (carriesMark(resources) || forms.some(carriesMark)) marked.push(index + 1);
  });
  return marked;
}
