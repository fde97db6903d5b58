/**
 * A user's steps around co-editing sessions, for the specs that need two users: setting the
 * name colleagues see, starting a session and reading its invitation, joining with one.
 */
import { expect } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { openEditor } from '../editorPage.ts';

/** Sets the name colleagues see, through "Voorkeuren" (reached from the join dialog or the panel). */
export async function setName(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Deelnemen…' }).click();
  const join = page.getByRole('dialog', { name: 'Deelnemen aan sessie' });
  await join.getByRole('button', { name: 'Wijzigen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Voorkeuren' });
  await dialog.getByLabel('Uw naam').fill(name);
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();
}

/** Starts a session in `page` and returns the invitation for the role shown. */
export async function startSession(page: Page, role: 'Redacteur' | 'Lezer'): Promise<string> {
  await page.getByRole('button', { name: 'Sessie starten' }).click();
  const dialog = page.getByRole('dialog', { name: 'Uitnodigen voor de sessie' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: new RegExp(role) }).check();
  const invitation = await dialog.locator('#invitation-text').inputValue();
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  return invitation;
}

/** Opens a second user's window and joins with `invitation`. */
export async function join(browser: Browser, invitation: string, name: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openEditor(page);
  await setName(page, name);
  await page.getByRole('button', { name: 'Deelnemen…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Deelnemen aan sessie' });
  await dialog.getByLabel('Uitnodiging').fill(`Neem deel via ${invitation} — groet`);
  await dialog.getByRole('button', { name: 'Deelnemen' }).click();
  await expect(dialog).toBeHidden();
  return page;
}
