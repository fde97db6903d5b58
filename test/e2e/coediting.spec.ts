/**
 * Two users in Chromium, each in a browser context of their own, co-edit one resolution: one
 * starts a session, the other joins with the invitation; both type and see each other's text,
 * cursors and names; the second loses the connection (the test cuts it), both keep typing, the
 * connection returns, and both show the same text. A reader's invitation gives a document
 * that cannot be changed.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { formatInvitation, parseInvitation } from '../../shared/session/invitation.ts';
import { openEditor, readRecitals, screenshot, settle, textWithoutCursors } from './editorPage.ts';
import { atPort, join, runSessionCommand, setName, startSession } from './support/session.ts';
import { startTcpProxy } from './support/tcpProxy.ts';
import type { TcpProxy } from './support/tcpProxy.ts';

// Two windows, a session and a reconnection: more than the default half minute on a busy machine.
test.setTimeout(120_000);

/** The invitation with its server address pointed at `proxy`. */
function throughProxy(invitation: string, proxy: TcpProxy): string {
  return atPort(invitation, proxy.port);
}

const itemTexts = readRecitals;

function titleText(page: Page): Promise<string> {
  return textWithoutCursors(page.locator('.title-text'));
}

test('two users co-edit live, see each other, and merge after one was offline', async ({
  page,
  browser,
}) => {
  const editor = await openEditor(page);
  await setName(page, 'Auteur van Wijchen');
  await page.locator('.title-text').click();
  await page.keyboard.type('Jeugdzorg in de regio');
  await page.locator('li.item').first().click();
  await settle(page);
  await page.keyboard.type('De kosten stijgen;');

  const invitation = await startSession(page, 'Redacteur');
  expect(invitation).toMatch(/^resolutie:\/\/sessie\//);
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();

  const sessionUrl = new URL(parseInvitation(invitation).serverUrl);
  const proxy = await startTcpProxy(Number(sessionUrl.port));
  try {
    const bewerker = await join(browser, throughProxy(invitation, proxy), 'Bewerker Joure');
    // Bewerker sees Auteur's document and both are in the presence list.
    await expect.poll(() => titleText(bewerker)).toBe('Jeugdzorg in de regio');
    expect(await itemTexts(bewerker)).toEqual(['De kosten stijgen;']);
    for (const window of [page, bewerker]) {
      const presence = window.getByRole('region', { name: 'Aanwezig in het document' });
      await expect(presence).toContainText('Auteur van Wijchen');
      await expect(presence).toContainText('Bewerker Joure');
    }

    // Both type; each sees the other's text and cursor with the name.
    await bewerker.locator('li.item').first().click();
    await settle(bewerker);
    await bewerker.keyboard.press('End');
    await bewerker.keyboard.press('Enter');
    await bewerker.keyboard.type('Gemeenten de tekorten dekken;');
    await expect
      .poll(() => itemTexts(page))
      .toEqual(['De kosten stijgen;', 'Gemeenten de tekorten dekken;']);
    await expect(page.locator('.ProseMirror-yjs-cursor')).toContainText('Bewerker Joure');
    await editor.focus();
    await page.locator('li.item').first().click();
    await settle(page);
    await page.keyboard.press('End');
    await page.keyboard.type(' zeer');
    await expect
      .poll(() => itemTexts(bewerker))
      .toEqual(['De kosten stijgen; zeer', 'Gemeenten de tekorten dekken;']);
    await expect(bewerker.locator('.ProseMirror-yjs-cursor')).toContainText('Auteur van Wijchen');
    await settle(page);
    await screenshot(page, 'coediting-auteur');
    await screenshot(bewerker, 'coediting-bewerker');

    // Bewerker's connection goes; both keep typing.
    proxy.cut();
    await expect(
      bewerker.getByRole('status').filter({ hasText: 'Offline, wijzigingen worden bewaard' }),
    ).toBeVisible();
    await bewerker.locator('li.item').nth(1).click();
    await settle(bewerker);
    await bewerker.keyboard.press('End');
    await bewerker.keyboard.type(' (offline)');
    await page.locator('li.item').first().click();
    await settle(page);
    await page.keyboard.press('Home');
    await page.keyboard.type('Nu: ');
    await screenshot(bewerker, 'coediting-offline');
    expect(await itemTexts(page)).toEqual([
      'Nu: De kosten stijgen; zeer',
      'Gemeenten de tekorten dekken;',
    ]);

    // The connection returns: both show the same text, with both offline edits.
    proxy.restore();
    const merged = ['Nu: De kosten stijgen; zeer', 'Gemeenten de tekorten dekken; (offline)'];
    await expect(bewerker.getByRole('status').filter({ hasText: /^Live$/ })).toBeVisible({
      timeout: 60_000,
    });
    await expect.poll(() => itemTexts(page), { timeout: 30_000 }).toEqual(merged);
    await expect.poll(() => itemTexts(bewerker), { timeout: 30_000 }).toEqual(merged);

    // Undo takes back only one's own typing: Bewerker's "(offline)" goes (with more of his own
    // typing if Yjs grouped it), Auteur's "Nu: " and "zeer" stay.
    await bewerker.locator('li.item').nth(1).click();
    await settle(bewerker);
    await bewerker.keyboard.press('Control+z');
    await expect
      .poll(async () => (await itemTexts(page))[1], { timeout: 30_000 })
      .not.toContain('(offline)');
    expect((await itemTexts(page))[0]).toBe('Nu: De kosten stijgen; zeer');
    expect(await itemTexts(bewerker)).toEqual(await itemTexts(page));

    // Leaving keeps a local copy, unsaved.
    await bewerker.getByRole('button', { name: 'Sessie verlaten' }).click();
    await expect(bewerker.getByRole('button', { name: 'Deelnemen…' })).toBeVisible();
    await expect.poll(() => titleText(bewerker)).toBe('Jeugdzorg in de regio');
    await bewerker.context().close();
  } finally {
    await proxy.close();
  }
});

test('a reader sees the document live and cannot change it', async ({ page, browser }) => {
  await openEditor(page);
  await setName(page, 'Collega Sneek');
  await page.locator('.title-text').click();
  await page.keyboard.type('Resolutie gemeentefonds');
  const invitation = await startSession(page, 'Lezer');
  const reader = await join(browser, invitation, 'Lezer Leiden');
  await expect(reader.getByRole('status').filter({ hasText: 'Live · alleen lezen' })).toBeVisible();
  await expect.poll(() => titleText(reader)).toBe('Resolutie gemeentefonds');
  await expect(reader.getByRole('textbox', { name: 'Tekst van het stuk' })).toHaveAttribute(
    'contenteditable',
    'false',
  );
  // The host goes on typing; the reader follows.
  await page.locator('.title-text').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' 2025');
  await expect.poll(() => titleText(reader)).toBe('Resolutie gemeentefonds 2025');
  // The host ends the session: the reader is told so plainly, not left "offline".
  await runSessionCommand(page, 'Sessie stoppen');
  await expect(reader.getByRole('region', { name: 'Sessie' })).toContainText(
    'De host heeft de sessie beëindigd.',
    { timeout: 30_000 },
  );
  // The reader keeps the document as it was.
  await expect.poll(() => titleText(reader)).toBe('Resolutie gemeentefonds 2025');
  await reader.context().close();
});

test('a forged secret is refused with a clear message; a changed role grants nothing', async ({
  page,
  browser,
}) => {
  await openEditor(page);
  await setName(page, 'Collega Sneek');
  await page.locator('.title-text').click();
  await page.keyboard.type('Opschalingskorting');
  const readerInvitation = await startSession(page, 'Lezer');
  const parsed = parseInvitation(readerInvitation);

  const context = await browser.newContext();
  const other = await context.newPage();
  await openEditor(other);
  const tryJoin = async (invitation: string) => {
    await other.getByRole('button', { name: 'Deelnemen…' }).click();
    const dialog = other.getByRole('dialog', { name: 'Deelnemen aan sessie' });
    await dialog.getByLabel('Uitnodiging').fill(invitation);
    await dialog.getByRole('button', { name: 'Deelnemen' }).click();
    return dialog;
  };

  // The secret changed by a few characters: the server says it is not valid, in Dutch.
  const forged = formatInvitation({ ...parsed, token: `${parsed.token.slice(0, -6)}AAAAAA` });
  const refused = await tryJoin(forged);
  await expect(refused.getByRole('alert')).toHaveText(
    'De sleutel van de uitnodiging is ongeldig; vraag de uitnodiger om een nieuwe.',
  );
  await refused.getByRole('button', { name: 'Annuleren' }).click();
  await expect.poll(() => titleText(other)).toBe('');

  // The reader's invitation with "redacteur" written in: still a reader.
  const promoted = readerInvitation.replace('rol=lezer', 'rol=redacteur');
  const dialog = await tryJoin(promoted);
  await expect(dialog).toBeHidden();
  await expect(other.getByRole('status').filter({ hasText: 'Live · alleen lezen' })).toBeVisible();
  await expect(other.getByRole('textbox', { name: 'Tekst van het stuk' })).toHaveAttribute(
    'contenteditable',
    'false',
  );
  await context.close();
});
