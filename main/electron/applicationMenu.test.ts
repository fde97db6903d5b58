import { describe, expect, it } from 'vitest';
import { menuCommandMessageSchema } from '../../shared/api/menuCommands.ts';
import { EMPTY_MENU_STATE, type MenuState } from '../../shared/api/menuState.ts';
import { buildApplicationMenu } from './applicationMenu.ts';
import type { MenuItemTemplate, MenuPlatform } from './menuItems.ts';

const OPEN_DOCUMENT: MenuState = {
  ...EMPTY_MENU_STATE,
  hasDocument: true,
  editable: true,
  path: '/home/anneke/Resoluties/motie.resolutie',
};

function menu(platform: MenuPlatform, state: Partial<MenuState> = {}, developer = false) {
  return buildApplicationMenu({
    platform,
    appName: 'Resolutie-editor',
    state: { ...OPEN_DOCUMENT, ...state },
    developer,
  });
}

/** Every item below `items`, depth first. */
function flatten(items: readonly MenuItemTemplate[]): MenuItemTemplate[] {
  return items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);
}

/** The one item with `id` in the menu bar of `items`. */
function item(items: readonly MenuItemTemplate[], id: string): MenuItemTemplate {
  const found = flatten(items).filter((candidate) => candidate.id === id);
  expect(found, id).toHaveLength(1);
  return found[0]!;
}

/** Whether an item can be chosen (Electron's default is enabled). */
const isEnabled = (entry: MenuItemTemplate) => entry.enabled !== false;

describe('the menu bar', () => {
  it('has the six Dutch menus on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      expect(menu(platform).map((entry) => entry.label)).toEqual([
        'Bestand',
        'Bewerken',
        'Beeld',
        'Document',
        'Sessie',
        'Help',
      ]);
    }
  });

  it('puts the app menu first on macOS, with Over, Instellingen and Stop, and adds Venster', () => {
    const bar = menu('darwin');
    expect(bar.map((entry) => entry.label)).toEqual([
      'Resolutie-editor',
      'Bestand',
      'Bewerken',
      'Beeld',
      'Document',
      'Sessie',
      'Venster',
      'Help',
    ]);
    const appMenu = bar[0]!.submenu!;
    expect(appMenu[0]).toMatchObject({
      label: 'Over Resolutie-editor',
      command: { command: 'about' },
    });
    expect(appMenu.find((entry) => entry.role === 'quit')?.label).toBe('Stop Resolutie-editor');
    expect(item(bar, 'preferences')).toMatchObject({
      label: 'Instellingen…',
      accelerator: 'Cmd+,',
      command: { command: 'preferences' },
    });
    // Quitting, preferences and Over live in the app menu only.
    expect(flatten(bar).filter((entry) => entry.role === 'quit')).toHaveLength(1);
    expect(bar.find((entry) => entry.label === 'Help')).toMatchObject({ role: 'help' });
    expect(item(bar, 'help')).toMatchObject({
      label: 'Help bij de Resolutie-editor',
      accelerator: 'F1',
      command: { command: 'help' },
    });
  });

  it('quits from Bestand elsewhere: Ctrl+Q on Linux, Alt+F4 (the window’s own) on Windows', () => {
    expect(item(menu('linux'), 'quit')).toMatchObject({
      role: 'quit',
      label: 'Afsluiten',
      accelerator: 'Ctrl+Q',
    });
    const windowsQuit = item(menu('win32'), 'quit');
    expect(windowsQuit).toMatchObject({ role: 'quit', label: 'Afsluiten' });
    expect(windowsQuit.accelerator).toBeUndefined();
    expect(item(menu('win32'), 'about')).toMatchObject({
      label: 'Over Resolutie-editor',
      command: { command: 'about' },
    });
    expect(item(menu('linux'), 'help')).toMatchObject({ accelerator: 'F1' });
    expect(item(menu('win32'), 'preferences').label).toBe('Voorkeuren…');
  });

  it('uses the platform’s shortcuts', () => {
    const bar = menu('win32');
    expect(item(bar, 'newDocument').accelerator).toBe('CmdOrCtrl+N');
    expect(item(bar, 'open').accelerator).toBe('CmdOrCtrl+O');
    expect(item(bar, 'save').accelerator).toBe('CmdOrCtrl+S');
    expect(item(bar, 'saveAs').accelerator).toBe('CmdOrCtrl+Shift+S');
    expect(item(bar, 'printPreview').accelerator).toBe('CmdOrCtrl+P');
    expect(item(bar, 'print').accelerator).toBe('CmdOrCtrl+Shift+P');
    expect(item(bar, 'undo').accelerator).toBe('CmdOrCtrl+Z');
    expect(item(bar, 'toggleSuggesting').accelerator).toBe('CmdOrCtrl+Shift+E');
    expect(item(bar, 'insertReference').accelerator).toBe('CmdOrCtrl+Shift+K');
    expect(item(menu('darwin'), 'redo').accelerator).toBe('Cmd+Shift+Z');
    expect(item(menu('win32'), 'redo').accelerator).toBe('Ctrl+Y');
    expect(item(menu('linux'), 'redo').accelerator).toBe('Ctrl+Shift+Z');
  });

  it('never gives one shortcut to two items', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const accelerators = flatten(menu(platform, {}, true))
        .map((entry) => entry.accelerator)
        .filter((accelerator) => accelerator !== undefined);
      expect(new Set(accelerators).size, platform).toBe(accelerators.length);
    }
  });

  it('leaves the clipboard to Chromium, and undo and redo to the editor', () => {
    const bar = menu('linux');
    expect(item(bar, 'cut')).toMatchObject({ role: 'cut', label: 'Knippen' });
    expect(item(bar, 'copy')).toMatchObject({ role: 'copy', label: 'Kopiëren' });
    expect(item(bar, 'paste')).toMatchObject({ role: 'paste', label: 'Plakken' });
    expect(item(bar, 'selectAll')).toMatchObject({ role: 'selectAll' });
    // Chromium's undo knows nothing of the shared document: never its role.
    expect(flatten(bar).some((entry) => entry.role === ('undo' as never))).toBe(false);
    expect(item(bar, 'undo').command).toEqual({ command: 'undo' });
    expect(item(bar, 'redo').command).toEqual({ command: 'redo' });
  });

  it('enables Opslaan only when there is something to save', () => {
    expect(isEnabled(item(menu('linux', { dirty: false }), 'save'))).toBe(false);
    expect(isEnabled(item(menu('linux', { dirty: true }), 'save'))).toBe(true);
    expect(isEnabled(item(menu('linux', { dirty: false }), 'saveAs'))).toBe(true);
  });

  it('offers nothing on a document while the window has none', () => {
    const bar = buildApplicationMenu({
      platform: 'win32',
      appName: 'Resolutie-editor',
      state: EMPTY_MENU_STATE,
      developer: false,
    });
    for (const id of [
      'save',
      'saveAs',
      'printPreview',
      'print',
      'exportPdf',
      'exportWord',
      'exportWordChanges',
      'close',
      'undo',
      'redo',
      'toggleSuggesting',
      'nextChange',
      'acceptChange',
      'acceptAllChanges',
      'versions',
      'insertReference',
      'startSession',
      'showAmendments',
      'createAmendment',
      'addAmendment',
      'amendedPdf',
      'advicesPdf',
      'procedureOverview',
    ]) {
      expect(isEnabled(item(bar, id)), id).toBe(false);
    }
    // A new document, another window or a session to join are always possible.
    for (const id of ['newDocument', 'newWindow', 'open', 'joinSession']) {
      expect(isEnabled(item(bar, id)), id).toBe(true);
    }
  });

  it('offers the amendments in Bestand, as the page’s own Bestand menu does', () => {
    const all = {
      showAmendments: true,
      createAmendment: true,
      addAmendment: true,
      amendedPdf: true,
      advicesPdf: true,
      procedureOverview: true,
    };
    const file = menu('linux', { amendments: all }).find((entry) => entry.label === 'Bestand')!;
    const labels = file.submenu!.map((entry) => entry.label ?? entry.type);
    const first = labels.indexOf('Amendementen');
    expect(labels.slice(first - 1, first + 7)).toEqual([
      'separator',
      'Amendementen',
      'Amendement maken…',
      'Amendement toevoegen…',
      'Zoals geamendeerd (PDF)',
      'Preadviezen (PDF)',
      'ALV-overzicht…',
      'separator',
    ]);
    for (const id of Object.keys(all)) {
      const entry = item([file], id);
      expect(isEnabled(entry), id).toBe(true);
      expect(entry.command, id).toEqual({ command: id });
    }
    // Each one as the page says: a member drafting, say, makes no second amendment and adds none.
    const drafting = menu('linux', {
      amendments: { ...all, createAmendment: false, addAmendment: false },
    });
    expect(isEnabled(item(drafting, 'createAmendment'))).toBe(false);
    expect(isEnabled(item(drafting, 'addAmendment'))).toBe(false);
    expect(isEnabled(item(drafting, 'showAmendments'))).toBe(true);
    expect(isEnabled(item(drafting, 'amendedPdf'))).toBe(true);
    // Nothing while the window shows no document, whatever a stale state says.
    const empty = menu('linux', { hasDocument: false, amendments: all });
    for (const id of Object.keys(all)) expect(isEnabled(item(empty, id)), id).toBe(false);
  });

  it('follows undo and redo', () => {
    const bar = menu('linux', { canUndo: true, canRedo: false });
    expect(isEnabled(item(bar, 'undo'))).toBe(true);
    expect(isEnabled(item(bar, 'redo'))).toBe(false);
  });

  it('shows suggestion mode as a checkbox', () => {
    expect(item(menu('linux', { suggesting: true }), 'toggleSuggesting')).toMatchObject({
      type: 'checkbox',
      checked: true,
      label: 'Wijzigingen bijhouden',
    });
    expect(item(menu('linux', { suggesting: false }), 'toggleSuggesting').checked).toBe(false);
    // A reader in a session cannot propose anything.
    expect(isEnabled(item(menu('linux', { editable: false }), 'toggleSuggesting'))).toBe(false);
  });

  it('decides on the change at the cursor, by its id, and only when there is one', () => {
    const none = menu('linux', { changeCount: 2, changeAtCursor: null });
    expect(isEnabled(item(none, 'acceptChange'))).toBe(false);
    expect(item(none, 'acceptChange').command).toBeUndefined();
    expect(isEnabled(item(none, 'acceptAllChanges'))).toBe(true);
    expect(isEnabled(item(none, 'nextChange'))).toBe(true);

    const atOne = menu('linux', { changeCount: 2, changeAtCursor: 'c-1' });
    expect(item(atOne, 'acceptChange')).toMatchObject({
      label: 'Wijziging accepteren',
      command: { command: 'acceptChange', changeId: 'c-1' },
    });
    expect(item(atOne, 'rejectChange')).toMatchObject({
      label: 'Wijziging weigeren',
      command: { command: 'rejectChange', changeId: 'c-1' },
    });

    const noChanges = menu('linux', { changeCount: 0 });
    for (const id of ['previousChange', 'nextChange', 'acceptAllChanges', 'rejectAllChanges']) {
      expect(isEnabled(item(noChanges, id)), id).toBe(false);
    }
    // A reader sees the changes but decides nothing.
    const reader = menu('linux', { editable: false, changeCount: 2, changeAtCursor: 'c-1' });
    expect(isEnabled(item(reader, 'nextChange'))).toBe(true);
    expect(isEnabled(item(reader, 'acceptChange'))).toBe(false);
    expect(isEnabled(item(reader, 'acceptAllChanges'))).toBe(false);
  });

  it('offers the session commands that fit: none, hosting, joined', () => {
    const labels = (state: Partial<MenuState>) =>
      menu('linux', state)
        .find((entry) => entry.label === 'Sessie')!
        .submenu!.map((entry) => entry.label ?? entry.type);
    expect(labels({ session: 'none' })).toEqual([
      'Sessie starten',
      'Deelnemen…',
      'separator',
      'Naam en kleur wijzigen…',
    ]);
    expect(labels({ session: 'hosting' })).toEqual([
      'Uitnodigen…',
      'Sessie stoppen',
      'separator',
      'Naam en kleur wijzigen…',
    ]);
    expect(labels({ session: 'joined' })).toEqual([
      'Sessie verlaten',
      'separator',
      'Naam en kleur wijzigen…',
    ]);
    const starting = item(menu('linux', { sessionStarting: true }), 'startSession');
    expect(starting.label).toBe('Sessie wordt gestart…');
    expect(isEnabled(starting)).toBe(false);
  });

  it('offers reloading and the developer tools only outside an installed app', () => {
    const ids = (developer: boolean) => flatten(menu('linux', {}, developer)).map((e) => e.id);
    expect(ids(false)).not.toContain('devTools');
    expect(ids(false)).not.toContain('reload');
    expect(ids(true)).toContain('devTools');
  });

  it('sends only commands of the closed list, and opens a new window itself', () => {
    const entries = flatten(menu('darwin', { changeAtCursor: 'c-1', session: 'hosting' }, true));
    for (const entry of entries) {
      // Each item does one thing: a command for the page, an action or a role (a menu may
      // have a role too, like macOS's Help).
      if (entry.submenu) continue;
      const kinds = [entry.command, entry.action, entry.role].filter(Boolean);
      const inert = entry.type === 'separator' || entry.enabled === false;
      if (inert) expect(kinds.length, entry.id).toBeLessThan(2);
      else expect(kinds, entry.id ?? entry.label).toHaveLength(1);
      if (entry.command) {
        expect(menuCommandMessageSchema.safeParse(entry.command).success, entry.id).toBe(true);
      }
    }
    expect(item(menu('win32'), 'newWindow').action).toEqual({ kind: 'newWindow' });
  });

  it('has no stray separators', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      for (const top of menu(platform, { session: 'joined' })) {
        const items = top.submenu ?? [];
        expect(items[0]?.type, top.label).not.toBe('separator');
        expect(items[items.length - 1]?.type, top.label).not.toBe('separator');
      }
    }
  });
});
