/**
 * The sync server's documents on disk: one real `.resolutie` file per document,
 * `<dataDir>/<documentName>.resolutie`, in the same envelope the app saves. So an
 * administrator backs them up as files, opens one in the app or with `resolutie show`, and a
 * file from the app can be put on the server by copying it into the folder.
 *
 * Files are read strictly (`readDocumentFile`): a file that does not open as a resolution is
 * refused with a message and never written to, so a damaged file waits for a person instead
 * of being replaced by whatever a client sends. Writes go through `writeFileAtomic`: a crash
 * leaves the old file or the new one.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import { readDocumentFile, writeDocumentFile } from '../../shared/ydoc/documentFile.ts';
import type { FileWriter } from '../../shared/ydoc/documentFile.ts';
import { DOCUMENT_NAME } from '../../shared/session/invitation.ts';
import { getDocumentFragment } from '../../shared/ydoc/yDocument.ts';
import { createTemplateDoc } from '../../shared/editor/template.ts';
import {
  MAX_RESOLUTIE_FILE_BYTES,
  RESOLUTIE_EXTENSION,
} from '../../shared/format/resolutieFile.ts';
import { FileFormatError } from '../../shared/format/formatErrors.ts';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import { writeFileAtomic } from '../services/files/atomicWrite.ts';
import { FileReadError, getSystemCode } from '../services/files/fileErrors.ts';
import { readFileLimited } from '../services/files/readFileLimited.ts';

/** Why a stored document cannot be used. */
export type ServerDocumentErrorCode = 'invalid_name' | 'damaged' | 'unreadable';

/** A document the server cannot load, with a code and a Dutch message for the participant. */
export class ServerDocumentError extends Error {
  override name = 'ServerDocumentError';
  readonly code: ServerDocumentErrorCode;

  constructor(code: ServerDocumentErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/**
 * The Yjs client id of the template's content. Fixed, so two server instances (or one that
 * lost an unsaved new document) that create the same new document create the very same Yjs
 * items, which merge into one document instead of two titles and two preambles. A client that
 * happens to draw this id is given a new one by Yjs as soon as it sees the template.
 */
export const TEMPLATE_CLIENT_ID = 0x7265736f;

/** A new document as the server creates it: the template, the same every time. */
export function createNewServerDocument(): Y.Doc {
  const ydoc = new Y.Doc();
  ydoc.clientID = TEMPLATE_CLIENT_ID;
  prosemirrorToYXmlFragment(createTemplateDoc(), getDocumentFragment(ydoc));
  return ydoc;
}

/** The documents in one data folder. */
export class ServerDocuments {
  readonly dataDir: string;
  private readonly writer: FileWriter;

  constructor(dataDir: string, writer: FileWriter) {
    this.dataDir = path.resolve(dataDir);
    this.writer = writer;
  }

  /** The file of a document; refuses names that are no document name (and so no path). */
  getPath(documentName: string): string {
    if (!DOCUMENT_NAME.test(documentName)) {
      throw new ServerDocumentError(
        'invalid_name',
        'Ongeldige documentnaam: alleen letters, cijfers, - en _ (hoogstens 64).',
      );
    }
    return path.join(this.dataDir, `${documentName}${RESOLUTIE_EXTENSION}`);
  }

  /** Whether the document has a file (damaged or not). */
  async exists(documentName: string): Promise<boolean> {
    try {
      await stat(this.getPath(documentName));
      return true;
    } catch (error) {
      if (getSystemCode(error) === 'ENOENT') return false;
      throw error;
    }
  }

  /**
   * The stored state of a document, checked against the schema; null when it has no file.
   * Throws ServerDocumentError when the file cannot be read or is no valid resolution.
   */
  async load(documentName: string): Promise<Uint8Array | null> {
    const filePath = this.getPath(documentName);
    let bytes: Uint8Array;
    try {
      bytes = await readFileLimited(filePath, MAX_RESOLUTIE_FILE_BYTES);
    } catch (error) {
      if (error instanceof FileReadError && error.code === 'not_found') return null;
      if (error instanceof FileReadError && error.code !== 'unreadable') throw damaged(error);
      throw new ServerDocumentError(
        'unreadable',
        'Het document kan op de server niet worden gelezen; meld dit aan de beheerder.',
        { cause: error },
      );
    }
    try {
      const { ydoc, envelope } = readDocumentFile(bytes);
      ydoc.destroy();
      return envelope.yjsState;
    } catch (error) {
      if (error instanceof FileFormatError) throw damaged(error);
      throw error;
    }
  }

  /** Writes the document's file; refuses (InvalidDocumentError) a document that is no resolution. */
  async store(documentName: string, ydoc: Y.Doc): Promise<void> {
    const filePath = this.getPath(documentName);
    await writeFileAtomic(filePath, writeDocumentFile(ydoc, this.writer));
  }

  /**
   * Puts a document on the server that is not there yet, e.g. the one an editor starts a
   * session for: its own Yjs history, so the editor's copy and the server's merge as one.
   * Returns false (and writes nothing) when the document exists.
   */
  async create(documentName: string, ydoc: Y.Doc): Promise<boolean> {
    if (await this.exists(documentName)) return false;
    await this.store(documentName, ydoc);
    return true;
  }
}

// The participant reads the short message; the cause (in the server's log) says what is wrong.
function damaged(error: Error): ServerDocumentError {
  return new ServerDocumentError(
    'damaged',
    'Het document op de server is beschadigd en wordt niet geopend; meld dit aan de beheerder.',
    { cause: error },
  );
}
