/**
 * The window's side of the desktop app's native menus: it tells the main process the
 * document's state whenever that changes (what the menus enable, disable and check), and runs
 * the commands the menus send. In a browser there is no shell bridge and this does nothing.
 *
 * The context menu needs the tracked change under the pointer. The page computes it when the
 * right-click's `contextmenu` event passes and sends the state at once: that message leaves
 * before Chromium asks the main process for the menu, on the same connection, so the main
 * process has it when it builds the menu.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { MenuState } from '../../shared/api/menuState.ts';
import { getStateChanges } from '../../shared/editor/suggestions/trackedChanges.ts';
import { runMenuCommand, type MenuActions } from './menuActions.ts';
import { findChangeAt, getMenuState, type MenuStateInput } from './menuState.ts';
import { findShellBridge } from './shellBridge.ts';

/** What the hook reads: the menu state's inputs (but the pointer), and the actions. */
export interface DesktopMenusInput {
  view: EditorView | null;
  state: Omit<MenuStateInput, 'editor' | 'changeAtPointer' | 'pointerInEditor'>;
  actions: MenuActions;
}

export function useDesktopMenus({ view, state, actions }: DesktopMenusInput): void {
  // The latest inputs, for the listeners, which are made once per view.
  const latest = useRef({ view, state, actions });
  useLayoutEffect(() => {
    latest.current = { view, state, actions };
  });
  // The change under the pointer at the last right-click (null when it was not on one), and
  // whether that click was in the editor.
  const pointerChange = useRef<string | null>(null);
  const pointerInEditor = useRef(false);
  // What was sent last, so an unchanged state is not sent again at every render.
  const sent = useRef('');

  // After every render: the state, if it changed. (The editor re-renders the window at every
  // transaction, so this follows the cursor, undo and the document.)
  useEffect(() => {
    const pointer = {
      changeAtPointer: pointerChange.current,
      pointerInEditor: pointerInEditor.current,
    };
    sendMenuState(latest.current.view, latest.current.state, pointer, sent);
  });

  useEffect(() => {
    const bridge = findShellBridge();
    if (!bridge) return;
    return bridge.onMenuCommand((message) => {
      if (!runMenuCommand(latest.current.actions, message)) {
        console.error('Onbekende menuopdracht genegeerd', message);
      }
    });
  }, []);

  useEffect(() => {
    if (!findShellBridge()) return;
    // Capture, on the window: every right-click, also outside the editor (a text field must
    // not offer the change of an earlier click).
    const onContextMenu = (event: MouseEvent) => {
      const current = latest.current.view;
      const inEditor =
        current !== null && event.target instanceof Node && current.dom.contains(event.target);
      const pos = inEditor
        ? current.posAtCoords({ left: event.clientX, top: event.clientY })?.pos
        : undefined;
      const change =
        current && pos !== undefined ? findChangeAt(getStateChanges(current.state), pos) : null;
      pointerChange.current = change?.id ?? null;
      pointerInEditor.current = inEditor;
      const pointer = { changeAtPointer: pointerChange.current, pointerInEditor: inEditor };
      sendMenuState(current, latest.current.state, pointer, sent);
    };
    window.addEventListener('contextmenu', onContextMenu, true);
    return () => window.removeEventListener('contextmenu', onContextMenu, true);
  }, []);
}

/** Sends the menu state through the shell bridge when it differs from what was sent last. */
function sendMenuState(
  view: EditorView | null,
  input: DesktopMenusInput['state'],
  pointer: Pick<MenuStateInput, 'changeAtPointer' | 'pointerInEditor'>,
  sent: { current: string },
): void {
  const bridge = findShellBridge();
  if (!bridge) return;
  const state: MenuState = getMenuState({ ...input, ...pointer, editor: view?.state ?? null });
  const text = JSON.stringify(state);
  if (text === sent.current) return;
  sent.current = text;
  bridge.setMenuState(state);
}
