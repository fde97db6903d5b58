/**
 * Nothing typed is lost when the app dies: the browser-mode host is killed with SIGKILL while a
 * drafter works, restarted, and the next page offers the unsaved work back, every edit made
 * more than a second before the kill included. This spec runs its own host, with its own
 * profile folder, so that it can kill it.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { readBlocks, screenshot } from './editorPage.ts';

const root = new URL('../../', import.meta.url).pathname;
const port = Number(process.env.RESOLUTIE_E2E_RECOVERY_PORT ?? 4782);
const url = `http://127.0.0.1:${port}/`;

function startHost(profile: string, documents: string): Promise<ChildProcess> {
  const host = spawn(
    process.execPath,
    [path.join(root, 'main/host/cli.ts'), '--port', String(port)],
    {
      cwd: root,
      env: { ...process.env, RESOLUTIE_PROFILE_DIR: profile, RESOLUTIE_DOCUMENTS_DIR: documents },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    host.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(url)) resolve(host);
    });
    host.once('exit', (code) => reject(new Error(`host stopped (${code})`)));
  });
}

function killHard(host: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    host.once('exit', () => resolve());
    host.kill('SIGKILL');
  });
}

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
