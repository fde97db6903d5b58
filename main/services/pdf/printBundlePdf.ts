/**
 * The bundle of stukken for an assembly as one PDF: the cover, the contents with the page on
 * which each stuk starts, and the stukken, each on a new page, the concepts marked CONCEPT; a
 * resolution's amendments, in the standard form, each on a new page after it.
 *
 * The contents' page numbers come from printing the bundle itself: first with placeholders in
 * the contents, whose outline (it points at each stuk's title) says where each stuk starts;
 * then with those numbers, and its outline is read again to check them. Should the two
 * disagree (the numbers made the contents a page longer or shorter), the bundle is printed
 * once more with the outline's numbers. So every page prints twice, in two runs of Chromium
 * over one page each; counting each stuk alone instead cost a page load (the template and its
 * fonts) per stuk on top, which was most of a bundle's time. One print and assembling the
 * parts with pdf-lib would lose the footer's straight numbering ("pagina n van N" is
 * Chromium's) and merge the tags' structure trees by hand. Each step reports progress, so
 * the command line can show a bar while Chromium works.
 */
import type { Node } from 'prosemirror-model';
import { PDFDocument } from 'pdf-lib';
import { listBundleEntries, renderPrintBundle } from '../../../shared/print/renderBundle.ts';
import type { PrintedAmendment } from '../../../shared/print/renderAmendment.ts';
import type { PrintBundle } from '../../../shared/print/renderBundle.ts';
import { finishPdf } from './pdfFinishing.ts';
import { PDF_LOAD_OPTIONS, readOutlineOf } from './pdfOutline.ts';
import { prepareWhilePrinterStarts } from './printDocumentPdf.ts';
import type { PdfJobOptions } from './printDocumentPdf.ts';
import { getPrintFontCss } from './printFonts.ts';
import { timePdfPhase } from './pdfTimings.ts';

/** Where the work is: `done` of `total` steps, and what the next step does. */
export interface BundleProgress {
  done: number;
  total: number;
  /** What is being done now, in Dutch: "De bundel drukken". Empty once all is done. */
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
  const total = 4;
  let done = 0;
  const step = (label: string) => options.onProgress?.({ done: done++, total, label });

  step('Chromium starten en de inhoud opmaken');
  // Chromium starts while the fonts are read and the bundle is rendered.
  const { printer, prepared } = await prepareWhilePrinterStarts(options.startPrinter, async () => {
    const fontCss = await timePdfPhase('fonts', () => getPrintFontCss(options.appRoot));
    const render = (startPages: readonly number[] | null): PrintBundle =>
      renderPrintBundle(docs, {
        title: options.title,
        fontCss,
        compiledOn: options.compiledOn,
        startPages,
        ...(options.fileNames ? { fileNames: options.fileNames } : {}),
        ...(options.amendments ? { amendments: options.amendments } : {}),
      });
    return { render, draft: await timePdfPhase('render', () => render(null)) };
  });
  const { render, draft } = prepared;
  try {
    step("De pagina's tellen");
    const counted = await timePdfPhase(
      'bundleCount',
      async () => (await readPrinted(await printer.print(draft), entries.length)).starts,
    );

    step('De bundel drukken');
    let starts = counted;
    let bundle = await timePdfPhase('render', () => render(starts));
    let pdf = await printer.print(bundle);
    let printed = await readPrinted(pdf, entries.length);
    if (!sameNumbers(printed.starts, starts)) {
      starts = printed.starts;
      bundle = render(starts);
      pdf = await printer.print(bundle);
      printed = await readPrinted(pdf, entries.length);
      if (!sameNumbers(printed.starts, starts)) {
        throw new Error(
          `de paginanummers van de inhoud kloppen niet (${printed.starts} ≠ ${starts})`,
        );
      }
    }

    step('Afwerken');
    const { pageCount } = printed;
    const finished = await timePdfPhase('finish', () =>
      finishPdf(
        pdf,
        { ...bundle.metadata, creator: options.creator },
        {
          watermark: getConceptPages(bundle, starts, pageCount),
          outlineTitles: bundle.outlineTitles,
          archival: options.archival,
        },
      ),
    );
    options.onProgress?.({ done: total, total, label: '' });
    return { pdf: finished, pageCount, startPages: [...starts] };
  } finally {
    await printer.close();
  }
}

// The outline's top level holds the cover's title, then each stuk's title line (an <h1>
// every stuk, amendments too, starts with); the contents and a stuk's blocks are nested below
// those. Read with the page count in one parse of the file.
async function readPrinted(
  pdf: Uint8Array,
  count: number,
): Promise<{ starts: number[]; pageCount: number }> {
  const document = await PDFDocument.load(pdf, PDF_LOAD_OPTIONS);
  const [, ...stukken] = readOutlineOf(document);
  if (stukken.length !== count || stukken.some((entry) => entry.pageIndex === null)) {
    throw new Error(
      `de inhoudsopgave van de PDF wijst ${stukken.length} stukken aan, niet ${count}`,
    );
  }
  return {
    starts: stukken.map((entry) => entry.pageIndex! + 1),
    pageCount: document.getPageCount(),
  };
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
