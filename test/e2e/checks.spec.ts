/**
 * The Controle panel as a secretariat uses it: the drafting checks' findings with their place
 * and why, a jump to the place, a fix that changes the text, "Negeren" kept in the saved file
 * and shown again after reopening, the question before a definitief stuk with findings is
 * exported, and what a voorsteller and a lezer may do in a session. Screenshots at a laptop's
 * size; `checks-panel.png` is the README's.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openEditor, pasteText, runFileCommand, screenshot, selectText } from './editorPage.ts';
import { invite, join, startSession } from './support/session.ts';
import { generateDoc } from '../../bench/documents.ts';
import { createYDoc } from '../../shared/ydoc/yDocument.ts';
import { writeDocumentFile } from '../../shared/ydoc/documentFile.ts';

test.setTimeout(120_000);
test.use({ viewport: { width: 1280, height: 800 } });

const documentsDir = process.env.RESOLUTIE_E2E_DOCUMENTS_DIR!;
const unique = (stem: string) => `${stem}-${Date.now().toString(36)}`;

const SEED_001 = readFileSync(
  new URL('../fixtures/seeds/001_92c05f855c935f92.txt', import.meta.url),
  'utf8',
);

const panel = (page: Page) => page.getByRole('region', { name: 'Controle' });
const findings = (page: Page) =>
  panel(page).getByRole('list', { name: 'Bevindingen', exact: true });
const ignoredList = (page: Page) =>
  panel(page).getByRole('list', { name: 'Genegeerde bevindingen' });

/** A new resolution with a title and one recital and one item, typed as a user does. */
async function typeResolution(page: Page, recital: string, item: string): Promise<void> {
  await openEditor(page);
  await page.locator('.title-text').click();
  await page.keyboard.type('Samen sterker in de regio');
  await page.locator('li.item').first().click();
  await page.keyboard.type(recital);
  await page.locator('li.item').nth(1).click();
  await page.keyboard.type(item);
}

/**
 * Runs a command of the "Bestand" menu by its exact name: "Exporteren als Word" begins the name
 * of "Exporteren als Word met wijzigingen".
 */
async function runMenuCommand(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Bestand' })
    .getByRole('button', { name: 'Bestand', exact: true })
    .click();
  await page
    .getByRole('menu', { name: 'Bestand' })
    .getByRole('menuitem', { name, exact: true })
    .click();
}

/** Scrolls the right column so that the Controle panel's heading is at its top. */
async function showPanel(page: Page): Promise<void> {
  await panel(page).evaluate((element) => element.scrollIntoView({ block: 'start' }));
}

/** Whether the editor has the focus, with the selection inside the `n`-th item. */
function selectionInItem(page: Page, n: number): Promise<boolean> {
  return page.evaluate((index) => {
    const editor = document.querySelector('.ProseMirror');
    const item = document.querySelectorAll('li.item')[index];
    const anchor = window.getSelection()?.anchorNode ?? null;
    return (
      !!editor &&
      editor.contains(document.activeElement) &&
      !!item &&
      !!anchor &&
      item.contains(anchor)
    );
  }, n);
}

test('findings with their place; a jump, a fix, and Negeren kept in the saved file', async ({
  page,
}) => {
  const name = unique('controle');
  await typeResolution(page, 'Gemeenten willen samenwerken', 'Het bestuur vraagt overleg aan;');
  await showPanel(page);

  // The recital lacks its ";", and the last item closes the resolution with ";" instead of ".".
  const recital = findings(page).getByRole('button', {
    name: /^Ga naar Overwegende dat, overweging 1: Een overweging eindigt met een puntkomma/,
  });
  const lastItem = findings(page).getByRole('button', {
    name: /^Ga naar Spreekt uit, punt 1: Het laatste punt van het besluit eindigt met een punt/,
  });
  await expect(recital).toBeVisible();
  await expect(lastItem).toBeVisible();
  const count = await findings(page).getByRole('listitem').count();
  await expect(panel(page).getByRole('heading', { name: `Controle ${count}` })).toBeVisible();
  await screenshot(page, 'checks-findings');

  // "Ga naar": the place is selected in the editor, which has the focus.
  await page.locator('.title-text').click();
  await lastItem.click();
  await expect.poll(() => selectionInItem(page, 1)).toBe(true);
  await recital.click();
  await expect.poll(() => selectionInItem(page, 0)).toBe(true);

  // The fix: the text gets its ";", and the finding goes.
  await findings(page)
    .getByRole('button', { name: 'Puntkomma zetten (Overwegende dat, overweging 1)' })
    .click();
  await expect(page.locator('li.item').first()).toHaveText('Gemeenten willen samenwerken;');
  await expect(recital).toBeHidden();
  await expect(panel(page).getByRole('heading', { name: `Controle ${count - 1}` })).toBeVisible();

  // Negeren: the finding moves to "Genegeerd (1)", folded.
  await findings(page)
    .getByRole('button', { name: /^Negeren: Spreekt uit, punt 1, Het laatste punt/ })
    .click();
  await expect(lastItem).toBeHidden();
  const ignoredToggle = panel(page).getByRole('button', { name: 'Genegeerd (1)' });
  await expect(ignoredToggle).toHaveAttribute('aria-expanded', 'false');
  await ignoredToggle.click();
  await expect(ignoredList(page)).toContainText('Spreekt uit, punt 1');
  // The text itself is left as it was: ignoring is no fix.
  await expect(page.locator('li.item').nth(1)).toHaveText('Het bestuur vraagt overleg aan;');

  // Saved, closed and opened again: still ignored, kept at the item in the file.
  await page.keyboard.press('Control+s');
  const saveAs = page.getByRole('dialog', { name: 'Opslaan als' });
  await saveAs.getByRole('textbox', { name: 'Naam van het document' }).fill(name);
  await saveAs.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(saveAs).toBeHidden();
  const saved = JSON.parse(readFileSync(path.join(documentsDir, `${name}.resolutie`), 'utf8'));
  expect(JSON.stringify(saved.document)).toContain('"ignoredChecks":"punt-einde"');

  await runFileCommand(page, 'Sluiten');
  await expect(page.locator('.title-text')).toHaveText('');
  await page.keyboard.press('Control+o');
  const open = page.getByRole('dialog', { name: 'Document openen' });
  await open
    .getByRole('region', { name: 'Recente documenten' })
    .getByRole('button', { name: new RegExp(name) })
    .first()
    .click();
  await expect(open).toBeHidden();
  await expect(page.locator('li.item').nth(1)).toHaveText('Het bestuur vraagt overleg aan;');
  await expect(panel(page).getByRole('button', { name: 'Genegeerd (1)' })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await expect(lastItem).toBeHidden();

  // "Niet meer negeren" brings it back among the findings.
  await panel(page).getByRole('button', { name: 'Genegeerd (1)' }).click();
  await ignoredList(page)
    .getByRole('button', { name: /^Niet meer negeren: Spreekt uit, punt 1/ })
    .click();
  await expect(lastItem).toBeVisible();
  await expect(panel(page).getByRole('button', { name: /^Genegeerd/ })).toHaveCount(0);
});

test('the keyboard alone: arrow keys through the findings, Enter jumps, a fix keeps the focus', async ({
  page,
}) => {
  await typeResolution(page, 'Gemeenten willen samenwerken', 'Het bestuur vraagt overleg aan;');
  const summaries = findings(page).getByRole('button', { name: /^Ga naar/ });
  await expect(summaries).toHaveCount(3);
  await summaries.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(summaries.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(summaries.nth(2)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(summaries.first()).toBeFocused();

  // From a finding's own button, the arrows still move between findings.
  const fix = findings(page).getByRole('button', {
    name: 'Puntkomma zetten (Overwegende dat, overweging 1)',
  });
  await fix.focus();
  await page.keyboard.press('ArrowUp');
  await expect(summaries.first()).toBeFocused();

  // Enter on a finding: its place in the text, the focus in the editor.
  await summaries.nth(1).press('Enter');
  await expect.poll(() => selectionInItem(page, 0)).toBe(true);

  // A fix from the keyboard: the focus stays in the list, on the finding now in its place.
  await fix.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('li.item').first()).toHaveText('Gemeenten willen samenwerken;');
  await expect(summaries).toHaveCount(2);
  await expect(summaries.nth(1)).toBeFocused();
  await expect(summaries.nth(1)).toHaveAccessibleName(/^Ga naar Spreekt uit, punt 1/);
});

test('a definitief stuk with findings asks before it is exported', async ({ page }) => {
  await typeResolution(page, 'Gemeenten willen samenwerken', 'Het bestuur vraagt overleg aan.');
  await expect(findings(page)).toContainText('Overwegende dat, overweging 1');
  const question = page.getByRole('dialog', { name: 'Definitief stuk met bevindingen' });

  // A concept exports without a question.
  let download = page.waitForEvent('download', { timeout: 60_000 });
  await runMenuCommand(page, 'Exporteren als PDF');
  await download;
  await expect(question).toBeHidden();

  // Definitief: the question, with the number of findings.
  await page
    .getByRole('complementary', { name: 'Gegevens van het stuk' })
    .getByLabel('Status')
    .selectOption('definitief');
  await expect(page.locator('li.item').first()).toHaveText('Gemeenten willen samenwerken');
  const count = await findings(page).getByRole('listitem').count();
  await runMenuCommand(page, 'Exporteren als Word');
  await expect(question).toContainText(
    `Dit stuk is definitief, maar de controle heeft ${count} ${count === 1 ? 'bevinding' : 'bevindingen'}. Toch exporteren?`,
  );
  await expect(question.getByRole('button', { name: 'Toon controle' })).toBeFocused();
  await screenshot(page, 'checks-export-question');

  // "Toon controle": no export, the panel's heading has the focus.
  await question.getByRole('button', { name: 'Toon controle' }).click();
  await expect(question).toBeHidden();
  await expect(panel(page).getByRole('heading', { name: /^Controle/ })).toBeFocused();

  // Every export asks; Escape exports nothing, "Toch exporteren" goes ahead.
  await runMenuCommand(page, 'Exporteren als Word met wijzigingen');
  await expect(question).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(question).toBeHidden();
  download = page.waitForEvent('download', { timeout: 60_000 });
  await runMenuCommand(page, 'Exporteren als PDF');
  await question.getByRole('button', { name: 'Toch exporteren' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);

  // Without findings, a definitief stuk exports at once.
  await findings(page)
    .getByRole('button', { name: 'Puntkomma zetten (Overwegende dat, overweging 1)' })
    .click();
  const rest = findings(page).getByRole('listitem');
  for (let left = await rest.count(); left > 0; left -= 1) {
    await rest
      .first()
      .getByRole('button', { name: /^Negeren/ })
      .click();
    await expect(rest).toHaveCount(left - 1);
  }
  await expect(panel(page)).toContainText('Geen bevindingen.');
  download = page.waitForEvent('download', { timeout: 60_000 });
  await runMenuCommand(page, 'Exporteren als PDF');
  await download;
  await expect(question).toBeHidden();
});

test('the panel on seed 001 with findings of several kinds, for the README', async ({ page }) => {
  await openEditor(page);
  await page.locator('.title-text').click();
  await pasteText(page, SEED_001);
  await expect(page.locator('li.item')).toHaveCount(12);
  await showPanel(page);
  await expect(panel(page)).toContainText('Geen bevindingen.');
  await screenshot(page, 'checks-panel-empty');

  // A recital without its ";", a weekday that does not match its date, a bracket left open.
  await selectText(page, 'voor Nederland;');
  await page.keyboard.type('voor Nederland');
  await selectText(page, 'van 21 november jl.');
  await page.keyboard.type('van donderdag 22 november 2024');
  await selectText(page, 'deskundigencommissie;');
  await page.keyboard.type('deskundigencommissie (zie bijlage;');
  await expect(findings(page).getByRole('listitem')).toHaveCount(3);
  await expect(findings(page)).toContainText('Overwegende dat, overweging 2');

  // One is ignored, as the secretariat would for a deliberate exception.
  await findings(page)
    .getByRole('button', { name: /^Negeren: Overwegende dat, overweging 3, Het haakje/ })
    .click();
  await expect(panel(page).getByRole('button', { name: 'Genegeerd (1)' })).toBeVisible();

  // Accessible: a labelled region whose buttons all have names, with no serious violation.
  const results = await new AxeBuilder({ page }).include('.checks').analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);

  // The first finding selected in the text, the panel beside it.
  await findings(page).getByRole('button').first().click();
  await showPanel(page);
  await page.mouse.move(600, 780);
  await screenshot(page, 'checks-panel');
});

test('a voorsteller fixes by proposing and cannot ignore; a lezer only reads', async ({
  page,
  browser,
}) => {
  await typeResolution(page, 'Gemeenten willen samenwerken', 'Het bestuur vraagt overleg aan.');
  await expect(findings(page)).toContainText('Overwegende dat, overweging 1');
  const proposerInvitation = await startSession(page, 'Voorsteller', 'Auteur van Wijchen', {
    name: 'Voorsteller B',
  });

  const proposer = await join(browser, proposerInvitation, null);
  await expect(proposer.locator('li.item').first()).toHaveText('Gemeenten willen samenwerken');
  await expect(panel(proposer)).toContainText(
    'Een verbetering wordt een voorstel; negeren kan niet.',
  );
  await expect(findings(proposer).getByRole('button', { name: /^Negeren/ })).toHaveCount(0);
  await findings(proposer)
    .getByRole('button', { name: 'Puntkomma zetten (Overwegende dat, overweging 1)' })
    .click();
  // The fix is the voorsteller's proposal, which the host sees as one.
  await expect(proposer.locator('li.item').first().locator('ins.change')).toHaveText(';');
  await expect(page.locator('li.item').first().locator('ins.change')).toHaveText(';');
  await expect(page.getByRole('region', { name: 'Wijzigingen' })).toContainText('Voorsteller B');

  const readerInvitation = await invite(page, 'Lezer', { name: 'Lezer C' });
  const reader = await join(browser, readerInvitation, null);
  await expect(reader.locator('li.item').first()).toContainText('Gemeenten willen samenwerken');
  await expect(panel(reader)).toContainText('verbeteren en negeren kan niet met deze uitnodiging');
  await expect(panel(reader).getByRole('button', { name: /^Negeren|zetten/ })).toHaveCount(0);
  await expect(
    panel(reader)
      .getByRole('button', { name: /^Ga naar/ })
      .first(),
  ).toBeVisible();
  await proposer.context().close();
  await reader.context().close();
});

test('a long stuk: the first 100 findings, all of them when asked, and typing goes on', async ({
  page,
}) => {
  // The typing benchmark's stuk of 1000 items, opened from the documents folder.
  mkdirSync(documentsDir, { recursive: true });
  const file = path.join(documentsDir, `${unique('lang-stuk')}.resolutie`);
  const ydoc = createYDoc(generateDoc(1000));
  writeFileSync(file, writeDocumentFile(ydoc, { app: 'Resolutie-editor', version: 'test' }));
  ydoc.destroy();
  await page.goto(`/?document=${encodeURIComponent(file)}`);
  await expect(page.locator('li.item')).toHaveCount(1000, { timeout: 60_000 });
  const heading = panel(page).getByRole('heading', { name: /^Controle \d+$/ });
  await expect(heading).toBeVisible({ timeout: 30_000 });
  const total = Number((await heading.innerText()).replace(/\D/g, ''));
  expect(total).toBeGreaterThan(100);
  await expect(findings(page).getByRole('listitem')).toHaveCount(100);

  // Typing in the text while the list is long: the text takes every key.
  await page.locator('li.item').nth(3).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' extra');
  await expect(page.locator('li.item').nth(3)).toContainText('extra');

  await panel(page)
    .getByRole('button', { name: /^Alle \d+ bevindingen tonen$/ })
    .click();
  await expect
    .poll(() => findings(page).getByRole('listitem').count(), { timeout: 10_000 })
    .toBeGreaterThan(100);
});
