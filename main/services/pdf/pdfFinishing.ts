/**
 * The last step of every PDF, after Chromium: the document properties Chromium does not set
 * (author, subject, keywords, language, creator), the outline's titles as the headings read
 * (see shared/print/outlineTitles.ts), and the diagonal CONCEPT mark stamped on
 * every page of a concept as drawn strokes (see shared/print/watermark.ts for why), and on
 * request the parts that make it PDF/A-2b (pdfArchive.ts). pdf-lib rewrites the file and keeps
 * every object it does not touch: tags, outline, fonts.
 */
import {
  LineCapStyle,
  PDFDocument,
  beginMarkedContent,
  degrees,
  drawObject,
  drawSvgPath,
  endMarkedContent,
  grayscale,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import type { PDFPage, PDFRef } from 'pdf-lib';
import { makePdfA } from './pdfArchive.ts';
import { PDF_LOAD_OPTIONS, replaceOutlineTitles } from './pdfOutline.ts';
import {
  WATERMARK_LAYOUT,
  getWatermarkLetters,
  getWatermarkWidth,
} from '../../../shared/print/watermark.ts';

export interface PdfProperties {
  title: string;
  author: string;
  subject: string;
  language: string;
  keywords: string[];
  creator: string;
}

const POINTS_PER_MM = 72 / 25.4;

/**
 * The PDF with its properties set and the CONCEPT mark stamped: on every page (`true`, a
 * concept printed alone), on none (`false`), or on the listed pages (indexes from 0: the
 * concepts' pages in a bundle). With `archival`, the file is made PDF/A-2b.
 */
export async function finishPdf(
  pdf: Uint8Array,
  properties: PdfProperties,
  options: {
    watermark: boolean | readonly number[];
    outlineTitles?: readonly string[];
    archival?: boolean | undefined;
  },
): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, PDF_LOAD_OPTIONS);
  document.setTitle(properties.title, { showInWindowTitleBar: true });
  document.setAuthor(properties.author);
  document.setSubject(properties.subject);
  document.setKeywords(properties.keywords);
  document.setLanguage(properties.language);
  document.setCreator(properties.creator);
  document.setProducer(`${properties.creator} (Chromium, pdf-lib)`);
  document.setModificationDate(new Date());
  if (options.outlineTitles) replaceOutlineTitles(document, options.outlineTitles);
  const pages = document.getPages();
  const marked =
    options.watermark === true
      ? pages
      : options.watermark === false
        ? []
        : options.watermark.map((index) => {
            const page = pages[index];
            if (!page)
              throw new RangeError(`pagina ${index + 1} bestaat niet (${pages.length} pagina's)`);
            return page;
          });
  // One drawing of the mark per page size, shared by every page of that size.
  const forms = new Map<string, PDFRef>();
  for (const page of marked) {
    const { width, height } = page.getSize();
    const size = `${width}x${height}`;
    let form = forms.get(size);
    if (!form) forms.set(size, (form = drawWatermarkForm(document, width, height)));
    stampWatermark(page, form);
  }
  // Last, so that the XMP says what the Info dictionary now holds. PDF/A-2 allows object
  // streams, but without them the file stays as readable as the ones that are not PDF/A.
  if (options.archival) makePdfA(document, pdf);
  return document.save({ useObjectStreams: false, objectsPerTick: Infinity });
}

// The word centred on a page of `width` × `height`, rising at the layout's angle, as a form
// XObject: drawn (and its SVG paths parsed) once, then placed on every page, which keeps a
// concept of a hundred pages from parsing the letters a hundred times. pdf-lib draws SVG paths
// from an origin with y pointing down and rotates them about that origin, so the origin is
// placed where the rotated word's centre falls on the page's centre.
function drawWatermarkForm(document: PDFDocument, width: number, height: number): PDFRef {
  const layout = WATERMARK_LAYOUT;
  const scale = (layout.widthMm * POINTS_PER_MM) / getWatermarkWidth();
  const angle = (layout.angle * Math.PI) / 180;
  // The word's centre relative to the origin, in page units (y up).
  const cx = (getWatermarkWidth() / 2) * scale;
  const cy = -(layout.letterHeight / 2) * scale;
  const rotatedX = cx * Math.cos(angle) - cy * Math.sin(angle);
  const rotatedY = cx * Math.sin(angle) + cy * Math.cos(angle);
  const originX = width / 2 - rotatedX;
  const originY = height / 2 - rotatedY;
  const context = document.context;
  const operators = getWatermarkLetters().flatMap((letter) => {
    // Each letter is shifted along the rotated baseline.
    const shift = letter.offset * scale;
    return drawSvgPath(letter.path, {
      x: originX + shift * Math.cos(angle),
      y: originY + shift * Math.sin(angle),
      scale,
      rotate: degrees(layout.angle),
      color: undefined,
      borderColor: grayscale(layout.grey),
      // The path is drawn under a transform that scales it, line width included.
      borderWidth: layout.strokeWidth,
      borderLineCap: LineCapStyle.Round,
      graphicsState: WATERMARK_STATE,
    });
  });
  const form = context.formXObject(operators, {
    BBox: [0, 0, width, height],
    Resources: {
      ExtGState: {
        [WATERMARK_STATE]: context.obj({ Type: 'ExtGState', CA: layout.opacity }),
      },
    },
  });
  return context.register(form);
}

const WATERMARK_STATE = 'GSWatermark';

// Places the mark's form on the page. It is marked as an artifact: in a tagged PDF, screen
// readers and text extraction then pass it by.
function stampWatermark(page: PDFPage, form: PDFRef): void {
  const name = page.node.newXObject('Watermark', form);
  page.pushOperators(
    beginMarkedContent('Artifact'),
    pushGraphicsState(),
    drawObject(name),
    popGraphicsState(),
    endMarkedContent(),
  );
}
