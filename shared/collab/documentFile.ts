/**
 * A document as a .resolutie file: the Y.Doc's full state plus readable copies (metadata, the
 * text as it reads, the ProseMirror JSON). Opening trusts only the Yjs state, and checks the
 * document it holds against the schema before anyone edits it.
 */
import type * as Y from 'yjs';
import type { Node } from 'prosemirror-model';
import { decodeResolutieFile, encodeResolutieFile } from '../format/resolutieFile.ts';
import type { ResolutieEnvelope } from '../format/resolutieFile.ts';
import { FileFormatError } from '../format/formatErrors.ts';
import { getMetadata } from '../editor/commands/metadata.ts';
import { toPlainText } from '../export/toPlainText.ts';
import { InvalidDocumentError, encodeYDoc, openDocumentState, readYDoc } from './yDocument.ts';

/** Who wrote a file: the app's name and version. */
export interface FileWriter {
  app: string;
  version: string;
}

/** An opened file: the live Y.Doc, the document it holds now, and the file's envelope. */
export interface OpenedDocument {
  ydoc: Y.Doc;
  doc: Node;
  envelope: ResolutieEnvelope;
}

/** The bytes of a .resolutie file for a Y.Doc. */
export function writeDocumentFile(
  ydoc: Y.Doc,
  writer: FileWriter,
  now: Date = new Date(),
): Uint8Array {
  const doc = readYDoc(ydoc);
  return encodeResolutieFile({
    savedAt: now.toISOString(),
    savedBy: writer,
    metadata: { ...getMetadata(doc) },
    text: toPlainText(doc),
    document: doc.toJSON(),
    yjsState: encodeYDoc(ydoc),
  });
}

/** Opens the bytes of a .resolutie file; throws FileFormatError with a Dutch message. */
export function readDocumentFile(bytes: Uint8Array): OpenedDocument {
  const envelope = decodeResolutieFile(bytes);
  try {
    return { ...openDocumentState(envelope.yjsState), envelope };
  } catch (error) {
    if (error instanceof InvalidDocumentError) {
      throw new FileFormatError(
        'invalid_structure',
        `Het bestand kan niet worden geopend. ${error.message}`,
      );
    }
    throw error;
  }
}
