/**
 * A user's steps around co-editing sessions, for the specs that need two users: setting the
 * name colleagues see, starting a session and making an invitation (a role, and the name of
 * whom it is for), joining with one.
 */
import { expect } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { formatInvitation, parseInvitation } from '../../../shared/session/invitation.ts';
import type { Invitation } from '../../../shared/session/invitation.ts';
import { openEditor } from '../editorPage.ts';

/**
 * Runs a session command as a user does: the header's button when it shows one, otherwise
 * through the "Sessie ▾" menu of a narrow window, which holds them all.
 */
export async function runSessionCommand(page: Page, name: string): Promise<void> {
  const commands = page.getByRole('navigation', { name: 'Samenwerken' });
  const button = commands.getByRole('button', { name, exact: true });
  if (await button.isVisible()) {
    await button.click();
    return;
  }
  await commands.getByRole('button', { name: 'Sessie', exact: true }).click();
  await page.getByRole('menuitem', { name, exact: true }).click();
}

/** Sets the name colleagues see, through "Voorkeuren" (Help ▾ → Voorkeuren…). */
export async function setName(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Help' }).click();
  await page.getByRole('menuitem', { name: 'Voorkeuren…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Voorkeuren' });
  await dialog.getByLabel('Uw naam').fill(name);
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();
}

/** A role as "Uitnodigen…" offers it. */
export type InvitedRole = 'Redacteur' | 'Voorsteller' | 'Lezer';

/** Whom an invitation is for: their name (none: they choose), and comments for a lezer. */
export interface Invitee {
  name?: string;
  mayComment?: boolean;
}

/**
 * Starts a session in `page` and returns an invitation for `role` (and `invitee`). The app asks
 * for a name first while the profile has none of the user's own: then it is `name`.
 */
export async function startSession(
  page: Page,
  role: InvitedRole,
  name = 'Auteur van Wijchen',
  invitee: Invitee = {},
): Promise<string> {
  await runSessionCommand(page, 'Sessie starten');
  const dialog = page.getByRole('dialog', { name: 'Uitnodigen voor de sessie' });
  const askName = page.getByRole('dialog', { name: 'Uw naam' });
  await expect(dialog.or(askName)).toBeVisible();
  if (await askName.isVisible()) {
    await askName.getByLabel('Uw naam').fill(name);
    await askName.getByRole('button', { name: 'Sessie starten' }).click();
  }
  await expect(dialog).toBeVisible();
  const invitation = await makeInvitation(page, role, invitee);
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  return invitation;
}

/**
 * In the open "Uitnodigen voor de sessie" dialog: chooses `role`, fills in `invitee`, makes the
 * invitation and returns its line. The dialog stays open.
 */
export async function makeInvitation(
  page: Page,
  role: InvitedRole,
  invitee: Invitee = {},
): Promise<string> {
  const dialog = page.getByRole('dialog', { name: 'Uitnodigen voor de sessie' });
  await dialog.getByRole('radio', { name: new RegExp(role) }).check();
  if (role === 'Lezer') {
    await dialog
      .getByRole('checkbox', { name: 'mag opmerkingen maken' })
      .setChecked(invitee.mayComment ?? false);
  }
  await dialog.getByLabel(/^Naam/).fill(invitee.name ?? '');
  await dialog.getByRole('button', { name: 'Uitnodiging maken' }).click();
  const field = dialog.locator('#invitation-text');
  await expect(field).toBeVisible();
  return field.inputValue();
}

/** The host invites another colleague ("Uitnodigen…") and returns the invitation. */
export async function invite(
  page: Page,
  role: InvitedRole,
  invitee: Invitee = {},
): Promise<string> {
  await runSessionCommand(page, 'Uitnodigen…');
  const invitation = await makeInvitation(page, role, invitee);
  const dialog = page.getByRole('dialog', { name: 'Uitnodigen voor de sessie' });
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  await expect(dialog).toBeHidden();
  return invitation;
}

/**
 * Opens a second user's window and joins with `invitation` as `name` (set in the dialog); null
 * when the invitation names the user, and the dialog asks no name.
 */
export async function join(
  browser: Browser,
  invitation: string,
  name: string | null,
): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openEditor(page);
  await runSessionCommand(page, 'Deelnemen…');
  const dialog = page.getByRole('dialog', { name: 'Deelnemen aan sessie' });
  if (name !== null) await dialog.getByLabel('Uw naam').fill(name);
  await dialog.getByLabel('Uitnodiging').fill(`Neem deel via ${invitation} — groet`);
  await dialog.getByRole('button', { name: 'Deelnemen' }).click();
  await expect(dialog).toBeHidden();
  return page;
}

/**
 * The invitation with its server at `port` on this computer (a proxy in front of the host), the
 * host's fingerprint kept: the relay still checks that the certificate behind it is the host's.
 */
export function atPort(invitation: string | Invitation, port: number): string {
  const parsed = typeof invitation === 'string' ? parseInvitation(invitation) : invitation;
  return formatInvitation({ ...parsed, serverUrl: `wss://127.0.0.1:${port}` });
}
