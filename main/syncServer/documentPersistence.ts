/**
 * Loads and stores the server's documents (serverDocuments.ts) for Hocuspocus.
 *
 * - A document with a file is loaded from it, strictly; a damaged file refuses the document
 *   (the participant reads why, the log says what) and is never written.
 * - A document without a file is new: the server creates it from the template and writes it
 *   at once, so it exists for readers and for other instances. Creating on the server, not
 *   in the first editor's app, is what keeps two editors who join a new document at the same
 *   moment from each creating their own (two titles, two preambles after the merge).
 * - Hocuspocus calls the store debounced while participants edit, at once when the last one
 *   leaves, and for every document when the server stops. Only documents this extension
 *   loaded are ever stored.
 *
 * **A store that fails is loud.** The document is marked unsaved: its participants are told
 * (a stateless message, see shared/session/storeNotice.ts, also to whoever joins while it
 * lasts), it is kept in memory even when everyone has left (Hocuspocus would otherwise unload
 * it, and the work with it), the store is tried again every `retryMs`, and a stop reports it.
 * When a store succeeds again, the participants hear that too.
 *
 * **A refused load leaks nothing.** Hocuspocus 4.7 cleans up a document whose load failed by
 * calling `unloadDocument`, which returns early for a document it never registered; the
 * document (with its presence timer) would stay alive for good, and keep the process from
 * exiting. So the refusal destroys the document itself.
 */
import * as Y from 'yjs';
import type {
  Document,
  Extension,
  Hocuspocus,
  connectedPayload,
  onConfigurePayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import { ServerDocumentError, createNewServerDocument } from './serverDocuments.ts';
import type { ServerDocuments } from './serverDocuments.ts';
import { refusal } from '../../shared/session/refusals.ts';
import { encodeStoreNotice } from '../../shared/session/storeNotice.ts';

/** A document whose last store failed, and why. */
export interface UnsavedDocument {
  documentName: string;
  error: unknown;
}

const DEFAULT_RETRY_MS = 10_000;

/** Hocuspocus's persistence in `.resolutie` files. */
export class DocumentPersistence implements Extension {
  extensionName = 'DocumentPersistence';
  private readonly documents: ServerDocuments;
  private readonly log: (line: string) => void;
  private readonly retryMs: number;
  private readonly loaded = new WeakSet<Document>();
  private readonly unsaved = new Map<Document, { error: unknown; timer: NodeJS.Timeout }>();
  private instance: Hocuspocus | null = null;

  constructor(documents: ServerDocuments, log: (line: string) => void, retryMs = DEFAULT_RETRY_MS) {
    this.documents = documents;
    this.log = log;
    this.retryMs = retryMs;
  }

  /** The documents whose changes are not on disk because their last store failed. */
  listUnsaved(): UnsavedDocument[] {
    return [...this.unsaved].map(([document, { error }]) => ({
      documentName: document.name,
      error,
    }));
  }

  /** Tries to store every unsaved document now; resolves when each attempt has ended. */
  async retryUnsaved(): Promise<void> {
    await Promise.all([...this.unsaved.keys()].map((document) => this.storeNow(document)));
  }

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.instance = instance;
  }

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    let state: Uint8Array | null;
    try {
      state = await this.documents.load(documentName);
    } catch (error) {
      if (!(error instanceof ServerDocumentError)) throw error;
      const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
      this.log(`${documentName}: niet geopend: ${error.message}${cause}`);
      // Hocuspocus does not clean up a document whose load failed (see above).
      document.destroy();
      throw refusal(error.message);
    }
    if (state) {
      Y.applyUpdate(document, state);
    } else {
      const created = createNewServerDocument();
      try {
        await this.documents.store(documentName, created);
        Y.applyUpdate(document, Y.encodeStateAsUpdate(created));
      } finally {
        created.destroy();
      }
      this.log(`${documentName}: nieuw document gemaakt`);
    }
    this.loaded.add(document);
  }

  async connected({ connection }: connectedPayload): Promise<void> {
    const failure = this.unsaved.get(connection.document);
    if (failure) connection.sendStateless(encodeStoreNotice({ stored: false }));
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    if (!this.loaded.has(document)) return;
    try {
      await this.documents.store(documentName, document);
    } catch (error) {
      this.markUnsaved(document, error);
      throw error;
    }
    this.markSaved(document);
  }

  /** Keeps an unsaved document in memory when its last participant leaves. */
  async beforeUnloadDocument({ document }: { document: Document }): Promise<void> {
    // Hocuspocus leaves a document loaded when this hook throws.
    if (this.unsaved.has(document)) throw new Error('niet opgeslagen');
  }

  private markUnsaved(document: Document, error: unknown): void {
    const known = this.unsaved.get(document);
    if (known) clearTimeout(known.timer);
    else {
      this.log(`${document.name}: opslaan mislukt: ${(error as Error).message ?? error}`);
      document.broadcastStateless(encodeStoreNotice({ stored: false }));
    }
    const timer = setTimeout(() => void this.storeNow(document), this.retryMs);
    timer.unref();
    this.unsaved.set(document, { error, timer });
  }

  private markSaved(document: Document): void {
    const known = this.unsaved.get(document);
    if (!known) return;
    clearTimeout(known.timer);
    this.unsaved.delete(document);
    this.log(`${document.name}: weer opgeslagen`);
    document.broadcastStateless(encodeStoreNotice({ stored: true }));
    // Kept only because it was unsaved: now it may go like any other.
    if (document.getConnectionsCount() === 0) void this.instance?.unloadDocument(document);
  }

  private async storeNow(document: Document): Promise<void> {
    if (document.isDestroyed) return;
    try {
      await document.saveMutex.runExclusive(() => this.documents.store(document.name, document));
    } catch (error) {
      this.markUnsaved(document, error);
      return;
    }
    this.markSaved(document);
  }
}
