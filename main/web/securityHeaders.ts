/**
 * The Content-Security-Policy and other security headers of every response that carries the
 * renderer: from the browser-mode host over HTTP and from the `app://` protocol in Electron.
 * One definition, so the two shells cannot drift apart.
 */

/**
 * The directives of the policy. Reasoning per line:
 * - scripts only from the app's own files: no inline script, no eval, nothing remote;
 * - style sheets only from the app's own files, but inline `style` *attributes* are allowed
 *   (`style-src-attr`): y-prosemirror's collaboration cursors and ProseMirror decorations set
 *   them with `setAttribute('style', …)`. Inline `<style>` elements stay forbidden. (React's
 *   `style={…}` props go through the CSSOM and need no exception.)
 * - images and fonts may be `data:` URLs, because Vite inlines small assets that way;
 * - connections to the own origin, and WebSockets (ws:, wss:) to a co-editing server: a session
 *   can be hosted on any colleague's computer or on the organisation's server, so the address is
 *   the invitation's, not known in advance. Only WebSocket schemes: no fetch to other hosts;
 * - no plugins, no `<base>`, no form submissions, no framing of the app by anyone.
 */
const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "worker-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

/** The Content-Security-Policy header value. */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');

/** Headers set on every response, error responses included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Older browsers ignore frame-ancestors; this says the same to them.
  'X-Frame-Options': 'DENY',
  // The app opens no windows and is embedded by nobody: keep other pages out of its process.
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};
