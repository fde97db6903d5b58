/**
 * What the benchmark pages put on `window`, for the harness's `page.evaluate` callbacks. Types
 * only, so that the Node side of the harness can use them without the pages' own imports.
 */

/** Milliseconds of the parts of one mount. */
export interface MountTiming {
  /** Bytes to a live Y.Doc (for the app: and its document checked against the schema). */
  open: number;
  /** The Y.Doc to an editor view in the page. */
  view: number;
  /** Style and layout of the page with the document (forced, as the first frame does). */
  layout: number;
  total: number;
}

/** The benchmark page's functions (`bench/page/benchPage.ts`). */
export interface BenchPage {
  /** Keeps a Yjs state (base64) for the next mount; untimed. */
  storeState(base64: string): void;
  /** Mounts the bare editor on the stored state. */
  mountBare(): MountTiming;
  /** Mounts the app's editor on the stored state. */
  mountApp(): MountTiming;
  /** Puts the cursor at the end of the `n`-th item (0-based) and focuses the editor. */
  placeCursorInItem(n: number): void;
}

declare global {
  interface Window {
    benchPage: BenchPage;
    /** When the bare page's editor was editable (performance.now()). */
    bareReady?: number;
  }
}
