/**
 * A document as a .resolutie file: the Y.Doc's full state plus readable copies (metadata, the
 * text as it reads, the ProseMirror JSON). Opening trusts only the Yjs state, and checks the
 * document it holds against the schema before anyone edits it.
 */
import type * as Y from 'yjs';
import type { Node } from 'prosemirror-model';
import {
  MAX_RESOLUTIE_FILE_BYTES,
  decodeResolutieFile,
  encodeResolutieFile,
} from '../format/resolutieFile.ts';
import type { ResolutieEnvelope } from '../format/resolutieFile.ts';
import { FileFormatError } from '../format/formatErrors.ts';
import { getMetadata } from '../editor/queries/getMetadata.ts';
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

/** A document whose file would be larger than any reader opens; nothing was written. */
export class DocumentTooLargeError extends Error {
  override name = 'DocumentTooLargeError';
}

// Said in a shortened readable text, so a person reading the file knows why it stops.
const SHORTENED_NOTE =
  '\n\n[De leesbare kopie is ingekort omdat het stuk zo groot is; open het in de Resolutie-editor.]\n';

/**
 * The bytes of a .resolutie file for a Y.Doc. Never more than the reader opens
 * (`maxBytes`, MAX_RESOLUTIE_FILE_BYTES unless a test says otherwise): when the readable copies would make it larger, the ProseMirror
 * copy is left out and the text shortened (the Yjs state, the document itself, is always whole);
 * when the state alone is too large, DocumentTooLargeError says so and nothing is written.
 */
export function writeDocumentFile(
  ydoc: Y.Doc,
  writer: FileWriter,
  now: Date = new Date(),
  maxBytes: number = MAX_RESOLUTIE_FILE_BYTES,
): Uint8Array {
  const doc = readYDoc(ydoc);
  const envelope = {
    savedAt: now.toISOString(),
    savedBy: writer,
    metadata: { ...getMetadata(doc) },
    text: toPlainText(doc),
    document: doc.toJSON() as unknown,
    yjsState: encodeYDoc(ydoc),
  };
  const bytes = encodeResolutieFile(envelope);
  if (bytes.length <= maxBytes) return bytes;
  // What is left once the state and the rest are in; JSON may write a character as six bytes.
  const bare = encodeResolutieFile({ ...envelope, text: '', document: null });
  const room = maxBytes - bare.length - SHORTENED_NOTE.length * 6;
  if (room < 0) {
    throw new DocumentTooLargeError(
      `Het stuk is te groot om op te slaan (${formatMiB(envelope.yjsState.length)} bewerkingsgeschiedenis). Splits het stuk op.`,
    );
  }
  // Not in the middle of a surrogate pair, which JSON would write as a lone escape.
  const kept = envelope.text.slice(0, Math.floor(room / 6)).replace(/[\uD800-\uDBFF]$/, '');
  const text = `${kept}${SHORTENED_NOTE}`;
  return encodeResolutieFile({ ...envelope, text, document: null });
}

function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;
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
