/**
 * pdf.js behind a small interface for the print preview: open the printed PDF, tell its pages
 * and their size, draw one page as an image.
 *
 * - **Which build.** pdfjs-dist's modern build targets only the newest browsers (it calls
 *   e.g. `Map.prototype.getOrInsertComputed` without a fallback); its legacy build supports
 *   Chrome 125 and later, so it runs in Electron 41's Chromium 146 and in a current system
 *   Chromium alike. The version is pinned: a newer pdf.js may raise that minimum.
 * - **Loaded on first use.** The library is a large module that only the preview needs, so it
 *   is imported dynamically and the editor starts without it.
 * - **Under the app's CSP.** The worker is a file of the app's own origin (`worker-src 'self'`,
 *   emitted by Vite through `?url`). pdf.js 6 no longer evaluates code (its `isEvalSupported`
 *   option is gone with the PostScript compiler); instead it compiles PostScript functions
 *   to WebAssembly, which the CSP forbids (no `'wasm-unsafe-eval'`), so `useWasm: false`
 *   keeps it on its plain JavaScript paths. Nothing is fetched: the bytes are handed over,
 *   and the PDFs the host prints embed all their fonts.
 * - **Pages become PNG images.** A page is drawn on a scratch canvas at the screen's pixel
 *   ratio and kept as a PNG `data:` URL (the CSP allows `data:` images, not `blob:`). A PNG of
 *   a text page is a few hundred kilobytes, where a live canvas of the same page holds
 *   several megabytes; a 40-page stuk stays light.
 */
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

type PdfJs = typeof PdfJsModule;

let pdfJs: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  pdfJs ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((module) => {
    module.GlobalWorkerOptions.workerSrc = workerUrl;
    return module;
  });
  return pdfJs;
}

/** A page's size in PDF points (1/72 inch). */
export interface PageSize {
  width: number;
  height: number;
}

/** An opened PDF; `close()` ends its worker and frees its pages. */
export interface PreviewPdf {
  readonly pageCount: number;
  /** The size of page `pageNumber` (1-based), as printed (rotation included). */
  getPageSize(pageNumber: number): Promise<PageSize>;
  /**
   * Page `pageNumber` drawn `pixelWidth` device pixels wide, as a PNG `data:` URL. Rejects
   * with an `AbortError` when `signal` aborts; the drawing stops there.
   */
  renderPage(pageNumber: number, pixelWidth: number, signal: AbortSignal): Promise<string>;
  close(): Promise<void>;
}

/** Opens `bytes` (which stay the caller's: pdf.js gets a copy, which it moves to its worker). */
export async function openPreviewPdf(bytes: Uint8Array): Promise<PreviewPdf> {
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    data: bytes.slice(),
    useWasm: false,
    // Pages are drawn on the main thread: the image is read back from the canvas.
    disableWorkerRendering: true,
  });
  const pdf = await task.promise;

  return {
    pageCount: pdf.numPages,
    async getPageSize(pageNumber) {
      const page = await pdf.getPage(pageNumber);
      const { width, height } = page.getViewport({ scale: 1 });
      return { width, height };
    },
    async renderPage(pageNumber, pixelWidth, signal) {
      signal.throwIfAborted();
      const page = await pdf.getPage(pageNumber);
      signal.throwIfAborted();
      const unscaled = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: pixelWidth / unscaled.width });
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(viewport.width);
      canvas.height = Math.round(viewport.height);
      // 'print': the page as the printed file shows it (annotations as printed, not on screen).
      const render = page.render({ canvas, viewport, intent: 'print' });
      const cancel = () => render.cancel();
      signal.addEventListener('abort', cancel, { once: true });
      try {
        await render.promise;
      } catch (error) {
        signal.throwIfAborted();
        throw error;
      } finally {
        signal.removeEventListener('abort', cancel);
      }
      try {
        return await readAsDataUrl(await toPngBlob(canvas));
      } finally {
        // Let the pixels go now rather than when the collector finds the canvas.
        canvas.width = 0;
        canvas.height = 0;
      }
    },
    async close() {
      await task.destroy();
    },
  };
}

function toPngBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) =>
        blob
          ? resolve(blob)
          : reject(new Error('De pagina kon niet als afbeelding worden bewaard.')),
      'image/png',
    ),
  );
}

function readAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () =>
      reject(reader.error ?? new Error('De afbeelding kon niet worden gelezen.'));
    reader.readAsDataURL(blob);
  });
}
