import { describe, expect, it } from 'vitest';
import { buildContextMenu, type ContextMenuClick } from './contextMenu.ts';
import type { MenuItemTemplate } from './menuItems.ts';

const ALL_EDITS = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };

/** A right-click in the editor on a correctly spelt word with nothing selected. */
const inEditor: ContextMenuClick = {
  isEditable: true,
  selectionText: '',
  misspelledWord: '',
  dictionarySuggestions: [],
  editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true },
};

const labels = (items: MenuItemTemplate[]) => items.map((item) => item.label ?? '—');

function build(
  click: Partial<ContextMenuClick>,
  changeAtPointer: string | null = null,
  editable = true,
  canComment = false,
) {
  return buildContextMenu({
    click: { ...inEditor, ...click },
    changeAtPointer,
    documentEditable: editable,
    canComment,
  });
}

describe('the editor’s context menu', () => {
  it('offers knippen, kopiëren, plakken as Chromium can do them here', () => {
    const items = build({});
    expect(labels(items)).toEqual(['Knippen', 'Kopiëren', 'Plakken', '—', 'Alles selecteren']);
    expect(items.map((item) => item.role ?? null)).toEqual([
      'cut',
      'copy',
      'paste',
      null,
      'selectAll',
    ]);
    expect(items.map((item) => item.enabled)).toEqual([false, false, true, undefined, true]);
    expect(build({ selectionText: 'gemeenten', editFlags: ALL_EDITS })[0]?.enabled).toBe(true);
  });

  it('puts spelling suggestions first, at most five, and adds the word to the dictionary', () => {
    const items = build({
      misspelledWord: 'gemeenteen',
      dictionarySuggestions: ['gemeenten', 'gemeente', 'gemeentes', 'gemeen', 'meenten', 'meent'],
    });
    expect(labels(items).slice(0, 7)).toEqual([
      'gemeenten',
      'gemeente',
      'gemeentes',
      'gemeen',
      'meenten',
      'Toevoegen aan woordenboek',
      '—',
    ]);
    expect(items[0]?.action).toEqual({ kind: 'replaceMisspelling', word: 'gemeenten' });
    expect(items[5]?.action).toEqual({ kind: 'addToDictionary', word: 'gemeenteen' });
  });

  it('says so when the checker has no suggestion, and still offers the dictionary', () => {
    const items = build({ misspelledWord: 'VNG-inzet', dictionarySuggestions: [] });
    expect(items[0]).toMatchObject({ label: 'Geen suggesties', enabled: false });
    expect(items[1]).toMatchObject({
      label: 'Toevoegen aan woordenboek',
      action: { kind: 'addToDictionary', word: 'VNG-inzet' },
    });
  });

  it('accepts or rejects the change under the pointer, by its id', () => {
    const items = build({}, 'change-7');
    expect(labels(items).slice(0, 3)).toEqual(['Wijziging accepteren', 'Wijziging weigeren', '—']);
    expect(items[0]?.command).toEqual({ command: 'acceptChange', changeId: 'change-7' });
    expect(items[1]?.command).toEqual({ command: 'rejectChange', changeId: 'change-7' });
  });

  it('offers no decision without a change there, nor to a reader', () => {
    expect(labels(build({}, null))).not.toContain('Wijziging accepteren');
    expect(labels(build({}, 'change-7', false))).not.toContain('Wijziging accepteren');
    // Outside editable content (a panel) there is no change to decide either.
    expect(labels(build({ isEditable: false, selectionText: 'x' }, 'change-7'))).toEqual([
      'Kopiëren',
    ]);
  });

  it('puts spelling, then the change, then the clipboard', () => {
    const items = build(
      { misspelledWord: 'bestuuur', dictionarySuggestions: ['bestuur'] },
      'change-7',
    );
    expect(labels(items)).toEqual([
      'bestuur',
      'Toevoegen aan woordenboek',
      '—',
      'Wijziging accepteren',
      'Wijziging weigeren',
      '—',
      'Knippen',
      'Kopiëren',
      'Plakken',
      '—',
      'Alles selecteren',
    ]);
  });

  it('offers a comment on selected text where the page allows it, also when read-only', () => {
    const selected = { selectionText: 'woningnood', editFlags: ALL_EDITS };
    const items = build(selected, 'change-7', true, true);
    expect(labels(items).slice(0, 6)).toEqual([
      'Wijziging accepteren',
      'Wijziging weigeren',
      '—',
      'Opmerking toevoegen',
      '—',
      'Knippen',
    ]);
    expect(items[3]?.command).toEqual({ command: 'addComment' });
    // A reader allowed to comment: the editor is not editable content to Chromium.
    expect(labels(build({ ...selected, isEditable: false }, null, false, true))).toEqual([
      'Opmerking toevoegen',
      '—',
      'Kopiëren',
    ]);
    // Not where the page says no (no comments allowed, or the click was not on the editor's
    // selection), nor without selected text.
    expect(labels(build(selected, null, true, false))).not.toContain('Opmerking toevoegen');
    expect(labels(build({ selectionText: ' ' }, null, true, true))).not.toContain(
      'Opmerking toevoegen',
    );
  });

  it('shows nothing where there is nothing to do (no text selected, not editable)', () => {
    expect(build({ isEditable: false })).toEqual([]);
    expect(build({ isEditable: false, selectionText: '   ' })).toEqual([]);
  });
});
