/**
 * The dialogs of a window, as its controller holds them: one slot for the dialog a command
 * opened (the file dialogs and Importeren, the print preview, the recovery offer, Versies, a comparison, the
 * session dialogs), and two layers above it that any part of the window may open at any time:
 * About or Help (they take one place), and the preferences, which have their own, so that
 * opening the help over half-filled preferences loses nothing.
 *
 * The dialogs themselves (dialogs/, help/) take their types from here; this module knows no
 * component.
 */
import type { Node } from 'prosemirror-model';
import type { ResolutieApi } from '../api/client.ts';

/** A document with unsaved work the host found after a crash. */
export type Recoverable = Awaited<ReturnType<ResolutieApi['listRecoverable']>>['documents'][number];

/** The answer to "Wijzigingen opslaan?". */
export type UnsavedChoice = 'save' | 'discard' | 'cancel';

/** Two versions compared: the compared document and the names of its two sides. */
export interface Comparison {
  doc: Node;
  from: string;
  to: string;
}

/** The dialog in the window's one slot. */
export type WindowDialog =
  | { type: 'new' }
  | { type: 'open' }
  | { type: 'import' }
  /**
   * `then` runs once saved (the action that asked about unsaved changes); `suggestedName` is
   * the name offered instead of the document's own (an amendment's file).
   */
  | { type: 'saveAs'; then?: () => void; suggestedName?: string }
  | { type: 'unsaved'; then: () => void }
  | { type: 'recovery'; documents: Recoverable[] }
  | { type: 'preview'; printing: Promise<Uint8Array>; changesShown: boolean }
  | { type: 'versions' }
  /** "Verwijzing invoegen": the elements a cross-reference at the cursor can point to. */
  | { type: 'reference' }
  | { type: 'compare'; comparison: Comparison }
  | { type: 'join' }
  | { type: 'invite' };

/** The dialogs above the slot, which the Help menu, F1, the panels and native menus open. */
export type AppDialog = 'about' | 'help' | 'preferences';
