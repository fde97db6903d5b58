/**
 * Paste and typing over cross-structure selections. Text laid out as a resolution
 * ("Overwegende dat:", numbered lines, "Spreekt uit:", "Toelichting") becomes blocks and items
 * through the same parser the command line uses; numbered lines pasted into an item become
 * items. Copies from this editor itself keep their structure through ProseMirror's own
 * clipboard handling.
 */
import { Plugin, PluginKey } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import {
  looksLikeResolution,
  parseItemLines,
  parseResolutionText,
} from '../../shared/import/parseResolutionText.ts';
import { insertItems, insertParsedResolution } from '../../shared/editor/commands/insertParsed.ts';
import {
  deleteSelectionKeepingStructure,
  isCrossStructureSelection,
  replaceSelectionKeepingStructure,
} from '../../shared/editor/commands/deleteKeepingStructure.ts';
import { findItemContext } from '../../shared/editor/queries/findItemContext.ts';

export const pastePluginKey = new PluginKey('resolutiePaste');

/** Handles a plain-text paste; returns true when it took the paste. */
export function pasteText(view: EditorView, text: string): boolean {
  if (looksLikeResolution(text)) {
    if (isCrossStructureSelection(view.state)) {
      deleteSelectionKeepingStructure(view.state, view.dispatch);
    }
    return insertParsedResolution(parseResolutionText(text))(view.state, view.dispatch);
  }
  const inItem = findItemContext(view.state.selection.$from) !== null;
  if (inItem && /\n\s*\S/.test(text.trim())) {
    return insertItems(parseItemLines(text))(view.state, view.dispatch);
  }
  if (isCrossStructureSelection(view.state)) {
    return replaceSelectionKeepingStructure(text.replace(/\s*\n\s*/g, ' ').trim())(
      view.state,
      view.dispatch,
    );
  }
  return false;
}

export function pastePlugin(): Plugin {
  return new Plugin({
    key: pastePluginKey,
    props: {
      handlePaste: (view, event) => {
        const data = event.clipboardData;
        if (!data) return false;
        // Our own copies carry ProseMirror's slice marker: let ProseMirror restore them.
        if (data.getData('text/html').includes('data-pm-slice')) return false;
        const text = data.getData('text/plain');
        return text.trim() !== '' && pasteText(view, text);
      },
      handleTextInput: (view, _from, _to, text) =>
        replaceSelectionKeepingStructure(text)(view.state, view.dispatch),
    },
  });
}
