/**
 * The editor's context menu (right-click), in Dutch, as data: spelling suggestions for a word
 * the spell checker marked, with "Toevoegen aan woordenboek"; accepting or rejecting the tracked
 * change under the pointer; "Opmerking toevoegen" on selected text; and knippen, kopiëren,
 * plakken. Built from what Chromium reports
 * about the click (Electron's `context-menu` event) and the change the page reported under the
 * pointer; tested in Node.
 */
import { changeItem } from './applicationMenu.ts';
import { SEPARATOR, tidySeparators, type MenuItemTemplate } from './menuItems.ts';

/** What the context menu needs of Electron's `ContextMenuParams`. */
export interface ContextMenuClick {
  /** Whether the click was in editable content (the editor, a text field). */
  isEditable: boolean;
  /** The selected text, if any. */
  selectionText: string;
  /** The word the spell checker marked under the pointer, or ''. */
  misspelledWord: string;
  /** Its suggestions, best first. */
  dictionarySuggestions: string[];
  /** What Chromium can do here. */
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}

/** The most spelling suggestions the menu lists, as word processors do. */
export const MAX_SPELLING_SUGGESTIONS = 5;

/** What the context menu is built from. */
export interface ContextMenuInput {
  click: ContextMenuClick;
  /** The tracked change under the pointer, as the page reported it; null if none. */
  changeAtPointer: string | null;
  /** Whether the document may be changed (false for a reader in a session). */
  documentEditable: boolean;
  /**
   * Whether the click was on the editor's selected text and the user may comment on it (also
   * in a read-only editor, for a reader whose invitation allows comments).
   */
  canComment: boolean;
}

/** The template of the context menu; empty when there is nothing to offer there. */
export function buildContextMenu(input: ContextMenuInput): MenuItemTemplate[] {
  const { click } = input;
  const items: MenuItemTemplate[] = [];

  const word = click.misspelledWord.trim();
  if (click.isEditable && word !== '') {
    const suggestions = click.dictionarySuggestions.slice(0, MAX_SPELLING_SUGGESTIONS);
    if (suggestions.length === 0) {
      items.push({ id: 'noSuggestions', label: 'Geen suggesties', enabled: false });
    }
    suggestions.forEach((suggestion, index) => {
      items.push({
        id: `suggestion-${index}`,
        label: suggestion,
        action: { kind: 'replaceMisspelling', word: suggestion },
      });
    });
    items.push(
      {
        id: 'addToDictionary',
        label: 'Toevoegen aan woordenboek',
        action: { kind: 'addToDictionary', word },
      },
      SEPARATOR,
    );
  }

  // Only in the editor itself (a text field has no changes), and not for a reader.
  if (click.isEditable && input.documentEditable && input.changeAtPointer) {
    items.push(
      changeItem('acceptChange', 'Wijziging accepteren', input.changeAtPointer),
      changeItem('rejectChange', 'Wijziging weigeren', input.changeAtPointer),
      SEPARATOR,
    );
  }

  // A comment on the selected text, where the user may comment (the page knows).
  if (input.canComment && click.selectionText.trim() !== '') {
    items.push(
      { id: 'addComment', label: 'Opmerking toevoegen', command: { command: 'addComment' } },
      SEPARATOR,
    );
  }

  const { editFlags } = click;
  if (click.isEditable) {
    items.push(
      { id: 'cut', role: 'cut', label: 'Knippen', enabled: editFlags.canCut },
      { id: 'copy', role: 'copy', label: 'Kopiëren', enabled: editFlags.canCopy },
      { id: 'paste', role: 'paste', label: 'Plakken', enabled: editFlags.canPaste },
      SEPARATOR,
      {
        id: 'selectAll',
        role: 'selectAll',
        label: 'Alles selecteren',
        enabled: editFlags.canSelectAll,
      },
    );
  } else if (click.selectionText.trim() !== '') {
    // Text selected outside the editor (a panel, a dialog): it can only be copied.
    items.push({ id: 'copy', role: 'copy', label: 'Kopiëren', enabled: editFlags.canCopy });
  }
  return tidySeparators(items);
}
