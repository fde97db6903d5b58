/**
 * Withdrawing invitations (issue 22), end to end in Chromium with a host and two colleagues,
 * each in a browser context of their own: the host sees both in the presence panel with their
 * role and removes one ("Verwijderen", asked first); that window says in Dutch that the host
 * withdrew the invitation, and pasting the same invitation again in "Deelnemen aan sessie" is
 * refused with that reason, while the other colleague edits on with the host. Then the host
 * withdraws all redacteur invitations ("Uitnodigingen intrekken…"): the other colleague is
 * disconnected too, the host stays live, and a new invitation works.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openEditor, readRecitals, screenshot, settle, textWithoutCursors } from './editorPage.ts';
import { invite, join, runSessionCommand, setName, startSession } from './support/session.ts';

test.setTimeout(180_000);
test.use({ viewport: { width: 1280, height: 800 } });

const WITHDRAWN =
  'De uitnodiger heeft deze uitnodiging ingetrokken; u neemt niet meer deel aan de sessie.';

const presence = (page: Page) => page.getByRole('region', { name: 'Aanwezig in het document' });
const status = (page: Page) => page.getByRole('status').filter({ hasText: /^Live$/ });

/** axe-core finds no serious or critical violation in `scope` (the rules ids, where). */
async function expectAccessible(page: Page, scope: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(scope).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.target).join(' | ')}`);
  expect(serious, `axe-core in ${scope}`).toEqual([]);
}

function titleText(page: Page): Promise<string> {
  return textWithoutCursors(page.locator('.title-text'));
}

/** Leaves the refused session (if still in it) and tries `invitation` in "Deelnemen aan sessie". */
async function tryJoinAgain(page: Page, invitation: string) {
  const commands = page.getByRole('navigation', { name: 'Samenwerken' });
  if (await commands.getByText('Geen toegang').isVisible()) {
    await runSessionCommand(page, 'Sessie verlaten');
  }
  await runSessionCommand(page, 'Deelnemen…');
  // The copy of the session has no file yet: the app asks what to do with it first.
  const unsaved = page.getByRole('dialog', { name: 'Wijzigingen opslaan?' });
  const dialog = page.getByRole('dialog', { name: 'Deelnemen aan sessie' });
  await expect(unsaved.or(dialog)).toBeVisible();
  if (await unsaved.isVisible())
    await unsaved.getByRole('button', { name: 'Niet opslaan' }).click();
  await dialog.getByLabel('Uitnodiging').fill(invitation);
  await dialog.getByRole('button', { name: 'Deelnemen' }).click();
  return dialog;
}

test('the host removes a colleague and withdraws all redacteur invitations', async ({
  page,
  browser,
}) => {
  await openEditor(page);
  await setName(page, 'Redacteur Aalten');
  await page.locator('.title-text').click();
  await page.keyboard.type('Resolutie vertrouwelijk overleg');
  await page.locator('li.item').first().click();
  await settle(page);
  await page.keyboard.type('De besprekingen zijn vertrouwelijk;');

  const borneInvitation = await startSession(page, 'Redacteur', 'Redacteur Aalten', {
    name: 'Redacteur Borne',
  });
  const sneekInvitation = await invite(page, 'Redacteur', { name: 'Redacteur Sneek' });
  const borne = await join(browser, borneInvitation, null);
  const sneek = await join(browser, sneekInvitation, null);
  for (const colleague of [borne, sneek]) {
    await colleague.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => titleText(colleague)).toBe('Resolutie vertrouwelijk overleg');
  }

  // The host sees both colleagues, with their role and "Verwijderen"; not for themselves.
  const hostPanel = presence(page);
  await expect(hostPanel).toContainText('Redacteur Borne');
  await expect(hostPanel).toContainText('Redacteur Sneek');
  const removeBorne = hostPanel.getByRole('button', {
    name: 'Redacteur Borne verwijderen uit de sessie',
  });
  await expect(removeBorne).toBeVisible();
  await expect(
    hostPanel.getByRole('button', { name: 'Redacteur Sneek verwijderen uit de sessie' }),
  ).toBeVisible();
  await expect(hostPanel.getByRole('button', { name: /Redacteur Aalten verwijderen/ })).toHaveCount(
    0,
  );
  await expect(hostPanel.locator('.presence-host-line').first()).toContainText('redacteur');
  // Colleagues see no such controls.
  await expect(presence(sneek).getByRole('button', { name: /verwijderen/ })).toHaveCount(0);
  await expect(
    presence(sneek).getByRole('button', { name: 'Uitnodigingen intrekken…' }),
  ).toHaveCount(0);
  await screenshot(page, 'withdraw-presence');
  await expectAccessible(page, '.presence');

  // Removing is asked first, and says what happens; Annuleren changes nothing.
  await removeBorne.click();
  const confirm = page.getByRole('dialog', { name: 'Redacteur Borne verwijderen uit de sessie' });
  await expect(confirm).toContainText('werkt daarna niet meer');
  await expect(confirm.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Annuleren' }).click();
  await expect(confirm).toBeHidden();
  await expect(status(borne)).toBeVisible();

  await removeBorne.click();
  await expect(confirm).toBeVisible();
  await screenshot(page, 'withdraw-confirm-remove');
  await expectAccessible(page, 'dialog[open]');
  await confirm.getByRole('button', { name: 'Verwijderen' }).click();
  await expect(confirm).toBeHidden();

  // Borne's window says why, and is no longer live; the host no longer lists her.
  await expect(presence(borne).getByRole('alert')).toHaveText(WITHDRAWN);
  await expect(borne.getByRole('status').filter({ hasText: 'Geen toegang' })).toBeVisible();
  await expect(hostPanel).not.toContainText('Redacteur Borne');
  await screenshot(borne, 'withdraw-removed');

  // Sneek and the host edit on together.
  await sneek.locator('li.item').first().click();
  await sneek.keyboard.press('End');
  await sneek.keyboard.type(' Sneek vult aan.');
  await expect
    .poll(() => readRecitals(page))
    .toEqual(['De besprekingen zijn vertrouwelijk; Sneek vult aan.']);

  // Borne pastes her invitation again: refused, with the same reason.
  const again = await tryJoinAgain(borne, borneInvitation);
  await expect(again.getByRole('alert')).toHaveText(WITHDRAWN);
  await again.getByRole('button', { name: 'Annuleren' }).click();

  // All redacteur invitations withdrawn: Sneek goes too, the host stays.
  await presence(page).getByRole('button', { name: 'Uitnodigingen intrekken…' }).click();
  const withdraw = page.getByRole('dialog', { name: 'Uitnodigingen intrekken' });
  await withdraw.getByRole('radio', { name: /Redacteuren/ }).check();
  await expect(withdraw).toContainText('Redacteur Sneek wordt nu losgekoppeld');
  await expect(withdraw).toContainText('behalve uw eigen');
  await screenshot(page, 'withdraw-role-dialog');
  await expectAccessible(page, 'dialog[open]');
  await withdraw.getByRole('button', { name: 'Intrekken' }).click();
  await expect(withdraw).toBeHidden();
  await expect(presence(sneek).getByRole('alert')).toHaveText(WITHDRAWN);
  await expect(hostPanel).not.toContainText('Redacteur Sneek');
  await expect(status(page)).toBeVisible();

  // A new invitation works: Borne joins with it, and edits with the host.
  const fresh = await invite(page, 'Redacteur', { name: 'Redacteur Borne' });
  const rejoined = await tryJoinAgain(borne, fresh);
  await expect(rejoined).toBeHidden();
  await expect(status(borne)).toBeVisible();
  await expect(hostPanel).toContainText('Redacteur Borne');
  await borne.locator('li.item').first().click();
  await borne.keyboard.press('End');
  await borne.keyboard.type(' Borne weer.');
  await expect
    .poll(() => readRecitals(page))
    .toEqual(['De besprekingen zijn vertrouwelijk; Sneek vult aan. Borne weer.']);

  await borne.context().close();
  await sneek.context().close();
});
