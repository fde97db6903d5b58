/**
 * "Afdrukvoorbeeld": the pages exactly as "Exporteren als PDF" makes them, because they are
 * that PDF: the host prints the document (the same `printPdf` as the export), pdf.js draws
 * each page, and "Exporteren als PDF" here downloads the very bytes on screen.
 *
 * Pages are drawn one after the other, yielding to the browser between pages, so a long stuk
 * fills in from the top while the dialog stays responsive; closing the dialog stops the
 * drawing and ends pdf.js's worker.
 */
import { useEffect, useState } from 'react';
import { Modal } from './Modal.tsx';
import { describePages } from '../documents/pageFormat.ts';
import { openPreviewPdf } from '../documents/pdfPreview.ts';
import type { PreviewPdf } from '../documents/pdfPreview.ts';
import '../styles/preview.css';

/** A page's width on screen in CSS pixels (A4 at about 80 %); drawn at the pixel ratio. */
const PAGE_WIDTH = 640;

/** The print template's paper, for the blank sheet shown while the host prints. */
const A4_ASPECT = 210 / 297;

/** Above 3 device pixels per CSS pixel the images grow without looking sharper. */
const MAX_PIXEL_RATIO = 3;

type Preview =
  | { state: 'printing' }
  | { state: 'ready'; bytes: Uint8Array; pageCount: number; summary: string; aspect: number }
  | { state: 'failed'; title: string; message: string; bytes: Uint8Array | null };

/** What the dialog shows, and the print it comes from. */
interface Shown {
  source: Promise<Uint8Array> | null;
  preview: Preview;
  /** The pages drawn so far, as image URLs, by page index. */
  images: readonly (string | undefined)[];
}

const NOTHING_SHOWN: Shown = { source: null, preview: { state: 'printing' }, images: [] };

export function PrintPreviewDialog({
  printing,
  changes,
  onExport,
  onClose,
}: {
  /** The PDF as the host prints it; rejects with the host's Dutch reason it cannot. */
  printing: Promise<Uint8Array>;
  /**
   * When the document has pending changes: whether they are shown, and how to print again with
   * them shown or hidden. Absent when there are none.
   */
  changes?: { shown: boolean; onChange: (shown: boolean) => void };
  /** Downloads these bytes as the document's PDF. */
  onExport: (bytes: Uint8Array) => void;
  onClose: () => void;
}) {
  // What is shown belongs to one print: when the setting changes and the host prints again,
  // the old pages (and their bytes, which the export would download) are gone at once and the
  // blank sheet shows that the new ones are being made.
  const [shown, setShown] = useState<Shown>(NOTHING_SHOWN);
  const { preview, images } = shown.source === printing ? shown : NOTHING_SHOWN;

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    let pdf: PreviewPdf | null = null;
    const setPreview = (next: Preview) => setShown({ source: printing, preview: next, images: [] });

    const show = async () => {
      let bytes: Uint8Array;
      try {
        bytes = await printing;
      } catch (error) {
        if (!signal.aborted) {
          setPreview({
            state: 'failed',
            title: 'De PDF kan niet worden gemaakt.',
            message: messageOf(error),
            bytes: null,
          });
        }
        return;
      }
      try {
        const opened = await openPreviewPdf(bytes);
        pdf = opened;
        if (signal.aborted) {
          // Closed while pdf.js was opening: the cleanup below found nothing to close.
          void opened.close();
          return;
        }
        const size = await opened.getPageSize(1);
        signal.throwIfAborted();
        setPreview({
          state: 'ready',
          bytes,
          pageCount: opened.pageCount,
          summary: describePages(opened.pageCount, size.width, size.height),
          aspect: size.width / size.height,
        });
        const ratio = Math.min(Math.max(window.devicePixelRatio || 1, 1), MAX_PIXEL_RATIO);
        const pixelWidth = Math.round(PAGE_WIDTH * ratio);
        for (let page = 1; page <= opened.pageCount; page++) {
          const image = await opened.renderPage(page, pixelWidth, signal);
          setShown((current) =>
            current.source === printing
              ? { ...current, images: withImage(current.images, page - 1, image) }
              : current,
          );
          await yieldToBrowser();
          signal.throwIfAborted();
        }
      } catch (error) {
        if (signal.aborted) return;
        setPreview({
          state: 'failed',
          title: 'Het voorbeeld kan niet worden getoond.',
          message: `${messageOf(error)} De PDF zelf is wel gemaakt en kan worden geëxporteerd.`,
          bytes,
        });
      }
    };
    void show();

    return () => {
      controller.abort();
      void pdf?.close();
    };
  }, [printing]);

  const bytes = preview.state === 'printing' ? null : preview.bytes;

  return (
    <Modal title="Afdrukvoorbeeld" onCancel={onClose} className="preview-modal">
      <div className="preview-bar">
        <p className="preview-summary">{preview.state === 'ready' ? preview.summary : null}</p>
        {changes && (
          <label className="preview-option">
            <input
              type="checkbox"
              checked={changes.shown}
              onChange={(event) => changes.onChange(event.target.checked)}
            />{' '}
            Wijzigingen tonen
          </label>
        )}
      </div>
      <div
        className="preview-pages"
        role="region"
        aria-label="Pagina's"
        aria-busy={preview.state === 'printing'}
        tabIndex={0}
      >
        {preview.state === 'printing' && (
          // A blank sheet while the host prints, as a print preview in an office suite shows.
          <div className="preview-page">
            <div
              className="preview-sheet preview-busy"
              role="status"
              style={{ width: PAGE_WIDTH, aspectRatio: A4_ASPECT }}
            >
              <span className="preview-spinner" aria-hidden="true" />
              Voorbeeld wordt gemaakt…
            </div>
          </div>
        )}
        {preview.state === 'failed' && (
          <div className="preview-error" role="alert">
            <p className="preview-error-title">{preview.title}</p>
            <p>{preview.message}</p>
          </div>
        )}
        {preview.state === 'ready' && (
          <ol className="preview-page-list">
            {Array.from({ length: preview.pageCount }, (_, index) => {
              const label = `Pagina ${index + 1} van ${preview.pageCount}`;
              const image = images[index];
              return (
                <li key={index} className="preview-page">
                  {image ? (
                    <img
                      className="preview-sheet"
                      src={image}
                      alt={label}
                      style={{ width: PAGE_WIDTH }}
                    />
                  ) : (
                    <div
                      className="preview-sheet preview-sheet-pending"
                      role="img"
                      aria-label={label}
                      aria-busy="true"
                      style={{ width: PAGE_WIDTH, aspectRatio: preview.aspect }}
                    />
                  )}
                  <span className="preview-page-number" aria-hidden="true">
                    pagina {index + 1} van {preview.pageCount}
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </div>
      <div className="modal-actions preview-actions">
        <button
          type="button"
          className="button primary"
          disabled={!bytes}
          onClick={() => bytes && onExport(bytes)}
        >
          Exporteren als PDF
        </button>
        <button type="button" className="button" onClick={onClose}>
          Sluiten
        </button>
      </div>
    </Modal>
  );
}

function withImage(
  images: readonly (string | undefined)[],
  index: number,
  image: string,
): (string | undefined)[] {
  const next = [...images];
  next[index] = image;
  return next;
}

/** Lets the browser paint and handle input between two pages. */
function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
