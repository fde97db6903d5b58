/**
 * The renderer's only door to the host side. `api.getAppInfo()`, `api.parseText({ text })`:
 * typed from the contract, resolving to the method's answer or rejecting with an
 * {@link ApiError} whose message is Dutch and fit to show. In Electron the calls go through the
 * preload's `window.resolutieApi`; in a browser they are POSTed to the host that served the page.
 * The rest of the renderer never names a channel or URL.
 */
import {
  API_METHODS,
  API_VERSION,
  BRIDGE_GLOBAL_NAME,
  type ApiMethod,
  type ResolutieApi,
  type ResolutieBridge,
} from '../../shared/api/contract.ts';
import { decodeResult } from '../../shared/api/decodeResult.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { API_VERSION_HEADER, getHttpApiPath } from '../../shared/api/transportNames.ts';

export { ApiError };
export type { ApiErrorCode } from '../../shared/api/errors.ts';
export type { ResolutieApi };

/** Carries one request and delivers the answer undecoded (normally an `ApiResult`). */
export type ApiTransport = (method: ApiMethod, payload: unknown) => Promise<unknown>;

const UNREACHABLE_MESSAGE =
  'De editor-host is niet bereikbaar. Controleer of de editor nog draait en probeer het opnieuw.';

/** The transport over the Electron preload's bridge. */
export function createBridgeTransport(bridge: ResolutieBridge): ApiTransport {
  return async (method, payload) => {
    const call = bridge[method] as (payload?: unknown) => Promise<unknown>;
    try {
      return await call(payload);
    } catch {
      // The bridge resolves every API error as a result; a rejection means IPC itself failed.
      throw new ApiError('unavailable', UNREACHABLE_MESSAGE);
    }
  };
}

/**
 * The transport over HTTP to the browser-mode host. `baseUrl` is where the page was served
 * from; in the browser the page's own address is used, tests pass the host's URL.
 */
export function createHttpTransport(baseUrl?: string): ApiTransport {
  return async (method, payload) => {
    const path = getHttpApiPath(method);
    let body: string;
    try {
      body = payload === undefined ? '' : JSON.stringify(payload);
    } catch {
      throw new ApiError(
        'invalid_request',
        'Ongeldig verzoek: de gegevens kunnen niet worden verzonden.',
      );
    }
    let response: Response;
    try {
      response = await fetch(baseUrl === undefined ? path : new URL(path, baseUrl), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [API_VERSION_HEADER]: String(API_VERSION) },
        body,
        cache: 'no-store',
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError('unavailable', UNREACHABLE_MESSAGE);
    }
    try {
      return (await response.json()) as unknown;
    } catch {
      throw new ApiError(
        'internal',
        `De editor-host gaf een onverwacht antwoord (HTTP ${response.status}). Probeer het opnieuw.`,
      );
    }
  };
}

/** An API client over `transport`: one function per contract method. */
export function createApiClient(transport: ApiTransport): ResolutieApi {
  const client: Record<string, (payload?: unknown) => Promise<unknown>> = {};
  for (const method of API_METHODS) {
    client[method] = async (payload) => decodeResult(method, await transport(method, payload));
  }
  return Object.freeze(client) as unknown as ResolutieApi;
}

/** The bridge the Electron preload exposed, if this page runs in Electron. */
function findBridge(): ResolutieBridge | undefined {
  return (globalThis as { [BRIDGE_GLOBAL_NAME]?: ResolutieBridge })[BRIDGE_GLOBAL_NAME];
}

/** The transport of the shell this page runs in, decided at each call (the bridge may come late in tests). */
const shellTransport: ApiTransport = (method, payload) => {
  const bridge = findBridge();
  return bridge
    ? createBridgeTransport(bridge)(method, payload)
    : createHttpTransport()(method, payload);
};

/** The API, for the whole renderer. */
export const api: ResolutieApi = createApiClient(shellTransport);
