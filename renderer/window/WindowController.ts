/**
 * A window's controller: the document open in it, the dialogs on screen (see windowDialogs.ts),
 * the status bar's notice, and the document's versions with their comparison and restoring.
 * The file commands (New, Open, Import, Save, Save as, Close, the print preview, the PDF
 * and the Word export),
 * the unsaved-changes question and, at start, the offer of unsaved work from a crash all run
 * here; React only subscribes to the state and renders it (see useWindowController.ts).
 *
 * A plain class, so that a test drives it in Node with the host faked at its seam
 * ({@link WindowServices}), as the open document's test does.
 */
import type { EditorState, Transaction } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import type { DocumentKind } from '../../shared/model/resolution.ts';
import type { VersionInfo } from '../../shared/ydoc/versions.ts';
import { recordVersion } from '../../shared/ydoc/versions.ts';
import type { ResolutieApi } from '../api/client.ts';
import { OpenDocument } from '../documents/OpenDocument.ts';
import type { ImportedStuk } from '../documents/docxImport.ts';
import { addImportedComments } from '../../shared/comments/importedComments.ts';
import type { DocumentsApi } from '../documents/OpenDocument.ts';
import { watchVersions } from '../liveSession/watchVersions.ts';
import type { OpenedFile } from './launchRequest.ts';
import { findVersionDoc, getComparison, restoreAsProposal } from './versionComparison.ts';
import type { VersionAuthor } from './versionComparison.ts';
import type { AppDialog, Recoverable, UnsavedChoice, WindowDialog } from './windowDialogs.ts';

/** What the window asks of the host, and how its PDFs reach the user: the controller's seam. */
export interface WindowServices {
  api: DocumentsApi & Pick<ResolutieApi, 'openDocument' | 'recoverDocument' | 'listRecoverable'>;
  /** The assembly new documents name; left out, the user's preference (OpenDocument reads it). */
  assembly?: string;
  /** The document as the host prints it, its pending changes hidden or shown. */
  printPdf(document: OpenDocument, changes: 'shown' | 'hidden'): Promise<Uint8Array>;
  /** Hands printed bytes to the user under the document's name. */
  downloadPdf(document: OpenDocument, bytes: Uint8Array): void;
  /**
   * "Exporteren als Word": the document as a Word file from the host, handed to the user; its
   * proposals accepted (`hidden`) or as tracked changes with its comments (`shown`).
   */
  downloadWord(document: OpenDocument, changes: 'shown' | 'hidden'): Promise<void>;
  /** Prints a named version and hands it to the user. */
  downloadVersionPdf(document: OpenDocument, version: { name: string; doc: Node }): Promise<void>;
  /** "Afdrukken…" in the desktop app: the document through the system's print dialog. */
  printOnPaper(document: OpenDocument): Promise<unknown>;
}

/** The part of the editor the controller acts on (an EditorView is one). */
export interface WindowEditor {
  readonly state: EditorState;
  dispatch(tr: Transaction): void;
  focus(): void;
}

/** What the window shows; a new object on every change. */
export interface WindowState {
  openDocument: OpenDocument | null;
  /** The dialog in the window's slot. */
  dialog: WindowDialog | null;
  /** About or Help, above the slot. */
  info: 'about' | 'help' | null;
  /** Whether the preferences are open (a layer of their own). */
  preferences: boolean;
  /** The last problem a command ran into, for the status bar. */
  notice: string | null;
  /** What the last command did, when it is worth a line in the status bar (an import). */
  outcome: string | null;
  /** The open document's named versions, oldest first. */
  versions: VersionInfo[];
}

/** The header's file commands. */
export type FileCommands = Record<
  | 'newDocument'
  | 'open'
  | 'importDocument'
  | 'save'
  | 'saveAs'
  | 'printPreview'
  | 'exportPdf'
  | 'exportWord'
  | 'exportWordChanges'
  | 'close',
  () => void
>;

export class WindowController {
  private state: WindowState = {
    openDocument: null,
    dialog: null,
    info: null,
    preferences: false,
    notice: null,
    outcome: null,
    versions: [],
  };
  private readonly listeners = new Set<() => void>();
  private readonly services: WindowServices;
  private editor: WindowEditor | null = null;
  private stopWatchingVersions: () => void = () => undefined;

  constructor(services: WindowServices) {
    this.services = services;
  }

  getState = (): WindowState => this.state;

  /** The document open in the window (null only while the first one is being made). */
  get openDocument(): OpenDocument | null {
    return this.state.openDocument;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The editor of the open document, or null while there is none. */
  attachEditor(editor: WindowEditor | null): void {
    this.editor = editor;
  }

  /**
   * Starts the window: offers unsaved work from a crash and starts a new resolution behind the
   * offer, unless a document was restored (or opened) while the new one was being made: the
   * first document to arrive is never replaced by the blank one. A window the desktop app
   * opened for a file (`launchPath`, see launchDocument.ts) starts with that file instead; if
   * it cannot be opened, the reason is shown and the window starts with a new resolution.
   * `launchFile` is the host's answer for that file when the page asked for it before the
   * window started (launchRequest.ts); without it the controller asks now.
   * Returns the cancel: what arrives after it is closed again.
   */
  start(launchPath: string | null, launchFile?: Promise<OpenedFile>): () => void {
    let live = true;
    const { api } = this.services;
    const startBlank = async () => {
      try {
        const blank = await OpenDocument.createNew('resolutie', api, this.services.assembly);
        if (!live || this.state.openDocument) await blank.close();
        else await this.replaceDocument(blank);
      } catch (error) {
        this.report(error);
      }
    };
    const startWithLaunchDocument = async (path: string) => {
      try {
        const file = await (launchFile ?? api.openDocument({ path }));
        const opened = await OpenDocument.fromFile(file, api);
        if (!live || this.state.openDocument) await opened.close();
        else await this.replaceDocument(opened);
      } catch (error) {
        // The new document first: putting it in the window clears the notice, and the reason
        // must stay (before, it was shown and cleared again, depending on timing).
        if (live) await startBlank();
        this.report(error);
      }
    };
    if (launchPath !== null) void startWithLaunchDocument(launchPath);
    const startFirst = () => (launchPath === null ? startBlank() : Promise.resolve());
    api
      .listRecoverable()
      .then(async ({ documents }) => {
        if (!live) return;
        if (documents.length > 0) this.update({ dialog: { type: 'recovery', documents } });
        await startFirst();
      })
      .catch(async (error: unknown) => {
        this.report(error);
        if (live) await startFirst();
      });
    return () => {
      live = false;
    };
  }

  /** Shows `error` in the status bar. */
  report = (error: unknown): void => {
    this.update({ notice: error instanceof Error ? error.message : String(error), outcome: null });
  };

  /** Whether the open document has unsaved changes. */
  isDirty(): boolean {
    return this.state.openDocument?.getSnapshot().dirty ?? false;
  }

  /** Runs `action` now, or after the user has decided about unsaved changes. */
  guardUnsaved = (action: () => void): void => {
    if (this.isDirty()) this.update({ dialog: { type: 'unsaved', then: action } });
    else action();
  };

  /** The header's commands; one object for the window's life. */
  readonly commands: FileCommands = {
    newDocument: () => this.guardUnsaved(() => this.showDialog({ type: 'new' })),
    open: () => this.guardUnsaved(() => this.showDialog({ type: 'open' })),
    importDocument: () => this.guardUnsaved(() => this.showDialog({ type: 'import' })),
    save: () => void this.save(),
    saveAs: () => this.showDialog({ type: 'saveAs' }),
    printPreview: () => this.printPreview(),
    exportPdf: () => void this.exportPdf(),
    exportWord: () => void this.exportWord('hidden'),
    exportWordChanges: () => void this.exportWord('shown'),
    close: () => this.guardUnsaved(() => void this.createNew('resolutie')),
  };

  /** Puts `dialog` in the window's slot (null: empties it). */
  showDialog = (dialog: WindowDialog | null): void => {
    this.update({ dialog });
  };

  /** Empties the slot if it holds one of `types` (a dialog closes only itself). */
  closeDialog = (...types: WindowDialog['type'][]): void => {
    if (this.state.dialog && types.includes(this.state.dialog.type)) this.showDialog(null);
  };

  /** Opens About, Help or the preferences, from anywhere; About and Help replace each other. */
  openAppDialog = (dialog: AppDialog): void => {
    if (dialog === 'preferences') {
      if (!this.state.preferences) this.update({ preferences: true });
    } else if (this.state.info !== dialog) {
      this.update({ info: dialog });
    }
  };

  /** Closes `dialog` if it is open. */
  closeAppDialog = (dialog: AppDialog): void => {
    if (dialog === 'preferences') {
      if (this.state.preferences) this.update({ preferences: false });
    } else if (this.state.info === dialog) {
      this.update({ info: null });
    }
  };

  /** Nieuw: the chosen kind, in place of the open document. */
  async createNew(kind: DocumentKind): Promise<void> {
    this.closeDialog('new');
    try {
      const { api, assembly } = this.services;
      await this.replaceDocument(await OpenDocument.createNew(kind, api, assembly));
    } catch (error) {
      this.report(error);
    }
  }

  /** Openen: the file at `path`; rejects with the reason it cannot (the dialog shows it). */
  openPath = async (path: string): Promise<void> => {
    const { api } = this.services;
    const file = await api.openDocument({ path });
    await this.replaceDocument(await OpenDocument.fromFile(file, api));
    this.showDialog(null);
  };

  /**
   * Importeren: the stuk read from a file becomes the open document, unsaved and named after
   * the file; the status bar says what the text became.
   */
  importParsed = async (imported: ImportedStuk): Promise<void> => {
    const { api } = this.services;
    const opened = await OpenDocument.fromImport(imported.doc, imported.name, api);
    // A Word file's comments live beside the text in the Yjs state, made just now.
    addImportedComments(opened.ydoc, imported.comments);
    await this.replaceDocument(opened);
    const { counts, warning } = imported;
    this.update({
      dialog: null,
      outcome: `Geïmporteerd uit ${imported.name}: ${counts}.${warning ? ` Let op: ${warning}` : ''} Nog niet opgeslagen.`,
    });
  };

  /** Opslaan: to its file, or through Opslaan als when it has none; then `then`. */
  async save(then?: () => void): Promise<void> {
    const current = this.state.openDocument;
    if (!current) return;
    try {
      if (await current.save()) {
        this.update({ notice: null, outcome: null });
        then?.();
      } else {
        this.showDialog({ type: 'saveAs', ...(then ? { then } : {}) });
      }
    } catch (error) {
      this.report(error);
    }
  }

  /** Opslaan als `name`; rejects with the reason it cannot (the dialog shows it). */
  saveAs = async (name: string, overwrite: boolean): Promise<void> => {
    const current = this.state.openDocument;
    if (!current) return;
    await current.saveAs(name, overwrite);
    const dialog = this.state.dialog;
    const then = dialog?.type === 'saveAs' ? dialog.then : undefined;
    this.update({ dialog: null, notice: null, outcome: null });
    then?.();
  };

  /** The answer to "Wijzigingen opslaan?": the waiting action runs after a save or at once. */
  chooseUnsaved = (choice: UnsavedChoice): void => {
    const dialog = this.state.dialog;
    const pending = dialog?.type === 'unsaved' ? dialog.then : null;
    this.showDialog(null);
    if (!pending || choice === 'cancel') return;
    if (choice === 'discard') pending();
    else void this.save(pending);
  };

  /** Herstellen: the journal of `doc` becomes the open document; the offer keeps the rest. */
  restoreRecoverable = async (doc: Recoverable): Promise<void> => {
    try {
      const { api } = this.services;
      const recovered = await api.recoverDocument({ documentId: doc.documentId });
      await this.replaceDocument(OpenDocument.fromRecovered(recovered, api));
      this.showDialog(this.recoveryWithout(doc));
    } catch (error) {
      this.report(error);
    }
  };

  /** Weggooien: the journal of `doc` goes; with nothing left open, a new resolution. */
  discardRecoverable = async (doc: Recoverable): Promise<void> => {
    try {
      await this.services.api.journalDiscard({ documentId: doc.documentId });
    } catch (error) {
      this.report(error);
    }
    const rest = this.recoveryWithout(doc);
    this.showDialog(rest);
    if (!this.state.openDocument && !rest) await this.createNew('resolutie');
  };

  /** Exporteren als PDF: downloads the document as the host prints it. */
  async exportPdf(): Promise<void> {
    const current = this.state.openDocument;
    if (!current) return;
    this.update({ notice: null });
    try {
      this.services.downloadPdf(current, await this.services.printPdf(current, 'hidden'));
    } catch (error) {
      this.report(error);
    }
  }

  /** Exporteren als Word: downloads the document as a Word file, its proposals as `changes` says. */
  async exportWord(changes: 'shown' | 'hidden'): Promise<void> {
    const current = this.state.openDocument;
    if (!current) return;
    this.update({ notice: null });
    try {
      await this.services.downloadWord(current, changes);
    } catch (error) {
      this.report(error);
    }
  }

  /** Afdrukvoorbeeld: prints as the export does; the dialog shows the printing and its outcome. */
  printPreview(): void {
    const current = this.state.openDocument;
    // Ctrl/⌘+P inside an open dialog (the preview itself included) does nothing.
    if (!current || this.state.dialog) return;
    this.update({ notice: null, dialog: this.preview(current, false) });
  }

  /** Prints the preview again with its pending changes shown, or hidden again. */
  previewChanges = (shown: boolean): void => {
    const current = this.state.openDocument;
    if (!current || this.state.dialog?.type !== 'preview') return;
    this.showDialog(this.preview(current, shown));
  };

  /** Downloads bytes the preview shows, under the name the export gives the document. */
  exportPreviewed = (bytes: Uint8Array): void => {
    const current = this.state.openDocument;
    if (current) this.services.downloadPdf(current, bytes);
  };

  /** Afdrukken…: the document through the system's print dialog. */
  printOnPaper(): void {
    const current = this.state.openDocument;
    if (current) this.services.printOnPaper(current).catch(this.report);
  }

  /** Puts a document joined in a session in the window (the caller asked about unsaved work). */
  adopt = async (next: OpenDocument): Promise<void> => {
    await this.replaceDocument(next);
    this.showDialog(null);
  };

  /** Records the editor's document as version `name`, by `author`. */
  recordVersion = (name: string, author: string): void => {
    const current = this.state.openDocument;
    if (!current || !this.editor) return;
    recordVersion(current.ydoc, {
      id: crypto.randomUUID(),
      name,
      author,
      createdAt: new Date().toISOString(),
      doc: this.editor.state.doc,
    });
  };

  /** Compares `from` with `to` (version ids, or CURRENT) in place of Versies. */
  compareVersions = (from: string, to: string): void => {
    this.closeDialog('versions');
    const current = this.state.openDocument;
    if (!current) return;
    const { versions } = this.state;
    const comparison = getComparison(
      current.ydoc,
      versions,
      this.editor?.state.doc ?? null,
      from,
      to,
    );
    if (comparison) this.showDialog({ type: 'compare', comparison });
  };

  /** Restores version `id` in the editor as a proposal of `author`, and closes Versies. */
  restoreVersion(id: string, author: VersionAuthor): void {
    const old = this.readVersion(id);
    const editor = this.editor;
    if (!editor || !old) return;
    editor.dispatch(restoreAsProposal(editor.state, old, author));
    this.closeDialog('versions');
    editor.focus();
  }

  /** Downloads version `id` as a PDF. */
  exportVersionPdf = (id: string): void => {
    const current = this.state.openDocument;
    const version = this.state.versions.find((v) => v.id === id);
    const doc = this.readVersion(id);
    if (current && version && doc) {
      this.services.downloadVersionPdf(current, { name: version.name, doc }).catch(this.report);
    }
  };

  /** Puts `next` in the window; the previous document is closed and its journal removed. */
  private async replaceDocument(next: OpenDocument): Promise<void> {
    const previous = this.state.openDocument;
    this.stopWatchingVersions();
    this.update({ openDocument: next, notice: null, outcome: null, versions: [] });
    this.stopWatchingVersions = watchVersions(next.ydoc, (versions) => this.update({ versions }));
    if (previous && previous !== next) await previous.close();
  }

  private preview(current: OpenDocument, changesShown: boolean): WindowDialog {
    const printing = this.services.printPdf(current, changesShown ? 'shown' : 'hidden');
    // The dialog reports a failure; this keeps an early one from counting as unhandled.
    printing.catch(() => undefined);
    return { type: 'preview', printing, changesShown };
  }

  /** The recovery offer without `doc`, or null when nothing is left. */
  private recoveryWithout(doc: Recoverable): WindowDialog | null {
    const dialog = this.state.dialog;
    const rest = dialog?.type === 'recovery' ? dialog.documents : [];
    const others = rest.filter((d) => d.documentId !== doc.documentId);
    return others.length > 0 ? { type: 'recovery', documents: others } : null;
  }

  private readVersion(id: string): Node | null {
    const current = this.state.openDocument;
    return current ? findVersionDoc(current.ydoc, id) : null;
  }

  private update(changes: Partial<WindowState>): void {
    this.state = { ...this.state, ...changes };
    for (const listener of this.listeners) listener();
  }
}
