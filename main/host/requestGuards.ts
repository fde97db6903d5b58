/**
 * Checks that keep other web pages away from the host. It listens on 127.0.0.1, but any page
 * the user opens in the same browser can send requests there:
 * - DNS rebinding points a foreign name at 127.0.0.1; the Host header then names that foreign
 *   name, so only loopback names and those the host was started for are accepted;
 * - a cross-site request carries a foreign Origin or `Sec-Fetch-Site: cross-site`; the API
 *   answers only its own pages. (Requiring a JSON content type also forces a CORS preflight,
 *   which the host never grants.)
 */

/** Host names every host accepts: the loopback names. */
const LOOPBACK_HOSTNAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** The host names a host listening on `bindHost` accepts in the Host header. */
export function getAllowedHostnames(bindHost: string, extra: readonly string[] = []): Set<string> {
  const names = new Set(LOOPBACK_HOSTNAMES);
  names.add(formatHostname(bindHost).toLowerCase());
  for (const name of extra) names.add(formatHostname(name).toLowerCase());
  return names;
}

/** An IPv6 address in brackets, as it appears in URLs and Host headers; names stay as they are. */
export function formatHostname(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** The host name of a Host header without its port, lowercased; null if there is none. */
export function getHostname(hostHeader: string | undefined): string | null {
  if (hostHeader === undefined || hostHeader === '') return null;
  const header = hostHeader.trim().toLowerCase();
  if (header.startsWith('[')) {
    const end = header.indexOf(']');
    return end === -1 ? null : header.slice(0, end + 1);
  }
  const colon = header.indexOf(':');
  return colon === -1 ? header : header.slice(0, colon);
}

/** Whether the Host header names this host. */
export function isAllowedHost(hostHeader: string | undefined, allowed: Set<string>): boolean {
  const hostname = getHostname(hostHeader);
  return hostname !== null && allowed.has(hostname);
}

/**
 * Whether an API request comes from the host's own pages (or from no page at all, like curl):
 * its Origin, when sent, is the host's own origin, and its fetch metadata, when sent, does not
 * say cross-site.
 */
export function isSameOriginRequest(headers: {
  origin?: string | undefined;
  host?: string | undefined;
  'sec-fetch-site'?: string | string[] | undefined;
}): boolean {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  if (headers.origin === undefined) return true;
  if (headers.host === undefined) return false;
  return headers.origin.toLowerCase() === `http://${headers.host.toLowerCase()}`;
}
