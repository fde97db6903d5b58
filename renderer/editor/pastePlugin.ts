/**
 * Paste and typing over cross-structure selections. Text laid out as a resolution
 * ("Overwegende dat:", numbered lines, "Spreekt uit:", "Toelichting") becomes blocks and items
 * through the same parser the command line uses; numbered lines pasted into an item become
 * items. A paste that brings no content changes nothing, and what could not be pasted
 * (pictures, scripts, …) is said (pasteReport.ts). Copies from this editor itself keep their structure through ProseMirror's own
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
import { docFromModel } from '../../shared/editor/fromModel.ts';
import { describePaste, holdsContent, prepareClipboardHtml } from './pasteReport.ts';
import type { PreparedHtml } from './pasteReport.ts';

export const pastePluginKey = new PluginKey('resolutiePaste');

/** What became of a plain-text paste. */
type TextPaste = 'pasted' | 'nothing' | 'declined';

/**
 * Handles a plain-text paste: 'pasted', 'nothing' when the text is laid out as a resolution
 * but holds no text to paste (then the document is left as it is), or 'declined' when
 * ProseMirror's own paste should take it.
 */
export function pasteText(view: EditorView, text: string): TextPaste {
  if (looksLikeResolution(text)) {
    const model = parseResolutionText(text);
    // Headings alone would replace a selection with empty blocks: a paste never removes
    // content without bringing its replacement.
    if (docFromModel(model).textContent.trim() === '') return 'nothing';
    if (isCrossStructureSelection(view.state)) {
      deleteSelectionKeepingStructure(view.state, view.dispatch);
    }
    return insertParsedResolution(model)(view.state, view.dispatch) ? 'pasted' : 'declined';
  }
  const inItem = findItemContext(view.state.selection.$from) !== null;
  if (inItem && /\n\s*\S/.test(text.trim())) {
    return insertItems(parseItemLines(text))(view.state, view.dispatch) ? 'pasted' : 'declined';
  }
  if (isCrossStructureSelection(view.state)) {
    const flat = text.replace(/\s*\n\s*/g, ' ').trim();
    return replaceSelectionKeepingStructure(flat)(view.state, view.dispatch)
      ? 'pasted'
      : 'declined';
  }
  return 'declined';
}

/**
 * The paste plugin. `report` hears, after a paste, what could not be pasted or that nothing
 * was (the editor's page shows it); a paste that brings no content leaves the document as it
 * is, whatever was selected.
 */
export function pastePlugin(report: (message: string) => void = () => {}): Plugin {
  // The clipboard's HTML is prepared (transformPastedHTML) before handlePaste runs, in the
  // same paste; what the preparation left out waits here for it.
  let prepared: PreparedHtml | null = null;
  return new Plugin({
    key: pastePluginKey,
    props: {
      transformPastedHTML: (html) => {
        prepared = prepareClipboardHtml(html);
        return prepared.html;
      },
      handlePaste: (view, event, slice) => {
        const data = event.clipboardData;
        const fromHtml = data?.getData('text/html') ? prepared : null;
        prepared = null;
        if (!data) return false;
        const leftOut = fromHtml?.leftOut ?? [];
        const tables = fromHtml?.tables ?? 0;
        const tell = (outcome: Parameters<typeof describePaste>[0]): void => {
          const message = describePaste(outcome);
          if (message) report(message);
        };
        // Our own copies carry ProseMirror's slice marker: let ProseMirror restore them.
        if (data.getData('text/html').includes('data-pm-slice')) return false;
        const text = data.getData('text/plain');
        const byText = text.trim() === '' ? 'declined' : pasteText(view, text);
        if (byText !== 'declined') {
          tell({
            pasted: byText === 'pasted',
            leftOut,
            tables,
            onlyHeadings: byText === 'nothing',
          });
          return true;
        }
        // ProseMirror pastes the slice it read from the HTML or the text, unless it is empty.
        if (!holdsContent(slice.content)) {
          tell({ pasted: false, leftOut, tables });
          return true;
        }
        tell({ pasted: true, leftOut, tables });
        return false;
      },
      handleTextInput: (view, _from, _to, text) =>
        replaceSelectionKeepingStructure(text)(view.state, view.dispatch),
    },
  });
}
