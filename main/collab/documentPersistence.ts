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
 */
import * as Y from 'yjs';
import type {
  Document,
  Extension,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import { ServerDocumentError, createNewServerDocument } from './serverDocuments.ts';
import type { ServerDocuments } from './serverDocuments.ts';
import { refusal } from './refusals.ts';

/** A store that failed: the document stays in memory (Hocuspocus keeps it) until one succeeds. */
export interface StoreFailure {
  documentName: string;
  error: unknown;
}

/** Hocuspocus's persistence in `.resolutie` files. */
export class DocumentPersistence implements Extension {
  extensionName = 'DocumentPersistence';
  private readonly documents: ServerDocuments;
  private readonly log: (line: string) => void;
  private readonly loaded = new WeakSet<Document>();
  private readonly failureListeners = new Set<(failure: StoreFailure) => void>();

  constructor(documents: ServerDocuments, log: (line: string) => void) {
    this.documents = documents;
    this.log = log;
  }

  /** Calls `listener` for every store that fails; returns the function that stops it. */
  onStoreFailure(listener: (failure: StoreFailure) => void): () => void {
    this.failureListeners.add(listener);
    return () => this.failureListeners.delete(listener);
  }

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    let state: Uint8Array | null;
    try {
      state = await this.documents.load(documentName);
    } catch (error) {
      if (!(error instanceof ServerDocumentError)) throw error;
      const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
      this.log(`${documentName}: niet geopend: ${error.message}${cause}`);
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

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    if (!this.loaded.has(document)) return;
    try {
      await this.documents.store(documentName, document);
    } catch (error) {
      this.log(`${documentName}: opslaan mislukt: ${(error as Error).message}`);
      for (const listener of this.failureListeners) listener({ documentName, error });
      throw error;
    }
  }
}
