/**
 * The in-page probe of the typing benchmark. It is one self-contained function, so the
 * harness can install the same code in the benchmark page and in the app (`page.evaluate`).
 *
 * Per keystroke it takes three moments with `performance.now()`:
 * - the start: the first `keydown` listener (capture phase on the window, before any of the
 *   page's own handlers);
 * - editor: the first microtask after the `input` event, which runs right after ProseMirror's
 *   MutationObserver has read the browser's DOM change, applied the transaction (plugins,
 *   Yjs, suggestion mode) and updated the editor's DOM;
 * - frame: once every task the keystroke queued has run (a chain of MessageChannel hops goes
 *   on until a hop comes back at once, i.e. nothing else ran in between: React's re-render of
 *   the panels, sends to the server). Chromium renders the frame after a keystroke before it
 *   runs such tasks, and paces frames at 60 Hz also when headless, so this moment is after
 *   the next frame's style, layout and paint: the keystroke as the user sees it, including
 *   the wait for the frame (8 ms on average by itself). A forced layout at the end covers the
 *   case that no frame came.
 */

/** One keystroke's timings, in milliseconds from its keydown. */
export interface KeystrokeSample {
  /** Keydown to the editor's state and DOM updated (NaN if the key never reached it). */
  editor: number;
  /** Keydown to the next frame rendered and all work the key caused done. */
  settled: number;
}

/** What the probe adds to the page's window. */
export interface LatencyProbe {
  /** Arms the probe for the next keydown. */
  arm(): void;
  /** The armed keystroke's sample, once it has settled. */
  result(): Promise<KeystrokeSample>;
}

declare global {
  interface Window {
    latencyProbe?: LatencyProbe;
  }
}

/** Installs `window.latencyProbe`. Self-contained: it is sent to pages as source. */
export function installLatencyProbe(): void {
  if (window.latencyProbe) return;
  // A hop that returns within this many ms saw no other task run in between.
  const QUIET_MS = 0.3;
  const MAX_HOPS = 500;
  interface Armed {
    start: number;
    editor: number;
    resolve: (sample: KeystrokeSample) => void;
    done: Promise<KeystrokeSample>;
  }
  let armed: Armed | null = null;
  // The last armed keystroke, whose result may be asked for after it has settled.
  let last: Armed | null = null;

  const hop = (state: Armed, count: number): void => {
    const posted = performance.now();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      const now = performance.now();
      const quiet = now - posted <= QUIET_MS;
      if ((state.editor > 0 && quiet && count >= 2) || count >= MAX_HOPS) {
        // Style and layout, as the next frame would do them (reading geometry forces both).
        void document.body.getBoundingClientRect();
        const end = performance.now();
        if (armed === state) armed = null;
        state.resolve({
          editor: state.editor > 0 ? state.editor - state.start : Number.NaN,
          settled: end - state.start,
        });
      } else hop(state, count + 1);
    };
    channel.port2.postMessage(null);
  };

  window.addEventListener(
    'keydown',
    () => {
      const state = armed;
      if (!state || state.start > 0) return;
      state.start = performance.now();
      hop(state, 1);
    },
    true,
  );
  window.addEventListener(
    'input',
    () => {
      const state = armed;
      if (!state || state.start === 0 || state.editor > 0) return;
      queueMicrotask(() => {
        state.editor = performance.now();
      });
    },
    true,
  );

  window.latencyProbe = {
    arm() {
      let resolve: (sample: KeystrokeSample) => void = () => {};
      const done = new Promise<KeystrokeSample>((r) => {
        resolve = r;
      });
      armed = { start: 0, editor: 0, resolve, done };
      last = armed;
    },
    result() {
      if (!last) return Promise.reject(new Error('probe not armed'));
      return last.done;
    },
  };
}
