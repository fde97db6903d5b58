/**
 * Reads the outline (bookmarks) Chromium writes from a page's headings: each entry's title
 * and the page it points to. The bundle printer reads where each stuk really starts from it.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFString,
  ParseSpeeds,
} from 'pdf-lib';

/**
 * How the PDF services read Chromium's PDFs: as they are (no producer or dates set by the
 * reading), and in one go. pdf-lib's default yields to the event loop every 100 objects (and
 * saving every 50), which is for pages that must stay responsive; in the command line and the
 * host it only made a tagged 40-page PDF's finishing several hundred milliseconds slower.
 */
export const PDF_LOAD_OPTIONS = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest };

/** One outline entry. */
export interface OutlineEntry {
  title: string;
  /** The page it points to, from 0; null when its destination is not a page of this file. */
  pageIndex: number | null;
  children: OutlineEntry[];
}

/** The outline's top-level entries with their children; empty for a PDF without outline. */
export async function readPdfOutline(pdf: Uint8Array): Promise<OutlineEntry[]> {
  return readOutlineOf(await PDFDocument.load(pdf, PDF_LOAD_OPTIONS));
}

/** The outline of a PDF already read, as {@link readPdfOutline} gives it. */
export function readOutlineOf(document: PDFDocument): OutlineEntry[] {
  const pageRefs = document.getPages().map((page) => page.ref.toString());
  const outlines = document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (!outlines) return [];

  const readList = (first: PDFDict | undefined, depth: number): OutlineEntry[] => {
    // Chromium nests no deeper than the six heading levels; a deeper file is not ours.
    if (depth > 16) throw new RangeError('de inhoudsopgave van de PDF is te diep genest');
    const entries: OutlineEntry[] = [];
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      entries.push({
        title: readText(item.lookup(PDFName.of('Title'))),
        pageIndex: readPageIndex(item, pageRefs),
        children: readList(item.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1),
      });
    }
    return entries;
  };
  return readList(outlines.lookupMaybe(PDFName.of('First'), PDFDict), 0);
}

function readText(value: unknown): string {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : '';
}

// Chromium writes `/Dest [pageRef /XYZ x y zoom]`; a `GoTo` action holds the same array.
function readPageIndex(item: PDFDict, pageRefs: string[]): number | null {
  const action = item.lookupMaybe(PDFName.of('A'), PDFDict);
  const dest =
    item.lookupMaybe(PDFName.of('Dest'), PDFArray) ??
    action?.lookupMaybe(PDFName.of('D'), PDFArray);
  const target = dest?.get(0);
  if (target === undefined) return null;
  const index = pageRefs.indexOf(target.toString());
  return index === -1 ? null : index;
}

/**
 * Gives the outline's entries of `document`, depth-first, the given titles. Nothing changes
 * when the counts differ: the titles then belong to another outline than this one, and
 * Chromium's own titles are better than wrong ones. Returns whether the titles were set.
 */
export function replaceOutlineTitles(document: PDFDocument, titles: readonly string[]): boolean {
  const items: PDFDict[] = [];
  const collect = (first: PDFDict | undefined, depth: number) => {
    if (depth > 16) return;
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      items.push(item);
      collect(item.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  const outlines = document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  collect(outlines?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  if (items.length !== titles.length) return false;
  items.forEach((item, index) => {
    item.set(PDFName.of('Title'), PDFHexString.fromText(titles[index]!));
  });
  return true;
}
