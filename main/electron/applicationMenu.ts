/**
 * The menu bar of the desktop app, in Dutch, as data: Bestand (with the amendments), Bewerken,
 * Beeld, Document, Sessie, Help (on macOS after the app menu, with a Venster menu as the
 * system expects). Items are enabled, disabled and checked from the focused window's
 * {@link MenuState}; a page action is a {@link MenuCommandMessage} for the page, which runs what its button or key does.
 *
 * Shortcuts are the platform's: ⌘ on macOS, Ctrl elsewhere (`CmdOrCtrl`), redo as ⇧⌘Z on a
 * Mac, Ctrl+Y on Windows and Ctrl+Shift+Z on Linux; quitting is ⌘Q on a Mac and Ctrl+Q on
 * Linux (Windows closes with Alt+F4). The page handles most of these keys itself and then
 * the menu does not fire (Electron offers a key to the menu only when the page left it
 * alone), so a shortcut never runs twice.
 */
import type { AmendmentCommand } from '../../shared/api/menuCommands.ts';
import type { MenuState } from '../../shared/api/menuState.ts';
import {
  SEPARATOR,
  tidySeparators,
  type MenuItemTemplate,
  type MenuPlatform,
} from './menuItems.ts';

/** What the menu bar is built from. */
export interface ApplicationMenuInput {
  platform: MenuPlatform;
  /** The app's name, as the macOS app menu shows it. */
  appName: string;
  /** The focused window's state; the empty state when no window has focus. */
  state: MenuState;
  /** Whether to offer reloading and the developer tools (not in an installed app). */
  developer: boolean;
}

/** The template of the menu bar. */
export function buildApplicationMenu(input: ApplicationMenuInput): MenuItemTemplate[] {
  const menus: MenuItemTemplate[] = [];
  if (input.platform === 'darwin') menus.push(buildAppMenu(input.appName));
  menus.push(
    buildFileMenu(input.platform, input.state),
    buildEditMenu(input.platform, input.state),
    buildViewMenu(input.developer),
    buildDocumentMenu(input.state),
    buildSessionMenu(input.state),
  );
  if (input.platform === 'darwin') menus.push(buildWindowMenu());
  menus.push(buildHelpMenu(input.platform, input.appName));
  return menus;
}

/** macOS: the menu named after the app, with Over, Instellingen, Diensten, Verberg, Stop. */
function buildAppMenu(appName: string): MenuItemTemplate {
  return {
    label: appName,
    submenu: [
      // The app's own About dialog, as on the other platforms (with the version and the help).
      { id: 'about', label: `Over ${appName}`, command: { command: 'about' } },
      SEPARATOR,
      {
        id: 'preferences',
        label: 'Instellingen…',
        accelerator: 'Cmd+,',
        command: { command: 'preferences' },
      },
      SEPARATOR,
      { role: 'services', label: 'Voorzieningen' },
      SEPARATOR,
      { role: 'hide', label: `Verberg ${appName}` },
      { role: 'hideOthers', label: 'Verberg andere' },
      { role: 'unhide', label: 'Toon alle' },
      SEPARATOR,
      { id: 'quit', role: 'quit', label: `Stop ${appName}` },
    ],
  };
}

function buildFileMenu(platform: MenuPlatform, state: MenuState): MenuItemTemplate {
  const { hasDocument } = state;
  const items: MenuItemTemplate[] = [
    {
      id: 'newDocument',
      label: 'Nieuw…',
      accelerator: 'CmdOrCtrl+N',
      command: { command: 'newDocument' },
    },
    {
      id: 'newWindow',
      label: 'Nieuw venster',
      accelerator: 'CmdOrCtrl+Shift+N',
      action: { kind: 'newWindow' },
    },
    { id: 'open', label: 'Openen…', accelerator: 'CmdOrCtrl+O', command: { command: 'open' } },
    { id: 'importDocument', label: 'Importeren…', command: { command: 'importDocument' } },
    SEPARATOR,
    {
      id: 'save',
      label: 'Opslaan',
      accelerator: 'CmdOrCtrl+S',
      // Nothing to save: the file on disk is what the window shows.
      enabled: hasDocument && state.dirty,
      command: { command: 'save' },
    },
    {
      id: 'saveAs',
      label: 'Opslaan als…',
      accelerator: 'CmdOrCtrl+Shift+S',
      enabled: hasDocument,
      command: { command: 'saveAs' },
    },
    SEPARATOR,
    {
      id: 'printPreview',
      label: 'Afdrukvoorbeeld',
      accelerator: 'CmdOrCtrl+P',
      enabled: hasDocument,
      command: { command: 'printPreview' },
    },
    {
      id: 'print',
      label: 'Afdrukken…',
      accelerator: 'CmdOrCtrl+Shift+P',
      enabled: hasDocument,
      command: { command: 'print' },
    },
    {
      id: 'exportPdf',
      label: 'Exporteren als PDF',
      enabled: hasDocument,
      command: { command: 'exportPdf' },
    },
    {
      id: 'exportWord',
      label: 'Exporteren als Word',
      enabled: hasDocument,
      command: { command: 'exportWord' },
    },
    {
      id: 'exportWordChanges',
      label: 'Exporteren als Word met wijzigingen',
      enabled: hasDocument,
      command: { command: 'exportWordChanges' },
    },
    SEPARATOR,
    ...buildAmendmentItems(state),
    SEPARATOR,
    {
      id: 'close',
      label: 'Document sluiten',
      enabled: hasDocument,
      command: { command: 'close' },
    },
    { id: 'closeWindow', role: 'close', label: 'Venster sluiten', accelerator: 'CmdOrCtrl+W' },
  ];
  // On a Mac quitting lives in the app menu.
  if (platform !== 'darwin') {
    items.push(SEPARATOR, {
      id: 'quit',
      role: 'quit',
      label: 'Afsluiten',
      ...(platform === 'linux' ? { accelerator: 'Ctrl+Q' } : {}),
    });
  }
  return { id: 'menu-file', label: 'Bestand', submenu: items };
}

/**
 * The amendments, as the page's own Bestand menu has them (its section "Amendementen", same
 * labels): each enabled when the page offers it, which follows the role and the drafting.
 */
function buildAmendmentItems(state: MenuState): MenuItemTemplate[] {
  const item = (command: AmendmentCommand, label: string): MenuItemTemplate => ({
    id: command,
    label,
    enabled: state.hasDocument && state.amendments[command],
    command: { command },
  });
  return [
    item('showAmendments', 'Amendementen'),
    item('createAmendment', 'Amendement maken…'),
    item('addAmendment', 'Amendement toevoegen…'),
    item('amendedPdf', 'Zoals geamendeerd (PDF)'),
    item('advicesPdf', 'Preadviezen (PDF)'),
    item('procedureOverview', 'ALV-overzicht…'),
  ];
}

/** Redo as each platform writes it (the editor's keymap knows all three). */
const REDO_ACCELERATOR: Record<MenuPlatform, string> = {
  darwin: 'Cmd+Shift+Z',
  win32: 'Ctrl+Y',
  linux: 'Ctrl+Shift+Z',
};

function buildEditMenu(platform: MenuPlatform, state: MenuState): MenuItemTemplate {
  const items: MenuItemTemplate[] = [
    // Undo and redo are the editor's own (through Yjs, only the user's own edits), never
    // Chromium's `undo` role, which knows nothing of the shared document.
    {
      id: 'undo',
      label: 'Ongedaan maken',
      accelerator: 'CmdOrCtrl+Z',
      enabled: state.canUndo,
      command: { command: 'undo' },
    },
    {
      id: 'redo',
      label: 'Opnieuw',
      accelerator: REDO_ACCELERATOR[platform],
      enabled: state.canRedo,
      command: { command: 'redo' },
    },
    SEPARATOR,
    // Chromium's clipboard commands reach the editor as clipboard events, which it handles.
    { id: 'cut', role: 'cut', label: 'Knippen', accelerator: 'CmdOrCtrl+X' },
    { id: 'copy', role: 'copy', label: 'Kopiëren', accelerator: 'CmdOrCtrl+C' },
    { id: 'paste', role: 'paste', label: 'Plakken', accelerator: 'CmdOrCtrl+V' },
    { id: 'selectAll', role: 'selectAll', label: 'Alles selecteren', accelerator: 'CmdOrCtrl+A' },
  ];
  // On a Mac the preferences are in the app menu.
  if (platform !== 'darwin') {
    items.push(SEPARATOR, {
      id: 'preferences',
      label: 'Voorkeuren…',
      command: { command: 'preferences' },
    });
  }
  return { id: 'menu-edit', label: 'Bewerken', submenu: items };
}

function buildViewMenu(developer: boolean): MenuItemTemplate {
  const items: MenuItemTemplate[] = [
    { id: 'resetZoom', role: 'resetZoom', label: 'Werkelijke grootte' },
    { id: 'zoomIn', role: 'zoomIn', label: 'Inzoomen' },
    { id: 'zoomOut', role: 'zoomOut', label: 'Uitzoomen' },
    SEPARATOR,
    { id: 'fullScreen', role: 'togglefullscreen', label: 'Volledig scherm' },
  ];
  if (developer) {
    items.push(
      SEPARATOR,
      { id: 'reload', role: 'reload', label: 'Opnieuw laden' },
      { id: 'devTools', role: 'toggleDevTools', label: 'Ontwikkelaarshulpmiddelen' },
    );
  }
  return { id: 'menu-view', label: 'Beeld', submenu: items };
}

function buildDocumentMenu(state: MenuState): MenuItemTemplate {
  const canEdit = state.hasDocument && state.editable;
  const hasChanges = state.hasDocument && state.changeCount > 0;
  const atCursor = canEdit ? state.changeAtCursor : null;
  return {
    id: 'menu-document',
    label: 'Document',
    submenu: [
      {
        id: 'toggleSuggesting',
        label: 'Wijzigingen bijhouden',
        type: 'checkbox',
        checked: state.suggesting,
        accelerator: 'CmdOrCtrl+Shift+E',
        enabled: canEdit,
        command: { command: 'toggleSuggesting' },
      },
      SEPARATOR,
      {
        id: 'previousChange',
        label: 'Vorige wijziging',
        accelerator: 'Alt+PageUp',
        enabled: hasChanges,
        command: { command: 'previousChange' },
      },
      {
        id: 'nextChange',
        label: 'Volgende wijziging',
        accelerator: 'Alt+PageDown',
        enabled: hasChanges,
        command: { command: 'nextChange' },
      },
      SEPARATOR,
      changeItem('acceptChange', 'Wijziging accepteren', atCursor),
      changeItem('rejectChange', 'Wijziging weigeren', atCursor),
      {
        id: 'acceptAllChanges',
        label: 'Alle wijzigingen accepteren',
        enabled: canEdit && hasChanges,
        command: { command: 'acceptAllChanges' },
      },
      {
        id: 'rejectAllChanges',
        label: 'Alle wijzigingen weigeren',
        enabled: canEdit && hasChanges,
        command: { command: 'rejectAllChanges' },
      },
      SEPARATOR,
      {
        id: 'versions',
        label: 'Versies…',
        enabled: state.hasDocument,
        command: { command: 'versions' },
      },
      SEPARATOR,
      // Where the cursor is decides whether a reference can stand: the page checks (the title).
      {
        id: 'insertReference',
        label: 'Verwijzing invoegen…',
        accelerator: 'CmdOrCtrl+Shift+K',
        enabled: canEdit,
        command: { command: 'insertReference' },
      },
    ],
  };
}

/**
 * "Wijziging accepteren/weigeren" for the change `changeId`, or disabled when there is none.
 * Used by the Document menu (the change at the cursor) and the context menu (under the pointer).
 */
export function changeItem(
  command: 'acceptChange' | 'rejectChange',
  label: string,
  changeId: string | null,
): MenuItemTemplate {
  return changeId
    ? { id: command, label, command: { command, changeId } }
    : { id: command, label, enabled: false };
}

function buildSessionMenu(state: MenuState): MenuItemTemplate {
  const { session, hasDocument } = state;
  const items: MenuItemTemplate[] = [];
  if (session === 'none') {
    items.push(
      {
        id: 'startSession',
        label: state.sessionStarting ? 'Sessie wordt gestart…' : 'Sessie starten',
        enabled: hasDocument && !state.sessionStarting,
        command: { command: 'startSession' },
      },
      { id: 'joinSession', label: 'Deelnemen…', command: { command: 'joinSession' } },
    );
  } else {
    if (session === 'hosting') {
      items.push({ id: 'invite', label: 'Uitnodigen…', command: { command: 'invite' } });
    }
    items.push({
      id: 'leaveSession',
      label: session === 'hosting' ? 'Sessie stoppen' : 'Sessie verlaten',
      command: { command: 'leaveSession' },
    });
  }
  items.push(SEPARATOR, {
    id: 'sessionName',
    label: 'Naam en kleur wijzigen…',
    command: { command: 'preferences' },
  });
  return { id: 'menu-session', label: 'Sessie', submenu: tidySeparators(items) };
}

/** macOS: the system's Venster menu (its window list is added by macOS to this role's menu). */
function buildWindowMenu(): MenuItemTemplate {
  return {
    id: 'menu-window',
    label: 'Venster',
    submenu: [
      { role: 'minimize', label: 'Minimaliseer' },
      { role: 'zoom', label: 'Zoom' },
      SEPARATOR,
      { role: 'front', label: 'Alles op voorgrond' },
    ],
  };
}

function buildHelpMenu(platform: MenuPlatform, appName: string): MenuItemTemplate {
  const items: MenuItemTemplate[] = [
    {
      id: 'help',
      label: `Help bij de ${appName}`,
      accelerator: 'F1',
      command: { command: 'help' },
    },
  ];
  // On a Mac "Over" is in the app menu.
  if (platform !== 'darwin') {
    items.push(SEPARATOR, {
      id: 'about',
      label: `Over ${appName}`,
      command: { command: 'about' },
    });
  }
  // The `help` role gives the menu macOS's search field, which finds any menu item by name.
  return {
    id: 'menu-help',
    label: 'Help',
    ...(platform === 'darwin' ? { role: 'help' as const } : {}),
    submenu: items,
  };
}
