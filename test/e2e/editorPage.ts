/**
 * What the end-to-end tests read off and do to the editor, in a user's terms: the numbered
 * items as they show, the outline, pasting text. Reading goes through the DOM the user sees
 * (the number a CSS rule prints is the item's data-number attribute).
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

/** Opens the app and waits for an editable document. */
export async function openEditor(page: Page): Promise<Locator> {
  await page.goto('/');
  const editor = page.getByRole('textbox', { name: 'Tekst van het stuk' });
  await expect(editor).toBeVisible();
  await expect(page.locator('li.item').first()).toBeVisible();
  return editor;
}

/**
 * Runs a file command as a user does: the header's button when it shows one (Nieuw…, Openen…,
 * Opslaan on a wide window), otherwise through the "Bestand ▾" menu, which holds them all.
 */
export async function runFileCommand(page: Page, name: string): Promise<void> {
  const commands = page.getByRole('navigation', { name: 'Bestand' });
  const button = commands.getByRole('button', { name, exact: true });
  if (await button.isVisible()) {
    await button.click();
    return;
  }
  await commands.getByRole('button', { name: 'Bestand', exact: true }).click();
  await page.getByRole('menu', { name: 'Bestand' }).getByRole('menuitem', { name }).click();
}

/**
 * Turns "Wijzigingen bijhouden" on as a user does; the first time, while the profile's name is
 * still the account's default, the app asks for the name proposals carry, answered with `name`.
 */
export async function turnOnTracking(page: Page, name = 'Redacteur'): Promise<void> {
  await page.getByRole('button', { name: 'Wijzigingen bijhouden' }).click();
  const askName = page.getByRole('dialog', { name: 'Uw naam' });
  const on = page.getByRole('button', { name: 'Wijzigingen bijhouden', pressed: true });
  await expect(on.or(askName)).toBeVisible();
  if (await askName.isVisible()) {
    await askName.getByLabel('Uw naam').fill(name);
    await askName.getByRole('button', { name: 'Doorgaan' }).click();
  }
  await expect(on).toBeVisible();
}

/** Each block's heading and its items as "label text", in document order. */
export async function readBlocks(page: Page): Promise<{ heading: string; items: string[] }[]> {
  return page.locator('section.clause-block').evaluateAll((sections) =>
    sections.map((section) => {
      const select = section.querySelector('select') as HTMLSelectElement;
      const heading = select.selectedOptions[0]?.textContent ?? '';
      const items = [...section.querySelectorAll('li.item')].map((li) =>
        `${li.getAttribute('data-number') ?? '?'} ${(li.textContent ?? '').trim()}`.trim(),
      );
      return { heading, items };
    }),
  );
}

/**
 * Lets the browser deliver pending selection changes to the editor (two animation frames), as
 * the pause between a click and the next key does for a person.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

/** Selects `text` in the editor by searching its text nodes, as a double-click does. */
export async function selectText(page: Page, text: string): Promise<void> {
  await page.evaluate((target) => {
    const root = document.querySelector('.document-page')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(target);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + target.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`not found: ${target}`);
  }, text);
  await settle(page);
}

/** The outline panel's entries as their visible text. */
export async function readOutline(page: Page): Promise<string[]> {
  const buttons = page
    .getByRole('navigation', { name: 'Overzicht van het stuk' })
    .getByRole('button');
  return (await buttons.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Pastes plain text at the cursor through the browser's clipboard event, as Ctrl+V does. */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((content) => {
    const target = document.activeElement ?? document.body;
    const data = new DataTransfer();
    data.setData('text/plain', content);
    target.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

/** The document as JSON, to check it against the schema's shape. */
export async function readDocument(
  page: Page,
): Promise<{ content: { type: string; content?: unknown[] }[] }> {
  return page.evaluate(() => window.resolutieDocument!() as { content: { type: string }[] });
}

/** Saves a screenshot into test/artifacts for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = `${ARTIFACTS}${name}.png`;
  await page.screenshot({ path, fullPage: false });
  return path;
}

declare global {
  interface Window {
    resolutieDocument?: () => unknown;
  }
}

/** An element's text as a reader sees it: colleagues' cursor labels (y-prosemirror) left out. */
export function textWithoutCursors(locator: Locator): Promise<string> {
  return locator.evaluate((element) => {
    const copy = element.cloneNode(true) as Element;
    copy.querySelectorAll('.ProseMirror-yjs-cursor').forEach((cursor) => cursor.remove());
    return (copy.textContent ?? '').replace(/\u2060/g, '').trim();
  });
}

/** The first block's items (the recitals) as a reader sees them, cursor labels left out. */
export function readRecitals(page: Page): Promise<string[]> {
  return page
    .locator('section.clause-block')
    .first()
    .locator('li.item')
    .evaluateAll((items) =>
      items.map((item) => {
        const copy = item.cloneNode(true) as Element;
        copy.querySelectorAll('.ProseMirror-yjs-cursor').forEach((cursor) => cursor.remove());
        return (copy.textContent ?? '').replace(/\u2060/g, '').trim();
      }),
    );
}
