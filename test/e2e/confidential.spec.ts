/**
 * Confidential sessions in Chromium (issue 22): the host's session runs over TLS and the
 * windows connect through the app's relay, which pins the host's certificate. Between the host
 * and a colleague a proxy records every byte: none of the stuk and no invitation is readable
 * in it. And when another computer answers on the host's address, the colleague reads in Dutch
 * that it is not the computer that invited them, and that computer receives nothing.
 */
import { expect, test } from '@playwright/test';
import { formatFingerprint, parseInvitation } from '../../shared/session/invitation.ts';
import { startRecordingProxy } from '../../main/syncServer/testing/recordingProxy.ts';
import { startImpostor } from '../../main/syncServer/testing/impostorServer.ts';
import { openEditor, readRecitals, screenshot, settle } from './editorPage.ts';
import { atPort, join, runSessionCommand, setName, startSession } from './support/session.ts';

test.setTimeout(120_000);

const TITLE = 'Vertrouwelijk: herindeling Zwaluwstaart';

test('nothing of the stuk or the invitation crosses the network readable', async ({
  page,
  browser,
}) => {
  await openEditor(page);
  await setName(page, 'Auteur van Wijchen');
  await page.locator('.title-text').click();
  await page.keyboard.type(TITLE);
  await page.locator('li.item').first().click();
  await settle(page);
  await page.keyboard.type('Het geheime advies van de Kievitsbloem;');

  const invitation = await startSession(page, 'Redacteur', 'Auteur van Wijchen', {
    name: 'Bewerker Joure',
  });
  const parsed = parseInvitation(invitation);
  expect(parsed.serverUrl).toMatch(/^wss:\/\//);
  expect(parsed.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  // The host can read the fingerprint out to a colleague: the dialog shows the one it pins.
  await runSessionCommand(page, 'Uitnodigen…');
  const inviting = page.getByRole('dialog', { name: 'Uitnodigen voor de sessie' });
  await expect(inviting.getByTestId('host-fingerprint')).toHaveText(
    formatFingerprint(parsed.fingerprint!),
  );
  await screenshot(page, 'confidential-invite-fingerprint');
  await inviting.getByRole('button', { name: 'Sluiten' }).click();

  const proxy = await startRecordingProxy(Number(new URL(parsed.serverUrl).port));
  try {
    const bewerker = await join(browser, atPort(invitation, proxy.port), null);
    await expect
      .poll(() => readRecitals(bewerker))
      .toEqual(['Het geheime advies van de Kievitsbloem;']);
    await bewerker.locator('li.item').first().click();
    await settle(bewerker);
    await bewerker.keyboard.press('Home');
    await bewerker.keyboard.type('Een zin van Joure: ');
    await expect
      .poll(() => readRecitals(page))
      .toEqual(['Een zin van Joure: Het geheime advies van de Kievitsbloem;']);

    const readable = proxy.readable();
    expect(proxy.connections()).toBeGreaterThan(0);
    for (const secret of [
      parsed.token,
      TITLE,
      'Kievitsbloem',
      'Een zin van Joure',
      'Bewerker Joure',
      parsed.documentName,
    ]) {
      expect(readable.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
    }
    await bewerker.context().close();
  } finally {
    await proxy.close();
  }
});

test('another computer on the host’s address gets nothing, and the colleague is told', async ({
  page,
  browser,
}) => {
  await openEditor(page);
  await setName(page, 'Auteur van Wijchen');
  await page.locator('.title-text').click();
  await page.keyboard.type('Concept voor de ALV');
  const invitation = await startSession(page, 'Redacteur', 'Auteur van Wijchen', {
    name: 'Bewerker Joure',
  });
  const impostor = await startImpostor();
  try {
    const context = await browser.newContext();
    const colleague = await context.newPage();
    await openEditor(colleague);
    await runSessionCommand(colleague, 'Deelnemen…');
    const dialog = colleague.getByRole('dialog', { name: 'Deelnemen aan sessie' });
    await dialog.getByLabel('Uitnodiging').fill(atPort(invitation, impostor.port));
    // The colleague sees the fingerprint the invitation names, to compare with the host's.
    await expect(dialog.getByTestId('host-fingerprint')).toHaveText(
      formatFingerprint(parseInvitation(invitation).fingerprint!),
    );
    await dialog.getByRole('button', { name: 'Deelnemen' }).click();
    await expect(dialog).toContainText('Dit is niet de computer die u uitnodigde');
    await screenshot(colleague, 'confidential-wrong-host');
    expect(impostor.connections()).toBeGreaterThan(0);
    expect(impostor.decrypted().length).toBe(0);
    expect(impostor.raw().includes(Buffer.from(parseInvitation(invitation).token))).toBe(false);
    await context.close();
  } finally {
    await impostor.close();
  }
});
