/**
 * The baseline of the bundle and start-up benchmarks: a page with nothing but the bare editor
 * (see bareEditor.ts). It fetches the Yjs state named in `?state=` and mounts the editor on
 * it; `window.bareReady` holds the moment (performance.now()) the editor was editable.
 */
import { createBareEditor, openBareState } from './bareEditor.ts';
import type {} from './pageTypes.ts';

const stateUrl = new URLSearchParams(window.location.search).get('state');
if (stateUrl) {
  const state = new Uint8Array(await (await fetch(stateUrl)).arrayBuffer());
  const view = createBareEditor(document.getElementById('editor')!, openBareState(state));
  void view.dom.getBoundingClientRect();
  window.bareReady = performance.now();
}
