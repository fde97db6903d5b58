/**
 * When the session's server cannot store the document, the participants are told, and told
 * again when it can (issue 14: a store that fails is loud). The host's own session server is
 * made to fail the way a full or broken disk would: a folder stands where the document's file
 * must go, so every write of it fails, until the folder is gone.
 */
import { existsSync, readdirSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openEditor, screenshot, settle } from './editorPage.ts';
import { startSession } from './support/session.ts';

test.setTimeout(90_000);

const sessionsDir = (): string => path.join(process.env.RESOLUTIE_E2E_PROFILE_DIR!, 'sessions');

/** The session folders there are now (earlier tests of the run leave theirs). */
function sessionFolders(): string[] {
  return existsSync(sessionsDir()) ? readdirSync(sessionsDir()) : [];
}

/** The `.resolutie` file of the session started after `before` was taken. */
function sessionFile(before: readonly string[]): string {
  const started = sessionFolders().filter((folder) => !before.includes(folder));
  expect(started, 'one new session folder').toHaveLength(1);
  const dir = path.join(sessionsDir(), started[0]!);
  const file = readdirSync(dir).find((name) => name.endsWith('.resolutie'));
  return path.join(dir, file!);
}

test('the participants read that the server cannot store the stuk, and when it can again', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openEditor(page);
  await page.locator('li.item').first().click();
  await settle(page);
  await page.keyboard.type('Eerste overweging;');
  const before = sessionFolders();
  await startSession(page, 'Redacteur');
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();

  const file = sessionFile(before);
  rmSync(file);
  mkdirSync(path.join(file, 'blokkade'), { recursive: true });
  try {
    await page.locator('li.item').first().click();
    await settle(page);
    await page.keyboard.press('End');
    await page.keyboard.type(' met een aanvulling');
    await expect(page.locator('li.item').first()).toContainText('met een aanvulling');
    const notice = page
      .getByRole('region', { name: 'Aanwezig in het document' })
      .getByRole('alert');
    await expect(notice).toContainText('kan het stuk op dit moment niet opslaan', {
      timeout: 20_000,
    });
    await screenshot(page, 'coediting-store-failed');

    rmSync(file, { recursive: true, force: true });
    // The server tries again by itself (every 10 seconds) and says so when it worked.
    await expect(notice).toBeHidden({ timeout: 30_000 });
    await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  } finally {
    rmSync(file, { recursive: true, force: true });
  }
});
