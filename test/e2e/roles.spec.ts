/**
 * The three roles of a session the app hosts (issue 17), end to end in Chromium: the host
 * invites a voorsteller by name and a lezer who may comment; each joins with their invitation,
 * and the name in it is theirs in the session (the join dialog says so and asks none).
 *
 * The voorsteller: "Wijzigingen bijhouden" is on and cannot be switched off; everything typed
 * arrives at the host as a proposal under the invited name; every toolbar command that is
 * enabled for them makes a proposal the server accepts, so they stay connected (a refused
 * update would close their connection with 4422 and the documents would part); the commands
 * that cannot be proposals, Gegevens, decisions and recording a version are off, with the
 * reason. The lezer cannot type.
 *
 * Faults guarded: "A voorsteller presses '→ Subpunt' (or 'a, b') and is disconnected: the
 * change went out as it was, and the server refused it"; "the host sees the voorsteller's
 * proposals under the name from the voorsteller's preferences instead of the invited name".
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import {
  openEditor,
  readDocument,
  screenshot,
  selectText,
  settle,
  textWithoutCursors,
} from './editorPage.ts';
import { makeInvitation, runSessionCommand, setName } from './support/session.ts';

test.setTimeout(180_000);
test.use({ viewport: { width: 1280, height: 800 } });

const PROPOSER_REASON = 'Alleen voorstellen: u bent als voorsteller uitgenodigd';

const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Werkbalk' });
const changes = (page: Page) => page.getByRole('region', { name: 'Wijzigingen' });
const details = (page: Page) => page.getByRole('complementary', { name: 'Gegevens van het stuk' });

/** Joins with `invitation` in a window of its own; the dialog must not ask for a name. */
async function joinAs(page: Page, invitation: string, says: RegExp): Promise<void> {
  await openEditor(page);
  await runSessionCommand(page, 'Deelnemen…');
  const dialog = page.getByRole('dialog', { name: 'Deelnemen aan sessie' });
  await dialog.getByLabel('Uitnodiging').fill(`Doe je mee? ${invitation}`);
  await expect(dialog.getByText(says)).toBeVisible();
  await expect(dialog.getByLabel('Uw naam')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Deelnemen' }).click();
  await expect(dialog).toBeHidden();
}

/** Both windows hold the same document: what the one sent, the server took and relayed. */
async function expectInStep(a: Page, b: Page, what: string): Promise<void> {
  await expect
    .poll(
      async () => JSON.stringify(await readDocument(a)) === JSON.stringify(await readDocument(b)),
      {
        message: `the documents agree after ${what}`,
        timeout: 10_000,
      },
    )
    .toBe(true);
}

/** The entry of toolbar command `label` in the open "Meer ▾" menu. */
function menuEntry(page: Page, label: string) {
  const menu = page.getByRole('menu', { name: 'Meer opdrachten' });
  const name = new RegExp(`^${label}`);
  return menu.getByRole('menuitem', { name }).or(menu.getByRole('menuitemcheckbox', { name }));
}

/**
 * Runs the toolbar command `label` as a user does: its button, or the entry in "Meer ▾" when
 * it folded there. Fails when it is not enabled.
 */
async function runToolbarCommand(page: Page, label: string): Promise<void> {
  const button = toolbar(page).getByRole('button', { name: label, exact: true });
  if (await button.isVisible()) {
    await expect(button, label).toBeEnabled();
    await button.click();
    return;
  }
  await toolbar(page).getByRole('button', { name: 'Meer', exact: true }).click();
  await expect(menuEntry(page, label), label).not.toHaveAttribute('aria-disabled', 'true');
  await menuEntry(page, label).click();
}

/**
 * What the toolbar shows of command `label` now: whether it is enabled and its tooltip (its
 * button, or its entry in "Meer ▾").
 */
async function readCommand(
  page: Page,
  label: string,
): Promise<{ enabled: boolean; title: string | null }> {
  const button = toolbar(page).getByRole('button', { name: label, exact: true });
  if (await button.isVisible()) {
    return { enabled: await button.isEnabled(), title: await button.getAttribute('title') };
  }
  await toolbar(page).getByRole('button', { name: 'Meer', exact: true }).click();
  const entry = menuEntry(page, label);
  const shown = {
    enabled: (await entry.getAttribute('aria-disabled')) !== 'true',
    title: await entry.getAttribute('title'),
  };
  await page.keyboard.press('Escape');
  return shown;
}

/** Selects `text` in the editor, as a user does with the mouse. */
async function select(page: Page, text: string): Promise<void> {
  await page.locator('.document-page').focus();
  await selectText(page, text);
}

/** Puts the cursor at the end of the text `text` (in an item or a paragraph). */
async function cursorAfter(page: Page, text: string): Promise<void> {
  await select(page, text);
  await page.keyboard.press('ArrowRight');
  await settle(page);
}

test('a voorsteller proposes under the invited name and stays connected; a lezer only reads', async ({
  page,
  browser,
}) => {
  // The host writes a resolution with a Toelichting of a few paragraphs.
  await openEditor(page);
  await setName(page, 'Redacteur A');
  await page.locator('.title-text').click();
  await page.keyboard.type('Resolutie jeugdzorg');
  await page.locator('li.item').first().click();
  await page.keyboard.type('De kosten van de jeugdzorg stijgen snel dit jaar;');
  await page.locator('.explanation-body p').first().click();
  for (const [i, line] of [
    'Eerste alinea.',
    'Tweede alinea.',
    'Derde alinea.',
    'Vierde alinea.',
    'Vijfde alinea.',
  ].entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }

  // The third paragraph is a list.
  await cursorAfter(page, 'Derde alinea.');
  await runToolbarCommand(page, 'Opsomming');
  await expect(page.locator('.explanation-body ul li')).toHaveText('Derde alinea.');

  // "Sessie starten", then an invitation for a voorsteller: the name is required.
  await runSessionCommand(page, 'Sessie starten');
  const invite = page.getByRole('dialog', { name: 'Uitnodigen voor de sessie' });
  await expect(invite).toBeVisible();
  await invite.getByRole('radio', { name: /Voorsteller/ }).check();
  await invite.getByRole('button', { name: 'Uitnodiging maken' }).click();
  await expect(invite.getByText('Vul de naam van de voorsteller in')).toBeVisible();
  await expect(invite.locator('#invitation-text')).toHaveCount(0);
  await expect(invite.getByText('kan de uitgenodigde niet wijzigen')).toBeVisible();
  const proposerInvitation = await makeInvitation(page, 'Voorsteller', { name: 'Voorsteller B' });
  expect(proposerInvitation).toMatch(/rol=voorsteller&naam=Voorsteller\+B&/);
  await expect(invite.getByText('Uitnodiging voor Voorsteller B als voorsteller')).toBeVisible();
  await screenshot(page, 'roles-invite-dialog');
  // A lezer who may comment: the name is required for that too.
  await invite.getByRole('radio', { name: /Lezer/ }).check();
  await expect(invite.locator('#invitation-text')).toHaveCount(0);
  const readerInvitation = await makeInvitation(page, 'Lezer', {
    name: 'Lezer C',
    mayComment: true,
  });
  expect(readerInvitation).toMatch(/rol=lezer&naam=Lezer\+C&opmerkingen=ja&/);
  await invite.getByRole('button', { name: 'Sluiten' }).click();

  // The voorsteller joins under the invited name, whatever their preferences say.
  const proposer = await (await browser.newContext()).newPage();
  await proposer.setViewportSize({ width: 1280, height: 800 });
  await joinAs(
    proposer,
    proposerInvitation,
    /U neemt deel als voorsteller, onder de naam Voorsteller B/,
  );
  await expect(
    proposer.getByRole('status').filter({ hasText: 'Live · voorsteller' }),
  ).toBeVisible();
  await expect
    .poll(() => textWithoutCursors(proposer.locator('.title-text')))
    .toBe('Resolutie jeugdzorg');
  await expect(page.locator('.presence-name').filter({ hasText: 'Voorsteller B' })).toBeVisible();

  // "Wijzigingen bijhouden" is on for good, and says why.
  const track = toolbar(proposer).getByRole('button', { name: 'Wijzigingen bijhouden' });
  await expect(track).toHaveAttribute('aria-pressed', 'true');
  await expect(track).toBeDisabled();
  await expect(track).toHaveAttribute(
    'title',
    /als voorsteller wordt alles wat u wijzigt een voorstel/,
  );
  await expect(toolbar(proposer).getByText('Alleen voorstellen', { exact: true })).toHaveAttribute(
    'title',
    PROPOSER_REASON,
  );
  await proposer.locator('li.item').first().click();
  await proposer.keyboard.press('Control+Shift+e');
  await expect(track).toHaveAttribute('aria-pressed', 'true');

  // Typing arrives at the host as a proposal under the invited name.
  await cursorAfter(proposer, 'dit jaar;');
  await proposer.keyboard.type(' Wij vragen steun.');
  await expectInStep(page, proposer, 'typing');
  await expect(changes(page).locator('.change-author').first()).toHaveText('Voorsteller B');
  await expect(changes(proposer).getByText('Uw voorstellen staan op naam van')).toContainText(
    'Voorsteller B',
  );

  // What cannot be a proposal is off, with the reason: in an item and in the Toelichting.
  const offIn: [string, string[]][] = [
    [
      'Wij vragen steun.',
      ['Subpunt maken', 'Subpunt opheffen', 'Subpunten met letters', 'Subpunten als opsomming'],
    ],
    [
      'Eerste alinea.',
      ['Kop', 'Subkop', 'Opsomming', 'Genummerde lijst', 'Citaat', 'Voetnoot invoegen'],
    ],
  ];
  for (const [text, labels] of offIn) {
    await cursorAfter(proposer, text);
    for (const label of labels) {
      const shown = await readCommand(proposer, label);
      expect(shown.enabled, label).toBe(false);
      expect(shown.title, label).toMatch(/kan niet als voorstel/);
    }
  }
  // Their keys do nothing either: the change would not be a proposal.
  await cursorAfter(proposer, 'Wij vragen steun.');
  await proposer.keyboard.press('Tab');
  await expectInStep(page, proposer, 'Tab');
  // Enter in the host's list would add a list item, which the server does not take from a
  // voorsteller: the editor says so and sends nothing.
  await cursorAfter(proposer, 'Derde alinea.');
  await proposer.keyboard.press('Enter');
  await expect(
    proposer.getByRole('alert').filter({ hasText: 'Dit kan niet als voorstel' }),
  ).toBeVisible();
  await proposer.getByRole('button', { name: 'Melding sluiten' }).click();
  await expectInStep(page, proposer, 'Enter in a list');
  // Typing in it is a proposal.
  await proposer.keyboard.type(' Met steun.');
  await expectInStep(page, proposer, 'typing in a list');
  // A line break (Shift+Enter) is not taken either.
  await cursorAfter(proposer, 'Wij vragen steun.');
  await proposer.keyboard.press('Shift+Enter');
  await expect(
    proposer.getByRole('alert').filter({ hasText: 'Dit kan niet als voorstel' }),
  ).toBeVisible();
  await proposer.getByRole('button', { name: 'Melding sluiten' }).click();
  await expectInStep(page, proposer, 'Shift+Enter');

  // Every command that is on makes a proposal the server takes: the voorsteller stays live.
  proposer.on(
    'dialog',
    (dialog) =>
      void dialog.accept(dialog.message().startsWith('Adres') ? 'https://example.org/' : 'Bron'),
  );
  const inItem: [string, () => Promise<void>][] = [
    ['Vet', () => select(proposer, 'kosten')],
    ['Cursief', () => select(proposer, 'jeugdzorg stijgen')],
    ['Onderstrepen', () => select(proposer, 'snel')],
    ['Link', () => select(proposer, 'dit jaar')],
    ['Punt toevoegen', () => cursorAfter(proposer, 'steun.')],
    ['Blok overwegingen toevoegen', () => cursorAfter(proposer, 'steun.')],
    ['Blok dictum toevoegen', () => cursorAfter(proposer, 'steun.')],
    ['Ongedaan maken', async () => undefined],
    ['Opnieuw', async () => undefined],
    ['Vet', () => select(proposer, 'Tweede')],
    ['Cursief', () => select(proposer, 'Derde')],
    ['Link', () => select(proposer, 'Vierde')],
  ];
  const used: string[] = [];
  // Every command of the toolbar is either here or off for a voorsteller (checked above).
  for (const [label, place] of inItem) {
    await place();
    if (!(await readCommand(proposer, label)).enabled) continue;
    await runToolbarCommand(proposer, label);
    used.push(label);
    await expectInStep(page, proposer, label);
    await expect(
      proposer.getByRole('status').filter({ hasText: 'Live · voorsteller' }),
    ).toBeVisible();
  }
  expect(used).toEqual([
    'Vet',
    'Cursief',
    'Onderstrepen',
    'Link',
    'Punt toevoegen',
    'Blok overwegingen toevoegen',
    'Blok dictum toevoegen',
    'Ongedaan maken',
    'Opnieuw',
    'Vet',
    'Cursief',
    'Link',
  ]);
  // Still connected: what is typed now arrives too.
  await cursorAfter(proposer, 'Wij vragen steun.');
  await proposer.keyboard.type(' Tot slot.');
  await expectInStep(page, proposer, 'typing at the end');
  await expect(page.locator('.document-page')).toContainText('Tot slot.');
  const authors = await changes(page).locator('.change-author').allInnerTexts();
  expect(new Set(authors)).toEqual(new Set(['Voorsteller B']));

  // Decisions, Gegevens and versions are a redacteur's.
  for (const name of ['Alles accepteren', 'Alles weigeren']) {
    await expect(changes(proposer).getByRole('button', { name })).toBeDisabled();
  }
  await expect(details(proposer).getByText(PROPOSER_REASON)).toBeVisible();
  await expect(details(proposer).getByLabel('Titel', { exact: true })).not.toBeEditable();
  await expect(details(proposer).getByRole('combobox', { name: 'Status' })).toBeDisabled();
  await expect(proposer.locator('.document-page .heading-select').first()).toBeDisabled();
  await expect(proposer.locator('.document-page .heading-select').first()).toHaveAttribute(
    'title',
    PROPOSER_REASON,
  );
  // A voorsteller comments, as a redacteur does.
  await select(proposer, 'Eerste alinea.');
  await expect(
    toolbar(proposer).getByRole('button', { name: 'Opmerking', exact: true }),
  ).toBeEnabled();
  await proposer.locator('li.item').first().click();
  await screenshot(proposer, 'roles-voorsteller');
  await toolbar(proposer).getByRole('button', { name: 'Versies…' }).click();
  const versions = proposer.getByRole('dialog', { name: 'Versies' });
  await expect(versions.getByRole('button', { name: 'Vastleggen' })).toBeDisabled();
  await versions.getByRole('button', { name: 'Sluiten' }).click();

  // The lezer who may comment joins under the invited name and cannot type.
  const reader = await (await browser.newContext()).newPage();
  await joinAs(reader, readerInvitation, /U neemt deel als lezer, onder de naam Lezer C/);
  await expect(reader.getByRole('status').filter({ hasText: 'Live · alleen lezen' })).toBeVisible();
  await expectInStep(page, reader, 'joining');
  const before = JSON.stringify(await readDocument(reader));
  await reader.locator('li.item').first().click();
  await reader.keyboard.type('x');
  await reader.keyboard.press('Enter');
  expect(JSON.stringify(await readDocument(reader))).toBe(before);
  await expect(page.locator('.presence-name').filter({ hasText: 'Lezer C' })).toBeVisible();
  // Invited to comment: on selected text, "Opmerking" is theirs (comments.spec writes them).
  await select(reader, 'Eerste alinea.');
  await expect(
    toolbar(reader).getByRole('button', { name: 'Opmerking', exact: true }),
  ).toBeEnabled();
  // The voorsteller is still there, live, after everything.
  await expect(
    proposer.getByRole('status').filter({ hasText: 'Live · voorsteller' }),
  ).toBeVisible();
  await reader.context().close();
  await proposer.context().close();
});
