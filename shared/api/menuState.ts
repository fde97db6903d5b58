/**
 * What a window's page tells the desktop app's main process about its document, so that the
 * native menus can enable, disable and check their items: whether there is anything to save,
 * undo or decide, whether suggestion mode is on, whether the document is in a session, which
 * amendment commands it offers. The page
 * sends it whenever it changes; the main process validates it with {@link menuStateSchema} and
 * ignores anything else.
 */
import { z } from 'zod';
import { MAX_CHANGE_ID_LENGTH, type AmendmentCommand } from './menuCommands.ts';
import { MAX_PATH_LENGTH } from './documents.ts';

/** Where the window's document stands in co-editing. */
export const SESSION_PARTS = ['none', 'hosting', 'joined'] as const;

const changeIdSchema = z.string().min(1).max(MAX_CHANGE_ID_LENGTH).nullable();

/** The document's state as the menus need it. */
export const menuStateSchema = z.strictObject({
  /** Whether the window shows a document (false while it starts). */
  hasDocument: z.boolean(),
  /** Whether it has changes that are not saved. */
  dirty: z.boolean(),
  /** The file it was opened from or saved to; null for a new document. */
  path: z.string().min(1).max(MAX_PATH_LENGTH).nullable(),
  /** Whether the user may change it (false for a reader in a session). */
  editable: z.boolean(),
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  /** "Wijzigingen bijhouden": the user's edits become proposals. */
  suggesting: z.boolean(),
  /** How many tracked changes are pending. */
  changeCount: z.number().int().nonnegative().max(1_000_000),
  /** The tracked change at the cursor (for the Document menu), if any. */
  changeAtCursor: changeIdSchema,
  /**
   * The tracked change under the mouse pointer at the last right-click in the editor (for the
   * context menu); null when the click was elsewhere.
   */
  changeAtPointer: changeIdSchema,
  /**
   * Whether the last right-click in the editor was on text the user may comment on (selected,
   * and comments allowed), for the context menu's "Opmerking toevoegen".
   */
  canCommentAtPointer: z.boolean(),
  /** Co-editing: none, hosting a session for colleagues, or joined to someone's. */
  session: z.enum(SESSION_PARTS),
  /** Whether "Sessie starten" is under way. */
  sessionStarting: z.boolean(),
  /**
   * Which of the Bestand menu's amendment commands can be chosen now: the same as in the page's
   * own Bestand menu (not for a lezer, "Amendement toevoegen…" only for the bestuur, …).
   */
  amendments: z.strictObject({
    showAmendments: z.boolean(),
    createAmendment: z.boolean(),
    addAmendment: z.boolean(),
    amendedPdf: z.boolean(),
    advicesPdf: z.boolean(),
    procedureOverview: z.boolean(),
  } satisfies Record<AmendmentCommand, z.ZodBoolean>),
});

/** The document's state as the menus need it. */
export type MenuState = z.infer<typeof menuStateSchema>;

/** The state of a window before its page has said anything: nothing to act on. */
export const EMPTY_MENU_STATE: MenuState = {
  hasDocument: false,
  dirty: false,
  path: null,
  editable: false,
  canUndo: false,
  canRedo: false,
  suggesting: false,
  changeCount: 0,
  changeAtCursor: null,
  changeAtPointer: null,
  canCommentAtPointer: false,
  session: 'none',
  sessionStarting: false,
  amendments: {
    showAmendments: false,
    createAmendment: false,
    addAmendment: false,
    amendedPdf: false,
    advicesPdf: false,
    procedureOverview: false,
  },
};
