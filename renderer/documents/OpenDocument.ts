/**
 * One open document in the window: its Y.Doc, where it is saved (if anywhere), whether it has
 * unsaved changes, and its recovery journal. The editor binds to `ydoc`; the file commands
 * (save, save as) and the title bar read and change the open document, never the editor.
 * (A co-editing session is something else: a LiveSession, which connects this Y.Doc.)
 */
import { createYDoc, decodeYDoc, encodeYDoc } from '../../shared/ydoc/yDocument.ts';
import { DEFAULT_ASSEMBLY } from '../../shared/api/preferences.ts';
import { decodeBase64, encodeBase64 } from '../../shared/format/base64.ts';
import type { Node } from 'prosemirror-model';
import type { DocumentKind } from '../../shared/model/resolution.ts';
import { api } from '../api/client.ts';
import type { ResolutieApi } from '../api/client.ts';
import { createNewDocument } from './newDocument.ts';
import { loadPreferences } from '../preferences/userPreferences.ts';
import { JournalStream } from './journalStream.ts';
import type { JournalStatus } from './journalStream.ts';

/**
 * The Y.Doc, typed through the shared collaboration module: outside the binding the renderer
 * does not import Yjs itself.
 */
export type DocumentYDoc = ReturnType<typeof createYDoc>;

/** What the UI shows of an open document; a new object on every change. */
export interface DocumentSnapshot {
  id: string;
  name: string | null;
  path: string | null;
  dirty: boolean;
  savedAt: string | null;
  journal: JournalStatus;
  journalMessage: string | null;
}

/** What an open document asks of the host: saving and its journal. */
export type DocumentsApi = Pick<
  ResolutieApi,
  'saveDocument' | 'journalAppend' | 'journalReset' | 'journalDiscard'
>;

export class OpenDocument {
  readonly ydoc: DocumentYDoc;
  private snapshot: DocumentSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly journal: JournalStream;
  private readonly api: DocumentsApi;
  /** The title as the editor shows it, for the journal's recovery list. */
  title = '';
  /**
   * The invitation of the co-editing session the document is in (or was in, when recovered
   * after a crash), so that it can rejoin with its offline edits; null for none.
   */
  sessionInvitation: string | null = null;

  /**
   * Records the session the document is in (null: none). The journal learns it with the next
   * update: without edits there is nothing to recover, and a reset would mark it saved.
   */
  setSessionInvitation(invitation: string | null): void {
    this.sessionInvitation = invitation;
  }

  /**
   * Whether the header names the document by its title: one joined in a session, which has no
   * file name until the user saves it.
   */
  private namedByTitle = false;

  /**
   * Keeps the title the editor shows (the journal's recovery list names the document by it,
   * and the header a joined document that has no file name yet).
   */
  setTitle(title: string): void {
    this.title = title;
    const name = title.trim();
    if (this.namedByTitle && name && name !== this.snapshot.name) this.update({ name });
  }

  private constructor(
    ydoc: DocumentYDoc,
    init: {
      id: string;
      name: string | null;
      path: string | null;
      dirty: boolean;
      savedAt: string | null;
    },
    documentsApi: DocumentsApi,
  ) {
    this.ydoc = ydoc;
    this.api = documentsApi;
    this.snapshot = { ...init, journal: 'ok', journalMessage: null };
    this.journal = new JournalStream(
      documentsApi,
      {
        documentId: init.id,
        describe: () => ({
          title: this.title,
          path: this.snapshot.path,
          session: this.sessionInvitation,
        }),
        currentState: () => encodeYDoc(this.ydoc),
      },
      (status, message) => {
        if (
          status !== this.snapshot.journal ||
          (message ?? null) !== this.snapshot.journalMessage
        ) {
          this.update({ journal: status, journalMessage: message ?? null });
        }
      },
    );
    ydoc.on('update', this.onUpdate);
  }

  private readonly onUpdate = (update: Uint8Array): void => {
    this.journal.push(update);
    if (!this.snapshot.dirty) this.update({ dirty: true });
  };

  /**
   * A new document from the template of `kind`, its preamble naming `assembly`: by default
   * the assembly of the user's preferences (the template's "ALV" when they cannot be read).
   */
  static async createNew(
    kind: DocumentKind,
    documentsApi: DocumentsApi = api,
    assembly?: string,
  ): Promise<OpenDocument> {
    const name = assembly ?? (await readDefaultAssembly());
    const opened = new OpenDocument(
      createYDoc(createNewDocument(kind, name)),
      { id: crypto.randomUUID(), name: null, path: null, dirty: false, savedAt: null },
      documentsApi,
    );
    await opened.journal.reset(encodeYDoc(opened.ydoc));
    return opened;
  }

  /**
   * A document made from an imported file: unsaved (closing asks about it), named after the
   * file it came from, so that Opslaan als offers that name.
   */
  static async fromImport(
    doc: Node,
    name: string,
    documentsApi: DocumentsApi = api,
  ): Promise<OpenDocument> {
    const opened = new OpenDocument(
      createYDoc(doc),
      { id: crypto.randomUUID(), name, path: null, dirty: true, savedAt: null },
      documentsApi,
    );
    await opened.journal.reset(encodeYDoc(opened.ydoc));
    return opened;
  }

  /** A document as the host opened it from a file. */
  static async fromFile(
    file: { path: string; name: string; state: string; savedAt: string },
    documentsApi: DocumentsApi = api,
  ): Promise<OpenDocument> {
    const opened = new OpenDocument(
      decodeYDoc(decodeBase64(file.state) ?? new Uint8Array()),
      {
        id: crypto.randomUUID(),
        name: file.name,
        path: file.path,
        dirty: false,
        savedAt: file.savedAt,
      },
      documentsApi,
    );
    // Not waited for: the window shows the file while its journal starts. Every later update,
    // save or discard is queued behind the reset (the stream sends one request at a time, in
    // order), and a failed reset shows as the journal's status either way (it never rejects).
    void opened.journal.reset(encodeYDoc(opened.ydoc));
    return opened;
  }

  /**
   * A document joined in a co-editing session, as the server sent it. Not saved anywhere yet:
   * leaving the session keeps it as a local copy the user can save.
   */
  static async fromLive(
    ydoc: DocumentYDoc,
    invitation: string,
    title: string | null = null,
    documentsApi: DocumentsApi = api,
  ): Promise<OpenDocument> {
    const opened = new OpenDocument(
      ydoc,
      { id: crypto.randomUUID(), name: title, path: null, dirty: false, savedAt: null },
      documentsApi,
    );
    opened.sessionInvitation = invitation;
    // Named by the invitation's title at first, then by the document's own as the editor shows it.
    opened.namedByTitle = true;
    await opened.journal.reset(encodeYDoc(opened.ydoc));
    return opened;
  }

  /**
   * A document restored from its journal after a crash. It keeps the journal's id, so that the
   * journal goes on (and stays recoverable) until the user saves or discards.
   */
  static fromRecovered(
    recovered: {
      documentId: string;
      state: string;
      path: string | null;
      title: string;
      session?: string | null;
    },
    documentsApi: DocumentsApi = api,
  ): OpenDocument {
    const name = recovered.path ? baseName(recovered.path) : null;
    const opened = new OpenDocument(
      decodeYDoc(decodeBase64(recovered.state) ?? new Uint8Array()),
      { id: recovered.documentId, name, path: recovered.path, dirty: true, savedAt: null },
      documentsApi,
    );
    opened.sessionInvitation = recovered.session ?? null;
    return opened;
  }

  getSnapshot = (): DocumentSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Saves to the file it came from (or was last saved as); false when it has none yet. */
  async save(): Promise<boolean> {
    if (!this.snapshot.path) return false;
    await this.write({ path: this.snapshot.path });
    return true;
  }

  /** Saves as a new file named `name` in the documents folder. */
  async saveAs(name: string, overwrite = false): Promise<void> {
    await this.write({ name, overwrite });
  }

  /** Closes the document: its journal goes, whether or not it was saved. */
  async close(): Promise<void> {
    this.ydoc.off('update', this.onUpdate);
    await this.journal.discard();
    this.ydoc.destroy();
  }

  /** Stops streaming to the journal without deleting it (the page is going away). */
  detach(): void {
    this.journal.stop();
  }

  private async write(target: {
    path?: string;
    name?: string;
    overwrite?: boolean;
  }): Promise<void> {
    const state = encodeYDoc(this.ydoc);
    // The journal first gets every edit the file will hold. Otherwise a crash right after the
    // save leaves a file with edits its (still dirty) journal lacks; the recovery dialog offers
    // the journal, and saving what it restores overwrites the file without them.
    await this.journal.flush();
    const saved = await this.api.saveDocument({ state: encodeBase64(state), ...target });
    this.namedByTitle = false;
    const changedSince = !sameBytes(state, encodeYDoc(this.ydoc));
    this.update({
      path: saved.path,
      name: saved.name,
      savedAt: saved.savedAt,
      dirty: changedSince,
    });
    // The file now holds everything up to `state`; the journal starts again from it.
    if (!changedSince) await this.journal.reset(state);
  }

  private update(changes: Partial<DocumentSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...changes };
    for (const listener of this.listeners) listener();
  }
}

function baseName(path: string): string {
  const file = path.split(/[\\/]/).pop() ?? path;
  return file.replace(/\.resolutie$/i, '');
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The assembly of new stukken from the user's preferences; the template's when they fail. */
async function readDefaultAssembly(): Promise<string> {
  try {
    return (await loadPreferences()).preferences.defaultAssembly;
  } catch {
    // The failure itself is reported where the preferences are loaded for the window.
    return DEFAULT_ASSEMBLY;
  }
}
