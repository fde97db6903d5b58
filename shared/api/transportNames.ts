/**
 * Where each method travels on each transport. Both ends of a transport take the names from
 * here (the Electron preload, which may load no module, spells them out and a test compares);
 * nothing else in the app names a channel or a URL.
 */
import type { ApiMethod } from './contract.ts';

/** Prefix of the IPC channels of the API: `api:getAppInfo`. */
export const IPC_CHANNEL_PREFIX = 'api:';

/** The IPC channel that carries `method`. */
export function getIpcChannel(method: ApiMethod): string {
  return `${IPC_CHANNEL_PREFIX}${method}`;
}

/** Path prefix of the HTTP API on the browser-mode host. */
export const HTTP_API_PREFIX = '/api/';

/**
 * The URL, relative to the page, that carries `method` over HTTP: `./api/getAppInfo`. Relative,
 * so the renderer works wherever the host serves it.
 */
export function getHttpApiPath(method: ApiMethod): string {
  return `.${HTTP_API_PREFIX}${method}`;
}

/** Request header in which an HTTP client names the contract version it was built against. */
export const API_VERSION_HEADER = 'x-resolutie-api-version';
