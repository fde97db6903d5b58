/**
 * The Electron shell's security decisions as plain functions: which URLs are the app, which
 * navigations and permissions are allowed, which IPC senders are trusted, which links may go
 * to the system browser. `main.ts` only asks
 * these; tests ask them in Node.
 */
import { isSafeLinkHref } from '../../shared/editor/queries/isSafeLinkHref.ts';
import { APP_ENTRY_URL, APP_HOST, APP_SCHEME } from './appProtocol.ts';

/** Whether `url` is a page or file of the app itself (`app://resolutie/…`). */
export function isAppUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // `app://x@resolutie/` or `app://resolutie:1/` name the host too, but nothing of ours does.
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** A frame that sent an IPC message, as far as the check needs it. */
export interface IpcSender {
  /** The URL of the frame's document. */
  url: string;
  /** Whether it is the window's top frame (the app has no frames of its own). */
  isTopFrame: boolean;
}

/**
 * Whether an IPC message may be answered: it comes from the top frame of a window showing the
 * app's own page. A frame that is gone (null) or shows anything else is refused, so a page that
 * somehow got into a window cannot use the API.
 */
export function isTrustedSender(sender: IpcSender | null): boolean {
  return sender !== null && sender.isTopFrame && isAppUrl(sender.url);
}

/** What to do with a navigation the page starts. */
export type NavigationDecision = 'allow' | 'deny';

/**
 * Decides a `will-navigate` or `will-redirect`. The app is one page: the only navigation it
 * may make is reloading that page. Links to elsewhere, a dropped file, a redirect: denied.
 */
export function decideNavigation(url: string): NavigationDecision {
  if (!isAppUrl(url)) return 'deny';
  const { pathname } = new URL(url);
  return pathname === new URL(APP_ENTRY_URL).pathname || pathname === '/' ? 'allow' : 'deny';
}

/**
 * Permissions the app's own page may have. Writing to the clipboard from a button ("kopieer")
 * goes through `navigator.clipboard.writeText`, which asks for this one; copy and paste with
 * the keyboard need no permission. Camera, location, notifications and the rest: never.
 */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Whether a permission asked by the page at `requestingUrl` is granted. */
export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}

/**
 * The address to hand to the system browser for a link the app's page asked to open (a
 * Ctrl+click on a link in a stuk, a link in the help), or null to open nothing. Only what a
 * document may hold as a link (http, https, mailto; see isSafeLinkHref), parsed and written
 * out again by the URL parser, and without a user name or password in it: those are a common
 * disguise ("https://vng.nl@elders.example/").
 */
export function getExternalLink(url: string): string | null {
  if (!isSafeLinkHref(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol === 'mailto:') return parsed.href;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '' || parsed.hostname === '') return null;
  return parsed.href;
}
