/**
 * The failures of the services as the API reports them: each known error class becomes an
 * {@link ApiError} with a code the renderer can branch on and the service's own Dutch message.
 */
import { ApiError, type ApiErrorCode } from '../../shared/api/errors.ts';
import { FileFormatError } from '../../shared/format/formatErrors.ts';
import { DocumentError, type DocumentErrorCode } from '../services/documents/documentErrors.ts';
import {
  FileReadError,
  FileWriteError,
  type FileReadErrorCode,
} from '../services/files/fileErrors.ts';
import { JournalError, type JournalErrorCode } from '../services/journal/journalStore.ts';

const DOCUMENT_ERROR_CODES: Readonly<Record<DocumentErrorCode, ApiErrorCode>> = {
  forbidden: 'forbidden',
  exists: 'exists',
  invalid_name: 'invalid_request',
  invalid_document: 'invalid_request',
  too_large: 'payload_too_large',
};

const READ_ERROR_CODES: Readonly<Record<FileReadErrorCode, ApiErrorCode>> = {
  not_found: 'not_found',
  // Empty, a folder, or too large: there is a file, but no document in it.
  empty: 'invalid_file',
  not_a_file: 'invalid_file',
  too_large: 'invalid_file',
  unreadable: 'read_failed',
};

const JOURNAL_ERROR_CODES: Readonly<Record<JournalErrorCode, ApiErrorCode>> = {
  not_found: 'not_found',
  damaged: 'invalid_file',
};

/**
 * The {@link ApiError} for an error a service threw on purpose, or null for anything else (a
 * bug, which the caller reports as `internal`).
 */
export function toApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof DocumentError) {
    return new ApiError(DOCUMENT_ERROR_CODES[error.code], error.message);
  }
  if (error instanceof FileReadError)
    return new ApiError(READ_ERROR_CODES[error.code], error.message);
  if (error instanceof FileFormatError) return new ApiError('invalid_file', error.message);
  if (error instanceof FileWriteError) return new ApiError('write_failed', error.message);
  if (error instanceof JournalError) {
    return new ApiError(JOURNAL_ERROR_CODES[error.code], error.message);
  }
  return null;
}
