/**
 * The commands the desktop app's native menus (the menu bar and the editor's context menu) send
 * to a window's page. A closed list: the main process sends only these names, the page checks
 * every message against {@link menuCommandMessageSchema} and runs the same action as the button
 * or key that does it in the page, so menu, toolbar and keyboard cannot drift apart.
 */
import { z } from 'zod';

/** Every command a menu can send to the page, in menu order. */
export const MENU_COMMANDS = [
  // Bestand
  'newDocument',
  'open',
  'importDocument',
  'save',
  'saveAs',
  'printPreview',
  'print',
  'exportPdf',
  'exportWord',
  'exportWordChanges',
  // Bestand: the amendments (the page's own Bestand menu's section "Amendementen")
  'showAmendments',
  'createAmendment',
  'addAmendment',
  'amendedPdf',
  'advicesPdf',
  'procedureOverview',
  'close',
  // Bewerken (cut, copy, paste and select all are Chromium's own, through menu roles)
  'undo',
  'redo',
  'preferences',
  // Document
  'toggleSuggesting',
  'previousChange',
  'nextChange',
  'acceptChange',
  'rejectChange',
  'acceptAllChanges',
  'rejectAllChanges',
  'versions',
  'insertReference',
  // The editor's context menu: a comment on the selected text
  'addComment',
  // Sessie
  'startSession',
  'joinSession',
  'invite',
  'leaveSession',
  // Help (and the app menu on macOS): the app's own dialogs
  'help',
  'about',
] as const;

/** The name of a menu command. */
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/**
 * The Bestand menu's amendment commands. The page says which of them it offers now (the menu
 * state's `amendments`), as its own Bestand menu does, and runs them as that menu does.
 */
export const AMENDMENT_COMMANDS = [
  'showAmendments',
  'createAmendment',
  'addAmendment',
  'amendedPdf',
  'advicesPdf',
  'procedureOverview',
] as const;

/** The name of an amendment command. */
export type AmendmentCommand = (typeof AMENDMENT_COMMANDS)[number];

/** Commands that act on one tracked change and name it. */
export const CHANGE_COMMANDS = ['acceptChange', 'rejectChange'] as const;

/** The longest change id a message may carry (ids are UUIDs; this only keeps noise out). */
export const MAX_CHANGE_ID_LENGTH = 200;

const changeIdSchema = z.string().min(1).max(MAX_CHANGE_ID_LENGTH);

/**
 * One message from a menu: the command, and for accepting or rejecting one change the change's
 * id, taken from the state the page reported (so the menu decides on the change the user saw
 * it offer, even if the cursor moved since).
 */
export const menuCommandMessageSchema = z.discriminatedUnion('command', [
  z.strictObject({ command: z.enum(CHANGE_COMMANDS), changeId: changeIdSchema }),
  z.strictObject({
    command: z.enum(MENU_COMMANDS).exclude([...CHANGE_COMMANDS]),
  }),
]);

/** A message from a menu, as the page receives it. */
export type MenuCommandMessage = z.infer<typeof menuCommandMessageSchema>;

/** Whether `name` is a menu command (own entries only). */
export function isMenuCommand(name: unknown): name is MenuCommand {
  return typeof name === 'string' && (MENU_COMMANDS as readonly string[]).includes(name);
}
