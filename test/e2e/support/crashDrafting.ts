/**
 * A drafter for the crash loop: types unique markers at the end of the Toelichting at a seeded
 * random pace, starts new paragraphs, pauses and saves (the first save asks a name), and
 * reopens the work after a restart as a user would: from the recovery dialog when it is
 * offered, else from the saved file.
 */
import { existsSync } from 'node:fs';
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { HTTP_API_PREFIX } from '../../../shared/api/transportNames.ts';
import { settle } from '../editorPage.ts';

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
  /** Markers typed since the last new paragraph. */
  markersInParagraph: number;
  needsFocus: boolean;
  /** Set at the kill: a save still waiting gives up instead of waiting for its answer. */
  stopped: boolean;
}

/** How long the drafter waits for a dialog to appear or go. */
const DIALOG_TIMEOUT_MS = 10_000;

/** A marker of fixed width, so that none is part of another: `r003m017`. */
export function markerText(round: number, index: number): string {
  return `r${String(round).padStart(3, '0')}m${String(index).padStart(3, '0')}`;
}

/**
 * Puts the cursor at the very end of the document (the Toelichting's last paragraph), as a
 * click and Ctrl+End do, with the pause a person makes after each: keys sent in the same frame
 * as the click land where the editor still thinks the cursor is. (End would go only to the end
 * of a visual line once a paragraph wraps.)
 */
async function focusEnd(page: Page): Promise<void> {
  await page.locator('.explanation-body p').last().click();
  await settle(page);
  await page.keyboard.press('Control+End');
  await settle(page);
}

/** Types ` marker` at `delayMs` per key and records when it was done. */
export async function typeMarker(
  page: Page,
  state: DraftingState,
  text: string,
  delayMs: number,
): Promise<void> {
  if (state.needsFocus) {
    await focusEnd(page);
    state.needsFocus = false;
  }
  await page.keyboard.type(` ${text}`, { delay: delayMs });
  state.markers.push({ text, typedAt: Date.now() });
  state.markersInParagraph++;
}

/** Ends the paragraph and starts a new one (Enter). */
export async function newParagraph(page: Page, state: DraftingState): Promise<void> {
  if (state.needsFocus) {
    await focusEnd(page);
    state.needsFocus = false;
  }
  await page.keyboard.press('Enter');
  state.markersInParagraph = 0;
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
  await name.fill(SAVE_NAME, { timeout: DIALOG_TIMEOUT_MS });
  await name.press('Enter');
  const replace = dialog.getByRole('button', { name: 'Vervangen' });
  // Saved (the dialog goes), the name exists (it offers to replace), or the host was killed.
  const outcome = async () =>
    state.stopped
      ? 'stopped'
      : (await replace.isVisible())
        ? 'exists'
        : (await dialog.isVisible())
          ? 'saving'
          : 'saved';
  await expect.poll(outcome, { timeout: DIALOG_TIMEOUT_MS }).not.toBe('saving');
  if ((await outcome()) !== 'exists') return;
  await replace.click();
  await expect.poll(outcome, { timeout: DIALOG_TIMEOUT_MS }).not.toMatch(/saving|exists/);
}

/** Whether the host at `url` offers unsaved work to recover (its `listRecoverable`). */
async function hasRecoverableWork(page: Page, url: string): Promise<boolean> {
  const response = await page.request.post(
    new URL(`.${HTTP_API_PREFIX}listRecoverable`, url).href,
    {
      data: {},
    },
  );
  const answer = (await response.json()) as { ok: boolean; value?: { documents: unknown[] } };
  if (!answer.ok || !answer.value) throw new Error(`listRecoverable: ${JSON.stringify(answer)}`);
  return answer.value.documents.length > 0;
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
  // The offer's dialog is loaded on demand, so it can show a moment after the new document:
  // whether there is one to wait for, the host says as it said to the app.
  if (await hasRecoverableWork(page, url)) {
    await expect(recovery).toBeVisible({ timeout: DIALOG_TIMEOUT_MS });
  }
  if (await recovery.isVisible()) {
    const restore = recovery.getByRole('button', { name: 'Herstellen' });
    const offered = await restore.count();
    await restore.first().click();
    // The offer keeps the rest (an earlier round's document, when a kill left two journals):
    // once the newest is restored, the others are left for later. An offer left open with
    // nothing in it is a fault of the app, and fails here.
    const settled = async () => {
      if (!(await recovery.isVisible())) return true;
      const left = await restore.count();
      return left > 0 && left < offered;
    };
    await expect.poll(settled, { timeout: DIALOG_TIMEOUT_MS }).toBe(true);
    if (await recovery.isVisible()) {
      await recovery.getByRole('button', { name: 'Later beslissen' }).click();
    }
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
