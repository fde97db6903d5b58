/**
 * A session's life as its participants meet it (issue 16, points 6, 7 and 8), in Chromium at
 * 1280×800 against the browser-mode host:
 *
 * 6. Joining: the name is set in the join dialog itself, so the pasted invitation stays; the
 *    name is the one colleagues see; the header names the joined document by its title.
 * 7. The host stops: participants read plainly that the session ended and what their copy is,
 *    no further connection is attempted, and their text stays, editable. A connection that
 *    merely drops is Offline and is tried again with growing pauses, not in a flood.
 * 8. One profile is one person: the first session start asks for a name while the name is the
 *    account's default, and a rename in one tab reaches another tab's presence at once.
 *
 * All windows here use one host, hence one profile: the test's "Bewerker" windows are separate
 * browser contexts (no channel between them and Auteur's), as another person's app would be.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { parseInvitation } from '../../shared/session/invitation.ts';
import { openEditor, readRecitals, screenshot, settle } from './editorPage.ts';
import {
  atPort,
  join,
  makeInvitation,
  runSessionCommand,
  setName,
  startSession,
} from './support/session.ts';
import { startTcpProxy } from './support/tcpProxy.ts';

test.setTimeout(120_000);
test.use({ viewport: { width: 1280, height: 800 } });

const TITLE = 'Jeugdzorg in de regio';

/** Forgets the profile's name, as on a fresh installation: only the account's name is known. */
function forgetName(): void {
  const profile = process.env.RESOLUTIE_E2E_PROFILE_DIR;
  if (!profile) throw new Error('RESOLUTIE_E2E_PROFILE_DIR is not set (playwright.config.ts)');
  rmSync(path.join(profile, 'preferences.json'), { force: true });
}

/**
 * Opens the editor with a title and one recital, as the host's document; names the user
 * `name` first, when given (the profile keeps whoever saved a name last).
 */
async function writeDocument(page: Page, name?: string): Promise<void> {
  await openEditor(page);
  if (name) await setName(page, name);
  await page.locator('.title-text').click();
  await page.keyboard.type(TITLE);
  await page.locator('li.item').first().click();
  await settle(page);
  await page.keyboard.type('De kosten stijgen;');
}

const presence = (page: Page) => page.getByRole('region', { name: 'Aanwezig in het document' });

/** The names in the presence list, as shown ("Bewerker Joure (u)"). */
async function presenceNames(page: Page): Promise<string[]> {
  const names = await presence(page).locator('.presence-name').allInnerTexts();
  return names.map((name) => name.trim()).sort();
}

test('the first session asks for a name; joining sets it in the dialog and keeps the invitation', async ({
  page,
  browser,
}) => {
  forgetName();
  await writeDocument(page);

  // Auteur starts a session under the account's name: the app asks for hers first.
  await runSessionCommand(page, 'Sessie starten');
  const askName = page.getByRole('dialog', { name: 'Uw naam' });
  await expect(askName).toBeVisible();
  await expect(askName).toContainText('Voordat de sessie start');
  await askName.getByRole('button', { name: 'Sessie starten' }).click();
  await expect(askName.getByText('Vul uw naam in')).toBeVisible();
  await askName.getByLabel('Uw naam').fill('Auteur van Wijchen');
  await screenshot(page, 'session-ask-name');
  await askName.getByRole('button', { name: 'Sessie starten' }).click();
  const invite = page.getByRole('dialog', { name: 'Uitnodigen voor de sessie' });
  await expect(invite).toBeVisible();
  const invitation = await makeInvitation(page, 'Redacteur');
  await invite.getByRole('button', { name: 'Sluiten' }).click();
  await expect.poll(() => presenceNames(page)).toEqual(['Auteur van Wijchen (u)']);

  // Bewerker pastes the invitation, then changes the name: the invitation is still there.
  const bewerker = await (await browser.newContext()).newPage();
  await openEditor(bewerker);
  await runSessionCommand(bewerker, 'Deelnemen…');
  const dialog = bewerker.getByRole('dialog', { name: 'Deelnemen aan sessie' });
  const pasted = `Doe je mee? ${invitation} Groet, Auteur`;
  await dialog.getByLabel('Uitnodiging').fill(pasted);
  await dialog.getByLabel('Uw naam').fill('');
  await dialog.getByRole('button', { name: 'Deelnemen' }).click();
  await expect(dialog.getByText('Vul uw naam in')).toBeVisible();
  await dialog.getByLabel('Uw naam').fill('Bewerker Joure');
  await expect(dialog.getByLabel('Uitnodiging')).toHaveValue(pasted);
  await screenshot(bewerker, 'session-join-name');
  await dialog.getByRole('button', { name: 'Deelnemen' }).click();
  await expect(dialog).toBeHidden();

  // The name is the one everybody sees, and the header names the document by its title.
  await expect
    .poll(() => presenceNames(bewerker))
    .toEqual(['Auteur van Wijchen', 'Bewerker Joure (u)']);
  await expect
    .poll(() => presenceNames(page))
    .toEqual(['Auteur van Wijchen (u)', 'Bewerker Joure']);
  const header = bewerker.getByRole('banner');
  await expect(header).toContainText(TITLE);
  await expect(header).not.toContainText('Naamloos');
  // Not "Nieuw document": the window holds a copy of the host's document.
  await expect(header).toContainText('Kopie uit de sessie');
  // The title follows the document: Auteur lengthens it, Bewerker's header says so.
  // (Through Gegevens: a click in the title could land on Bewerker's cursor label.)
  const title = page
    .getByRole('complementary', { name: 'Gegevens van het stuk' })
    .getByLabel('Titel', { exact: true });
  await title.fill(`${TITLE} 2025`);
  await title.press('Tab');
  await expect(page.locator('.title-text')).toContainText(`${TITLE} 2025`);
  await expect(bewerker.locator('.title-text')).toContainText(`${TITLE} 2025`, { timeout: 15_000 });
  await expect(header).toContainText(`${TITLE} 2025`);
  await screenshot(bewerker, 'session-joined-title');
  await bewerker.context().close();
});

test('the host stops: the participant is told, stops connecting and keeps an editable copy', async ({
  page,
  browser,
}) => {
  await writeDocument(page, 'Auteur van Wijchen');
  const invitation = await startSession(page, 'Redacteur');
  const bewerker = await join(browser, invitation, 'Bewerker Joure');
  await expect.poll(() => readRecitals(bewerker)).toEqual(['De kosten stijgen;']);
  await bewerker.locator('li.item').first().click();
  await settle(bewerker);
  await bewerker.keyboard.press('End');
  await bewerker.keyboard.type(' sterk');
  await expect.poll(() => readRecitals(page)).toEqual(['De kosten stijgen; sterk']);

  // Every connection Bewerker's window tries from here on.
  const attempts: string[] = [];
  bewerker.on('websocket', (socket) => attempts.push(socket.url()));

  await runSessionCommand(page, 'Sessie stoppen');
  const notice = bewerker.getByRole('region', { name: 'Sessie' });
  await expect(notice).toContainText('De host heeft de sessie beëindigd.');
  await expect(notice).toContainText('eigen kopie');
  await expect(notice).toContainText('Opslaan als');
  await expect(
    bewerker.getByRole('navigation', { name: 'Samenwerken' }).getByRole('status'),
  ).toContainText('Sessie beëindigd');

  // Long enough for several reconnections had it kept trying (1, 2, 4 s after the close).
  await bewerker.waitForTimeout(8_000);
  expect(attempts).toEqual([]);

  // The text is there, with Bewerker's edit, and his to change.
  expect(await readRecitals(bewerker)).toEqual(['De kosten stijgen; sterk']);
  await bewerker.locator('li.item').first().click();
  await settle(bewerker);
  await bewerker.keyboard.press('End');
  await bewerker.keyboard.type(' (eigen kopie)');
  await expect
    .poll(() => readRecitals(bewerker))
    .toEqual(['De kosten stijgen; sterk (eigen kopie)']);
  await screenshot(bewerker, 'session-ended-participant');
  await bewerker.context().close();
});

test('a dropped connection is Offline and tried again with growing pauses', async ({
  page,
  browser,
}) => {
  await writeDocument(page, 'Auteur van Wijchen');
  const invitation = parseInvitation(await startSession(page, 'Redacteur'));
  const proxy = await startTcpProxy(Number(new URL(invitation.serverUrl).port));
  try {
    const throughProxy = atPort(invitation, proxy.port);
    const bewerker = await join(browser, throughProxy, 'Bewerker Joure');
    await expect.poll(() => readRecitals(bewerker)).toEqual(['De kosten stijgen;']);

    const attempts: number[] = [];
    bewerker.on('websocket', () => attempts.push(Date.now()));
    const cutAt = Date.now();
    proxy.cut();
    const status = bewerker.getByRole('navigation', { name: 'Samenwerken' }).getByRole('status');
    await expect(status).toContainText('Offline');
    await bewerker.waitForTimeout(20_000);

    // Attempts at about 1, 2, 4, 8 and 16 seconds: a handful, each pause longer than the last.
    expect(attempts.length).toBeGreaterThanOrEqual(3);
    expect(attempts.length).toBeLessThanOrEqual(6);
    const pauses = attempts.map((at, i) => at - (i === 0 ? cutAt : attempts[i - 1]!));
    for (let i = 2; i < pauses.length; i += 1) {
      expect(pauses[i]!).toBeGreaterThan(pauses[i - 1]! * 1.5);
    }
    await expect(status).toContainText('Offline');
    await screenshot(bewerker, 'session-offline-backoff');

    // The connection returns: the next attempt finds it, and the session is live again.
    proxy.restore();
    await expect(status).toHaveText(/^Live$/, { timeout: 40_000 });
    await bewerker.context().close();
  } finally {
    await proxy.close();
  }
});

test('a rename in one tab reaches the other tab and everyone’s presence at once', async ({
  page,
  browser,
}) => {
  await writeDocument(page, 'Auteur van Wijchen');
  const invitation = await startSession(page, 'Redacteur');
  // Bewerker has the document open in two tabs of his browser: one profile, one person.
  const first = await join(browser, invitation, 'Bewerker Joure');
  const second = await first.context().newPage();
  await openEditor(second);
  await runSessionCommand(second, 'Deelnemen…');
  const dialog = second.getByRole('dialog', { name: 'Deelnemen aan sessie' });
  await expect(dialog.getByLabel('Uw naam')).toHaveValue('Bewerker Joure');
  await dialog.getByLabel('Uitnodiging').fill(invitation);
  await dialog.getByRole('button', { name: 'Deelnemen' }).click();
  await expect(dialog).toBeHidden();
  await expect
    .poll(() => presenceNames(page))
    .toEqual(['Auteur van Wijchen (u)', 'Bewerker Joure', 'Bewerker Joure']);

  // In the first tab, Bewerker renames himself.
  await presence(first).getByRole('button', { name: 'Naam en kleur wijzigen…' }).click();
  const preferences = first.getByRole('dialog', { name: 'Voorkeuren' });
  await preferences.getByLabel('Uw naam').fill('Bewerker Borne');
  await preferences.getByRole('button', { name: 'Opslaan' }).click();
  await expect(preferences).toBeHidden();

  // The second tab follows without a reload, and so does what Auteur sees: no stale name.
  await expect
    .poll(() => presenceNames(second))
    .toEqual(['Auteur van Wijchen', 'Bewerker Borne', 'Bewerker Borne (u)']);
  await expect
    .poll(() => presenceNames(page))
    .toEqual(['Auteur van Wijchen (u)', 'Bewerker Borne', 'Bewerker Borne']);
  await screenshot(second, 'session-rename-other-tab');
  await first.context().close();
});
