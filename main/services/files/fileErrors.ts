import path from 'node:path';

/** Why a file could not be written: the kinds the user can do something about, and the rest. */
export type FileWriteErrorCode = 'read_only' | 'disk_full' | 'not_found' | 'too_long' | 'io';

/** Why a file could not be read. */
export type FileReadErrorCode = 'not_found' | 'not_a_file' | 'too_large' | 'unreadable' | 'empty';

/** A file operation that failed, with a code the caller can act on and a Dutch message. */
class FileOperationError<Code extends string> extends Error {
  readonly code: Code;
  /** The file the operation was for. */
  readonly path: string;
  /** The operating system's error code (`ENOSPC`, `EACCES` …), when there was one; for logs. */
  readonly systemCode: string | undefined;

  constructor(code: Code, message: string, filePath: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.path = filePath;
    this.systemCode = getSystemCode(options?.cause);
  }
}

/** A write that did not happen (or is not known to be on disk), with a Dutch message for the user. */
export class FileWriteError extends FileOperationError<FileWriteErrorCode> {
  override name = 'FileWriteError';
}

/** A file that could not be read (or is refused before reading), with a Dutch message. */
export class FileReadError extends FileOperationError<FileReadErrorCode> {
  override name = 'FileReadError';
}

/** The `code` of a Node system error (`'ENOENT'` …), or undefined for anything else. */
export function getSystemCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Which system errors mean what for a write. */
export function classifyWriteError(systemCode: string | undefined): FileWriteErrorCode {
  switch (systemCode) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'read_only';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'disk_full';
    // ENOTDIR: a path component is a file, not a folder; for the user the folder does not exist.
    case 'ENOENT':
    case 'ENOTDIR':
      return 'not_found';
    case 'ENAMETOOLONG':
      return 'too_long';
    default:
      return 'io';
  }
}

/**
 * What was being written, for the message: `replace` is a whole file written atomically (the
 * previous version stays intact on failure), `append` adds a change to a journal.
 */
export type WriteAction = 'replace' | 'append';

/**
 * Turns any error from writing `filePath` into a `FileWriteError` with a Dutch message. An error
 * that already is one is returned unchanged.
 */
export function toFileWriteError(
  error: unknown,
  filePath: string,
  action: WriteAction,
): FileWriteError {
  if (error instanceof FileWriteError) return error;
  const systemCode = getSystemCode(error);
  const code = classifyWriteError(systemCode);
  return new FileWriteError(
    code,
    describeWriteError(code, systemCode, filePath, action),
    filePath,
    {
      cause: error,
    },
  );
}

function describeWriteError(
  code: FileWriteErrorCode,
  systemCode: string | undefined,
  filePath: string,
  action: WriteAction,
): string {
  const dir = path.dirname(filePath);
  const name = path.basename(filePath);
  const lost =
    action === 'replace' ? 'het bestand is niet opgeslagen' : 'de wijziging is niet opgeslagen';
  // An atomic replace never touches the target before the final rename, so a failure leaves the
  // previous version whole; saying so spares the user the fear of having lost it.
  const kept = action === 'replace' ? ' Het vorige bestand is onveranderd.' : '';
  switch (code) {
    case 'read_only':
      return action === 'replace'
        ? `De map ‘${dir}’ is alleen-lezen; ${lost}.`
        : `Het bestand ‘${name}’ in de map ‘${dir}’ is alleen-lezen; ${lost}.`;
    case 'disk_full':
      return `De schijf is vol; ${lost}.${kept}`;
    case 'not_found':
      return `De map ‘${dir}’ bestaat niet; ${lost}.`;
    case 'too_long':
      return `De naam of het pad van ‘${name}’ is te lang; ${lost}. Kies een kortere naam of een andere map.`;
    case 'io':
      if (systemCode === 'EISDIR') return `‘${name}’ is een map, geen bestand; ${lost}.`;
      return `Schrijven naar ‘${name}’ is mislukt (${systemCode ?? 'onbekende fout'}); ${lost}.${kept}`;
  }
}
