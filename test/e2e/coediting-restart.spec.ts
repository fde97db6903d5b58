/**
 * Offline edits survive a crash before the connection returns: Bewerker, in an app of his own (a
 * host process with his own profile), is cut off from the session, types, and his app is
 * killed. At the next start it offers his work back; restored, the document rejoins the session
 * and, once the connection is back, his offline edits and Auteur's merge on both sides.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { parseInvitation } from '../../shared/session/invitation.ts';
import { openEditor, readRecitals, screenshot, settle } from './editorPage.ts';
import { hostUrl, killHard, startHostProcess } from './support/hostProcess.ts';
import { startTcpProxy } from './support/tcpProxy.ts';
import { atPort, startSession } from './support/session.ts';

test.setTimeout(120_000);

const bramPort = Number(process.env.RESOLUTIE_E2E_SECOND_PORT ?? 4784);

const recitals = readRecitals;

test('offline edits survive a crash and merge when the document rejoins', async ({
  page,
  browser,
}) => {
  // Auteur hosts a session in the shared app.
  await openEditor(page);
  await page.locator('li.item').first().click();
  await settle(page);
  await page.keyboard.type('De kosten stijgen;');
  const invitation = parseInvitation(await startSession(page, 'Redacteur'));
  const proxy = await startTcpProxy(Number(new URL(invitation.serverUrl).port));

  // Bewerker, in his own app, joins through a connection the test can cut.
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'resolutie-bewerker-'));
  const folders = { profile: path.join(scratch, 'profile'), documents: path.join(scratch, 'docs') };
  let bramHost = await startHostProcess(bramPort, folders);
  try {
    const context = await browser.newContext({ baseURL: hostUrl(bramPort) });
    let bewerker = await context.newPage();
    await openEditor(bewerker);
    await bewerker.getByRole('button', { name: 'Deelnemen…' }).click();
    const join = bewerker.getByRole('dialog', { name: 'Deelnemen aan sessie' });
    await join.getByLabel('Uitnodiging').fill(atPort(invitation, proxy.port));
    await join.getByRole('button', { name: 'Deelnemen' }).click();
    await expect.poll(() => recitals(bewerker)).toEqual(['De kosten stijgen;']);

    // Cut off, both type; Bewerker's edit reaches his journal, then his app dies.
    proxy.cut();
    await expect(bewerker.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
    await bewerker.locator('li.item').first().click();
    await settle(bewerker);
    await bewerker.keyboard.press('End');
    await bewerker.keyboard.type(' (Bewerker, offline)');
    // The journal's promise is about edits made more than a second before a crash.
    await bewerker.waitForTimeout(1200);
    await page.locator('li.item').first().click();
    await settle(page);
    await page.keyboard.press('Home');
    await page.keyboard.type('Auteur: ');
    await killHard(bramHost);
    await bewerker.close({ runBeforeUnload: false });

    // Bewerker's app starts again and offers the work back; restored, it rejoins the session.
    bramHost = await startHostProcess(bramPort, folders);
    bewerker = await context.newPage();
    await bewerker.goto('/');
    const recovery = bewerker.getByRole('dialog', { name: 'Niet-opgeslagen werk gevonden' });
    await recovery.getByRole('button', { name: 'Herstellen' }).click();
    // Restoring asks the new host for the journal and rejoins: on a busy machine, seconds.
    await expect
      .poll(() => recitals(bewerker), { timeout: 15_000 })
      .toEqual(['De kosten stijgen; (Bewerker, offline)'])
      .catch(async (error: unknown) => {
        // What the window showed instead, for the person reading the failure.
        await screenshot(bewerker, 'coediting-restart-restore-failed');
        throw error;
      });

    proxy.restore();
    const merged = ['Auteur: De kosten stijgen; (Bewerker, offline)'];
    await expect.poll(() => recitals(bewerker), { timeout: 60_000 }).toEqual(merged);
    await expect.poll(() => recitals(page), { timeout: 30_000 }).toEqual(merged);
    await expect(bewerker.getByRole('status').filter({ hasText: /^Live$/ })).toBeVisible();
    await context.close();
  } finally {
    await killHard(bramHost);
    await proxy.close();
  }
});
