/**
 * Where the keyboard's focus may go in a modal dialog: the controls the Tab key stops at, the
 * control that takes the focus when the dialog opens, and the return of the focus when it
 * closes. Plain DOM queries, for Modal.tsx.
 */

const CANDIDATES = [
  'a[href]',
  'button',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'iframe',
  'summary',
  '[contenteditable]:not([contenteditable="false"])',
  '[tabindex]',
].join(',');

/** Fields a user types or chooses in; the first of them is where a form dialog starts. */
const FIELDS = 'input:not([type="radio"]):not([type="checkbox"]), select, textarea';

/** Whether the Tab key stops at `element` as the page stands. */
function isTabStop(element: HTMLElement): boolean {
  // An editing host is a stop even where the browser reports tabIndex -1 for it.
  const tabIndex =
    element.isContentEditable && !element.hasAttribute('tabindex') ? 0 : element.tabIndex;
  if (tabIndex < 0 || element.matches(':disabled')) return false;
  if (element.closest('[inert]')) return false;
  // Not rendered: display: none on it or an ancestor, or inside a closed <details>.
  if (element.getClientRects().length === 0) return false;
  return getComputedStyle(element).visibility !== 'hidden';
}

/**
 * The controls inside `root` that Tab stops at, in order. Of a group of radio buttons only one
 * is a stop (the checked one, else the first), as the browser does: the arrow keys move
 * within the group.
 */
export function getTabStops(root: HTMLElement): HTMLElement[] {
  const candidates = [...root.querySelectorAll<HTMLElement>(CANDIDATES)].filter(isTabStop);
  const groups = new Map<string, HTMLInputElement>();
  for (const element of candidates) {
    if (!(element instanceof HTMLInputElement) || element.type !== 'radio' || !element.name) {
      continue;
    }
    const stop = groups.get(element.name);
    if (!stop || (!stop.checked && element.checked)) groups.set(element.name, element);
  }
  return candidates.filter(
    (element) =>
      !(element instanceof HTMLInputElement) ||
      element.type !== 'radio' ||
      !element.name ||
      groups.get(element.name) === element,
  );
}

/** Focuses the first field of `dialog` (a name to type), or else its first control. */
export function focusFirstControl(dialog: HTMLElement): void {
  const stops = getTabStops(dialog);
  const target = stops.find((element) => element.matches(FIELDS)) ?? stops[0];
  target?.focus();
}

/**
 * Gives the focus back to `opener`, what had it before a dialog opened. When that is gone (the
 * dialog replaced it: "Sessie starten" becomes "Uitnodigen…" once the session runs) or was
 * nothing, the focus goes to the window's main content, the document, rather than to nowhere,
 * from where Tab would start again at the top of the window.
 */
export function returnFocus(opener: Element | null): void {
  if (opener instanceof HTMLElement && opener.isConnected && opener !== document.body) {
    opener.focus();
    if (document.activeElement === opener) return;
  }
  const main = document.querySelector<HTMLElement>('main');
  if (main) getTabStops(main)[0]?.focus();
}
