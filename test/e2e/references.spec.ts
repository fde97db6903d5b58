/**
 * Cross-references in Chromium: inserted from "Verwijzing invoegen" and by typing "punt 3",
 * they read their target's current label, follow a renumbering (also a colleague's in a
 * session), read "[verwijzing vervallen]" when the target is deleted and mend on undo, and
 * Ctrl+click goes to the target. Screenshots at 1280×800 go to test/artifacts/references-*.png;
 * references-picker.png is the README's.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { openEditor, pasteText, screenshot, selectText, settle } from './editorPage.ts';
import { join, setName, startSession } from './support/session.ts';

test.use({ viewport: { width: 1280, height: 800 } });
test.setTimeout(90_000);

const SEED_001 = readFileSync(
  new URL('../fixtures/seeds/001_92c05f855c935f92.txt', import.meta.url),
  'utf8',
);

/** The operative items ("Spreekt uit") of seed 001. */
const operatives = (page: Page) =>
  page.locator('section.clause-block[data-kind="operative"]').first().locator('li.item');

const references = (page: Page) => page.locator('.document-page .reference');

/** Opens "Verwijzing invoegen" with the toolbar's button (or from "Meer ▾" when folded). */
async function openPicker(page: Page): Promise<ReturnType<Page['getByRole']>> {
  const button = page.getByRole('toolbar').getByRole('button', { name: 'Verwijzing invoegen' });
  if (await button.isVisible()) {
    await button.click();
  } else {
    await page.getByRole('button', { name: 'Meer opdrachten' }).click();
    await page.getByRole('menuitem', { name: /Verwijzing invoegen/ }).click();
  }
  const dialog = page.getByRole('dialog', { name: 'Verwijzing invoegen' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Selects the whole text of operative item `index` (from 0), as a drag over it does. */
async function selectItemText(page: Page, index: number): Promise<void> {
  await operatives(page)
    .nth(index)
    .evaluate((item) => {
      const range = document.createRange();
      range.selectNodeContents(item);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    });
  await settle(page);
}

/** axe-core on `scope` of the page: no serious or critical violation, as accessibility.spec.ts asks. */
async function expectAccessible(page: Page, scope: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(scope).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help}`);
  expect(serious, `axe-core in ${scope}`).toEqual([]);
}

/** Seed 001 in a fresh document. */
async function openSeed(page: Page): Promise<void> {
  await openEditor(page);
  await page.locator('.title-text').click();
  await pasteText(page, SEED_001);
  await expect(page.locator('li.item')).toHaveCount(12);
}

test('a reference from the picker follows a renumbering, breaks with its target and mends on undo', async ({
  page,
}) => {
  await openSeed(page);
  // In punt 5: "de gemaakte afspraken" becomes "de in punt 2 genoemde afspraken".
  await selectText(page, 'de gemaakte afspraken');
  await page.keyboard.type('de in ');
  const picker = await openPicker(page);
  // Grouped as the stuk is; the filter takes a number and shows the item and its text.
  await expect(picker.getByRole('group', { name: 'Overwegingen' })).toBeVisible();
  await expect(picker.getByRole('group', { name: 'Dictum: Spreekt uit' })).toBeVisible();
  await picker.getByRole('combobox').fill('2');
  await expect(picker.getByRole('option')).toHaveCount(2);
  await expect(picker.getByRole('option').nth(1)).toContainText('punt 2');
  await expect(picker.getByRole('option').nth(1)).toContainText('Er op basis van de concrete');
  await page.keyboard.press('ArrowDown');
  await expect(picker.getByRole('option', { selected: true })).toContainText('punt 2');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  // The cursor is back in the text, after the reference.
  await page.keyboard.type(' genoemde afspraken');
  const reference = references(page).first();
  await expect(reference).toHaveText('punt 2');
  await expect(reference).toHaveAttribute('aria-label', 'Verwijzing naar punt 2');
  await expect(reference).toHaveAttribute('title', /Er op basis van de concrete afspraken/);
  await expect(operatives(page).nth(4)).toContainText(
    'Dat, als het kabinet de in punt 2 genoemde afspraken over de vergoeding',
  );

  // A new item before the target: the reference reads punt 3, as the number beside it does.
  await selectText(page, 'waar te kunnen maken;');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Dat de VNG de leden over de uitkomst van het overleg informeert;');
  await expect(operatives(page)).toHaveCount(7);
  await expect(operatives(page).nth(2)).toHaveAttribute('data-number', '3.');
  await expect(operatives(page).nth(2)).toContainText('Er op basis van de concrete afspraken');
  await expect(reference).toHaveText('punt 3');
  await expect(reference).toHaveAttribute('aria-label', 'Verwijzing naar punt 3');

  // No reference in the title: the button is off there.
  await page.locator('.title-text').click();
  const button = page.getByRole('toolbar').getByRole('button', { name: 'Verwijzing invoegen' });
  await expect(button).toBeDisabled();
  // Ctrl+click goes to the target: the cursor at its start.
  await reference.click({ modifiers: ['ControlOrMeta'] });
  await settle(page);
  const cursorItem = () =>
    page.evaluate(() => {
      const node = window.getSelection()?.anchorNode;
      const element = node instanceof Element ? node : node?.parentElement;
      return element?.closest('li.item')?.textContent?.slice(0, 30) ?? '';
    });
  await expect.poll(cursorItem).toBe('Er op basis van de concrete af');

  // The target deleted (its text, then the empty item joined away): the reference is broken.
  await selectItemText(page, 2);
  await page.keyboard.press('Backspace');
  await expect(operatives(page).nth(2)).toHaveText('');
  await page.keyboard.press('Backspace');
  await expect(operatives(page)).toHaveCount(6);
  await expect(reference).toHaveText('[verwijzing vervallen]');
  await expect(reference).toHaveAttribute('data-state', 'missing');
  await expect(reference).toHaveAttribute('aria-label', 'Vervallen verwijzing');
  await reference.scrollIntoViewIfNeeded();
  await screenshot(page, 'references-broken');

  // Undo brings the item back, with its id: the reference reads punt 3 again.
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(operatives(page)).toHaveCount(7);
  await expect(reference).toHaveText('punt 3');
  await expect(reference).toHaveAttribute('data-state', 'ok');
});

test('typing "punt 1" offers a reference: Enter takes it, Escape leaves the words', async ({
  page,
}) => {
  await openSeed(page);
  const note = page.locator('.reference-suggestion');
  // In punt 4: "deze gezamenlijke inhoudelijke agenda" becomes "de agenda uit punt 3".
  await selectText(page, 'deze gezamenlijke inhoudelijke agenda');
  await page.keyboard.type('de agenda uit punt 3');
  await expect(note).toBeVisible();
  await expect(note).toContainText('Verwijzing naar punt 3 invoegen');
  await expect(note).toContainText('Dat gemeenten bereid zijn overleg te voeren');
  await expect(note).not.toHaveClass(/is-idle/);
  await screenshot(page, 'references-suggestion');
  await page.keyboard.press('Enter');
  await expect(note).toHaveClass(/is-idle/);
  await expect(operatives(page)).toHaveCount(6);
  await expect(references(page)).toHaveText(['punt 3']);
  await expect(operatives(page).nth(3)).toContainText('aan de agenda uit punt 3 daadwerkelijk');

  // Escape: the words stay words, and Enter splits the item as always.
  await selectText(page, 'daadwerkelijk');
  await page.keyboard.type('zoals in punt 1');
  await expect(note).toContainText('Verwijzing naar punt 1 invoegen');
  await page.keyboard.press('Escape');
  await expect(note).toHaveClass(/is-idle/);
  await page.keyboard.press('Enter');
  await expect(operatives(page)).toHaveCount(7);
  await expect(references(page)).toHaveCount(1);
  await expect(operatives(page).nth(3)).toContainText('zoals in punt 1');

  // Typing on past the number dismisses it too; a number nothing has offers nothing.
  await page.keyboard.type('zie punt 1');
  await expect(note).not.toHaveClass(/is-idle/);
  await page.keyboard.type(' en');
  await expect(note).toHaveClass(/is-idle/);
  await page.keyboard.type(' punt 9');
  await expect(note).toHaveClass(/is-idle/);
});

test('the picker over a document with references, for the README', async ({ page }) => {
  await openSeed(page);
  await selectText(page, 'de gemaakte afspraken');
  await page.keyboard.type('de in punt 2');
  await page.keyboard.press('Enter');
  await page.keyboard.type(' genoemde afspraken');
  await selectText(page, 'deze gezamenlijke inhoudelijke agenda');
  await page.keyboard.type('de agenda uit punt 3');
  await page.keyboard.press('Enter');
  await expect(references(page)).toHaveText(['punt 3', 'punt 2']);
  await selectText(page, 'worden gehouden in het voorjaar van 2025');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type(', onverminderd ');
  await references(page).first().scrollIntoViewIfNeeded();
  // Ctrl+Shift+K opens the picker too.
  await page.keyboard.press('ControlOrMeta+Shift+K');
  const picker = page.getByRole('dialog', { name: 'Verwijzing invoegen' });
  await expect(picker).toBeVisible();
  await picker.getByRole('combobox').fill('jeugdwet');
  await expect(picker.getByRole('option')).toHaveCount(3);
  // The option's text reads a reference in it as its label, not as a bare "[verwijzing]".
  await expect(picker.getByRole('option', { name: /punt 5/ })).toContainText(
    'de in punt 2 genoemde afspraken',
  );
  await screenshot(page, 'references-picker');
  await expectAccessible(page, 'dialog[open]');
  await picker.getByRole('option', { name: /overweging 3/ }).click();
  await expect(picker).toBeHidden();
  await expect(references(page)).toHaveText(['punt 3', 'punt 2', 'overweging 3']);
  // The references in the text, a broken one among them, and the offer while typing.
  await selectItemText(page, 1);
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(references(page)).toHaveText(['punt 2', '[verwijzing vervallen]', 'overweging 3']);
  await page.keyboard.type(' ');
  await page.keyboard.type('zie punt 1');
  await expect(page.locator('.reference-suggestion')).not.toHaveClass(/is-idle/);
  await expectAccessible(page, '.page-area');
  await expectAccessible(page, '.reference-suggestion');
});

test('in a session a colleague’s renumbering shows in the reference at once', async ({
  page,
  browser,
}) => {
  await openSeed(page);
  await setName(page, 'Auteur van Wijchen');
  await selectText(page, 'de gemaakte afspraken');
  await page.keyboard.type('de in punt 2');
  await page.keyboard.press('Enter');
  await expect(references(page)).toHaveText(['punt 2']);
  const invitation = await startSession(page, 'Redacteur');
  const colleague = await join(browser, invitation, 'Bewerker Joure');
  await expect(references(colleague)).toHaveText(['punt 2']);

  // The colleague adds an item before punt 2; the author's reference follows.
  await selectText(colleague, 'waar te kunnen maken;');
  await colleague.keyboard.press('ArrowRight');
  await colleague.keyboard.press('Enter');
  await colleague.keyboard.type('Dat de VNG de leden informeert;');
  await expect(operatives(page)).toHaveCount(7);
  await expect(references(page)).toHaveText(['punt 3']);
  await expect(references(colleague)).toHaveText(['punt 3']);

  // The colleague refers to the same item from elsewhere: one id, both resolve.
  await selectText(colleague, 'een Extra ALV zal');
  await colleague.keyboard.press('ArrowRight');
  await colleague.keyboard.type(' (zie punt 3');
  await colleague.keyboard.press('Enter');
  for (const window of [page, colleague]) {
    await expect(references(window)).toHaveText(['punt 3', 'punt 3']);
    const targets = await references(window).evaluateAll((spans) =>
      spans.map((span) => span.getAttribute('data-target')),
    );
    expect(new Set(targets).size).toBe(1);
  }
  await references(page).first().scrollIntoViewIfNeeded();
  await screenshot(page, 'references-session');
  await colleague.context().close();
});

/** The ids of the operative items, in order (null where none), from the document itself. */
async function itemIds(page: Page): Promise<(string | null)[]> {
  return page.evaluate(() => {
    type Json = { type: string; attrs?: { id?: string | null }; content?: Json[] };
    const doc = window.resolutieDocument!() as Json;
    const operatives = doc.content!.find((part) => part.type === 'operatives')!;
    return operatives.content![0]!.content!.map((item) => item.attrs?.id ?? null);
  });
}

/** Selects in the dictum from `from` (item index, at its end or start) to the end of `to`. */
async function selectItems(page: Page, from: number, fromEnd: boolean, to: number): Promise<void> {
  await page.evaluate(
    ([first, atEnd, last]) => {
      const items = document.querySelectorAll(
        'section.clause-block[data-kind="operative"] li.item',
      );
      const range = document.createRange();
      const start = items[first as number]!;
      range.setStart(start, atEnd ? start.childNodes.length : 0);
      range.setEnd(items[last as number]!, items[last as number]!.childNodes.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    },
    [from, fromEnd, to],
  );
  await settle(page);
}

test('a copied item gets an id of its own; references copied along follow the copy', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openSeed(page);
  // Punt 3 refers to punt 2.
  await selectText(page, 'de thema’s');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type(' (zie punt 2');
  await page.keyboard.press('Enter');
  await page.keyboard.type(')');
  await expect(references(page)).toHaveText(['punt 2']);
  const original = (await itemIds(page))[1];
  expect(original).toMatch(/^y/);

  // Punt 2 and 3 whole (from the end of punt 1): the plain text reads the label.
  await selectItems(page, 0, true, 2);
  await page.keyboard.press('ControlOrMeta+c');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('(zie punt 2)');

  // Pasted at the end of punt 6: the copies are punt 7 and 8, with ids of their own; the copy
  // of punt 3 refers to punt 7, the copy of its target; the original still to punt 2.
  await selectText(page, 'voorjaar van 2025.');
  await page.keyboard.press('ArrowRight');
  await settle(page);
  await page.keyboard.press('ControlOrMeta+v');
  await expect(operatives(page)).toHaveCount(8);
  await expect(references(page)).toHaveText(['punt 2', 'punt 7']);
  const ids = await itemIds(page);
  expect(ids[1]).toBe(original);
  expect(ids[6]).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  expect(ids[6]).not.toBe(original);

  // A copy that begins inside punt 2 joins the item it is pasted into, which keeps its own
  // (no) id: the reference copied along keeps pointing to punt 2, never to nothing.
  await selectItems(page, 1, false, 2);
  await page.keyboard.press('ControlOrMeta+c');
  await selectText(page, 'voorjaar van 2025.');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await settle(page);
  await page.keyboard.press('ControlOrMeta+v');
  await expect(operatives(page)).toHaveCount(10);
  await expect(references(page)).toHaveText(['punt 2', 'punt 2', 'punt 9']);
  await expect(references(page).filter({ hasText: 'vervallen' })).toHaveCount(0);
  const all = (await itemIds(page)).filter((id) => id !== null);
  expect(new Set(all).size).toBe(all.length);
});
