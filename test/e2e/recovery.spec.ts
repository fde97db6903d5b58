/**
 * Nothing typed is lost when the app dies: the browser-mode host is killed with SIGKILL while a
 * drafter works, restarted, and the next page offers the unsaved work back, every edit made
 * more than a second before the kill included. This spec runs its own host, with its own
 * profile folder, so that it can kill it.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { readBlocks, screenshot } from './editorPage.ts';
import { hostUrl, killHard, startHostProcess } from './support/hostProcess.ts';

const port = Number(process.env.RESOLUTIE_E2E_RECOVERY_PORT ?? 4782);
const url = hostUrl(port);
const startHost = (profile: string, documents: string) =>
  startHostProcess(port, { profile, documents });

test('after SIGKILL of the host, the next start restores every edit older than a second', async ({
  browser,
}) => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'resolutie-recovery-'));
  const profile = path.join(scratch, 'profile');
  const documents = path.join(scratch, 'documenten');
  let host = await startHost(profile, documents);
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.locator('.title-text').click();
    await page.keyboard.type('Nooit opgeslagen resolutie');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Gemeenten willen niets verliezen;');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Ook niet bij een crash;');
    // The promise is about edits made more than one second before the kill.
    await page.waitForTimeout(1200);
    await killHard(host);
    await page.close({ runBeforeUnload: false });

    host = await startHost(profile, documents);
    const again = await browser.newPage();
    await again.goto(url);
    const dialog = again.getByRole('dialog', { name: 'Niet-opgeslagen werk gevonden' });
    await expect(dialog).toContainText('Nooit opgeslagen resolutie');
    await expect(dialog).toContainText('nooit opgeslagen');
    await screenshot(again, 'recovery-dialog');
    await dialog.getByRole('button', { name: 'Herstellen' }).click();
    await expect(dialog).toBeHidden();
    await expect(again.locator('.title-text')).toHaveText('Nooit opgeslagen resolutie');
    expect((await readBlocks(again))[0]!.items).toEqual([
      '1. Gemeenten willen niets verliezen;',
      '2. Ook niet bij een crash;',
    ]);
    await expect(again).toHaveTitle('● Naamloos – Resolutie-editor');
  } finally {
    host.kill('SIGKILL');
  }
});
