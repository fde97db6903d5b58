/**
 * The app in browser mode as the typing benchmark uses it, in a user's steps: open a document
 * from the documents folder, start a co-editing session, turn on "Wijzigingen bijhouden", put
 * the cursor in an item. The same labels as the end-to-end tests read.
 */
import type { Page } from 'playwright-core';

const EDITOR = { role: 'textbox', name: 'Tekst van het stuk' } as const;

/**
 * Opens the app in `page`: a new document, or `documentPath` (in the host's documents folder)
 * through the launch address. Resolves once the editor is editable and shows at least `items`
 * numbered items, with the milliseconds from the navigation's start to that moment, as the
 * page saw it (a MutationObserver installed before the page's own scripts run).
 */
export async function openAppDocument(
  page: Page,
  hostUrl: string,
  documentPath: string | null,
  items: number,
): Promise<number> {
  await page.addInitScript((count: number) => {
    const probe = window as unknown as { benchEditableAt?: number };
    const check = () => {
      if (probe.benchEditableAt !== undefined) return;
      if (
        document.querySelector('[contenteditable="true"]') !== null &&
        document.querySelectorAll('li.item').length >= count
      ) {
        probe.benchEditableAt = performance.now();
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { subtree: true, childList: true, attributes: true });
  }, items);
  const url = new URL(hostUrl);
  if (documentPath) url.searchParams.set('document', documentPath);
  await page.goto(url.href);
  const handle = await page.waitForFunction(
    () => (window as unknown as { benchEditableAt?: number }).benchEditableAt,
    undefined,
    { timeout: 60_000 },
  );
  await page.getByRole(EDITOR.role, { name: EDITOR.name }).waitFor();
  return (await handle.jsonValue()) as number;
}

/** Waits until the presence list names all of `names`. */
export async function waitForPresence(page: Page, names: readonly string[]): Promise<void> {
  const presence = page.getByRole('region', { name: 'Aanwezig in het document' });
  for (const name of names) await presence.getByText(name).first().waitFor();
}

/** Turns on "Wijzigingen bijhouden" with its shortcut, Ctrl+Shift+E, and checks that it is on. */
export async function turnOnSuggesting(page: Page): Promise<void> {
  await page.getByRole(EDITOR.role, { name: EDITOR.name }).focus();
  await page.keyboard.press('Control+Shift+E');
  await page
    .getByRole('button', { name: 'Wijzigingen bijhouden' })
    .and(page.locator('[aria-pressed="true"]'))
    .waitFor();
}

/** Clicks into the `n`-th item (0-based) and puts the cursor at the end of that line. */
export async function placeCursorInItem(page: Page, n: number): Promise<void> {
  const item = page.locator('li.item').nth(n);
  await item.scrollIntoViewIfNeeded();
  await item.click();
  await page.keyboard.press('End');
  // Let the browser deliver the selection change to the editor, as a pause does for a person.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

/** What a window fetched and when, up to a moment: the page's own resource timing. */
export interface StartTimeline {
  /** The page's HTML received, ms from the navigation's start. */
  htmlMs: number;
  /** The last script or style sheet fetched before `untilMs` received. */
  codeMs: number;
  /** The last data request (fetch, XHR) begun before `untilMs` answered. */
  dataMs: number;
  /** Scripts and style sheets fetched before `untilMs`: their paths on the page's server. */
  code: string[];
}

/**
 * The start of the window in `page` up to `untilMs` (performance.now() of the page), read
 * from its resource timing: every script and style sheet it fetched by then counts as start
 * code, whether the HTML named it or a script imported it while the window started.
 */
export async function readStartTimeline(page: Page, untilMs: number): Promise<StartTimeline> {
  return page.evaluate((until: number) => {
    const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const resources = (
      performance.getEntriesByType('resource') as PerformanceResourceTiming[]
    ).filter((r) => r.startTime <= until);
    const isCode = (r: PerformanceResourceTiming) => /\.(m?js|css)(\?|$)/.test(r.name);
    const code = resources.filter(isCode);
    const data = resources.filter((r) => ['fetch', 'xmlhttprequest'].includes(r.initiatorType));
    const last = (list: PerformanceResourceTiming[]) =>
      list.reduce((max, r) => Math.max(max, r.responseEnd), 0);
    return {
      htmlMs: nav?.responseEnd ?? 0,
      codeMs: last(code),
      dataMs: last(data),
      code: code.map((r) => new URL(r.name).pathname),
    };
  }, untilMs);
}
