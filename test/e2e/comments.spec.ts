/**
 * Comments in Chromium, as a user makes them: select text and press Ctrl+Alt+M (the name is
 * asked the first time), write in the panel and place it; reply, edit and delete one's own,
 * resolve and reopen; a comment on a proposal says whose it is; a thread whose text is deleted
 * stays as "tekst verwijderd" with its quote; a comment makes the document unsaved, and after
 * saving and opening it again the threads are all there. Also from the keyboard alone, and
 * with the toolbar's "Opmerking"; and a lezer invited to comment selects text in the read-only
 * editor, comments and resolves their own thread, not another's. Screenshots at 1280×800 go to
 * test/artifacts/comments-*.png.
 *
 * The profile is shared with the specs that ran before: the name question comes only while
 * its name is still the account's default, and the comments carry whatever name it has.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import {
  openEditor,
  runFileCommand,
  screenshot,
  selectText,
  settle,
  turnOnTracking,
} from './editorPage.ts';
import { join, startSession } from './support/session.ts';

test.setTimeout(120_000);
test.use({ viewport: { width: 1280, height: 800 } });

const unique = (stem: string) => `${stem}-${Date.now().toString(36)}`;

const panel = (page: Page) => page.getByRole('region', { name: 'Opmerkingen' });
const openThreads = (page: Page) =>
  panel(page).getByRole('list', { name: 'Open opmerkingen' }).locator('article');
const thread = (page: Page, quote: string) =>
  panel(page).getByRole('article', { name: `Opmerking over “${quote}”` });

/** Types the three items the spec comments on. */
async function writeMotion(page: Page): Promise<void> {
  const first = page.locator('li.item').first();
  await first.click();
  await page.keyboard.type('De woningnood in de regio is groot;');
  await page.keyboard.press('Enter');
  await page.keyboard.type('gemeenten willen sneller bouwen;');
  const operative = page.locator('section.clause-block').nth(1).locator('li.item').first();
  await operative.click();
  await page.keyboard.type('het Rijk te vragen om structurele middelen.');
}

/** Writes a comment in the open composer and places it with Ctrl+Enter. */
async function place(page: Page, text: string): Promise<void> {
  const field = panel(page).getByRole('textbox', { name: 'Nieuwe opmerking' });
  await expect(field).toBeFocused();
  await field.fill(text);
  await field.press('Control+Enter');
  await expect(field).toBeHidden();
}

/**
 * Ctrl+Alt+M on the selected text; the first time in a profile, while its name is the
 * account's default, the app asks for the name comments carry, answered with `name`.
 */
async function startComment(page: Page, name = 'Redacteur'): Promise<void> {
  await page.keyboard.press('Control+Alt+m');
  const askName = page.getByRole('dialog', { name: 'Uw naam' });
  const field = panel(page).getByRole('textbox', { name: 'Nieuwe opmerking' });
  await expect(field.or(askName)).toBeVisible();
  if (await askName.isVisible()) {
    await expect(askName).toContainText('Uw opmerkingen staan onder uw naam.');
    await askName.getByLabel('Uw naam').fill(name);
    await askName.getByRole('button', { name: 'Doorgaan' }).click();
  }
  await expect(field).toBeFocused();
}

/** axe-core on the comments panel: no serious or critical violation, contrast included. */
async function expectAccessiblePanel(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include('section.comments').analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help}`);
  expect(serious, `axe-core in ${what}`).toEqual([]);
}

/**
 * What sticks out of the window or the comments panel at a narrow width: the page's sideways
 * scroll, and each control of the panel outside it or cutting its own text.
 */
async function findOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth > width) problems.push('the page scrolls sideways');
    const region = document.querySelector('section.comments')!.getBoundingClientRect();
    for (const control of document.querySelectorAll<HTMLElement>(
      'section.comments :is(button, textarea)',
    )) {
      const box = control.getBoundingClientRect();
      const name = (control.textContent ?? control.getAttribute('aria-label') ?? '').trim();
      if (box.left < region.left - 0.5 || box.right > region.right + 0.5) {
        problems.push(`"${name}" lies outside the panel`);
      }
      if (control.scrollWidth > control.clientWidth + 1) problems.push(`"${name}" is cut off`);
    }
    return problems;
  });
}

async function expectHighlighted(page: Page, texts: string[]): Promise<void> {
  await expect(page.locator('.document-page .comment-anchor')).toHaveText(texts);
}

function comments(card: Locator): Locator {
  return card.locator('li.comment');
}

test('a thread made, answered, edited, deleted, resolved and reopened', async ({ page }) => {
  await openEditor(page);
  await writeMotion(page);

  // Without text selected, the panel says what to do.
  await page.keyboard.press('Control+Alt+m');
  await expect(panel(page).getByRole('status')).toHaveText(
    'Selecteer eerst de tekst waarover u een opmerking wilt maken.',
  );

  // Ctrl+Alt+M on selected text: the name is asked first, then the composer has the focus.
  await selectText(page, 'woningnood');
  await startComment(page);
  await expect(panel(page).locator('.comment-draft-box')).toContainText('“woningnood”');
  await expect(page.locator('.document-page .comment-draft')).toHaveText('woningnood');
  // Plain text: lines stay, an address and markup show as typed, nothing becomes a link.
  await place(
    page,
    'Welk cijfer bedoelen we hier?\nZie https://example.org/cijfers <b>en</b> de bijlage.',
  );
  await expect(openThreads(page)).toHaveCount(1);
  const first = thread(page, 'woningnood');
  const text = first.locator('.comment-text').first();
  await expect(text).toHaveText(
    'Welk cijfer bedoelen we hier?\nZie https://example.org/cijfers <b>en</b> de bijlage.',
    { useInnerText: true },
  );
  await expect(first.locator('a, b')).toHaveCount(0);
  // Signed with the user's name (the one just given, or given before in this profile).
  const author = (await comments(first).first().locator('.comment-author').textContent()) ?? '';
  expect(author).not.toBe('');
  expect(author).not.toBe('Gebruiker');
  await expect(comments(first).first()).toContainText('zojuist');
  await expectHighlighted(page, ['woningnood']);
  // Placed: the focus is back in the text, which is the thread under the cursor.
  await expect(page.getByRole('textbox', { name: 'Tekst van het stuk' })).toBeFocused();
  await expect(first).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('.comment-anchor-active')).toHaveText('woningnood');

  // The toolbar's "Opmerking" does the same; Escape cancels without a trace.
  await selectText(page, 'sneller bouwen');
  await page.getByRole('button', { name: 'Opmerking', exact: true }).click();
  await page.keyboard.type('Wordt niet geplaatst');
  await page.keyboard.press('Escape');
  await expect(panel(page).getByRole('textbox', { name: 'Nieuwe opmerking' })).toBeHidden();
  await expect(openThreads(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Opmerking', exact: true }).click();
  await screenshot(page, 'comments-composer');
  await expectAccessiblePanel(page, 'the composer of a new comment');
  await place(page, 'Sneller dan wat?');
  await expect(openThreads(page)).toHaveCount(2);
  await expect(openThreads(page).locator('.comment-quote')).toHaveText([
    '“woningnood”',
    '“sneller bouwen”',
  ]);
  // The cursor in the first thread's text makes it the current one.
  await page.locator('.document-page .comment-anchor').first().click();
  await expect(first).toHaveAttribute('aria-current', 'true');
  await expect(thread(page, 'sneller bouwen')).not.toHaveAttribute('aria-current', 'true');

  // A reply.
  await first.getByRole('button', { name: /^Beantwoorden/ }).click();
  const reply = first.getByRole('textbox', { name: 'Antwoord' });
  await expect(reply).toBeFocused();
  await reply.fill('Het cijfer van het CBS.');
  await first.getByRole('button', { name: 'Antwoorden' }).click();
  await expect(comments(first)).toHaveCount(2);
  await expect(comments(first).nth(1)).toContainText('Het cijfer van het CBS.');
  await expect(first.getByRole('button', { name: /^Beantwoorden/ })).toBeFocused();

  // Edit one's own comment: "(bewerkt)".
  await comments(first)
    .first()
    .getByRole('button', { name: /^Bewerken/ })
    .click();
  const edit = first.getByRole('textbox', { name: 'Opmerking bewerken' });
  await expect(edit).toHaveValue(/^Welk cijfer bedoelen we hier\?/);
  await edit.fill('Welk cijfer bedoelen we?');
  await first.getByRole('button', { name: 'Opslaan' }).click();
  await expect(comments(first).first().locator('.comment-text')).toHaveText(
    'Welk cijfer bedoelen we? (bewerkt)',
  );
  await screenshot(page, 'comments-thread');
  await expectAccessiblePanel(page, 'a thread with a reply');

  // Delete one's own reply, after a question: a marker stays.
  await comments(first)
    .nth(1)
    .getByRole('button', { name: /^Verwijderen/ })
    .click();
  await first
    .getByRole('group', { name: 'Verwijderen bevestigen' })
    .getByRole('button', {
      name: 'Verwijderen',
    })
    .click();
  await expect(comments(first).nth(1)).toContainText('Opmerking verwijderd');
  await expect(comments(first).nth(1)).not.toContainText('CBS');

  // Resolve: folded under "Opgelost (1)", no highlight; reopen: back in its place.
  await first.getByRole('button', { name: /^Oplossen/ }).click();
  await expect(openThreads(page)).toHaveCount(1);
  const resolvedToggle = panel(page).getByRole('button', { name: 'Opgelost (1)' });
  await expect(resolvedToggle).toHaveAttribute('aria-expanded', 'false');
  // The card left its place: the focus is on what took it.
  await expect(resolvedToggle).toBeFocused();
  await expectHighlighted(page, ['sneller bouwen']);
  await resolvedToggle.click();
  await expect(first).toContainText(`Opgelost door ${author}`);
  await screenshot(page, 'comments-resolved');
  await first.getByRole('button', { name: /^Heropenen/ }).click();
  await expect(openThreads(page)).toHaveCount(2);
  await expect(panel(page).getByRole('button', { name: /^Opgelost/ })).toHaveCount(0);
  await expectHighlighted(page, ['woningnood', 'sneller bouwen']);

  // A click on a thread goes to its text.
  await thread(page, 'sneller bouwen')
    .getByRole('button', { name: /^Naar de tekst/ })
    .click();
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('sneller bouwen');
  await expect(thread(page, 'sneller bouwen')).toHaveAttribute('aria-current', 'true');
});

test('a comment on a proposal, deleted text, and the threads kept in the file', async ({
  page,
}) => {
  await openEditor(page);
  await writeMotion(page);
  const name = unique('opmerkingen');
  await runFileCommand(page, 'Opslaan');
  const saveAs = page.getByRole('dialog', { name: 'Opslaan als' });
  await saveAs.getByRole('textbox').fill(name);
  await saveAs.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.locator('.doc-state')).toContainText('Opgeslagen om');

  // A comment alone makes the document unsaved.
  await page.locator('li.item').first().click();
  await selectText(page, 'structurele middelen');
  await startComment(page);
  await place(page, 'Hoeveel?');
  await expect(page.locator('.doc-state')).toHaveText('Niet-opgeslagen wijzigingen');
  const author = await thread(page, 'structurele middelen')
    .locator('.comment-author')
    .textContent();

  // A proposal, and a comment on it: "Over het voorstel van Redacteur".
  await turnOnTracking(page);
  await page.locator('li.item').nth(1).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' en betaalbaar');
  await selectText(page, 'en betaalbaar');
  await startComment(page);
  await place(page, 'Betaalbaar voor wie?');
  const onProposal = thread(page, 'en betaalbaar');
  await expect(onProposal.locator('.comment-proposal')).toHaveText(
    `Over het voorstel van ${author}`,
  );
  await screenshot(page, 'comments-proposal');
  await page.getByRole('button', { name: 'Wijzigingen bijhouden' }).click();
  await expect(page.getByRole('button', { name: 'Wijzigingen bijhouden' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );

  // The commented text deleted: the thread stays, under "Tekst verwijderd", with its quote.
  await selectText(page, 'woningnood');
  await startComment(page);
  await place(page, 'Of woningtekort?');
  await selectText(page, 'woningnood');
  await page.keyboard.press('Backspace');
  await expect(page.locator('li.item').first()).not.toContainText('woningnood');
  const gone = panel(page).getByRole('list', { name: 'Opmerkingen bij verwijderde tekst' });
  await expect(gone.locator('article')).toHaveCount(1);
  await expect(gone).toContainText('tekst verwijderd');
  await expect(gone).toContainText('“woningnood”');
  await expect(gone).toContainText('Of woningtekort?');
  await expect(panel(page).getByRole('heading', { name: 'Tekst verwijderd (1)' })).toBeVisible();
  await expectHighlighted(page, ['en betaalbaar', 'structurele middelen']);
  await gone.scrollIntoViewIfNeeded();
  await screenshot(page, 'comments-deleted-text');
  await expectAccessiblePanel(page, 'threads on a proposal and on deleted text');

  // A narrow window (a laptop at 200 %: the columns stack): the panel fits, and a comment is
  // written there as well.
  for (const width of [900, 640]) {
    await page.setViewportSize({ width, height: 800 });
    await settle(page);
    expect(await findOverflow(page), `${width} px`).toEqual([]);
  }
  await selectText(page, 'gemeenten');
  await startComment(page);
  expect(await findOverflow(page), 'writing at 640 px').toEqual([]);
  await screenshot(page, 'comments-narrow');
  await panel(page).getByRole('button', { name: 'Annuleren' }).click();
  await page.setViewportSize({ width: 1280, height: 800 });

  // Resolved, then saved, closed and opened again: every thread is as it was.
  await thread(page, 'structurele middelen')
    .getByRole('button', { name: /^Oplossen/ })
    .click();
  await page.keyboard.press('Control+s');
  await expect(page.locator('.doc-state')).toContainText('Opgeslagen om');
  await runFileCommand(page, 'Sluiten');
  await expect(page.locator('.title-text')).toHaveText('');
  await expect(panel(page)).toContainText('Nog geen opmerkingen.');
  await page.keyboard.press('Control+o');
  const open = page.getByRole('dialog', { name: 'Document openen' });
  await open
    .getByRole('region', { name: 'Recente documenten' })
    .getByRole('button')
    .first()
    .click();
  await expect(open).toBeHidden();
  await expect(openThreads(page)).toHaveCount(1);
  await expect(thread(page, 'en betaalbaar').locator('.comment-proposal')).toHaveText(
    `Over het voorstel van ${author}`,
  );
  await expect(gone.locator('article')).toHaveCount(1);
  await panel(page).getByRole('button', { name: 'Opgelost (1)' }).click();
  await expect(thread(page, 'structurele middelen')).toContainText('Hoeveel?');
  await expectHighlighted(page, ['en betaalbaar']);
  await expect(page.locator('.doc-state')).toContainText('Opgeslagen');
  await screenshot(page, 'comments-reopened');
});

test('from the keyboard alone: select, comment, place, and back in the text', async ({ page }) => {
  await openEditor(page);
  await page.locator('li.item').first().click();
  await page.keyboard.type('De kosten van de jeugdzorg stijgen;');
  for (let i = 0; i < 'stijgen;'.length; i += 1) await page.keyboard.press('Shift+ArrowLeft');
  await settle(page);
  await page.keyboard.press('Control+Alt+m');
  const askName = page.getByRole('dialog', { name: 'Uw naam' });
  const field = panel(page).getByRole('textbox', { name: 'Nieuwe opmerking' });
  await expect(field.or(askName)).toBeVisible();
  if (await askName.isVisible()) {
    await expect(askName.getByLabel('Uw naam')).toBeFocused();
    await page.keyboard.type('Redacteur');
    await page.keyboard.press('Enter');
  }
  await expect(field).toBeFocused();
  await page.keyboard.type('Met hoeveel?');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('textbox', { name: 'Tekst van het stuk' })).toBeFocused();
  await expectHighlighted(page, ['stijgen;']);
  // Tab reaches the thread's controls in the panel; Enter on its quote goes back to the text.
  const toText = thread(page, 'stijgen;').getByRole('button', { name: /^Naar de tekst/ });
  await toText.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Tekst van het stuk' })).toBeFocused();
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('stijgen;');
});

test('a lezer invited to comment selects text in the read-only editor and comments', async ({
  page,
  browser,
}) => {
  await openEditor(page);
  await page.locator('li.item').first().click();
  await page.keyboard.type('De woningnood in de regio is groot;');
  await selectText(page, 'regio');
  await startComment(page);
  await place(page, 'Welke regio?');
  const invitation = await startSession(page, 'Lezer', 'Redacteur', {
    name: 'Lezer Een',
    mayComment: true,
  });
  const reader = await join(browser, invitation, null);
  await reader.setViewportSize({ width: 1280, height: 800 });
  await expect(reader.getByRole('status', { name: 'Live · alleen lezen' })).toBeVisible();
  await expect(reader.getByRole('textbox', { name: 'Tekst van het stuk' })).toHaveAttribute(
    'contenteditable',
    'false',
  );
  // The host's thread: the lezer may answer it, not resolve it (the server would refuse).
  const hostThread = thread(reader, 'regio');
  await expect(hostThread).toBeVisible();
  await expect(hostThread.getByRole('button', { name: /^Beantwoorden/ })).toBeVisible();
  await expect(hostThread.getByRole('button', { name: /^Oplossen/ })).toHaveCount(0);

  // A selection with the mouse in the read-only text (a double-click on a word), then the key.
  const word = await reader.evaluate(() => {
    const root = document.querySelector('.document-page')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf('woningnood');
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 'woningnood'.length);
      const { x, y, width, height } = range.getBoundingClientRect();
      return { x: x + width / 2, y: y + height / 2 };
    }
    throw new Error('woningnood not shown');
  });
  await reader.mouse.dblclick(word.x, word.y);
  expect(await reader.evaluate(() => window.getSelection()?.toString())).toBe('woningnood');
  await reader.keyboard.press('Control+Alt+m');
  const field = panel(reader).getByRole('textbox', { name: 'Nieuwe opmerking' });
  await expect(field).toBeFocused();
  await field.fill('Klopt dit cijfer?');
  await field.press('Control+Enter');
  const own = thread(reader, 'woningnood');
  await expect(own.locator('.comment-author')).toHaveText('Lezer Een');
  await screenshot(reader, 'comments-lezer');

  // The host sees it under the lezer's name; the lezer resolves their own thread.
  await expect(thread(page, 'woningnood')).toContainText('Klopt dit cijfer?');
  await expect(thread(page, 'woningnood').locator('.comment-author')).toHaveText('Lezer Een');
  await own.getByRole('button', { name: /^Oplossen/ }).click();
  await expect(page.getByRole('button', { name: 'Opgelost (1)' })).toBeVisible();
  await expect(reader.getByRole('status', { name: 'Live · alleen lezen' })).toBeVisible();
  await reader.context().close();
});
