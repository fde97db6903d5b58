/**
 * The API's handlers, written once for every transport. `handleRequest` is the one entry: the
 * Electron IPC handlers and the HTTP host both hand it `(method, payload)` as they received
 * them and send back the {@link ApiResult} it returns, whatever went wrong.
 */
import {
  apiContract,
  isApiMethod,
  type ApiMethod,
  type ApiValidRequest,
} from '../../shared/api/contract.ts';
import { describeRequestIssues } from '../../shared/api/requestIssues.ts';
import { errorResult, okResult, type ApiResult } from '../../shared/api/result.ts';
import { parseResolutionText } from '../../shared/import/parseResolutionText.ts';
import { readPackageIdentity } from '../services/app/appInfo.ts';
import { toApiError } from './apiErrors.ts';
import type { ApiContext } from './context.ts';
import { documentHandlers } from './documentHandlers.ts';
import type { ApiHandler, ApiHandlers } from './handlerTypes.ts';
import { journalHandlers } from './journalHandlers.ts';
import { preferenceHandlers } from './preferenceHandlers.ts';
import { printHandlers } from './printHandlers.ts';
import { procedureOverviewHandlers } from './procedureOverviewHandlers.ts';
import { sessionHandlers } from './sessionHandlers.ts';
import { wordExportHandlers } from './wordExportHandlers.ts';

export type { ApiHandler, ApiHandlers };

/**
 * One handler per method of the contract; the mapped type makes a missing handler a compile
 * error. A handler throws {@link ApiError} for a failure the user should see as it is (a file
 * that does not exist), or a service's own error (`FileReadError`, `DocumentError` …), which
 * `toApiError` translates; anything else is a bug and becomes `internal`.
 */
export const apiHandlers: ApiHandlers = {
  getAppInfo: async (_payload, context) => {
    const identity = await readPackageIdentity(context.appRoot);
    return { ...identity, mode: context.mode, platform: process.platform };
  },
  parseText: ({ text }) => parseResolutionText(text),
  ...documentHandlers,
  ...journalHandlers,
  ...printHandlers,
  ...sessionHandlers,
  ...preferenceHandlers,
  ...procedureOverviewHandlers,
  ...wordExportHandlers,
};

/** A method name is echoed in a message only when it looks like one; anything else is noise. */
const PRINTABLE_METHOD_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/**
 * Validates `method` and `payload` against the contract, runs the handler, validates its answer
 * and returns the result. Never throws and never rejects: an unknown method, a malformed or
 * oversized payload, a failing handler and an answer that breaks the contract all come back as
 * an error result with a Dutch message.
 */
export async function handleRequest(
  method: string,
  payload: unknown,
  context: ApiContext,
): Promise<ApiResult> {
  if (typeof method !== 'string' || !isApiMethod(method)) {
    const name = typeof method === 'string' && PRINTABLE_METHOD_NAME.test(method) ? method : '';
    return errorResult(
      'unknown_method',
      name === '' ? 'Onbekend verzoek.' : `Onbekend verzoek '${name}'.`,
    );
  }
  try {
    return await dispatch(method, payload, context);
  } catch (error) {
    // Only reached for failures outside a handler, such as a payload whose getters throw.
    report(context, `Verzoek '${method}' mislukt`, error);
    return internalError(method);
  }
}

async function dispatch<M extends ApiMethod>(
  method: M,
  payload: unknown,
  context: ApiContext,
): Promise<ApiResult> {
  const contract = apiContract[method];
  const request = contract.request.safeParse(payload, { reportInput: true });
  if (!request.success) return { ok: false, error: describeRequestIssues(request.error.issues) };

  const handler = apiHandlers[method] as ApiHandler<M>;
  let value: unknown;
  try {
    value = await handler(request.data as ApiValidRequest<M>, context);
  } catch (error) {
    const apiError = toApiError(error);
    if (apiError) return { ok: false, error: apiError.toInfo() };
    report(context, `Handler van '${method}' mislukt`, error);
    return internalError(method);
  }

  // A handler's answer is checked as strictly as a caller's request: a bug that returns the
  // wrong shape stops here instead of surfacing as a puzzle in the renderer.
  const response = contract.response.safeParse(value);
  if (!response.success) {
    report(context, `Antwoord van '${method}' klopt niet met het contract`, response.error);
    return internalError(method);
  }
  return okResult(response.data);
}

function internalError(method: string): ApiResult<never> {
  return errorResult(
    'internal',
    `Er ging iets mis bij het verzoek '${method}'. Probeer het opnieuw; blijft dit gebeuren, meld het dan.`,
  );
}

function report(context: ApiContext, message: string, error: unknown): void {
  try {
    (context.reportError ?? console.error)(message, error);
  } catch {
    // A failing reporter must not turn a clean error result into an exception.
  }
}
