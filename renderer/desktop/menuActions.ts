/**
 * What each native menu command does in the page: the same action as the button or key that
 * does it here (the header's file commands and amendments, the toolbar's undo and redo,
 * "Wijzigingen bijhouden", the changes panel, the session controls). Commands come from the
 * main process and are checked against the closed list before anything runs.
 */
import type { Command } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import {
  menuCommandMessageSchema,
  type AmendmentCommand,
  type MenuCommand,
} from '../../shared/api/menuCommands.ts';
import {
  acceptChange,
  acceptChanges,
  rejectChange,
  rejectChanges,
} from '../../shared/editor/suggestions/trackedChanges.ts';
import { history } from '../editor/yjsBinding.ts';
import type { FileCommands } from '../window/WindowController.ts';

/** One function per menu command; the two that decide on one change get its id. */
export type MenuActions = {
  [C in MenuCommand]: C extends 'acceptChange' | 'rejectChange'
    ? (changeId: string) => void
    : () => void;
};

/** What the menu commands act on (the header's commands are FileBar's and SessionControls'). */
export interface MenuActionTargets {
  view: EditorView | null;
  /** The header's file commands. */
  file: FileCommands;
  /** The header's session commands, and the name-and-colour dialog. */
  session: Record<'startSession' | 'join' | 'invite' | 'leave' | 'preferences', () => void>;
  toggleSuggesting: () => void;
  /** The changes panel's "Vorige"/"Volgende" (Alt+PageUp/PageDown). */
  jumpToChange: (direction: 1 | -1) => void;
  openVersions: () => void;
  /** "Verwijzing invoegen…": the toolbar's "Verwijzing" (useReferenceCommand). */
  insertReference: () => void;
  /** "Opmerking toevoegen": a comment on the selected text (the toolbar's "Opmerking"). */
  addComment: () => void;
  /** "Afdrukken…": the stuk through the system's print dialog. */
  printOnPaper: () => void;
  /** The Bestand menu's amendment commands, as the page's menu runs them (`readAmendmentMenu`). */
  amendments: Record<AmendmentCommand, () => void>;
  /** The app's own help page and About dialog. */
  openHelp: () => void;
  openAbout: () => void;
  /**
   * Whether the document is in a co-editing session: then a decision never removes an item it
   * empties (see the changes panel).
   */
  inSession: boolean;
}

/** The menu commands' actions on `targets`. */
export function createMenuActions(targets: MenuActionTargets): MenuActions {
  const { view, file, session } = targets;
  const decision = { removeEmptied: !targets.inSession };
  // As the changes panel and the toolbar do: run on the editor, then give it the focus back.
  const run = (command: Command) => {
    if (!view) return;
    command(view.state, view.dispatch, view);
    view.focus();
  };
  return {
    newDocument: file.newDocument,
    open: file.open,
    importDocument: file.importDocument,
    save: file.save,
    saveAs: file.saveAs,
    printPreview: file.printPreview,
    print: targets.printOnPaper,
    exportPdf: file.exportPdf,
    exportWord: file.exportWord,
    exportWordChanges: file.exportWordChanges,
    ...targets.amendments,
    close: file.close,
    undo: () => undoOrRedo(view, 'undo'),
    redo: () => undoOrRedo(view, 'redo'),
    preferences: session.preferences,
    toggleSuggesting: targets.toggleSuggesting,
    previousChange: () => targets.jumpToChange(-1),
    nextChange: () => targets.jumpToChange(1),
    acceptChange: (changeId) => run(acceptChange(changeId, decision)),
    rejectChange: (changeId) => run(rejectChange(changeId, decision)),
    acceptAllChanges: () => run(acceptChanges(() => true, decision)),
    rejectAllChanges: () => run(rejectChanges(() => true, decision)),
    versions: targets.openVersions,
    insertReference: targets.insertReference,
    addComment: targets.addComment,
    startSession: session.startSession,
    joinSession: session.join,
    invite: session.invite,
    leaveSession: session.leave,
    help: targets.openHelp,
    about: targets.openAbout,
  };
}

/**
 * Undo or redo from the menu. In a text field of a dialog (a name, an invitation) that is the
 * field's own undo, as the key would be there; everywhere else it is the editor's, through Yjs.
 */
function undoOrRedo(view: EditorView | null, which: 'undo' | 'redo'): void {
  const focused = typeof document === 'undefined' ? null : document.activeElement;
  const inTextField =
    focused !== null &&
    (focused.tagName === 'INPUT' || focused.tagName === 'TEXTAREA') &&
    !view?.dom.contains(focused);
  if (inTextField) {
    // The field's own history: the one way a page can reach it.
    document.execCommand(which);
    return;
  }
  if (!view) return;
  history[which](view.state, view.dispatch, view);
  view.focus();
}

/**
 * Runs the action of a message from a menu, after checking it against the closed list of
 * commands; anything else is ignored (and false).
 */
export function runMenuCommand(actions: MenuActions, message: unknown): boolean {
  const parsed = menuCommandMessageSchema.safeParse(message);
  if (!parsed.success) return false;
  const checked = parsed.data;
  if (checked.command === 'acceptChange' || checked.command === 'rejectChange') {
    actions[checked.command](checked.changeId);
  } else {
    actions[checked.command]();
  }
  return true;
}
