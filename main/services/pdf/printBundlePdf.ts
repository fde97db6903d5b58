/**
 * The bundle of stukken for an assembly as one PDF: the cover, the contents with the page on
 * which each stuk starts, and the stukken, each on a new page, the concepts marked CONCEPT; a
 * resolution's amendments, in the standard form, each on a new page after it.
 *
 * The contents' page numbers come from printing: the cover and contents are printed alone to
 * count their pages, then each stuk alone, which gives where each starts (every stuk starts on a
 * new page and prints the same anywhere, on the same style sheet). Then the bundle is printed
 * with those numbers, and its outline, which points at each stuk's title, is read to check
 * them. Should the two disagree, the bundle is printed once more with the outline's numbers.
 * Each step reports progress, so the command line can show a bar while Chromium works.
 */
import type { Node } from 'prosemirror-model';
import { PDFDocument } from 'pdf-lib';
import { listBundleEntries, renderPrintBundle } from '../../../shared/print/renderBundle.ts';
import { renderAmendmentDocument } from '../../../shared/print/renderAmendment.ts';
import type { PrintedAmendment } from '../../../shared/print/renderAmendment.ts';
import type { PrintBundle } from '../../../shared/print/renderBundle.ts';
import { renderPrintDocument } from '../../../shared/print/renderPrintDocument.ts';
import { startSystemChromiumPrinter } from './chromiumPagePrinter.ts';
import { finishPdf } from './pdfFinishing.ts';
import { readPdfOutline } from './pdfOutline.ts';
import type { PdfJobOptions } from './printDocumentPdf.ts';
import { getPrintFontCss } from './printFonts.ts';

/** Where the work is: `done` of `total` steps, and what the next step does. */
export interface BundleProgress {
  done: number;
  total: number;
  /** What is being done now, in Dutch: "Stuk 2 van 8 opmaken". Empty once all is done. */
  label: string;
}

/** What a bundle is printed with. */
export interface BundleJobOptions extends PdfJobOptions {
  title: string;
  /** The day the bundle is compiled (yyyy-mm-dd), for the cover. */
  compiledOn: string;
  /** Per document, its file's name: what names an untitled letter in the contents. */
  fileNames?: readonly string[];
  /** Per document, the amendments that print after it (submitted ones, in number order). */
  amendments?: readonly (readonly PrintedAmendment[])[];
  onProgress?: (progress: BundleProgress) => void;
}

/** A printed bundle. */
export interface PrintedBundle {
  pdf: Uint8Array;
  pageCount: number;
  /** The page (from 1) on which each stuk (amendments included) starts, as the contents say. */
  startPages: number[];
}

/** The finished PDF of the bundle of `docs`, in their order. */
export async function printBundlePdf(
  docs: readonly Node[],
  options: BundleJobOptions,
): Promise<PrintedBundle> {
  const entries = listBundleEntries(docs, options.amendments);
  const total = entries.length + 3;
  let done = 0;
  const step = (label: string) => options.onProgress?.({ done: done++, total, label });

  const fontCss = await getPrintFontCss(options.appRoot);
  const render = (startPages: readonly number[] | null, frontMatterOnly = false) =>
    renderPrintBundle(docs, {
      title: options.title,
      fontCss,
      compiledOn: options.compiledOn,
      startPages,
      frontMatterOnly,
      ...(options.fileNames ? { fileNames: options.fileNames } : {}),
      ...(options.amendments ? { amendments: options.amendments } : {}),
    });

  step('Chromium starten en de inhoud opmaken');
  const printer = await (options.startPrinter ?? startSystemChromiumPrinter)();
  try {
    let nextPage = 1 + (await countPages(await printer.print(render(null, true))));
    const counted: number[] = [];
    for (const [index, entry] of entries.entries()) {
      step(`Stuk ${index + 1} van ${entries.length} opmaken`);
      counted.push(nextPage);
      const alone =
        entry.amendment === null
          ? renderPrintDocument(docs[entry.doc]!, {
              fontCss,
              fallbackName: options.fileNames?.[entry.doc],
            })
          : renderAmendmentDocument(entry.amendment, { fontCss });
      nextPage += await countPages(await printer.print(alone));
    }

    step('De bundel drukken');
    let starts = counted;
    let bundle = render(starts);
    let pdf = await printer.print(bundle);
    const printed = await readStartPages(pdf, entries.length);
    if (!sameNumbers(printed, starts)) {
      starts = printed;
      bundle = render(starts);
      pdf = await printer.print(bundle);
      const again = await readStartPages(pdf, entries.length);
      if (!sameNumbers(again, starts)) {
        throw new Error(`de paginanummers van de inhoud kloppen niet (${again} ≠ ${starts})`);
      }
    }

    step('Afwerken');
    const pageCount = await countPages(pdf);
    const finished = await finishPdf(
      pdf,
      { ...bundle.metadata, creator: options.creator },
      {
        watermark: getConceptPages(bundle, starts, pageCount),
        outlineTitles: bundle.outlineTitles,
        archival: options.archival,
      },
    );
    options.onProgress?.({ done: total, total, label: '' });
    return { pdf: finished, pageCount, startPages: [...starts] };
  } finally {
    await printer.close();
  }
}

async function countPages(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
}

// The outline's top level holds the cover's title, then each stuk's title line (an <h1>
// every stuk, amendments too, starts with); the contents and a stuk's blocks are nested below
// those.
async function readStartPages(pdf: Uint8Array, count: number): Promise<number[]> {
  const [, ...stukken] = await readPdfOutline(pdf);
  if (stukken.length !== count || stukken.some((entry) => entry.pageIndex === null)) {
    throw new Error(
      `de inhoudsopgave van de PDF wijst ${stukken.length} stukken aan, niet ${count}`,
    );
  }
  return stukken.map((entry) => entry.pageIndex! + 1);
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

// The pages (from 0) of the stukken that are concepts: from a stuk's first page to the page
// before the next stuk's, or to the end.
function getConceptPages(
  bundle: PrintBundle,
  starts: readonly number[],
  pageCount: number,
): number[] {
  const pages: number[] = [];
  bundle.concepts.forEach((concept, index) => {
    if (!concept) return;
    const end = starts[index + 1] ?? pageCount + 1;
    for (let page = starts[index]!; page < end; page += 1) pages.push(page - 1);
  });
  return pages;
}
