/** Why a file could not be read as a resolutie, with a message for the user in Dutch. */
export type FileFormatErrorCode =
  'empty' | 'not_resolutie' | 'too_new' | 'corrupt' | 'invalid_structure';

/** A file that is not (or no longer) a readable .resolutie file. */
export class FileFormatError extends Error {
  override name = 'FileFormatError';
  readonly code: FileFormatErrorCode;

  constructor(code: FileFormatErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
