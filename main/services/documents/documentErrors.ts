/**
 * Failures of the document services that are neither a file error (`fileErrors.ts`) nor a
 * format error (`FileFormatError`): a refused path or name, an existing file, a state that is
 * no document. Each carries a Dutch message fit to show as it is.
 */

/** Why a document operation was refused. */
export type DocumentErrorCode =
  /** The path is outside what the host may touch. */
  | 'forbidden'
  /** Saving would replace an existing file without the caller asking for that. */
  | 'exists'
  /** The name for a new file is not usable. */
  | 'invalid_name'
  /** The state to save is no (valid) document. */
  | 'invalid_document'
  /** The document is too large to save as a file that can be opened again. */
  | 'too_large';

/** A refused document operation. */
export class DocumentError extends Error {
  override name = 'DocumentError';
  readonly code: DocumentErrorCode;

  constructor(code: DocumentErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
