/**
 * A drafter for the crash loop: types unique markers into the recitals at a seeded random
 * pace, starts new items, pauses and saves (the first save asks a name), and reopens the work
 * after a restart as a user would: from the recovery dialog when it is offered, else from the
 * saved file.
 */
import { existsSync } from 'node:fs';
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** The name the drafter saves under, in the documents folder. */
export const SAVE_NAME = 'kill-lus';

/** A marker typed into the document. */
export interface Marker {
  text: string;
  /** When its last key was typed (Date.now()). */
  typedAt: number;
}

/** How the document came back after a restart. */
export type Reopened = 'recovered' | 'file' | 'new';

/** Where the drafter stands: what it typed and whether it must click into the text first. */
export interface DraftingState {
  markers: Marker[];
  markersInItem: number;
  needsFocus: boolean;
}

/** A marker of fixed width, so that none is part of another: `r003m017`. */
export function markerText(round: number, index: number): string {
  return `r${String(round).padStart(3, '0')}m${String(index).padStart(3, '0')}`;
}

/** Puts the cursor at the end of the last recital, as a click and End do. */
async function focusLastItem(page: Page): Promise<void> {
  await page.locator('section.clause-block').first().locator('li.item').last().click();
  await page.keyboard.press('End');
}

/** Types ` marker` at `delayMs` per key and records when it was done. */
export async function typeMarker(
  page: Page,
  state: DraftingState,
  text: string,
  delayMs: number,
): Promise<void> {
  if (state.needsFocus) {
    await focusLastItem(page);
    state.needsFocus = false;
  }
  await page.keyboard.type(` ${text}`, { delay: delayMs });
  state.markers.push({ text, typedAt: Date.now() });
  state.markersInItem++;
}

/** Ends the item and starts a new one (Enter), after at least one marker in it. */
export async function newItem(page: Page, state: DraftingState): Promise<void> {
  if (state.needsFocus) {
    await focusLastItem(page);
    state.needsFocus = false;
  }
  await page.keyboard.press('Enter');
  state.markersInItem = 0;
}

/**
 * Ctrl+S. A document without a file gets the name dialog; a name that exists (a save the page
 * never heard back from before a kill) is replaced, as the dialog offers.
 */
export async function save(page: Page, state: DraftingState): Promise<void> {
  const untitled = (await page.title()).includes('Naamloos');
  await page.keyboard.press('Control+s');
  if (!untitled) return;
  state.needsFocus = true;
  const dialog = page.getByRole('dialog', { name: 'Opslaan als' });
  const name = dialog.getByLabel('Naam van het document');
  await name.fill(SAVE_NAME);
  await name.press('Enter');
  const replace = dialog.getByRole('button', { name: 'Vervangen' });
  const hidden = dialog.waitFor({ state: 'hidden' }).then(() => 'saved' as const);
  const exists = replace.waitFor().then(() => 'exists' as const);
  // The other wait never ends; it is dropped with the page.
  hidden.catch(() => undefined);
  exists.catch(() => undefined);
  if ((await Promise.race([hidden, exists])) === 'exists') {
    await replace.click();
    await dialog.waitFor({ state: 'hidden' });
  }
}

/**
 * Loads the app from `url` and takes up the work: restores the newest document the recovery
 * dialog offers, else opens the saved file at `savedPath` if there is one, else goes on with
 * the new document the app starts with.
 */
export async function reopen(page: Page, url: string, savedPath: string): Promise<Reopened> {
  await page.goto(url);
  // The app decides about recovery before it makes the new document behind the dialog.
  await expect(page.locator('li.item').first()).toBeVisible();
  const recovery = page.getByRole('dialog', { name: 'Niet-opgeslagen werk gevonden' });
  if (await recovery.isVisible()) {
    await recovery.getByRole('button', { name: 'Herstellen' }).first().click();
    await expect(recovery).toBeHidden();
    // Restored work has unsaved changes; the new document it replaces had none.
    try {
      await expect(page).toHaveTitle(/^● /);
    } catch (error) {
      throw new Error(`The restored document did not appear. ${await describeNotice(page)}`, {
        cause: error,
      });
    }
    return 'recovered';
  }
  if (!existsSync(savedPath)) return 'new';
  await page.keyboard.press('Control+o');
  const open = page.getByRole('dialog', { name: 'Document openen' });
  await open.getByRole('button', { name: SAVE_NAME }).first().click();
  await expect(open).toBeHidden();
  await expect(page).toHaveTitle(`${SAVE_NAME} – Resolutie-editor`);
  return 'file';
}

/** The document's text as the editor holds it (its ProseMirror JSON). */
export async function readDocumentText(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify(window.resolutieDocument?.() ?? null));
}

async function describeNotice(page: Page): Promise<string> {
  const alerts = await page.getByRole('alert').allInnerTexts();
  return alerts.length > 0 ? `The app says: ${alerts.join(' / ')}` : 'The app says nothing.';
}
