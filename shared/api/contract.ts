/**
 * The one contract between the renderer and the host side (the Electron main process or the
 * browser-mode Node host). Every method is one entry: a request schema and a response schema.
 * Transports carry `(method, payload)` and return an {@link ApiResult}; they know no method by
 * name. Adding a method is one entry here and one handler in `main/api/handlers.ts` (the
 * compiler insists on the handler), plus one line in the Electron preload, which a test keeps
 * in step with this table.
 */
import type { z } from 'zod';
import { appInfoSchema } from './appInfo.ts';
import {
  listDocumentsResponseSchema,
  listRecentResponseSchema,
  openDocumentRequestSchema,
  openDocumentResponseSchema,
  saveDocumentRequestSchema,
  saveDocumentResponseSchema,
} from './documents.ts';
import {
  printOnPaperRequestSchema,
  printOnPaperResponseSchema,
  printPdfRequestSchema,
  printPdfResponseSchema,
} from './print.ts';
import {
  documentIdRequestSchema,
  emptyResponseSchema,
  journalAppendRequestSchema,
  journalAppendResponseSchema,
  journalResetRequestSchema,
  listRecoverableResponseSchema,
  recoverDocumentResponseSchema,
} from './journal.ts';
import { parsedResolutionSchema } from './parsedResolutionSchema.ts';
import {
  listProcedureOverviewRequestSchema,
  listProcedureOverviewResponseSchema,
  readDocumentRequestSchema,
  readDocumentResponseSchema,
} from './procedureOverview.ts';
import { noPayloadSchema, parseTextRequestSchema } from './payloads.ts';
import type { ApiResult } from './result.ts';
import { preferencesStateSchema, userPreferencesSchema } from './preferences.ts';
import {
  createInvitationRequestSchema,
  createInvitationResponseSchema,
  listParticipantsRequestSchema,
  listParticipantsResponseSchema,
  removeParticipantRequestSchema,
  withdrawInvitationsRequestSchema,
  withdrawalResponseSchema,
  startSessionRequestSchema,
  startSessionResponseSchema,
  stopSessionRequestSchema,
  sessionRelayResponseSchema,
} from './sessions.ts';
import { exportDocxRequestSchema, exportDocxResponseSchema } from './wordExport.ts';

/**
 * The version of this contract. Raise it when a method changes incompatibly; the HTTP host
 * refuses a client built against another version (a browser tab left open across an update).
 */
export const API_VERSION = 7;

/** The request and response schemas of one method. */
export interface MethodContract<
  Request extends z.ZodType = z.ZodType,
  Response extends z.ZodType = z.ZodType,
> {
  request: Request;
  response: Response;
}

/** Helps the compiler keep each entry's exact schema types while checking its shape. */
function defineMethod<Request extends z.ZodType, Response extends z.ZodType>(
  method: MethodContract<Request, Response>,
): MethodContract<Request, Response> {
  return method;
}

/** The contract: every method the renderer may call. */
export const apiContract = {
  /** Name, version and shell of the running app. */
  getAppInfo: defineMethod({ request: noPayloadSchema, response: appInfoSchema }),
  /** Reads the plain text of a resolution into its structure, with the shared parser. */
  parseText: defineMethod({ request: parseTextRequestSchema, response: parsedResolutionSchema }),
  /** The `.resolutie` files in the documents folder, newest first. */
  listDocuments: defineMethod({ request: noPayloadSchema, response: listDocumentsResponseSchema }),
  /** Opens a `.resolutie` file (strictly checked) and adds it to the recent documents. */
  openDocument: defineMethod({
    request: openDocumentRequestSchema,
    response: openDocumentResponseSchema,
  }),
  /** Saves a state over a known file (`path`) or as a new one in the documents folder (`name`). */
  saveDocument: defineMethod({
    request: saveDocumentRequestSchema,
    response: saveDocumentResponseSchema,
  }),
  /** Prints a document to PDF with the print template (the stuk as the members get it). */
  printPdf: defineMethod({ request: printPdfRequestSchema, response: printPdfResponseSchema }),
  /** The documents last opened or saved, most recent first. */
  listRecent: defineMethod({ request: noPayloadSchema, response: listRecentResponseSchema }),
  /** Makes a document's recovery journal one clean record of its full state (New, Open, Save). */
  journalReset: defineMethod({ request: journalResetRequestSchema, response: emptyResponseSchema }),
  /** Appends one Yjs update to a document's journal, durably; marks it as holding edits. */
  journalAppend: defineMethod({
    request: journalAppendRequestSchema,
    response: journalAppendResponseSchema,
  }),
  /** Deletes a document's journal (closed without saving, or a recovery dismissed). */
  journalDiscard: defineMethod({ request: documentIdRequestSchema, response: emptyResponseSchema }),
  /** The journals holding edits made after their last reset: what a crash left, newest first. */
  listRecoverable: defineMethod({
    request: noPayloadSchema,
    response: listRecoverableResponseSchema,
  }),
  /** The document a journal holds; the journal stays until it is reset or discarded. */
  recoverDocument: defineMethod({
    request: documentIdRequestSchema,
    response: recoverDocumentResponseSchema,
  }),
  /**
   * The user's preferences (name and colour in a session, the assembly of new stukken, the
   * documents folder, the date style), the documents folder in use, and what fell back to a
   * default when they were read.
   */
  getPreferences: defineMethod({ request: noPayloadSchema, response: preferencesStateSchema }),
  /** Stores the user's preferences (the folder checked on the host); answers them as stored. */
  setPreferences: defineMethod({
    request: userPreferencesSchema,
    response: preferencesStateSchema,
  }),
  /** Hosts a co-editing session on the open document, the host taking part under their name. */
  startSession: defineMethod({
    request: startSessionRequestSchema,
    response: startSessionResponseSchema,
  }),
  /** A new invitation to a hosted session: a role, a colleague's name, comments for a lezer. */
  createInvitation: defineMethod({
    request: createInvitationRequestSchema,
    response: createInvitationResponseSchema,
  }),
  /** Who is connected to a hosted session, with which invitation and presence. */
  listParticipants: defineMethod({
    request: listParticipantsRequestSchema,
    response: listParticipantsResponseSchema,
  }),
  /** Removes a participant from a hosted session: their invitation is withdrawn. */
  removeParticipant: defineMethod({
    request: removeParticipantRequestSchema,
    response: withdrawalResponseSchema,
  }),
  /** Withdraws every invitation of a role to a hosted session, but the host's own. */
  withdrawInvitations: defineMethod({
    request: withdrawInvitationsRequestSchema,
    response: withdrawalResponseSchema,
  }),
  /** Ends a session this app hosts: everyone is disconnected and keeps their copy. */
  stopSession: defineMethod({ request: stopSessionRequestSchema, response: emptyResponseSchema }),
  /** Where the window connects to sessions: the app's relay, which pins the host's certificate. */
  getSessionRelay: defineMethod({ request: noPayloadSchema, response: sessionRelayResponseSchema }),
  /**
   * Prints a document on paper through the system's print dialog, with the PDF's print page.
   * Only the desktop app can; the browser-mode host answers `unavailable`.
   */
  printOnPaper: defineMethod({
    request: printOnPaperRequestSchema,
    response: printOnPaperResponseSchema,
  }),
  /**
   * A `.resolutie` file's state for reading only (strictly checked, as `openDocument`), without
   * adding it to the recent documents: an amendment file a member saved in the documents folder.
   */
  readDocument: defineMethod({
    request: readDocumentRequestSchema,
    response: readDocumentResponseSchema,
  }),
  /**
   * The bestuur's overview per ALV: every stuk in the documents folder of the given assembly and
   * date (or all), read strictly, with its amendments and moties as plain rows.
   */
  listProcedureOverview: defineMethod({
    request: listProcedureOverviewRequestSchema,
    response: listProcedureOverviewResponseSchema,
  }),
  /** Writes a document as a Word file, as `resolutie export --docx` does (its state in, .docx out). */
  exportDocx: defineMethod({
    request: exportDocxRequestSchema,
    response: exportDocxResponseSchema,
  }),
};

/** The name of a method in the contract. */
export type ApiMethod = keyof typeof apiContract;

/** Every method name, in contract order. */
export const API_METHODS = Object.keys(apiContract) as ApiMethod[];

/** Whether `name` is a method of the contract (own keys only: `toString` is no method). */
export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(apiContract, name);
}

/** What a caller passes to method `M`. */
export type ApiRequest<M extends ApiMethod> = z.input<(typeof apiContract)[M]['request']>;

/** What a handler of method `M` receives, after validation. */
export type ApiValidRequest<M extends ApiMethod> = z.output<(typeof apiContract)[M]['request']>;

/** What method `M` answers. */
export type ApiResponse<M extends ApiMethod> = z.output<(typeof apiContract)[M]['response']>;

/** The arguments of method `M` as a function: none at all when it takes no payload. */
export type ApiArgs<M extends ApiMethod> =
  undefined extends ApiRequest<M> ? [payload?: ApiRequest<M>] : [payload: ApiRequest<M>];

/** The API as the renderer sees it: one async function per method, throwing `ApiError`. */
export type ResolutieApi = {
  [M in ApiMethod]: (...args: ApiArgs<M>) => Promise<ApiResponse<M>>;
};

/**
 * The API as the Electron preload exposes it on `window.resolutieApi`: one function per method
 * that resolves to the result envelope and never rejects for an API error.
 */
export type ResolutieBridge = {
  [M in ApiMethod]: (...args: ApiArgs<M>) => Promise<ApiResult<ApiResponse<M>>>;
};

/** The global name under which the preload exposes the {@link ResolutieBridge}. */
export const BRIDGE_GLOBAL_NAME = 'resolutieApi';
