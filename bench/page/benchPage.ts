/**
 * The page the Chromium benchmarks run in, reached through `window.benchPage`:
 * - the baseline, a bare ProseMirror + y-prosemirror editor (bareEditor.ts);
 * - the app's own editor (`createEditor`: every plugin and node view, the app's style
 *   sheets and fonts) on a state opened as the app opens one (`openDocumentState`), without
 *   the React panels around it.
 * The harness hands over a Yjs state as base64 (untimed) and times the mounting.
 */
import '@fontsource/source-serif-4/400.css';
import '@fontsource/source-serif-4/400-italic.css';
import '@fontsource/source-serif-4/600.css';
import '@fontsource/source-sans-3/400.css';
import '@fontsource/source-sans-3/600.css';
import '../../renderer/styles/app.css';
import '../../renderer/styles/document.css';
import '../../renderer/styles/collab.css';
import '../../renderer/styles/changes.css';
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { openDocumentState } from '../../shared/ydoc/yDocument.ts';
import { createEditor } from '../../renderer/editor/createEditor.ts';
import { collabFromYDoc } from '../../renderer/editor/yjsBinding.ts';
import { createBareEditor, openBareState } from './bareEditor.ts';
import type { BenchPage, MountTiming } from './pageTypes.ts';

let stored: Uint8Array | null = null;
let current: EditorView | null = null;

/** A fresh page frame (the app's `.page-frame`) for the next editor, styled alike for both. */
function newFrame(): HTMLElement {
  const frame = document.createElement('div');
  frame.className = 'page-frame';
  document.getElementById('editor')!.replaceChildren(frame);
  return frame;
}

/** Keeps a state (base64) for the next mount; untimed. */
function storeState(base64: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  stored = bytes;
}

/** Mounts the bare editor on the stored state. */
function mountBare(): MountTiming {
  current?.destroy();
  const start = performance.now();
  const ydoc = openBareState(stored!);
  const opened = performance.now();
  current = createBareEditor(newFrame(), ydoc);
  return finish(start, opened);
}

/** Mounts the app's editor on the stored state, opened as the app opens a file's state. */
function mountApp(): MountTiming {
  current?.destroy();
  const start = performance.now();
  const { ydoc } = openDocumentState(stored!);
  const opened = performance.now();
  current = createEditor(newFrame(), collabFromYDoc(ydoc), () => {});
  return finish(start, opened);
}

function finish(start: number, opened: number): MountTiming {
  const viewed = performance.now();
  void document.body.getBoundingClientRect();
  const end = performance.now();
  return { open: opened - start, view: viewed - opened, layout: end - viewed, total: end - start };
}

/** Puts the cursor at the end of the `n`-th item (0-based) and focuses the editor. */
function placeCursorInItem(n: number): void {
  const view = current!;
  let seen = 0;
  let at = -1;
  view.state.doc.descendants((node, pos) => {
    if (at >= 0) return false;
    if (node.type.name !== 'item') return true;
    if (seen++ === n) at = pos + node.nodeSize - 1;
    return false;
  });
  view.focus();
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, at)));
}

const benchPage: BenchPage = { storeState, mountBare, mountApp, placeCursorInItem };
window.benchPage = benchPage;
